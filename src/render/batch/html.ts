// The batch report as an HTML page: the largest scenarios (a chart and a table of them)
// and how the totals spread, with the rest summarised, so that a page of 100,000
// scenarios stays a page. Kept as it streams: the top rows (a bounded list) and each
// total as a number (for the spread), nothing else per scenario.
import type { BatchSummaryJson } from "../../report/batch.js";
import { messages } from "../../i18n/messages.js";
import { formatMoney } from "../../util/format.js";
import { Money, toAmount } from "../../util/money.js";
import { pricingGroupLines } from "../pricing.js";
import { grandTotalText } from "./totals.js";
import type { ReportOptions, ReportWriter } from "./types.js";
// The page and its charts (ECharts): this writer is itself loaded on the HTML path only.
import { cell, escapeHtml, figure, htmlPage, list, table } from "../html/page.js";
import { chartSvg, horizontalBars } from "../html/charts.js";

/** How many scenarios the page lists, the largest totals first; the rest are summed. */
export const HTML_TOP = 200;
/** How many of them the chart draws. */
const CHART_TOP = 25;
const BINS = 12;
/**
 * Fewer totals than this make no spread worth binning (4 scenarios in 12 bins is noise):
 * the chart of the largest, sorted, already shows each of them.
 */
export const SPREAD_FROM = 20;

interface Row {
  id: string;
  plan: string;
  total: string;
  value: number;
  currency: string;
  violating: boolean;
}

export function htmlWriter(options: ReportOptions): ReportWriter {
  const top: Row[] = [];
  const totals = new Map<string, number[]>();
  const errors: string[] = [];
  return {
    start: () => "",
    item: ({ result, error }) => {
      if (error) {
        if (errors.length < HTML_TOP) errors.push(`${error.source}: ${error.error}`);
        return "";
      }
      const { currency } = result;
      const value = Number(result.total);
      const list = totals.get(currency) ?? [];
      list.push(value);
      totals.set(currency, list);
      if (top.length === HTML_TOP && value <= top[top.length - 1]!.value) return "";
      // The list stays sorted (largest first) and bounded: a binary search and one insert.
      let low = 0;
      let high = top.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (top[middle]!.value >= value) low = middle + 1;
        else high = middle;
      }
      top.splice(low, 0, {
        id: result.id,
        plan: result.planName,
        total: result.total,
        value,
        currency,
        violating: result.violations.length > 0,
      });
      if (top.length > HTML_TOP) top.pop();
      return "";
    },
    end: (summary) => [render(summary, top, totals, errors, options)],
  };
}

function render(
  summary: BatchSummaryJson,
  top: readonly Row[],
  totals: ReadonlyMap<string, number[]>,
  errors: readonly string[],
  options: ReportOptions,
): string {
  const t = messages[options.lang];
  const h = t.html;
  const money = (amount: string, currency: string) => formatMoney(amount, currency);
  const drawn = top.slice(0, CHART_TOP);
  const chart = horizontalBars(
    drawn.map((row) => row.id),
    drawn.map((row) => ({ value: row.value, ...(row.violating ? { color: "#c62828" } : {}) })),
  );
  // What the listed rows leave out, per currency: the grand total less the rows shown.
  const shownSums = new Map<string, Money>();
  for (const row of top) shownSums.set(row.currency, (shownSums.get(row.currency) ?? new Money(0)).plus(row.total));
  const rest = summary.priced - top.length;
  const restText = Object.entries(summary.totals)
    .map(([currency, total]) => money(toAmount(new Money(total).minus(shownSums.get(currency) ?? 0)), currency))
    .join(" + ");
  const data = table({
    id: "scenarios",
    caption: h.top(top.length, summary.priced),
    head: [{ text: t.batch.id }, { text: t.batch.plan }, { text: t.batch.total, num: true }],
    rows: [
      ...top.map((row) => ({
        cells: [
          cell(`${row.violating ? "✗ " : ""}${row.id}`, row.violating ? { className: "bad" } : {}),
          cell(row.plan),
          cell(money(row.total, row.currency), { value: row.total }),
        ],
      })),
      ...(rest > 0 ? [{ cells: [cell(h.rest(rest, restText)), cell(""), cell("")] }] : []),
      { cells: [cell(t.batch.grandTotalLine(grandTotalText(summary))), cell(""), cell("")], className: "total" },
    ],
  });
  // The spread of the totals of the most common currency, in equal bins, where there are enough of them.
  const [currency, values] = [...totals].sort((a, b) => b[1].length - a[1].length)[0] ?? ["CNY", []];
  let spread = "";
  if (values.length >= SPREAD_FROM) {
    let low = Infinity;
    let high = -Infinity;
    for (const value of values) {
      if (value < low) low = value;
      if (value > high) high = value;
    }
    const width = high > low ? (high - low) / BINS : 1;
    const counts = new Array<number>(high > low ? BINS : 1).fill(0);
    for (const value of values) counts[Math.min(counts.length - 1, Math.floor((value - low) / width))]!++;
    const labels = counts.map((_, index) => money((low + index * width).toFixed(2), currency));
    const histogram = chartSvg(
      {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: labels },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ type: "bar", data: counts, barCategoryGap: "4%" }],
      },
      640,
      260,
    );
    const bins = table({
      id: "spread",
      caption: h.distribution,
      head: [{ text: h.range }, { text: h.count, num: true }],
      rows: counts.map((count, index) => ({
        cells: [
          cell(`${labels[index]} – ${money((low + (index + 1) * width).toFixed(2), currency)}`),
          cell(String(count), { value: String(count) }),
        ],
      })),
    });
    spread = `<h2>${escapeHtml(h.distribution)}</h2>${figure(histogram, bins)}`;
  }
  const counts = t.batch.counts(summary.scenarios, summary.priced, summary.failed, summary.violating);
  return htmlPage({
    lang: options.lang,
    title: h.batchTitle(summary.scenarios),
    meta: [counts, t.batch.grandTotalLine(grandTotalText(summary))],
    provenance: pricingGroupLines(summary.prices.groups, options.lang),
    body: `${figure(chart, data)}${spread}${errors.length > 0 ? `<h2>${escapeHtml(t.batch.errors)}</h2>${list([...errors])}` : ""}`,
  });
}
