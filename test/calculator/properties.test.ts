// Properties every estimate keeps, over scenarios fast-check makes up (up to the largest
// values the limits accept): the amounts add up to the fen, nothing is negative
// without a discount, more usage never costs less, the language changes words only,
// and the estimate is what its schema says.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EstimateReportSchema } from "../../src/report/estimate.js";
import { readReport } from "../../src/report/read.js";
import { MAGNITUDES } from "../../src/document/limits.js";
import { estimate, type Estimate } from "../../src/index.js";

const fen = (amount: string) => BigInt(amount.replace(".", ""));
const sum = (amounts: string[]) => amounts.reduce((total, amount) => total + fen(amount), 0n);

/** Counts across their whole range: mostly around the quotas and limits, sometimes huge. */
const count = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 300_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAGNITUDES.count }) },
);
const mbps = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: MAGNITUDES.mbps, noNaN: true, noDefaultInfinity: true }),
);
const scenario = fc.record(
  {
    plan: fc.constantFrom("trial", "pro", "flagship", "专业版", "ultimate"),
    usage: fc.record(
      {
        peakDau: count,
        peakGroups: count,
        liveGroups: fc.integer({ min: 0, max: 500 }),
        bandwidth: fc.record(
          { mainlandMbps: mbps, internationalMbps: mbps, days: fc.integer({ min: 1, max: 31 }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
    features: fc.record(
      {
        groupMemberLimit: fc.integer({ min: 0, max: 8_000 }),
        groupsPerUser: fc.integer({ min: 0, max: 4_000 }),
        historyDays: fc.integer({ min: 0, max: 400 }),
        securityStrike: fc.boolean(),
        unlimitedLiveGroups: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["plan"] },
);
const discount = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9999 }))
    .map(([whole, decimals]) => (whole === 100 ? "100" : `${whole}.${String(decimals).padStart(4, "0")}`)),
  { nil: undefined },
);

const subtotalOf: Record<string, keyof Estimate["subtotals"]> = {
  base: "base",
  overage: "overage",
  addon: "addons",
  discount: "discount",
};

/** A day from 2019 to 2030: the list in effect then prices it. */
const day = fc
  .date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe("every estimate", () => {
  it("adds up: total = Σ lines, each subtotal = Σ its lines, to the fen, whatever the day's list", () => {
    fc.assert(
      fc.property(scenario, discount, day, (input, discount, on) => {
        const bill = estimate(input, { discount, on });
        expect(fen(bill.total)).toBe(sum(bill.lines.map((line) => line.amount)));
        for (const [category, key] of Object.entries(subtotalOf)) {
          const lines = bill.lines.filter((line) => line.category === category).map((line) => line.amount);
          expect(fen(bill.subtotals[key])).toBe(sum(lines));
        }
        expect(fen(bill.total)).toBe(sum(Object.values(bill.subtotals)));
      }),
      { numRuns: 500 },
    );
  });

  it("is never negative without a discount, and never below zero with one", () => {
    fc.assert(
      fc.property(scenario, discount, (input, discount) => {
        const bill = estimate(input, { discount });
        expect(fen(bill.total)).toBeGreaterThanOrEqual(0n);
        if (discount === undefined) for (const line of bill.lines) expect(fen(line.amount)).toBeGreaterThanOrEqual(0n);
      }),
      { numRuns: 300 },
    );
  });

  it("never costs less with more usage, for the same plan and needs", () => {
    const grow = fc.constantFrom("peakDau", "peakGroups", "liveGroups", "mainlandMbps", "internationalMbps");
    fc.assert(
      fc.property(scenario, grow, fc.integer({ min: 1, max: 200_000 }), (input, field, more) => {
        const bigger = structuredClone(input);
        bigger.usage ??= {};
        if (field === "mainlandMbps" || field === "internationalMbps") {
          bigger.usage.bandwidth ??= {};
          bigger.usage.bandwidth[field] = Math.min(MAGNITUDES.mbps, (bigger.usage.bandwidth[field] ?? 0) + more / 100);
        } else {
          bigger.usage[field] = Math.min(MAGNITUDES.count, (bigger.usage[field] ?? 0) + more);
        }
        expect(fen(estimate(bigger).total)).toBeGreaterThanOrEqual(fen(estimate(input).total));
      }),
      { numRuns: 500 },
    );
  });

  it("has the same amounts in English and Chinese", () => {
    fc.assert(
      fc.property(scenario, discount, (input, discount) => {
        const amounts = (bill: Estimate) => [bill.total, ...bill.lines.map((line) => `${line.id} ${line.amount}`)];
        expect(amounts(estimate(input, { lang: "zh", discount }))).toEqual(
          amounts(estimate(input, { lang: "en", discount })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("is what the estimate report's schema describes", () => {
    fc.assert(
      fc.property(scenario, discount, (input, discount) => {
        const report = estimate(input, { discount });
        const result = EstimateReportSchema.safeParse(report);
        expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
        // And what `im-bill render` reads back: its arithmetic holds.
        expect(readReport(report, "estimate.json")).toEqual({ kind: "estimate", model: report });
      }),
      { numRuns: 200 },
    );
  });
});

describe("inputs past the magnitudes", () => {
  it("are refused, never priced", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .bigInt({ min: 2n ** 53n, max: 10n ** 30n })
            .map((big) => ({ plan: "pro" as const, usage: { peakDau: Number(big) } })),
          fc.double({ min: MAGNITUDES.mbps, noNaN: true, minExcluded: true }).map((mainlandMbps) => ({
            plan: "pro" as const,
            usage: { bandwidth: { mainlandMbps } },
          })),
        ),
        (input) => {
          expect(() => estimate(input)).toThrow(/is too large|must be a number from 0 to/);
        },
      ),
    );
  });

  it("a discount outside 0–100 or with more than four decimals is refused", () => {
    for (const discount of [-1, 100.5, "150", "12.34567", "ten"])
      expect(() => estimate({ plan: "pro" }, { discount })).toThrow(
        /options: discount: must be a percentage from 0 to 100/,
      );
  });
});
