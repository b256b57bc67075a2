import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../src/scenario/json-error.js";

describe("jsonErrorOffset", () => {
  it.each(['{"plan":"pro"}', ' [1, 2.5e3, -0, "a\\u00e9\\n", true, false, null, {}] ', '""'])("%s is valid", (text) => {
    expect(jsonErrorOffset(text)).toBe(-1);
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it.each([
    ['{"plan": }', 9],
    ['{"plan": "pro",}', 15],
    ['{"a":1', 6],
    ['{"a":1} x', 8],
    ["{'a':1}", 1],
    ['{"a":01}', 6],
    ['{"a":tru}', 8],
    ['["\\x"]', 3],
    ["", 0],
  ])("%s fails at %i", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    expect(() => JSON.parse(text)).toThrow();
  });
});
