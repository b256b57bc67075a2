import { describe, expect, it } from "vitest";
import { topLevelMembers } from "../../src/document/json-tree.js";

/** Each member as the text it spans: key, then value. */
const spans = (text: string) =>
  topLevelMembers(text).map(({ key, keyStart, valueStart, valueEnd }) => [
    key,
    text.slice(keyStart, keyStart + JSON.stringify(key).length),
    text.slice(valueStart, valueEnd),
  ]);

describe("topLevelMembers", () => {
  it("finds each key of the top-level object and the span of its value, whatever the value", () => {
    const text =
      '{ "name": "app", "n": -1.5e3, "ok": true, "none": null,\n "im-bill": {"discount": "10%", "x": [1, {"y": 2}]}, "list": [[], {}], "a\\"b": 1 }';
    expect(spans(text)).toEqual([
      ["name", '"name"', '"app"'],
      ["n", '"n"', "-1.5e3"],
      ["ok", '"ok"', "true"],
      ["none", '"none"', "null"],
      ["im-bill", '"im-bill"', '{"discount": "10%", "x": [1, {"y": 2}]}'],
      ["list", '"list"', "[[], {}]"],
      ['a"b', '"a\\"b"', "1"],
    ]);
  });

  it("keeps a key given twice twice, and reads no key of a nested object", () => {
    expect(topLevelMembers('{"a": {"im-bill": 1}, "im-bill": 2, "im-bill": 3}').map((member) => member.key)).toEqual([
      "a",
      "im-bill",
      "im-bill",
    ]);
  });

  it("reads a file nested a million levels deep under another key in one pass, without recursion", () => {
    const deep = 1_000_000;
    const text = `{"deep": ${"[".repeat(deep)}${"]".repeat(deep)}, "im-bill": {"lang": "zh"}}`;
    const [first, ours] = spans(text);
    expect([first![0], first![2]!.length]).toEqual(["deep", 2 * deep]);
    expect(ours).toEqual(["im-bill", '"im-bill"', '{"lang": "zh"}']);
  });
});
