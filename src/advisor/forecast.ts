// Months ahead: usage compounding at its growth rates, each month priced (on the
// scenario's edition, or with auto-plan on the cheapest that fits), with the dates
// each amount is charged.
import { Money, toAmount } from "../calculator/decimal.js";
import { priceScenario } from "../calculator/estimate.js";
import type { Estimate, Finding } from "../calculator/types.js";
import type { EditionId } from "../catalog/editions.js";
import { editionOf, pricedEditions } from "../catalog/index.js";
import { choosePrices, withCatalog, type PriceChoice, type PriceSettings } from "../catalog/choose.js";
import type { Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import type { Scenario } from "../scenario/types.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { MAGNITUDES } from "../document/limits.js";
import { say, UserError } from "../errors.js";
import { addMonths, formatDate, periodEnd, periodStart, postpaidDate, YEARS, type CalendarDate } from "./calendar.js";
import { recommend } from "./compare.js";
import { mixCatalogs } from "../catalog/overlay.js";
import { own } from "../util/own.js";

export interface Growth {
  /** per month, in percent; may be negative */
  dau: string;
  groups: string;
  bandwidth: string;
}

export interface ForecastOptions {
  lang: Lang;
  /** how the run prices; with a start date and no list chosen, each month has the list of its own dates */
  settings: PriceSettings;
  months: number;
  growth: Growth;
  autoPlan: boolean;
  start?: CalendarDate;
}

export interface ForecastMonth {
  month: number;
  /** "2026-12" with a start date */
  calendarMonth: string | null;
  period: { start: string; end: string } | null;
  usage: { peakDau: number; peakGroups: number; liveGroups: number; mainlandMbps: number; internationalMbps: number };
  plan: EditionId;
  estimate: Estimate;
}

export interface Charge {
  date: string;
  month: number;
  kind: "prepaid" | "postpaid";
  /** line ids */
  lines: string[];
  /** the same lines, as the estimate labels them */
  labels: string[];
  amount: string;
}

export interface Forecast {
  version: 1;
  months: ForecastMonth[];
  total: string;
  average: string;
  notes: Finding[];
  calendar: Charge[];
}

/** base × (1 + rate)^(month − 1), compounding from the first month. */
function grow(base: number, percent: string, month: number): Money {
  return new Money(base).times(new Money(1).plus(new Money(percent).div(100)).pow(month - 1));
}

export function forecast(scenario: Scenario, options: ForecastOptions): Forecast {
  const { lang } = options;
  const t = messages[lang].forecast;
  // The last postpaid charge falls in the month after the last: its date has four digits.
  if (options.start && addMonths(options.start, options.months).year > YEARS.last) {
    const last = YEARS.last;
    throw new UserError(say((words) => words.forecast.pastYear(last)));
  }
  const months: ForecastMonth[] = [];
  const notes: Finding[] = [];
  const isTrial = (catalog: Catalog, plan: EditionId) => editionOf(catalog, plan)?.trial === true;
  let leftTrial: boolean | undefined;
  const catalogs: Catalog[] = [];
  let previous: Catalog | undefined;
  for (let month = 1; month <= options.months; month++) {
    const prices = monthPrices(scenario.catalog, month, options);
    const { catalog } = prices;
    catalogs.push(catalog);
    leftTrial ??= !isTrial(catalog, scenario.plan);
    if (previous && catalog.id !== previous.id)
      notes.push(catalogChange(previous, catalog, scenario.plan, month, options));
    previous = catalog;
    const { usage } = scenario;
    const grown: Scenario = {
      ...scenario,
      usage: {
        ...usage,
        // Whole users and groups, rounded up; bandwidth up to the hundredth of a Mbps.
        peakDau: grow(usage.peakDau, options.growth.dau, month).ceil().toNumber(),
        peakGroups: grow(usage.peakGroups, options.growth.groups, month).ceil().toNumber(),
        bandwidth: {
          ...usage.bandwidth,
          mainlandMbps: grow(usage.bandwidth.mainlandMbps, options.growth.bandwidth, month)
            .toDecimalPlaces(2, Money.ROUND_UP)
            .toNumber(),
          internationalMbps: grow(usage.bandwidth.internationalMbps, options.growth.bandwidth, month)
            .toDecimalPlaces(2, Money.ROUND_UP)
            .toNumber(),
        },
      },
    };
    checkMagnitudes(grown, month);
    let plan = scenario.plan;
    let estimate: Estimate;
    if (options.autoPlan) {
      // An app that left trial cannot go back (Tencent does not allow the downgrade).
      const all = pricedEditions(catalog);
      const candidates = leftTrial ? all.filter((id) => !isTrial(catalog, id)) : all;
      const priced = Object.fromEntries(
        all.map((id) => [id, priceScenario({ ...grown, plan: id }, prices, lang)]),
      ) as Record<EditionId, Estimate>;
      const allowed = Object.fromEntries(candidates.map((id) => [id, priced[id]]));
      const best = recommend(allowed, catalog, lang)?.plan;
      // Nothing fits: the most the list offers, with what it cannot serve.
      plan = best ?? candidates.at(-1) ?? scenario.plan;
      if (!best) notes.push({ code: "forecast.no-fit", message: t.noFit(month, catalog.editions[plan]!.name[lang]) });
      const trial = all.find((id) => isTrial(catalog, id) && !candidates.includes(id));
      const trialEstimate = trial === undefined ? undefined : priced[trial];
      if (
        trialEstimate &&
        trialEstimate.violations.length === 0 &&
        new Money(trialEstimate.total).lessThan(priced[plan]!.total)
      ) {
        notes.push({
          code: "forecast.no-return-to-trial",
          message: t.noReturn(month, formatMoney(trialEstimate.total, catalog.currency)),
        });
      }
      estimate = priced[plan] ?? priceScenario({ ...grown, plan }, prices, lang);
    } else {
      estimate = priceScenario(grown, prices, lang);
    }
    if (!isTrial(catalog, plan)) leftTrial = true;
    const calendarMonth = options.start ? addMonths(options.start, month - 1) : null;
    months.push({
      month,
      calendarMonth: calendarMonth && `${calendarMonth.year}-${String(calendarMonth.month).padStart(2, "0")}`,
      period: options.start
        ? {
            start: formatDate(periodStart(options.start, month - 1)),
            end: formatDate(periodEnd(options.start, month - 1)),
          }
        : null,
      usage: {
        peakDau: grown.usage.peakDau,
        peakGroups: grown.usage.peakGroups,
        liveGroups: grown.usage.liveGroups,
        mainlandMbps: grown.usage.bandwidth.mainlandMbps,
        internationalMbps: grown.usage.bandwidth.internationalMbps,
      },
      plan,
      estimate,
    });
  }
  if (!options.autoPlan) for (const note of violationNotes(months, lang)) notes.push(note);
  const total = months.reduce((acc, month) => acc.plus(month.estimate.total), new Money(0));
  return {
    version: 1,
    months,
    total: toAmount(total),
    average: toAmount(total.div(Math.max(1, months.length))),
    notes,
    calendar: options.start ? billingCalendar(months, (month) => catalogs[month - 1]!, options.start) : [],
  };
}

/**
 * What the edition cannot serve, once per violation, with the months it holds for:
 * "months 1–12: Trial allows at most 100 peak DAU; 18,000 needed (month 1)".
 */
function violationNotes(months: readonly ForecastMonth[], lang: Lang): Finding[] {
  const t = messages[lang].forecast;
  const byCode = new Map<string, { months: number[]; message: string }>();
  for (const { month, estimate } of months) {
    for (const violation of estimate.violations) {
      const seen = byCode.get(violation.code);
      if (seen) seen.months.push(month);
      else byCode.set(violation.code, { months: [month], message: violation.message });
    }
  }
  return [...byCode].map(([code, { months: list, message }]) => ({
    code: `forecast.${code}`,
    message: t.violationMonths(monthRanges(list), message, list[0]!),
  }));
}

/** [1, 2, 3, 5, 7, 8] → "1–3, 5, 7–8". */
export function monthRanges(months: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < months.length;) {
    let j = i;
    while (j + 1 < months.length && months[j + 1] === months[j]! + 1) j++;
    ranges.push(i === j ? String(months[i]) : `${months[i]}–${months[j]}`);
    i = j + 1;
  }
  return ranges.join(", ");
}

/**
 * The prices of a month, for the period's own dates: with a start date and no list
 * chosen (by a flag, the scenario's pin or the project config), the list in effect on
 * the period's first day for its prepaid items, and on its calendar month's first day
 * for its postpaid ones (one list, but across a change that falls inside a month).
 */
function monthPrices(pin: string | null, month: number, options: ForecastOptions): PriceChoice {
  const { settings, start } = options;
  if (!start) return choosePrices(settings, pin);
  const period = formatDate(periodStart(start, month - 1));
  const prepaid = choosePrices(settings, pin, period);
  if (prepaid.pricing.chosenBy !== "date") return prepaid;
  const { year, month: calendar } = addMonths(start, month - 1);
  const postpaid = choosePrices(settings, pin, `${year}-${String(calendar).padStart(2, "0")}-01`);
  const mixed = mixCatalogs(prepaid.catalog, postpaid.catalog);
  return mixed === prepaid.catalog ? prepaid : withCatalog(prepaid, mixed, true);
}

/** What a forecast says where the prices change: the month, the new list, the package's new price. */
function catalogChange(
  before: Catalog,
  after: Catalog,
  plan: EditionId,
  month: number,
  options: ForecastOptions,
): Finding {
  const t = messages[options.lang].forecast;
  const from = editionOf(before, plan)?.packageFee.price ?? null;
  const edition = editionOf(after, plan);
  const to = edition?.packageFee.price ?? null;
  const day = options.start ? formatDate(periodStart(options.start, month - 1)) : "";
  const change =
    from === to || from === null || to === null || !edition
      ? ""
      : `${edition.name[options.lang]} ${formatMoney(from, before.currency)} → ${formatMoney(to, after.currency)}`;
  return { code: "forecast.catalog-change", message: t.catalogChange(month, day, after.id, change) };
}

/** Growth compounds fast: a month past the bounds every amount relies on is an error, not a wrong bill. */
function checkMagnitudes(grown: Scenario, month: number): void {
  const { peakDau, peakGroups, bandwidth } = grown.usage;
  const over = (
    [
      ["--dau-growth", peakDau, MAGNITUDES.count],
      ["--groups-growth", peakGroups, MAGNITUDES.count],
      ["--bandwidth-growth", bandwidth.mainlandMbps, MAGNITUDES.mbps],
      ["--bandwidth-growth", bandwidth.internationalMbps, MAGNITUDES.mbps],
    ] as const
  ).find(([, value, max]) => !(value <= max));
  if (over) {
    const [flag, , max] = over;
    throw new UserError(say((t) => t.forecast.beyond(month, flag, formatNumber(max))));
  }
}

/**
 * Prepaid items (the package and periodic add-ons) at the start of each package period;
 * postpaid items (overage, history retention, bandwidth) on the 3rd of the month after
 * their calendar month.
 */
export function billingCalendar(
  months: readonly ForecastMonth[],
  catalogOf: (month: number) => Catalog,
  start: CalendarDate,
): Charge[] {
  const charges: Charge[] = [];
  for (const { month, plan, estimate } of months) {
    const edition = editionOf(catalogOf(month), plan);
    const prepaid = estimate.lines.filter((line) => {
      if (line.category === "base") return true;
      if (line.category !== "addon" || !edition) return false;
      const addon = own(edition.addons, line.id.slice("addon.".length));
      return addon !== undefined && "billing" in addon && addon.billing === "prepaid";
    });
    const postpaid = estimate.lines.filter((line) => !prepaid.includes(line) && line.category !== "discount");
    const sum = (lines: typeof prepaid) => toAmount(lines.reduce((acc, line) => acc.plus(line.amount), new Money(0)));
    charges.push({
      date: formatDate(periodStart(start, month - 1)),
      month,
      kind: "prepaid",
      lines: prepaid.map((l) => l.id),
      labels: prepaid.map((l) => l.label),
      amount: sum(prepaid),
    });
    if (postpaid.length > 0) {
      const calendarMonth = addMonths(start, month - 1);
      const date = postpaidDate(calendarMonth.year, calendarMonth.month);
      charges.push({
        date: formatDate(date),
        month,
        kind: "postpaid",
        lines: postpaid.map((l) => l.id),
        labels: postpaid.map((l) => l.label),
        amount: sum(postpaid),
      });
    }
  }
  return charges.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.month - b.month));
}
