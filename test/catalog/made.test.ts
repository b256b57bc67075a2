// The built-in lists as the build made them (dist/made-lists.json, read by the CLI when a
// run first prices with a list) are the lists src/ makes: each one's overlay laid, in order.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_LISTS } from "../../src/catalog/lists.js";
import { root } from "../helpers/cli.js";

describe("the lists the build made", () => {
  const texts = readFileSync(join(root, "dist/made-lists.json"), "utf8").trimEnd().split("\n");

  it("are the built-in lists, one text each, in their order", () => {
    expect(texts).toHaveLength(BUILTIN_LISTS.length);
    for (const [index, list] of BUILTIN_LISTS.entries()) {
      const made = JSON.parse(texts[index]!) as { id: string };
      expect(made.id).toBe(list.id);
      expect(made).toStrictEqual(list.make());
    }
  });

  it("hold the 2024 list with the 2020 figures it does not restate marked as carried over", () => {
    const made = JSON.parse(texts[1]!) as { editions: { trial: { packageFee: { carriedOver?: string } } } };
    expect(made.editions.trial.packageFee.carriedOver).toBe("tencent-im-cn-2020");
  });
});
