import { describe, expect, it } from "vitest";
import { printable, printableLine } from "../../src/util/printable.js";

describe("printable", () => {
  it.each([
    ["\u001b[2J", "\\u001b[2J"],
    ["pay\u202eevil", "pay\\u202eevil"],
    ["iso\u2066late\u2069", "iso\\u2066late\\u2069"],
    ["zero\u200bwidth\u200c", "zero\\u200bwidth\\u200c"],
    ["soft\u00adhyphen", "soft\\u00adhyphen"],
    ["bom\ufeff", "bom\\ufeff"],
    ["c1\u009b", "c1\\u009b"],
    ["a\u200db", "a\\u200db"],
    ["👩\u200d", "👩\\u200d"],
  ])("escapes %j", (text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it.each(["👩‍💻", "👨‍👩‍👧‍👦", "👩🏽‍💻", "❤️‍🔥", "名字 — 专业版", "tab\tand\nnewline"])("keeps %j as it is", (text) => {
    expect(printable(text)).toBe(text);
  });

  it("escapes tabs and newlines too on one line of a cell", () => {
    expect(printableLine("a\tb\nc")).toBe("a\\u0009b\\u000ac");
  });
});
