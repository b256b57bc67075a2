import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantity } from "../../src/util/quantity.js";

describe("parseQuantity", () => {
  it.each([
    ["25000", 25000],
    ["25,000", 25000],
    ["1,234,567", 1234567],
    ["25_000", 25000],
    ["25k", 25000],
    ["25K", 25000],
    ["2.5k", 2500],
    ["1.5m", 1_500_000],
    ["1.2万", 12000],
    ["3w", 30000],
    ["1亿", 100_000_000],
    ["12.5", 12.5],
    [".5", 0.5],
    [" 7 ", 7],
    ["-5", -5],
    ["0.1k", 100],
  ])("%s → %d", (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it.each(["", "abc", "12abc", "1,2345", "k", "1.2.3", "--5", "1e3"])("%j is not a quantity", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe("plain digits", () => {
  it("are read as the decimal they write, to the last digit, up to 15 digits and past them", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/, { size: "max" }), (digits) => {
        expect(parseQuantity(digits)).toBe(new Decimal(digits).toNumber());
        expect(parseQuantity(` ${digits} `)).toBe(new Decimal(digits).toNumber());
      }),
      { numRuns: 2000 },
    );
  });
});
