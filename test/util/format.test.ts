import { describe, expect, it } from "vitest";
import { formatMoney, formatNumber, groupThousands } from "../../src/util/format.js";

describe("groupThousands", () => {
  it.each([
    ["0", "0"],
    ["999", "999"],
    ["1000", "1,000"],
    ["4999.00", "4,999.00"],
    ["1234567.891", "1,234,567.891"],
    ["-15000.5", "-15,000.5"],
  ])("%s → %s", (plain, grouped) => {
    expect(groupThousands(plain)).toBe(grouped);
  });
});

describe("formatMoney", () => {
  it("writes yuan with a sign and separators", () => {
    expect(formatMoney("4999.00", "CNY")).toBe("¥4,999.00");
    expect(formatMoney("-150.00", "CNY")).toBe("-¥150.00");
    expect(formatMoney("1.00", "XYZ")).toBe("XYZ 1.00");
  });

  it("formats counts", () => {
    expect(formatNumber(25000)).toBe("25,000");
    expect(formatNumber("387.5")).toBe("387.5");
  });
});
