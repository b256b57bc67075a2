// Pricing real usage: one estimate per calendar month of a daily-usage CSV.
import { Money, toAmount } from "../calculator/decimal.js";
import { priceScenario } from "../calculator/estimate.js";
import type { Estimate } from "../calculator/types.js";
import { choosePrices, type PriceSettings } from "../catalog/choose.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import type { Scenario } from "../scenario/types.js";
import type { MonthUsage } from "../scenario/usage-csv.js";

/** A month of real usage: its peaks, the days that set them, and its bill. */
export type UsageMonth = Pick<
  MonthUsage,
  "month" | "daysPresent" | "daysInMonth" | "peakDau" | "peakDauDate" | "peakGroups" | "peakGroupsDate"
> & { estimate: Estimate };

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
  lang: Lang,
): UsageBill {
  const t = messages[lang].usage;
  const priced = months.map((month): UsageMonth => {
    const { bandwidth } = scenario.usage;
    const monthly: Scenario = {
      ...scenario,
      name: scenario.name ? `${scenario.name}, ${month.month}` : month.month,
      usage: {
        peakDau: month.peakDau,
        peakGroups: month.peakGroups,
        liveGroups: month.liveGroups ?? scenario.usage.liveGroups,
        bandwidth: {
          ...bandwidth,
          mainlandMbpsDays: month.mainlandMbpsDays ?? bandwidth.mainlandMbpsDays,
          internationalMbpsDays: month.internationalMbpsDays ?? bandwidth.internationalMbpsDays,
        },
      },
    };
    const day = `${month.month}-01`;
    const estimate = priceScenario(monthly, choosePrices(settings, scenario.catalog, day), lang);
    // Tencent bills the month's peak: the day that set it is the one to look at.
    estimate.notes.push({
      code: "usage.peak-days",
      message: t.peakDays(month.peakDau, month.peakDauDate, month.peakGroups, month.peakGroupsDate),
    });
    const missing = month.daysInMonth - month.daysPresent;
    if (missing > 0)
      estimate.notes.push({
        code: "usage.missing-days",
        message: t.missingDays(month.month, missing, month.daysInMonth),
      });
    const { daysPresent, daysInMonth, peakDau, peakDauDate, peakGroups, peakGroupsDate } = month;
    return { month: month.month, daysPresent, daysInMonth, peakDau, peakDauDate, peakGroups, peakGroupsDate, estimate };
  });
  const total = priced.reduce((sum, { estimate }) => sum.plus(estimate.total), new Money(0));
  return { months: priced, total: toAmount(total), currency: priced[0]?.estimate.currency ?? "CNY" };
}
