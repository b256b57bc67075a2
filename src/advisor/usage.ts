// Pricing real usage: one estimate per calendar month of a daily-usage CSV.
import { priceScenario, type PriceOptions } from "../calculator/estimate.js";
import type { Estimate } from "../calculator/types.js";
import type { Catalog } from "../catalog/schema.js";
import { messages } from "../i18n/messages.js";
import type { Scenario } from "../scenario/types.js";
import type { MonthUsage } from "../scenario/usage-csv.js";

/**
 * Each month priced with its catalog: `catalogOf` gives the list for a month's first day
 * (the run's or the pinned one, else the built-in list in effect then).
 */
export function priceMonths(
  scenario: Scenario,
  months: readonly MonthUsage[],
  catalogOf: (day: string) => Catalog,
  options: PriceOptions,
): Estimate[] {
  const t = messages[options.lang ?? "en"].usage;
  return months.map((month) => {
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
    const estimate = priceScenario(monthly, catalogOf(day), { ...options, asOf: day });
    const missing = month.daysInMonth - month.daysPresent;
    if (missing > 0)
      estimate.notes.push({
        code: "usage.missing-days",
        message: t.missingDays(month.month, missing, month.daysInMonth),
      });
    return estimate;
  });
}
