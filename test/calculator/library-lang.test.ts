// The library speaks the language it is given: its estimate, and its errors (their
// message and each problem), in Chinese under lang "zh", naming options, never CLI flags.
import { describe, expect, it } from "vitest";
import { estimate, InputError } from "../../src/index.js";

const thrown = (run: () => unknown): InputError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
};

describe("the library's errors", () => {
  it("are in Chinese under lang zh, message and problems alike, and in English otherwise", () => {
    const zh = thrown(() => estimate({ plan: "gold" as "pro" }, { lang: "zh" }));
    expect(zh.message).toMatch(/^scenario: plan: 未知版本 "gold"/);
    expect(zh.problems).toEqual([
      { source: "scenario", path: "plan", message: expect.stringMatching(/^未知版本 "gold"：应为/) },
    ]);
    const en = thrown(() => estimate({ plan: "gold" as "pro" }));
    expect(en.message).toMatch(/^scenario: plan: unknown plan "gold": expected/);
    // Each language from the same problems.
    expect(en.problemsIn("zh")).toEqual(zh.problems);
  });

  it("name the library's options, never a flag, in either language", () => {
    for (const lang of ["en", "zh"] as const) {
      const error = thrown(() =>
        estimate({ plan: "pro" }, { lang, catalog: "tencent-im-cn-2O24", site: "moon" as "cn" }),
      );
      expect(error.problems.map((problem) => problem.path)).toEqual(["catalog", "site"]);
      expect(error.message).not.toMatch(/--\w/);
    }
  });
});
