import { describe, expect, it } from "vitest";
import { Money } from "../../src/util/money.js";
import { diffEstimates, risesAbove } from "../../src/estimate-diff/diff.js";
import { price } from "../helpers/scenario.js";

const before = price({ plan: "pro", usage: { peakDau: 25_000 }, features: { securityStrike: true } });
const after = price({ plan: "pro", usage: { peakDau: 35_000 }, features: { historyDays: 30 } });

describe("diffEstimates", () => {
  const diff = diffEstimates(before, after);

  it("marks added, removed, changed and unchanged lines", () => {
    expect(
      diff.lines.map((line) => [line.marker, line.id, line.before, line.after, line.change, line.percent]),
    ).toEqual([
      ["=", "package", "999.00", "999.00", "0.00", "0.0"],
      ["~", "overage.dau", "2000.00", "3000.00", "1000.00", "50.0"],
      ["-", "addon.securityStrike", "1000.00", null, "-1000.00", "-100.0"],
      ["+", "addon.history", null, "500.00", "500.00", null],
    ]);
  });

  it("gives the total's change and percent", () => {
    // 3,999 → 4,499
    expect(diff.total).toEqual({ before: "3999.00", after: "4499.00", change: "500.00", percent: "12.5" });
  });

  it("has no percent on a zero base", () => {
    const fromTrial = diffEstimates(price({ plan: "trial" }), price({ plan: "pro" }));
    expect(fromTrial.total).toEqual({ before: "0.00", after: "999.00", change: "999.00", percent: null });
    expect(fromTrial.lines[0]).toMatchObject({ marker: "~", percent: null });
  });
});

describe("risesAbove", () => {
  const diff = diffEstimates(before, after); // +500.00, +12.5%
  const amount = (value: string) => ({ kind: "amount" as const, value: new Money(value) });
  const percent = (value: string) => ({ kind: "percent" as const, value: new Money(value) });

  it.each([
    [amount("499.99"), true],
    [amount("500"), false],
    [amount("1000"), false],
    [percent("12"), true],
    // 500 / 3,999 = 12.503…%: shown as 12.5, still above 12.5
    [percent("12.5"), true],
    [percent("12.51"), false],
    [percent("20"), false],
  ])("%j → %s", (threshold, fails) => {
    expect(risesAbove(diff.total, threshold)).toBe(fails);
  });

  it("never fails a fall, and fails any rise from zero on a percentage", () => {
    expect(risesAbove(diffEstimates(after, before).total, amount("0"))).toBe(false);
    expect(risesAbove(diffEstimates(price({ plan: "trial" }), price({ plan: "pro" })).total, percent("1000"))).toBe(
      true,
    );
  });
});
