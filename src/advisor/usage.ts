// Pricing real usage: one estimate per calendar month of a daily-usage CSV.
import { Money, toAmount } from "../util/money.js";
import { priceScenario } from "../calculator/estimate.js";
import type { Bill } from "../calculator/bill.js";
import { choosePrices, type PriceSettings } from "../catalog/choose.js";
import type { Scenario } from "../scenario/types.js";
import type { DayUsage, MonthUsage } from "../scenario/usage-csv.js";
import { maxOf } from "../util/array.js";
import { measures } from "../catalog/index.js";
import { say, UserError } from "../errors.js";
import { projectMonth, type Projection } from "./projection.js";

/** How many overage steps a month's chart marks at most. */
const STEPS_SHOWN = 12;

/** Where each next DAU overage block starts, within the month's range (up to a tenth above its peak). */
function dauSteps(bill: Bill, days: readonly DayUsage[]): number[] {
  const overage = bill.prices.catalog.editions[bill.plan]?.overage?.dau;
  const top = Math.max(1, maxOf(days.map((day) => day.dau)));
  const steps: number[] = [];
  if (overage && overage.unit > 1)
    for (let at = overage.free + 1; at <= top * 1.1 && steps.length < STEPS_SHOWN; at += overage.unit) steps.push(at);
  return steps;
}

/** "2026-11-30" for November 2026. */
const lastDayOf = (month: MonthUsage): string => `${month.month}-${String(month.daysInMonth).padStart(2, "0")}`;

/** A month of real usage: its peaks, the days that set them, and its bill. */
export type UsageMonth = Pick<
  MonthUsage,
  "month" | "daysPresent" | "daysInMonth" | "peakDau" | "peakDauDate" | "peakGroups" | "peakGroupsDate"
> & {
  bill: Bill;
  /** each day's DAU and groups, as the file has them: a chart's points */
  days: readonly DayUsage[];
  /** where each next DAU overage block starts, within the month's range (up to a tenth above its peak): a chart's step lines */
  dauSteps: number[];
  /** a month still running: the bill so far is to `to`; the projection prices its peaks at the month's end */
  soFar?: { to: string; projection: Projection & { bill: Bill } };
};

/** Every month of a usage file priced, and the total over them (summed from the months' totals). */
export interface UsageBill {
  months: UsageMonth[];
  total: string;
  currency: string;
}

/**
 * Each month priced as of its first day: with the list a flag, the scenario's pin or
 * the project config chose, else the list in effect then.
 */
export function priceMonths(
  scenario: Scenario,
  months: readonly MonthUsage[],
  settings: PriceSettings,
  /** the usage file, as errors name it */
  source = "usage",
  /** the month still running ("2026-11"), priced so far and projected to its end */
  running?: string,
): UsageBill {
  const priced = months.map((month): UsageMonth => {
    const { bandwidth } = scenario.usage;
    const monthly: Scenario = {
      ...scenario,
      name: scenario.name ? `${scenario.name}, ${month.month}` : month.month,
      usage: {
        peakDau: month.peakDau,
        mau: month.mau ?? scenario.usage.mau,
        peakGroups: month.peakGroups,
        communityMessages: month.communityMessages ?? scenario.usage.communityMessages,
        liveGroups: month.liveGroups ?? scenario.usage.liveGroups,
        bandwidth: {
          ...bandwidth,
          mainlandMbpsDays: month.mainlandMbpsDays ?? bandwidth.mainlandMbpsDays,
          internationalMbpsDays: month.internationalMbpsDays ?? bandwidth.internationalMbpsDays,
        },
        moderation: scenario.usage.moderation,
      },
    };
    const day = `${month.month}-01`;
    const prices = choosePrices(
      settings,
      { pin: scenario.catalog, site: scenario.site, dataCenter: scenario.dataCenter ?? month.dataCenter },
      day,
    );
    // A usage file gives daily DAU: a list that bills monthly active users cannot price it.
    if (month.peakDau > 0 && !measures(prices.catalog, "peakDau")) {
      const list = prices.catalog.id;
      throw new UserError(
        say(
          (t) =>
            `${source}: ${month.month}: dau: ${t.validation.notMeasured(list, t.needs.peakDau, [`${t.needs.mau} (usage.mau)`])}`,
        ),
      );
    }
    // And monthly active users, a list that bills daily DAU.
    if (month.mau !== null && month.mau > 0 && !measures(prices.catalog, "mau")) {
      const list = prices.catalog.id;
      throw new UserError(
        say(
          (t) =>
            `${source}: ${month.month}: mau: ${t.validation.notMeasured(list, t.needs.mau, [`${t.needs.peakDau} (dau)`])}`,
        ),
      );
    }
    const bill = priceScenario(monthly, prices);
    const { daysPresent, daysInMonth, peakDau, peakDauDate, peakGroups, peakGroupsDate } = month;
    // Tencent bills the month's peak: the day that set it is the one to look at (where the file has days).
    if (month.daily)
      bill.notes.push({
        kind: "peak-days",
        code: "usage.peak-days",
        dau: peakDau,
        dauDate: peakDauDate,
        groups: peakGroups,
        groupsDate: peakGroupsDate,
      });
    // A month still running lacks no day after its latest: those have not come yet.
    const soFar = month.month === running && month.lastDate < lastDayOf(month);
    const missing = (soFar ? Number(month.lastDate.slice(8)) : daysInMonth) - daysPresent;
    // Monthly active users are the month's count: days missing matter to daily figures only.
    if (missing > 0 && (month.daily || month.communityMessages !== null))
      bill.notes.push({
        kind: "missing-days",
        code: "usage.missing-days",
        month: month.month,
        missing,
        days: daysInMonth,
      });
    const priced: UsageMonth = {
      month: month.month,
      daysPresent,
      daysInMonth,
      peakDau,
      peakDauDate,
      peakGroups,
      peakGroupsDate,
      bill,
      days: month.days,
      dauSteps: dauSteps(bill, month.days),
    };
    // Projected from its days' trend: a month of monthly active users has none to follow.
    if (soFar && month.daily) {
      const projection = projectMonth(month.days, { dau: peakDau, groups: peakGroups }, lastDayOf(month));
      const projected: Scenario = {
        ...monthly,
        usage: { ...monthly.usage, peakDau: projection.peakDau, peakGroups: projection.peakGroups },
      };
      priced.soFar = { to: month.lastDate, projection: { ...projection, bill: priceScenario(projected, prices) } };
    }
    return priced;
  });
  const total = priced.reduce((sum, { bill }) => sum.plus(bill.total), new Money(0));
  return { months: priced, total: toAmount(total), currency: priced[0]?.bill.prices.catalog.currency ?? "CNY" };
}
