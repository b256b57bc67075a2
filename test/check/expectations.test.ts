import { describe, expect, it } from "vitest";
import { seedCatalog as builtinCatalog } from "../helpers/seed.js";
import { lineIds } from "../../src/catalog/line-ids.js";
import { checkExpectations, expectationsOf } from "../../src/check/expectations.js";
import { bill } from "../helpers/scenario.js";

// pro, 20,001 DAU, 300,000 groups: 999 + 2,000 + 2,000 = 4,999.00
const estimate = bill({ plan: "pro", usage: { peakDau: 20_001, peakGroups: 300_000 } });
const check = (expect: Parameters<typeof checkExpectations>[1]) =>
  checkExpectations(estimate, expect, lineIds(builtinCatalog));

describe("checkExpectations", () => {
  it.each([
    [{ total: "4999.00" }],
    [{ total: "4999" }],
    [{ maxTotal: "4999.00" }],
    [{ maxTotal: "6000" }],
    [{ lines: { "overage.dau": "2000.00", package: "999.00" } }],
    [{ lines: { "addon.history": "0.00" } }],
    [{ violations: [] }],
    [{ total: "4999.00", maxTotal: "5000.00", lines: { "overage.groups": "2000" }, violations: [] }],
  ])("passes %j", (expectation) => {
    expect(check(expectation)).toEqual({ status: "passed", failures: [] });
  });

  it.each([
    [{ total: "4998.99" }, [{ check: "total", expected: "4998.99", actual: "4999.00" }]],
    [{ maxTotal: "4998.99" }, [{ check: "maxTotal", expected: "≤ 4998.99", actual: "4999.00" }]],
    [
      { lines: { "overage.dau": "1000.00" } },
      [{ check: "line", line: "overage.dau", expected: "1000.00", actual: "2000.00" }],
    ],
    [
      { lines: { "addon.history": "500.00" } },
      [{ check: "line", line: "addon.history", expected: "500.00", actual: "0.00" }],
    ],
    [
      { lines: { "overage.dua": "2000.00" } },
      [
        {
          check: "line",
          line: "overage.dua",
          expected: "2000.00",
          actual: "0.00",
          unknownLine: { suggestion: "overage.dau" },
        },
      ],
    ],
    [
      // a misspelt id fails even where its 0.00 would match
      { lines: { "overage.dua": "0.00" } },
      [
        {
          check: "line",
          line: "overage.dua",
          expected: "0.00",
          actual: "0.00",
          unknownLine: { suggestion: "overage.dau" },
        },
      ],
    ],
    [{ violations: ["exceeds.peakDau"] }, [{ check: "violations", expected: "exceeds.peakDau", actual: "none" }]],
  ])("fails %j", (expectation, failures) => {
    expect(check(expectation)).toEqual({ status: "failed", failures });
  });

  it("compares violations as a set of codes", () => {
    const trial = bill({ plan: "trial", usage: { peakDau: 500 }, features: { securityStrike: true } });
    const codes = (violations: string[]) => checkExpectations(trial, { violations }, lineIds(builtinCatalog)).status;
    expect(codes(["unavailable.securityStrike", "exceeds.peakDau"])).toBe("passed");
    expect(codes(["exceeds.peakDau"])).toBe("failed");
  });

  it("says when there is nothing to check", () => {
    expect(check(null)).toEqual({ status: "no-expectations", failures: [] });
    expect(check({})).toEqual({ status: "no-expectations", failures: [] });
  });
});

describe("expectationsOf", () => {
  it("writes what the estimate passes into what the block states, keeping a maxTotal", () => {
    const written = expectationsOf(estimate, { maxTotal: "6000.00", total: "1.00" });
    expect(written).toEqual({ total: "4999.00", maxTotal: "6000.00" });
    expect(check(written).status).toBe("passed");
  });

  it("updates the lines the block lists, and no others (a line the estimate leaves out is 0.00)", () => {
    const written = expectationsOf(estimate, {
      lines: { "overage.dau": "1.00", "addon.history": "500.00" },
      violations: ["exceeds.peakDau"],
    });
    expect(written).toEqual({ lines: { "overage.dau": "2000.00", "addon.history": "0.00" }, violations: [] });
    expect(check(written).status).toBe("passed");
  });

  it("gives a scenario without a block its total", () => {
    expect(expectationsOf(estimate, null)).toEqual({ total: "4999.00" });
    expect(expectationsOf(estimate, {})).toEqual({ total: "4999.00" });
  });
});
