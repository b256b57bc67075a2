// Each report as an HTML page: the figures of its JSON, a chart of them drawn to SVG, and
// the same figures in a table beside it (data-value holds each amount exactly, as the
// JSON has it). Words are i18n's; the prices that made every bill are on the page.
import type { Comparison } from "../../advisor/compare.js";
import type { Forecast } from "../../advisor/forecast.js";
import type { UsageBill } from "../../advisor/usage.js";
import type { Bill } from "../../calculator/bill.js";
import type { CheckResult, CheckSummary } from "../../check/run.js";
import type { EstimateDiff } from "../../estimate-diff/diff.js";
import type { Lang } from "../../i18n/lang.js";
import { messages } from "../../i18n/messages.js";
import { formatMoney, formatNumber } from "../../util/format.js";
import type { MonthUsage } from "../../scenario/usage-csv.js";
import { describe, hasFormula, shownSubtotals } from "../describe.js";
import { describeComparison } from "../compare.js";
import { describeForecast, forecastPricing } from "../forecast.js";
import { pricingLines, pricingGroupLines } from "../pricing.js";
import { describeFailure, errorOf } from "../check.js";
import { soFarLines } from "../usage.js";
import { chartSvg, horizontalBars, PALETTE } from "./charts.js";
import { cell, escapeHtml, figure, htmlPage, list, table } from "./page.js";
import { PricingTally } from "../../catalog/choose.js";
import type { ProjectDiff, ScenarioChange } from "../../project/project-diff.js";
import { pricesLines, projectCounts, projectTitle, whyOf } from "../project-diff.js";

const CATEGORY_COLOURS: Record<string, string> = {
  base: PALETTE[0]!,
  overage: PALETTE[1]!,
  addon: PALETTE[2]!,
  discount: PALETTE[6]!,
};
const GREY = "#9aa0a6";

/** The lines of a bill: a bar per line, coloured by category, and the table of them. */
function billSection(bill: Bill, lang: Lang, id: string): string {
  const t = messages[lang];
  const estimate = describe(bill, lang);
  const money = (amount: string) => formatMoney(amount, estimate.currency);
  const lines = estimate.lines;
  const chart = horizontalBars(
    lines.map((line) => line.label),
    lines.map((line) => ({ value: Number(line.amount), color: CATEGORY_COLOURS[line.category] ?? PALETTE[3]! })),
    { right: 96, valueLabel: (index) => money(lines[index]!.amount) },
  );
  const rows = [
    ...lines.map((line) => ({
      cells: [
        cell(line.label),
        cell(
          line.category === "discount"
            ? line.explain
            : `${formatNumber(line.quantity)} × ${money(line.unitPrice)}/${line.unit}`,
          { className: "words" },
        ),
        cell(money(line.amount), { value: line.amount }),
      ],
    })),
    ...shownSubtotals([estimate]).map((key) => ({
      cells: [
        cell(t.subtotal[key]),
        cell(""),
        cell(money(estimate.subtotals[key]), { value: estimate.subtotals[key] }),
      ],
      className: "subtotal",
    })),
    { cells: [cell(t.total), cell(""), cell(money(estimate.total), { value: estimate.total })], className: "total" },
  ];
  const data = table({
    id,
    caption: t.estimateTitle(estimate.name, estimate.planName),
    head: [{ text: t.item }, { text: t.quantity }, { text: t.amount, num: true }],
    rows,
  });
  // The formulas that say more than the label (not "package fee", "requested"): under the figure.
  const explained = lines
    .filter((_, index) => hasFormula(bill.lines[index]!))
    .map((line) => `${line.label}: ${line.explain}`);
  const findings = [
    ...estimate.violations.map((finding) => `✗ ${finding.message} [${finding.code}]`),
    ...estimate.notes.map((finding) => finding.message),
  ];
  return `${figure(chart, data)}${list(explained)}${findings.length > 0 ? `<h3>${escapeHtml(t.notes.replace(/:$/, ""))}</h3>${list(findings)}` : ""}`;
}

export function estimateHtml(bill: Bill, lang: Lang): string {
  const t = messages[lang];
  const estimate = describe(bill, lang);
  return htmlPage({
    lang,
    title: t.estimateTitle(estimate.name, estimate.planName),
    meta: [t.html.made(bill.prices.day)],
    provenance: pricingLines(bill.prices.pricing, lang),
    body: billSection(bill, lang, "lines"),
  });
}

/**
 * Months shown day by day (a chart, the bill's lines): the latest ones. A usage file may
 * hold 100,000 days; every month is charted and tabled in the overview above them, so
 * the page stays a few megabytes and is written in well under a second.
 */
const DETAILED_MONTHS = 12;

export function usageHtml(usage: UsageBill, days: readonly MonthUsage[], lang: Lang): string {
  const t = messages[lang];
  const money = (amount: string) => formatMoney(amount, usage.currency);
  const daysOf = new Map(days.map((each) => [each.month, each.days]));
  const detailed = usage.months.slice(-DETAILED_MONTHS);
  const firstDetailed = usage.months.length - detailed.length;
  const sections = detailed.map((month, at) => {
    const index = firstDetailed + at;
    const daily = daysOf.get(month.month) ?? [];
    const overage = month.bill.prices.catalog.editions[month.bill.plan]?.overage?.dau;
    // The overage steps within the month's range: where each next ¥1,000 starts.
    const top = Math.max(1, ...daily.map((day) => day.dau));
    const steps: number[] = [];
    if (overage && overage.unit > 1)
      for (let at = overage.free + 1; at <= top * 1.1 && steps.length < 12; at += overage.unit) steps.push(at);
    const chart = chartSvg(
      {
        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        legend: { top: 0, data: [t.usage.peakDau, t.usage.peakGroups] },
        xAxis: { type: "category", data: daily.map((day) => day.date.slice(5)) },
        yAxis: [{ type: "value" }, { type: "value" }],
        series: [
          {
            name: t.usage.peakDau,
            type: "line",
            data: daily.map((day) => day.dau),
            markLine: {
              symbol: "none",
              lineStyle: { type: "dashed", color: GREY },
              data: steps.map((at) => ({ yAxis: at })),
            },
            markPoint: { data: [{ type: "max", name: month.peakDauDate }] },
          },
          { name: t.usage.peakGroups, type: "line", yAxisIndex: 1, data: daily.map((day) => day.groups) },
        ],
      },
      640,
      300,
    );
    const data = table({
      id: `usage-${index}`,
      caption: month.month,
      head: [
        { text: t.usage.month },
        { text: t.usage.peakDau, num: true },
        { text: t.usage.peakGroups, num: true },
        { text: t.usage.total, num: true },
      ],
      rows: [
        {
          cells: [
            cell(month.month),
            cell(t.usage.atDay(formatNumber(month.peakDau), month.peakDauDate), { value: String(month.peakDau) }),
            cell(t.usage.atDay(formatNumber(month.peakGroups), month.peakGroupsDate), {
              value: String(month.peakGroups),
            }),
            cell(money(month.bill.total), { value: month.bill.total }),
          ],
        },
      ],
    });
    return `<h2>${escapeHtml(month.month)}</h2>${figure(chart, data)}${list(soFarLines(month, lang))}${billSection(month.bill, lang, `lines-${index}`)}`;
  });
  const first = usage.months[0]!.bill;
  const overview = firstDetailed > 0 ? usageOverview(usage, lang, detailed.length) : "";
  return htmlPage({
    lang,
    title: t.html.usageTitle(usage.months.map((month) => month.month)),
    meta: [t.usage.totalOver(usage.months.length), money(usage.total)],
    provenance: pricingLines(first.prices.pricing, lang),
    body: [overview, ...sections].join("\n"),
  });
}

/** Every month of a long usage file: its total charted, and a row each (peaks and total). */
function usageOverview(usage: UsageBill, lang: Lang, detailed: number): string {
  const t = messages[lang];
  const money = (amount: string) => formatMoney(amount, usage.currency);
  const chart = chartSvg(
    {
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: usage.months.map((month) => month.month) },
      yAxis: { type: "value" },
      series: [
        {
          name: t.usage.total,
          type: "line",
          showSymbol: false,
          data: usage.months.map((month) => Number(month.bill.total)),
        },
      ],
    },
    960,
    300,
  );
  const data = table({
    id: "usage-months",
    caption: t.usage.everyMonth(usage.months.length, detailed),
    head: [
      { text: t.usage.month },
      { text: t.usage.peakDau, num: true },
      { text: t.usage.peakGroups, num: true },
      { text: t.usage.total, num: true },
    ],
    rows: usage.months.map((month) => ({
      cells: [
        cell(month.month),
        cell(formatNumber(month.peakDau), { value: String(month.peakDau) }),
        cell(formatNumber(month.peakGroups), { value: String(month.peakGroups) }),
        cell(money(month.bill.total), { value: month.bill.total }),
      ],
    })),
  });
  return figure(chart, data, true);
}

export function compareHtml(comparison: Comparison, lang: Lang): string {
  const t = messages[lang];
  const json = describeComparison(comparison, lang);
  const estimates = Object.entries(json.editions);
  const currency = estimates[0]?.[1].currency ?? "CNY";
  const money = (amount: string) => formatMoney(amount, currency);
  const chart = chartSvg(
    {
      grid: { left: 24, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: estimates.map(([, estimate]) => estimate.planName) },
      yAxis: { type: "value" },
      series: [
        {
          type: "bar",
          // An edition that cannot serve the needs is greyed: its price is not an option.
          data: estimates.map(([plan, estimate]) => ({
            value: Number(estimate.total),
            itemStyle: {
              color:
                estimate.violations.length > 0 ? GREY : plan === json.recommendation?.plan ? PALETTE[2] : PALETTE[0],
            },
          })),
          label: { show: true, position: "top", formatter: (params) => money(estimates[params.dataIndex]![1].total) },
        },
      ],
    },
    640,
    300,
  );
  const data = table({
    id: "editions",
    caption: t.compare.line,
    head: [{ text: t.interactive.edition }, { text: t.total, num: true }, { text: t.compare.fits }],
    rows: [
      ...estimates.map(([, estimate]) => ({
        cells: [
          cell(estimate.planName),
          cell(money(estimate.total), { value: estimate.total }),
          cell(
            estimate.violations.length === 0 ? t.compare.fitsYes : estimate.violations.map((v) => v.message).join("; "),
            { className: estimate.violations.length === 0 ? "good" : "bad" },
          ),
        ],
      })),
      ...json.onRequest.map((edition) => ({
        cells: [
          cell(edition.planName),
          cell(t.compare.onRequestCell),
          cell(edition.violations.map((v) => v.message).join("; ")),
        ],
      })),
    ],
  });
  const recommendation = json.recommendation
    ? t.compare.recommendationLine(json.recommendation.reason)
    : t.compare.none;
  const first = Object.values(comparison.editions)[0];
  return htmlPage({
    lang,
    title: t.html.compareTitle,
    meta: [recommendation],
    provenance: first ? pricingLines(first.prices.pricing, lang) : [],
    body: figure(chart, data),
  });
}

export function forecastHtml(result: Forecast, lang: Lang): string {
  const t = messages[lang];
  const json = describeForecast(result, lang);
  const currency = json.months[0]?.estimate.currency ?? "CNY";
  const money = (amount: string) => formatMoney(amount, currency);
  const label = (month: (typeof json.months)[number]) => month.calendarMonth ?? String(month.month);
  const keys = shownSubtotals(json.months.map((month) => month.estimate));
  // Where the price list changes: a marker on the month it starts.
  const changes = json.months.filter(
    (month, index) =>
      index > 0 && month.estimate.pricing.catalog.id !== json.months[index - 1]!.estimate.pricing.catalog.id,
  );
  const chart = chartSvg(
    {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, data: keys.map((key) => t.subtotal[key]) },
      xAxis: { type: "category", data: json.months.map(label) },
      yAxis: { type: "value" },
      series: keys.map((key, index) => ({
        name: t.subtotal[key],
        type: "bar" as const,
        stack: "bill",
        data: json.months.map((month) => Number(month.estimate.subtotals[key])),
        ...(index === 0 && changes.length > 0
          ? {
              markLine: {
                symbol: "none",
                lineStyle: { type: "dashed" as const, color: PALETTE[4] },
                label: { formatter: (params: { name?: string }) => params.name ?? "" },
                data: changes.map((month) => ({ xAxis: label(month), name: month.estimate.pricing.catalog.id })),
              },
            }
          : {}),
      })),
    },
    720,
    340,
  );
  const data = table({
    id: "months",
    caption: t.usage.summary,
    head: [{ text: t.forecast.month }, { text: t.forecast.edition }, { text: t.total, num: true }],
    rows: [
      ...json.months.map((month) => ({
        cells: [
          cell(label(month)),
          cell(month.estimate.planName),
          cell(money(month.estimate.total), { value: month.estimate.total }),
        ],
      })),
      { cells: [cell(t.forecast.sum), cell(""), cell(money(json.total), { value: json.total })], className: "total" },
    ],
  });
  return htmlPage({
    lang,
    title: t.html.forecastTitle(json.months.length),
    meta: [`${t.forecast.average}: ${money(json.average)}`],
    provenance: forecastPricing(result, lang),
    body: `${figure(chart, data)}${list(json.notes.map((note) => note.message))}`,
  });
}

export function checkHtml(results: readonly CheckResult[], summary: CheckSummary, lang: Lang): string {
  const t = messages[lang];
  const counts = [
    [t.html.passed, summary.passed, PALETTE[2]],
    [t.html.failed, summary.failed, PALETTE[4]],
    [t.html.noExpectations, summary.noExpectations, GREY],
    [t.html.invalid, summary.invalid, PALETTE[1]],
  ] as const;
  const chart = chartSvg(
    {
      series: [
        {
          type: "pie",
          radius: ["40%", "70%"],
          data: counts
            .filter(([, count]) => count > 0)
            .map(([name, value, color]) => ({ name, value, itemStyle: { color } })),
          label: { formatter: "{b}: {c}" },
        },
      ],
    },
    480,
    260,
  );
  const rows = results.map((result) => {
    const money = (amount: string) => formatMoney(amount, result.currency ?? "CNY");
    const said =
      result.status === "invalid"
        ? errorOf(result, lang)
        : result.failures.map((failure) => describeFailure(failure, money, lang)).join("; ");
    const mark = { passed: "✓", failed: "✗", "no-expectations": "–", invalid: "!" }[result.status];
    return {
      cells: [
        cell(mark, {
          className: result.status === "passed" ? "good" : result.status === "no-expectations" ? "muted" : "bad",
        }),
        cell(result.id === result.source ? result.source : `${result.id} (${result.source})`),
        result.total === undefined ? cell("") : cell(money(result.total), { value: result.total }),
        cell(said),
      ],
    };
  });
  // The chart's own figures, beside it.
  const countsTable = table({
    id: "counts",
    caption: t.html.checkTitle,
    head: [{ text: "" }, { text: t.html.count, num: true }],
    rows: counts.map(([name, count]) => ({ cells: [cell(name), cell(String(count), { value: String(count) })] })),
  });
  const data = table({
    id: "results",
    caption: t.check.counts(summary),
    head: [{ text: "" }, { text: t.html.scenario }, { text: t.total, num: true }, { text: t.html.why }],
    rows,
  });
  const tally = new PricingTally();
  for (const result of results) if (result.pricing) tally.add(result.pricing);
  return htmlPage({
    lang,
    title: t.html.checkTitle,
    meta: [t.check.counts(summary)],
    provenance: pricingGroupLines(tally.groups, lang),
    body: `${figure(chart, countsTable)}${data}`,
  });
}

export function diffHtml(diff: EstimateDiff, lang: Lang): string {
  const t = messages[lang];
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, diff.currency));
  const lines = diff.lines.filter((line) => line.marker !== "=" || line.before !== null);
  const chart = chartSvg(
    {
      grid: { left: 24, right: 48, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t.diff.before, t.diff.after] },
      yAxis: {
        type: "category",
        inverse: true,
        data: lines.map((line) => line.label),
        axisLabel: { width: 190, overflow: "truncate" },
      },
      xAxis: { type: "value" },
      series: [
        {
          name: t.diff.before,
          type: "bar",
          data: lines.map((line) => Number(line.before ?? 0)),
          itemStyle: { color: GREY },
        },
        { name: t.diff.after, type: "bar", data: lines.map((line) => Number(line.after ?? 0)) },
      ],
    },
    640,
    Math.max(180, 60 + lines.length * 40),
  );
  const data = table({
    id: "lines",
    caption: `${diff.before.planName} → ${diff.after.planName}`,
    head: [
      { text: "" },
      { text: t.diff.line },
      { text: t.diff.before, num: true },
      { text: t.diff.after, num: true },
      { text: t.diff.change, num: true },
    ],
    rows: [
      ...diff.lines.map((line) => ({
        cells: [
          cell(line.marker === "=" ? "" : line.marker === "-" ? "−" : line.marker),
          cell(line.label),
          cell(money(line.before), { value: line.before ?? "" }),
          cell(money(line.after), { value: line.after ?? "" }),
          cell(line.change === "0.00" ? "" : money(line.change), { value: line.change }),
        ],
      })),
      {
        cells: [
          cell(""),
          cell(t.total),
          cell(money(diff.total.before), { value: diff.total.before }),
          cell(money(diff.total.after), { value: diff.total.after }),
          cell(money(diff.total.change), { value: diff.total.change }),
        ],
        className: "total",
      },
    ],
  });
  const provenance = [diff.before, diff.after].flatMap((side, index) =>
    side.pricing
      ? pricingLines(side.pricing, lang).map((line) => `${index === 0 ? t.diff.before : t.diff.after}: ${line}`)
      : [],
  );
  return htmlPage({
    lang,
    title: t.html.diffTitle(diff.before.planName, diff.after.planName),
    meta: [],
    provenance,
    body: figure(chart, data),
  });
}

export function projectHtml(diff: ProjectDiff, title: string | undefined, lang: Lang): string {
  const t = messages[lang];
  const p = t.project;
  const rows = diff.scenarios.filter((change) => change.status !== "unchanged" || change.previousFile !== null);
  const currencyOf = (change: ScenarioChange) =>
    (change.after ?? change.before)?.bill?.prices.catalog.currency ?? "CNY";
  const shown = rows.slice(0, 25);
  const chart = horizontalBars(
    shown.map((change) => change.id),
    shown.map((change) => {
      const value = Number(change.total?.change ?? 0);
      return { value, color: value > 0 ? PALETTE[4]! : PALETTE[2]! };
    }),
  );
  const money = (amount: string | undefined, change: ScenarioChange) =>
    amount === undefined ? "—" : formatMoney(amount, currencyOf(change));
  const data = table({
    id: "scenarios",
    caption: p.counts(projectCounts(diff)),
    head: [
      { text: "" },
      { text: p.scenario },
      { text: t.diff.before, num: true },
      { text: t.diff.after, num: true },
      { text: t.diff.change, num: true },
      { text: p.why },
    ],
    rows: [
      ...rows.map((change) => ({
        cells: [
          cell({ changed: "~", added: "+", removed: "−", unchanged: "", invalid: "!" }[change.status]),
          cell(`${change.id} (${change.file})`),
          cell(money(change.total?.before, change), { value: change.total?.before ?? "" }),
          cell(money(change.total?.after, change), { value: change.total?.after ?? "" }),
          cell(money(change.total?.change, change), { value: change.total?.change ?? "" }),
          cell(whyOf(change, lang).join("; ")),
        ],
      })),
      ...Object.entries(diff.totals).map(([currency, total]) => ({
        cells: [
          cell(""),
          cell(t.total),
          cell(formatMoney(total.before, currency), { value: total.before }),
          cell(formatMoney(total.after, currency), { value: total.after }),
          cell(formatMoney(total.change, currency), { value: total.change }),
          cell(""),
        ],
        className: "total",
      })),
    ],
  });
  return htmlPage({
    lang,
    title: title ?? projectTitle(diff, lang),
    meta: [p.counts(projectCounts(diff))],
    // The prices of each side, as the table and the markdown name them.
    provenance: pricesLines(diff, lang),
    body: figure(chart, data),
  });
}
