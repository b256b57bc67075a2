// A forecast as a table (a row per month, the sum and the average, notes, the billing
// calendar, and optionally a chart of the monthly totals), as CSV, or as JSON.
import Table from "cli-table3";
import type { Forecast } from "../advisor/forecast.js";
import type { Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { csvRow } from "./report/csv.js";
import { plainStyles, type Styles } from "./styles.js";
import { maxOf } from "../util/array.js";

export function renderForecastTable(
  result: Forecast,
  catalog: Catalog,
  lang: Lang,
  /** plot: a line chart of the monthly totals (asciichart's plot), when wanted */
  options: {
    styles?: Styles;
    plot?: (series: number[], config: { height: number; format: (value: number) => string }) => string;
  } = {},
): string {
  const styles = options.styles ?? plainStyles;
  const t = messages[lang];
  const f = t.forecast;
  const money = (amount: string) => formatMoney(amount, catalog.currency);
  const table = new Table({
    head: [f.month, f.edition, f.dau, f.groups, t.subtotal.base, t.subtotal.overage, t.subtotal.addons, t.total].map(
      (cell) => styles.bold(cell),
    ),
    colAligns: ["left", "left", "right", "right", "right", "right", "right", "right"],
    // No colours of cli-table3's own: it picks them by TERM even in a pipe.
    style: { head: [], border: [], compact: true },
  });
  for (const month of result.months) {
    const { estimate } = month;
    table.push([
      month.calendarMonth ?? String(month.month),
      `${catalog.editions[month.plan].name[lang]}${estimate.violations.length > 0 ? " ✗" : ""}`,
      formatNumber(month.usage.peakDau),
      formatNumber(month.usage.peakGroups),
      money(estimate.subtotals.base),
      money(estimate.subtotals.overage),
      money(estimate.subtotals.addons),
      money(estimate.total),
    ]);
  }
  table.push(
    [{ colSpan: 7, content: styles.bold(f.sum) }, styles.bold(money(result.total))],
    [{ colSpan: 7, content: f.average }, money(result.average)],
  );
  const out = [table.toString()];
  if (result.notes.length > 0) out.push(t.notes, ...result.notes.map((note) => `  • ${note.message}`));
  if (result.calendar.length > 0) {
    const calendar = new Table({
      head: [f.date, f.month, f.billing, f.items, f.amount].map((cell) => styles.bold(cell)),
      colAligns: ["left", "right", "left", "left", "right"],
      style: { head: [], border: [], compact: true },
    });
    for (const charge of result.calendar) {
      calendar.push([
        charge.date,
        String(charge.month),
        f.kind[charge.kind],
        charge.lines.join(", "),
        money(charge.amount),
      ]);
    }
    out.push("", styles.bold(f.calendar), calendar.toString());
  }
  if (options.plot && result.months.length > 1) {
    const totals = result.months.map((month) => Number(month.estimate.total));
    const width = maxOf(totals.map((total) => money(total.toFixed(2)).length));
    out.push("", options.plot(totals, { height: 8, format: (value) => money(value.toFixed(2)).padStart(width) }));
  }
  return `${out.join("\n")}\n`;
}

export function renderForecastCsv(result: Forecast): string {
  const header = [
    "month",
    "calendar_month",
    "plan",
    "peak_dau",
    "peak_groups",
    "live_groups",
    "mainland_mbps",
    "international_mbps",
    "base",
    "overage",
    "addons",
    "discount",
    "total",
    "violations",
  ];
  const rows = result.months.map((month) => [
    String(month.month),
    month.calendarMonth ?? "",
    month.plan,
    String(month.usage.peakDau),
    String(month.usage.peakGroups),
    String(month.usage.liveGroups),
    String(month.usage.mainlandMbps),
    String(month.usage.internationalMbps),
    month.estimate.subtotals.base,
    month.estimate.subtotals.overage,
    month.estimate.subtotals.addons,
    month.estimate.subtotals.discount,
    month.estimate.total,
    month.estimate.violations.map((v) => v.code).join(" "),
  ]);
  return [header, ...rows].map(csvRow).join("");
}
