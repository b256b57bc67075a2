// Months ahead: usage compounding at its growth rates, each month priced (on the
// scenario's edition, or with auto-plan on the cheapest that fits), with the dates
// each amount is charged. Numbers and codes: render/forecast.ts words them.
import { Money, toAmount } from "../util/money.js";
import { priceScenario } from "../calculator/estimate.js";
import type { Bill, Finding } from "../calculator/bill.js";
import type { EditionId } from "../vocabulary.js";
import { editionOf, measures, pricedEditions, siteOf } from "../catalog/index.js";
import { choosePrices, withCatalog, type PriceChoice, type PriceSettings, type Wanted } from "../catalog/choose.js";
import type { Catalog } from "../catalog/schema.js";
import type { Scenario } from "../scenario/types.js";
import { MAGNITUDES } from "../document/limits.js";
import { say, UserError } from "../errors.js";
import {
  addMonths,
  formatDate,
  periodEnd,
  periodStart,
  postpaidDate,
  YEARS,
  type CalendarDate,
} from "../util/calendar.js";
import { recommend } from "./compare.js";
import { mixCatalogs } from "../catalog/overlay.js";
import { own } from "../util/own.js";

export interface Growth {
  /** per month, in percent; may be negative */
  dau: string;
  /** monthly active users (the international site's MAU lists) */
  mau: string;
  groups: string;
  bandwidth: string;
}

export interface ForecastOptions {
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
  /** the month's usage, its bandwidth as the Mbps it grew to */
  usage: Omit<Scenario["usage"], "bandwidth" | "moderation"> & { mainlandMbps: number; internationalMbps: number };
  plan: EditionId;
  bill: Bill;
}

export interface Charge {
  date: string;
  month: number;
  kind: "prepaid" | "postpaid";
  /** line ids */
  lines: string[];
  amount: string;
}

/** What a forecast says of its months: where the prices change, what no edition serves, when Trial is out of reach. */
export type ForecastNote =
  /** the list changes in `month` (from `day`, with a start date); the package's price before and after, where it moved */
  | {
      kind: "catalog-change";
      code: "forecast.catalog-change";
      month: number;
      day: string;
      list: string;
      change: { plan: EditionId; from: string; to: string; fromCurrency: string; toCurrency: string } | null;
    }
  /** auto-plan: no edition fits in `month`; priced on `plan` */
  | { kind: "no-fit"; code: "forecast.no-fit"; month: number; plan: EditionId }
  /** the calendar dates postpaid charges on the 3rd: a mainland bill reaches the account on the 1st–3rd, and arrears past 7 days suspend the app */
  | { kind: "postpaid-window"; code: "forecast.postpaid-window" }
  /** auto-plan: Trial would fit `month` for `total`, but an app that left it cannot return */
  | { kind: "no-return"; code: "forecast.no-return-to-trial"; month: number; total: string }
  /** a violation of the edition in `months` (first in months[0]) */
  | { kind: "violation"; code: `forecast.${string}`; months: number[]; violation: Finding };

export interface Forecast {
  /** what a report's users column counts: what the lists bill (peak DAU on the mainland, MAU abroad) */
  users: "dau" | "mau";
  months: ForecastMonth[];
  total: string;
  average: string;
  notes: ForecastNote[];
  calendar: Charge[];
}

/** base × (1 + rate)^(month − 1), compounding from the first month. */
function grow(base: number, percent: string, month: number): Money {
  return new Money(base).times(new Money(1).plus(new Money(percent).div(100)).pow(month - 1));
}

export function forecast(scenario: Scenario, options: ForecastOptions): Forecast {
  // The last postpaid charge falls in the month after the last: its date has four digits.
  if (options.start && addMonths(options.start, options.months).year > YEARS.last) {
    const last = YEARS.last;
    throw new UserError(say((words) => words.forecast.pastYear(last)));
  }
  const months: ForecastMonth[] = [];
  const notes: ForecastNote[] = [];
  const isTrial = (catalog: Catalog, plan: EditionId) => editionOf(catalog, plan)?.trial === true;
  let leftTrial: boolean | undefined;
  const catalogs: Catalog[] = [];
  let previous: Catalog | undefined;
  for (let month = 1; month <= options.months; month++) {
    const prices = monthPrices(
      { pin: scenario.catalog, site: scenario.site, dataCenter: scenario.dataCenter },
      month,
      options,
    );
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
        mau: grow(usage.mau, options.growth.mau, month).ceil().toNumber(),
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
    let bill: Bill;
    if (options.autoPlan) {
      // An app that left trial cannot go back (Tencent does not allow the downgrade).
      const all = pricedEditions(catalog);
      const candidates = leftTrial ? all.filter((id) => !isTrial(catalog, id)) : all;
      const priced: Record<EditionId, Bill> = Object.fromEntries(
        all.map((id) => [id, priceScenario({ ...grown, plan: id }, prices)]),
      );
      const allowed = Object.fromEntries(candidates.map((id) => [id, priced[id]]));
      const best = recommend(allowed, catalog)?.plan;
      // Nothing fits: the most the list offers, with what it cannot serve.
      plan = best ?? candidates.at(-1) ?? scenario.plan;
      if (!best) notes.push({ kind: "no-fit", code: "forecast.no-fit", month, plan });
      const trial = all.find((id) => isTrial(catalog, id) && !candidates.includes(id));
      const trialBill = trial === undefined ? undefined : priced[trial];
      if (trialBill && trialBill.violations.length === 0 && new Money(trialBill.total).lessThan(priced[plan]!.total))
        notes.push({ kind: "no-return", code: "forecast.no-return-to-trial", month, total: trialBill.total });
      bill = priced[plan] ?? priceScenario({ ...grown, plan }, prices);
    } else {
      bill = priceScenario(grown, prices);
    }
    if (!isTrial(catalog, plan)) leftTrial = true;
    const calendarMonth = options.start ? addMonths(options.start, month - 1) : null;
    months.push({
      month,
      calendarMonth: calendarMonth && `${calendarMonth.year}-${String(calendarMonth.month).padStart(2, "0")}`,
      period: options.start
        ? {
            start: formatDate(periodStart(options.start, month - 1)),
            end: formatDate(periodEnd(options.start, month - 1, prices.catalog.prepaidPeriod?.ends)),
          }
        : null,
      usage: {
        peakDau: grown.usage.peakDau,
        mau: grown.usage.mau,
        peakGroups: grown.usage.peakGroups,
        communityMessages: grown.usage.communityMessages,
        liveGroups: grown.usage.liveGroups,
        mainlandMbps: grown.usage.bandwidth.mainlandMbps,
        internationalMbps: grown.usage.bandwidth.internationalMbps,
      },
      plan,
      bill,
    });
  }
  if (!options.autoPlan) for (const note of violationNotes(months)) notes.push(note);
  const total = months.reduce((acc, month) => acc.plus(month.bill.total), new Money(0));
  const calendar = options.start ? billingCalendar(months, (month) => catalogs[month - 1]!, options.start) : [];
  // Tencent's mainland page on arrears (欠费说明) dates a postpaid bill to the 1st–3rd: the calendar's 3rd is the latest.
  const postpaidMonths = new Set(calendar.filter((charge) => charge.kind === "postpaid").map((charge) => charge.month));
  if ([...postpaidMonths].some((month) => siteOf(catalogs[month - 1]!) === "cn"))
    notes.push({ kind: "postpaid-window", code: "forecast.postpaid-window" });
  return {
    users: months.some(({ bill }) => measures(bill.prices.catalog, "mau")) ? "mau" : "dau",
    months,
    total: toAmount(total),
    average: toAmount(total.div(Math.max(1, months.length))),
    notes,
    calendar,
  };
}

/**
 * What the edition cannot serve, once per violation, with the months it holds for
 * (its facts as in the first of them): "months 1–12: Trial allows at most 100 peak
 * DAU; 18,000 needed (month 1)".
 */
function violationNotes(months: readonly ForecastMonth[]): ForecastNote[] {
  const byCode = new Map<string, { months: number[]; violation: Finding }>();
  for (const { month, bill } of months) {
    for (const violation of bill.violations) {
      const seen = byCode.get(violation.code);
      if (seen) seen.months.push(month);
      else byCode.set(violation.code, { months: [month], violation });
    }
  }
  return [...byCode].map(([code, { months: list, violation }]) => ({
    kind: "violation",
    code: `forecast.${code}`,
    months: list,
    violation,
  }));
}

/**
 * The prices of a month, for the period's own dates: with a start date and no list
 * chosen (by a flag, the scenario's pin or the project config), the list in effect on
 * the period's first day for its prepaid items, and on its calendar month's first day
 * for its postpaid ones (one list, but across a change that falls inside a month).
 */
function monthPrices(wanted: Wanted, month: number, options: ForecastOptions): PriceChoice {
  const { settings, start } = options;
  if (!start) return choosePrices(settings, wanted);
  const period = formatDate(periodStart(start, month - 1));
  const prepaid = choosePrices(settings, wanted, period);
  if (prepaid.pricing.chosenBy !== "date") return prepaid;
  const { year, month: calendar } = addMonths(start, month - 1);
  const postpaid = choosePrices(settings, wanted, `${year}-${String(calendar).padStart(2, "0")}-01`);
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
): ForecastNote {
  const from = editionOf(before, plan)?.packageFee.price ?? null;
  const to = editionOf(after, plan)?.packageFee.price ?? null;
  const day = options.start ? formatDate(periodStart(options.start, month - 1)) : "";
  const change =
    from === to || from === null || to === null
      ? null
      : { plan, from, to, fromCurrency: before.currency, toCurrency: after.currency };
  return { kind: "catalog-change", code: "forecast.catalog-change", month, day, list: after.id, change };
}

/** Growth compounds fast: a month past the bounds every amount relies on is an error, not a wrong bill. */
function checkMagnitudes(grown: Scenario, month: number): void {
  const { peakDau, mau, peakGroups, bandwidth } = grown.usage;
  const over = (
    [
      ["--dau-growth", peakDau, MAGNITUDES.count],
      ["--mau-growth", mau, MAGNITUDES.count],
      ["--groups-growth", peakGroups, MAGNITUDES.count],
      ["--bandwidth-growth", bandwidth.mainlandMbps, MAGNITUDES.mbps],
      ["--bandwidth-growth", bandwidth.internationalMbps, MAGNITUDES.mbps],
    ] as const
  ).find(([, value, max]) => !(value <= max));
  if (over) {
    const [flag, , max] = over;
    throw new UserError(say((t) => t.forecast.beyond(month, flag, max)));
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
  for (const { month, plan, bill } of months) {
    const edition = editionOf(catalogOf(month), plan);
    const prepaid = bill.lines.filter((line) => {
      if (line.category === "base") return true;
      if (line.category !== "addon" || !edition) return false;
      const addon = own(edition.addons, line.id.slice("addon.".length));
      return addon !== undefined && "billing" in addon && addon.billing === "prepaid";
    });
    const postpaid = bill.lines.filter((line) => !prepaid.includes(line) && line.category !== "discount");
    const sum = (lines: typeof prepaid) => toAmount(lines.reduce((acc, line) => acc.plus(line.amount), new Money(0)));
    charges.push({
      date: formatDate(periodStart(start, month - 1)),
      month,
      kind: "prepaid",
      lines: prepaid.map((l) => l.id),
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
        amount: sum(postpaid),
      });
    }
  }
  return charges.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.month - b.month));
}
