import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/document/yaml.js";

const problem = async (text: string) => {
  try {
    await parseYaml(text, "f.yaml");
  } catch (error) {
    return (error as Error).message;
  }
  return "parsed";
};

describe("parseYaml", () => {
  it("reads YAML 1.2's core types, documents and anchors", async () => {
    expect(
      await parseYaml("plan: pro\nusage: {peakDau: 0x10, peakGroups: 1_000}\nname: '2026-01-01'\n", "f.yaml"),
    ).toEqual([{ plan: "pro", usage: { peakDau: 16, peakGroups: "1_000" }, name: "2026-01-01" }]);
    expect(
      await parseYaml("features: &f {historyDays: 30}\n---\n---\nother: *f\n", "f.yaml").catch((e) => e.message),
    ).toMatch(/alias \*f refers to no anchor/);
    expect(await parseYaml("a: &f {historyDays: 30}\nb: *f\n", "f.yaml")).toEqual([
      { a: { historyDays: 30 }, b: { historyDays: 30 } },
    ]);
    expect(await parseYaml("plan: pro\n---\n---\nplan: trial\n", "f.yaml")).toEqual([
      { plan: "pro" },
      null,
      { plan: "trial" },
    ]);
  });

  it.each([
    // Tags whose content would be dropped silently are refused at their field.
    [
      "plan: pro\nusage: !!omap [peakDau: 50000, peakGroups: 900000]\n",
      "f.yaml: usage: the YAML tag !!omap is not supported here",
    ],
    ["usage: !!set {a, b}\n", "f.yaml: usage: the YAML tag !!set is not supported here"],
    ["plan: pro\nname: !!timestamp 2020-01-01\n", "f.yaml: name: the YAML tag !!timestamp is not supported here"],
    ["plan: pro\nname: !!binary aGVsbG8=\n", "f.yaml: name: the YAML tag !!binary is not supported here"],
    [
      "plan: pro\nfeatures:\n  historyDays: !!merge <<\n",
      "f.yaml: features.historyDays: the YAML tag !!merge is not supported here",
    ],
    ["plan: !custom pro\n", "f.yaml: plan: the YAML tag !custom is not supported here"],
    // Aliases: unknown, cyclic, and a "billion laughs" expansion.
    [
      "plan: pro\nusage: *nothere\n",
      "f.yaml: the alias *nothere refers to no anchor (an &nothere must come before it) (line 2, column 9)",
    ],
    ["a: &a [*a]\n", "f.yaml: a[0]: contains itself, through an alias"],
    [
      [
        "a: &a [x,x,x,x,x,x,x,x,x,x]",
        ...["b", "c", "d", "e", "f", "g"].map(
          (k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdefg"[i]}`).join(",")}]`,
        ),
      ].join("\n"),
      "f.yaml: more than 2,000,000 values in one file (the limit; a YAML alias counts its values each time it is used)",
    ],
    // Duplicate keys, named, with the line.
    ["plan: pro\nusage: {}\nplan: flagship\n", 'f.yaml: the key "plan" is given twice (line 3, column 1)'],
    ['plan: pro\n"plan": flagship\n', 'f.yaml: the key "plan" is given twice (line 2, column 2)'],
    // Structure and limits.
    [
      `x: ${"[".repeat(5000)}1${"]".repeat(5000)}\n`,
      "f.yaml: nested deeper than 32 levels (the limit) (line 1, column 35)",
    ],
    [`x: [${Array(1001).fill(1).join(",")}]\n`, "f.yaml: x: a list of more than 1,000 items (the limit)"],
    ["__proto__: {polluted: true}\nplan: pro\n", 'f.yaml: __proto__: "__proto__" is not allowed as a key'],
    ["? [a, b]\n: c\n", "f.yaml: a key must be plain text, not a list or a mapping (line 1, column 1)"],
    [
      "plan:\tpro\n\tusage: 1\n",
      "f.yaml: invalid YAML: a tab in the indentation (indent with spaces) (line 2, column 1)",
    ],
  ])("%#: is refused: %s", async (text, message) => {
    expect(await problem(text)).toContain(message);
  });

  it("parses 50,000 keys in well under a second (the limit refuses them after)", async () => {
    let text = "plan: pro\n";
    for (let i = 0; i < 50_000; i++) text += `k${i}: ${i}\n`;
    const start = performance.now();
    expect(await problem(text)).toBe("f.yaml: an object of more than 1,000 keys (the limit)");
    // Not a timing assertion (benchmarks measure speed): a sanity bound against a quadratic parser.
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
