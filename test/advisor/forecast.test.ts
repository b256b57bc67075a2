import { describe, expect, it } from "vitest";
import { forecast } from "../../src/advisor/forecast.js";
import { parseDate } from "../../src/util/calendar.js";
import { seedCatalog } from "../helpers/seed.js";
import { validateScenario } from "../../src/scenario/validate.js";
import { seedSettings } from "../helpers/scenario.js";

const scenario = (document: object) => validateScenario(document, { catalog: seedCatalog, source: "test" });
const run = (document: object, options: Partial<Parameters<typeof forecast>[1]> = {}) =>
  forecast(scenario(document), {
    settings: seedSettings(),
    months: 12,
    growth: { dau: "0", mau: "0", groups: "0", bandwidth: "0" },
    autoPlan: false,
    ...options,
  });

describe("forecast", () => {
  it("compounds growth from month 1, rounding users and groups up (12 and 36 months)", () => {
    const result = run(
      { plan: "pro", usage: { peakDau: 10_000, peakGroups: 150_000 } },
      { months: 36, growth: { dau: "8", mau: "0", groups: "3", bandwidth: "0" } },
    );
    const month = (n: number) => result.months[n - 1]!.usage;
    expect(month(1)).toMatchObject({ peakDau: 10_000, peakGroups: 150_000 });
    expect(month(2)).toMatchObject({ peakDau: 10_800, peakGroups: 154_500 });
    // 10,000 × 1.08^11 = 23,316.39 → 23,317; 150,000 × 1.03^11 = 207,635.08 → 207,636
    expect(month(12)).toMatchObject({ peakDau: 23_317, peakGroups: 207_636 });
    // 10,000 × 1.08^35 = 147,853.44 → 147,854; 150,000 × 1.03^35 = 422,079.37 → 422,080
    expect(month(36)).toMatchObject({ peakDau: 147_854, peakGroups: 422_080 });
    // month 12 on pro: 999 + 2 × 1,000 DAU + 2 × 1,000 groups
    expect(result.months[11]!.bill.total).toBe("4999.00");
  });

  it("sums the period and averages it", () => {
    const result = run({ plan: "pro", usage: { peakDau: 25_000 } }, { months: 3 });
    expect(result.months.map((month) => month.bill.total)).toEqual(["2999.00", "2999.00", "2999.00"]);
    expect(result).toMatchObject({ total: "8997.00", average: "2999.00" });
  });

  it("grows bandwidth, rounded up to the hundredth of a Mbps", () => {
    const result = run(
      { plan: "pro", usage: { bandwidth: { mainlandMbps: 10 } } },
      { months: 3, growth: { dau: "0", mau: "0", groups: "0", bandwidth: "5.5" } },
    );
    expect(result.months.map((month) => month.usage.mainlandMbps)).toEqual([10, 10.55, 11.14]);
  });

  it("keeps the scenario's edition without auto-plan, noting months it cannot serve", () => {
    const result = run(
      { plan: "trial", usage: { peakDau: 60 } },
      { months: 3, growth: { dau: "50", mau: "0", groups: "0", bandwidth: "0" } },
    );
    expect(result.months.map((month) => month.plan)).toEqual(["trial", "trial", "trial"]);
    // 60 → 90 → 135 DAU: trial allows 100
    expect(result.notes).toEqual([
      {
        kind: "violation",
        code: "forecast.exceeds.peakDau",
        months: [3],
        violation: { kind: "exceeds", code: "exceeds.peakDau", need: "peakDau", limit: 100, needed: 135, reach: null },
      },
    ]);
  });

  it("switches up with auto-plan as usage grows, and never returns to trial", () => {
    // up: DAU 60 → 90 → 135 at +50% a month; down: 200 → 80 → 32 at −60%
    const up = run(
      { plan: "trial", usage: { peakDau: 60 } },
      { months: 3, autoPlan: true, growth: { dau: "50", mau: "0", groups: "0", bandwidth: "0" } },
    );
    expect(up.months.map((month) => [month.usage.peakDau, month.plan])).toEqual([
      [60, "trial"],
      [90, "trial"],
      [135, "pro"],
    ]);
    const down = run(
      { plan: "pro", usage: { peakDau: 200 } },
      { months: 3, autoPlan: true, growth: { dau: "-60", mau: "0", groups: "0", bandwidth: "0" } },
    );
    expect(down.months.map((month) => [month.usage.peakDau, month.plan])).toEqual([
      [200, "pro"],
      [80, "pro"],
      [32, "pro"],
    ]);
    expect(down.notes.map((note) => note.code)).toEqual(["forecast.no-return-to-trial", "forecast.no-return-to-trial"]);
    expect(down.notes[0]).toMatchObject({ kind: "no-return", month: 2, total: "0.00" });
  });

  it("moves to flagship with auto-plan when it becomes the cheapest that fits", () => {
    const result = run(
      { plan: "pro", usage: { liveGroups: 60 }, features: { groupMemberLimit: 3_000 } },
      { months: 1, autoPlan: true },
    );
    expect(result.months[0]).toMatchObject({ plan: "flagship", bill: { total: "3499.00" } });
  });

  it("dates each charge: prepaid at each period start, postpaid on the 3rd of the next month", () => {
    const result = run(
      { plan: "pro", usage: { peakDau: 25_000 }, features: { groupMemberLimit: 1_000, historyDays: 30 } },
      { months: 3, start: parseDate("2027-01-31") },
    );
    expect(result.months.map((month) => [month.calendarMonth, month.period])).toEqual([
      ["2027-01", { start: "2027-01-31", end: "2027-02-27" }],
      ["2027-02", { start: "2027-02-28", end: "2027-03-30" }],
      ["2027-03", { start: "2027-03-31", end: "2027-04-29" }],
    ]);
    expect(
      result.calendar.map((charge) => [charge.date, charge.month, charge.kind, charge.lines.join(" "), charge.amount]),
    ).toEqual([
      ["2027-01-31", 1, "prepaid", "package addon.groupMembers", "1499.00"],
      ["2027-02-03", 1, "postpaid", "overage.dau addon.history", "2500.00"],
      ["2027-02-28", 2, "prepaid", "package addon.groupMembers", "1499.00"],
      ["2027-03-03", 2, "postpaid", "overage.dau addon.history", "2500.00"],
      ["2027-03-31", 3, "prepaid", "package addon.groupMembers", "1499.00"],
      ["2027-04-03", 3, "postpaid", "overage.dau addon.history", "2500.00"],
    ]);
    const charged = result.calendar.reduce((sum, charge) => sum + Number(charge.amount), 0);
    expect(charged.toFixed(2)).toBe(result.total);
    // The 3rd is the latest day a postpaid bill comes: said once, with what follows arrears.
    expect(result.notes.filter((note) => note.code === "forecast.postpaid-window")).toHaveLength(1);
  });

  it("says nothing of postpaid bills where the calendar has none, or is not asked for", () => {
    const start = parseDate("2027-01-31");
    expect(run({ plan: "pro" }, { months: 2, start }).notes).toEqual([]);
    expect(run({ plan: "pro", usage: { peakDau: 25_000 } }, { months: 2 }).notes).toEqual([]);
  });
});
