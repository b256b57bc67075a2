import { describe, expect, it } from "vitest";
import { parseJson } from "../../src/document/json.js";
import { LIMITS } from "../../src/document/limits.js";

const problem = (text: string, options = {}) => {
  try {
    parseJson(text, "f.json", options);
  } catch (error) {
    return (error as Error).message;
  }
  return "parsed";
};

describe("parseJson", () => {
  it.each([
    '{"plan":"pro"}',
    ' [1, 2.5e3, -0, "a\\u00e9\\n\\"", true, false, null, {}, []] ',
    '""',
    '{"a": {"b": [1, {"c": "é 专业版"}]}}',
    '{"a": 1, "b": {"a": 2}}',
  ])("%s parses as JSON.parse does", (text) => {
    expect(parseJson(text, "f.json")).toEqual(JSON.parse(text));
  });

  it.each([
    ['{"plan": }', "f.json: invalid JSON: expected a value (line 1, column 10)"],
    ['{"plan": "pro",}', "f.json: invalid JSON: expected a key in double quotes (line 1, column 16)"],
    ['{"a":1', "f.json: invalid JSON: the text ends too early (line 1, column 7)"],
    ['{"a":1} x', "f.json: invalid JSON: more text after the end of the document (line 1, column 9)"],
    ["{'a':1}", "f.json: invalid JSON: expected a key in double quotes (line 1, column 2)"],
    ['{"a":01}', "f.json: invalid JSON: expected , or } (line 1, column 7)"],
    ['{"a":tru}', "f.json: invalid JSON: expected a value (line 1, column 6)"],
    ['["\\x"]', "f.json: invalid JSON: an invalid escape in a string (line 1, column 3)"],
    [
      '["a\tb"]',
      "f.json: invalid JSON: a control character in a string (write it as \\n, \\t or \\u001b) (line 1, column 4)",
    ],
    ['["abc', "f.json: invalid JSON: a string is not closed (line 1, column 2)"],
    ['{"a" 1}', "f.json: invalid JSON: expected : after the key (line 1, column 6)"],
    ["[1 2]", "f.json: invalid JSON: expected , or ] (line 1, column 4)"],
    ["", "f.json: invalid JSON: the text ends too early (line 1, column 1)"],
    ['{\n  "a": 1,\n  "b": -\n}', "f.json: invalid JSON: an invalid number (line 3, column 8)"],
  ])("%j: %s", (text, message) => {
    expect(problem(text)).toBe(message);
  });

  it("refuses a duplicate key, naming it and both lines (JSON.parse would keep the last)", () => {
    expect(problem('{"plan":"pro","plan":"flagship"}')).toBe("f.json: plan: is given twice on line 1");
    expect(problem('{\n "usage": {\n  "peakDau": 1,\n  "peakDau": 2\n }\n}')).toBe(
      "f.json: usage.peakDau: is given twice: on line 3 and on line 4",
    );
    // The same key in two objects is no duplicate; an escaped spelling is the same key.
    expect(parseJson('{"a":{"x":1},"b":{"x":2}}', "f.json")).toEqual({ a: { x: 1 }, b: { x: 2 } });
    expect(problem('{"plan":1,"pl\\u0061n":2}')).toBe("f.json: plan: is given twice on line 1");
  });

  it("refuses __proto__ as a key, however it is spelled", () => {
    expect(problem('{"expect":{"lines":{"__proto__":{"x":"1"}}}}')).toBe(
      'f.json: expect.lines.__proto__: "__proto__" is not allowed as a key (line 1, column 21)',
    );
    expect(problem('{"\\u005f_proto__":1}')).toMatch(/"__proto__" is not allowed as a key/);
  });

  it("stops at the nesting limit before building anything, at any depth", () => {
    const deep = (levels: number) => `{"plan":"pro","x":${"[".repeat(levels)}1${"]".repeat(levels)}}`;
    expect(parseJson(deep(LIMITS.depth - 1), "f.json")).toHaveProperty("plan", "pro");
    expect(problem(deep(LIMITS.depth))).toMatch(
      /^f\.json: x\[0\]\[0\]…\[0\]\[0\]\[0\]: nested deeper than 32 levels \(the limit\) \(line 1, column 50\)$/,
    );
    expect(problem(deep(1_000_000))).toMatch(/nested deeper than 32 levels/);
  });

  it("stops at the list and object size limits", () => {
    const list = (count: number) => JSON.stringify({ plan: "pro", features: { addons: Array(count).fill(5) } });
    expect(problem(list(LIMITS.items))).toBe("parsed");
    expect(problem(list(130_000))).toMatch(/^f\.json: features\.addons: a list of more than 1,000 items \(the limit\)/);
    const keys = Object.fromEntries(Array.from({ length: LIMITS.items + 1 }, (_, i) => [`k${i}`, i]));
    expect(problem(JSON.stringify({ x: keys }))).toMatch(
      /^f\.json: x: an object of more than 1,000 keys \(the limit\)/,
    );
    // A file's list of scenarios may be longer.
    const scenarios = JSON.stringify(Array(5_000).fill({ plan: "pro" }));
    expect(problem(scenarios)).toMatch(/a list of more than 1,000 items/);
    expect(problem(scenarios, { rootItems: LIMITS.scenariosPerFile })).toBe("parsed");
  });

  it("refuses a number too large to represent (JSON.parse would give Infinity)", () => {
    expect(problem('{"usage":{"peakDau":1e400}}')).toBe(
      "f.json: usage.peakDau: a number too large to represent (line 1, column 21)",
    );
  });
});
