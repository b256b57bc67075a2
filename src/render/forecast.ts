// A forecast as a table (a row per month, the sum and the average, notes, the billing
// calendar, and optionally a chart of the monthly totals), as CSV, or as JSON.
import type { Charge, Forecast, ForecastNote } from "../advisor/forecast.js";
import type { ForecastReport } from "../report/forecast.js";
import type { PricingRef } from "../catalog/pricing-ref.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { AMOUNT_COLUMNS, amountCells, csvRow } from "./batch/csv.js";
import { markdownText } from "./markdown.js";
import { fitsWhole, gridText, type Grid } from "./grid.js";
import { plainStyles, type Styles } from "./styles.js";
import { wrapText, hangingText } from "./text.js";
import { maxOf } from "../util/array.js";
import { listLabel, pricingGroupLines } from "./pricing.js";
import { printable, printableLine } from "../util/printable.js";
import { describe, describeFinding, planName, pricingNotes, shownSubtotals } from "./describe.js";

/** A forecast in words, as `forecast --format json` prints it: every choice of its formats made here. */
export function describeForecast(result: Forecast, lang: Lang): ForecastReport {
  const months = result.months.map(({ bill, ...month }) => ({ ...month, estimate: describe(bill, lang) }));
  const labelsOf = (charge: Charge) => {
    const { lines } = months[charge.month - 1]!.estimate;
    return charge.lines.map((id) => lines.find((line) => line.id === id)?.label ?? id);
  };
  return {
    kind: "forecast",
    version: 1,
    lang,
    users: result.users,
    months,
    total: result.total,
    average: result.average,
    notes: result.notes.map((note) => ({ code: note.code, message: forecastNoteText(note, result, lang) })),
    calendar: result.calendar.map((charge) => ({ ...charge, labels: labelsOf(charge) })),
    prices: forecastPricing(months, lang),
  };
}

/** A month's edition as every format shows it: marked ✗ where it cannot serve the month. */
export const monthEdition = (estimate: { planName: string; violations: readonly unknown[] }): string =>
  `${estimate.planName}${estimate.violations.length > 0 ? " ✗" : ""}`;

/** A note of a forecast in words; the names and currencies are those of the month it is about. */
function forecastNoteText(note: ForecastNote, result: Forecast, lang: Lang): string {
  const t = messages[lang].forecast;
  const monthOf = (month: number) => result.months[month - 1]!;
  switch (note.kind) {
    case "catalog-change": {
      const { change } = note;
      const words = change
        ? `${planName(monthOf(note.month).bill.prices.catalog, change.plan, lang)} ${formatMoney(change.from, change.fromCurrency)} → ${formatMoney(change.to, change.toCurrency)}`
        : "";
      return t.catalogChange(note.month, note.day, note.list, words);
    }
    case "no-fit":
      return t.noFit(note.month, planName(monthOf(note.month).bill.prices.catalog, note.plan, lang));
    case "postpaid-window":
      return t.postpaidWindow;
    case "no-return":
      return t.noReturn(note.month, formatMoney(note.total, monthOf(note.month).bill.prices.catalog.currency));
    case "violation": {
      const first = monthOf(note.months[0]!).bill;
      const violation = describeFinding(note.violation, first.plan, first.prices, lang);
      return t.violationMonths(monthRanges(note.months), violation.message, note.months[0]!);
    }
  }
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

export function renderForecastTable(
  described: ForecastReport,
  lang: Lang,
  /** plot: a line chart of the monthly totals (asciichart's plot), when wanted */
  options: {
    styles?: Styles;
    width?: number;
    plot?: (series: number[], config: { height: number; format: (value: number) => string }) => string;
  } = {},
): string {
  const styles = options.styles ?? plainStyles;
  const width = options.width ?? 80;
  const t = messages[lang];
  const f = t.forecast;
  const currency = described.months[0]?.estimate.currency ?? "CNY";
  const money = (amount: string) => formatMoney(amount, currency);
  const bold = (text: string) => ({ text, style: styles.bold });
  const right = { align: "right" as const };
  // A discount column only where there is a discount: the subtotals then add up to the total.
  const every = shownSubtotals(described.months.map(({ estimate }) => estimate));
  const byMau = described.users === "mau";
  const users = byMau ? f.mau : f.dau;
  const grid = (subtotals: typeof every): Grid => {
    const span = 4 + subtotals.length;
    return {
      columns: [{}, {}, { align: "right" }, { align: "right" }, ...subtotals.map(() => right), right],
      width,
      sections: [
        [[f.month, f.edition, users, f.groups, ...subtotals.map((key) => t.subtotal[key]), t.total].map(bold)],
        [
          ...described.months.map(({ month, calendarMonth, usage, estimate }) => [
            calendarMonth ?? String(month),
            monthEdition(estimate),
            formatNumber(byMau ? usage.mau : usage.peakDau),
            formatNumber(usage.peakGroups),
            ...subtotals.map((key) => money(estimate.subtotals[key])),
            money(estimate.total),
          ]),
          [{ ...bold(f.sum), span }, bold(money(described.total))],
          [{ text: f.average, span }, money(described.average)],
        ],
      ],
    };
  };
  // The subtotals are details: all of them where they fit (so that they add up to the total), else none.
  const wide = grid(every);
  const table = gridText(fitsWhole(wide) ? wide : grid([]));
  const out = [table.trimEnd()];
  const wrap = (text: string) => wrapText(printable(text), width - 4).join("\n    ");
  if (described.notes.length > 0) out.push(t.notes, ...described.notes.map((note) => `  • ${wrap(note.message)}`));
  if (described.calendar.length > 0) {
    const calendar = gridText({
      columns: [{}, { align: "right" }, {}, { flexible: true, min: 12, maxLines: 6 }, { align: "right" }],
      width,
      sections: [
        [[f.date, f.month, f.billing, f.items, f.amount].map(bold)],
        described.calendar.map((charge) => [
          charge.date,
          String(charge.month),
          f.kind[charge.kind],
          messages[lang].items(charge.labels),
          money(charge.amount),
        ]),
      ],
    });
    out.push("", styles.bold(f.calendar), calendar.trimEnd());
  }
  if (options.plot && described.months.length > 1) {
    const totals = described.months.map((month) => Number(month.estimate.total));
    const labelWidth = maxOf(totals.map((total) => money(total.toFixed(2)).length));
    out.push("", options.plot(totals, { height: 8, format: (value) => money(value.toFixed(2)).padStart(labelWidth) }));
  }
  out.push("", ...described.prices.map((line) => styles.dim(hangingText(printableLine(line), width))));
  return `${out.join("\n")}\n`;
}

/**
 * Which prices made the months: one set of lines where every month has the same, else
 * one per provenance with its months; then what is said of them, once each.
 */
function forecastPricing(months: readonly ForecastReport["months"][number][], lang: Lang): string[] {
  const f = messages[lang].pricing;
  // With a start date each month is priced as of its own days: grouped by everything but the day.
  const dated = months.some((month) => month.period !== null);
  const groups = new Map<string, { ref: PricingRef; months: number[] }>();
  const said = new Set<string>();
  for (const { month, estimate } of months) {
    const ref = estimate.pricing;
    const key = JSON.stringify(dated ? { ...ref, on: null } : ref);
    const group = groups.get(key);
    if (group) group.months.push(month);
    else groups.set(key, { ref, months: [month] });
    for (const note of pricingNotes(estimate)) said.add(note);
  }
  const list = [...groups.values()].map(({ ref, months: which }) => ({
    ref,
    count: which.length,
    which: f.forMonths(monthRanges(which)),
  }));
  return [...pricingGroupLines(list, lang, undefined, dated ? f.then : undefined), ...said];
}

/** The months as a markdown table (month, edition, usage, subtotals, total), the total and average, the notes, the prices. */

export function renderForecastMarkdown(described: ForecastReport, lang: Lang): string {
  const t = messages[lang];
  const f = t.forecast;
  const currency = described.months[0]?.estimate.currency ?? "CNY";
  const money = (amount: string) => formatMoney(amount, currency);
  const byMau = described.users === "mau";
  const row = (cells: string[], bold = false) =>
    `| ${cells.map((text) => (bold && text ? `**${markdownText(text)}**` : markdownText(text))).join(" | ")} |`;
  const out = [
    row([
      f.month,
      f.edition,
      byMau ? f.mau : f.dau,
      f.groups,
      t.subtotal.base,
      t.subtotal.overage,
      t.subtotal.addons,
      t.subtotal.discount,
      t.total,
    ]),
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...described.months.map(({ month, calendarMonth, usage, estimate }) =>
      row([
        calendarMonth ?? String(month),
        monthEdition(estimate),
        formatNumber(byMau ? usage.mau : usage.peakDau),
        formatNumber(usage.peakGroups),
        money(estimate.subtotals.base),
        money(estimate.subtotals.overage),
        money(estimate.subtotals.addons),
        money(estimate.subtotals.discount),
        money(estimate.total),
      ]),
    ),
    row([f.sum, "", "", "", "", "", "", "", money(described.total)], true),
    row([f.average, "", "", "", "", "", "", "", money(described.average)]),
    "",
    ...described.notes.map((note) => `- ${markdownText(note.message)}`),
    ...(described.notes.length > 0 ? [""] : []),
    ...described.prices.map((line) => `${markdownText(line)}  `),
  ];
  return `${out.join("\n").trimEnd()}\n`;
}

export function renderForecastCsv(described: ForecastReport): string {
  const header = [
    "month",
    "calendar_month",
    "plan",
    "peak_dau",
    "mau",
    "peak_groups",
    "community_messages",
    "live_groups",
    "mainland_mbps",
    "international_mbps",
    ...AMOUNT_COLUMNS,
    "catalog",
    "violations",
  ];
  const rows = described.months.map(({ month, calendarMonth, plan, usage, estimate }) => [
    String(month),
    calendarMonth ?? "",
    plan,
    String(usage.peakDau),
    String(usage.mau),
    String(usage.peakGroups),
    String(usage.communityMessages),
    String(usage.liveGroups),
    String(usage.mainlandMbps),
    String(usage.internationalMbps),
    ...amountCells(estimate),
    listLabel(estimate.pricing.catalog),
    estimate.violations.map((v) => v.code).join(" "),
  ]);
  return [header, ...rows].map(csvRow).join("");
}
