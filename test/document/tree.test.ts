import { describe, expect, it } from "vitest";
import { checkTree } from "../../src/document/tree.js";

const problem = (value: unknown, rootItems?: number) => {
  try {
    checkTree(value, "lib", { rootItems });
  } catch (error) {
    return (error as Error).message;
  }
  return "ok";
};

describe("checkTree", () => {
  it("accepts plain values, shared (not cyclic) references", () => {
    const shared = { historyDays: 30 };
    expect(problem({ plan: "pro", a: shared, b: shared, list: [1, "x", true, null] })).toBe("ok");
  });

  it.each([
    [
      "a cycle",
      (() => {
        const a: unknown[] = [];
        a.push(a);
        return { a };
      })(),
      "lib: a[0]: contains itself, through an alias",
    ],
    [
      "a Date",
      { plan: "pro", name: new Date(0) },
      "lib: name: holds a value of kind object, which scenario files cannot hold",
    ],
    ["a Map", { usage: new Map([["peakDau", 5]]) }, "lib: usage: holds a value of kind object"],
    ["a function", { plan: () => "pro" }, "lib: plan: holds a value of kind function"],
    [
      "a __proto__ key",
      JSON.parse('{"expect":{"lines":{"__proto__":{}}}}'),
      'lib: expect.lines.__proto__: "__proto__" is not allowed as a key',
    ],
    [
      "a long list",
      { features: { addons: Array(1001).fill("x") } },
      "lib: features.addons: a list of more than 1,000 items (the limit)",
    ],
    ["deep nesting", JSON.parse(`${"[".repeat(40)}${"]".repeat(40)}`), "nested deeper than 32 levels (the limit)"],
  ])("refuses %s", (_, value, message) => {
    expect(problem(value)).toContain(message);
  });

  it("counts the values of shared references each time (a YAML alias bomb stops at the limit)", () => {
    let level: unknown = Array(10).fill("x");
    for (let i = 0; i < 6; i++) level = Array(10).fill(level);
    expect(problem({ bomb: level })).toBe(
      "lib: more than 2,000,000 values in one file (the limit; a YAML alias counts its values each time it is used)",
    );
  });
});
