// Each report as an HTML page: the figures of its JSON, a chart of them drawn to SVG, and
// the same figures in a table beside it (data-value holds each amount exactly, as the
// JSON has it). Words are i18n's; the prices that made every bill are on the page.
import type { EstimateDiff } from "../../estimate-diff/diff.js";
import type { Lang } from "../../i18n/lang.js";
import type { Estimate } from "../../calculator/types.js";
import type { CheckReport } from "../../report/check.js";
import type { CompareReport } from "../../report/compare.js";
import type { EstimateReport } from "../../report/estimate.js";
import type { ForecastReport } from "../../report/forecast.js";
import type { ProjectReport, ScenarioRow } from "../../report/project.js";
import type { UsageReport } from "../../report/usage.js";
import { messages } from "../../i18n/messages.js";
import { formatMoney, formatNumber } from "../../util/format.js";
import { showsFormula, shownSubtotals } from "../describe.js";
import { pricingLines, pricingGroupLines } from "../pricing.js";
import { describeFailure } from "../check.js";
import { soFarLines } from "../usage.js";
import { chartSvg, horizontalBars, PALETTE } from "./charts.js";
import { certaintyLine, markedLabel, statusLegend } from "../certainty.js";
import { cell, escapeHtml, figure, htmlPage, list, table } from "./page.js";
import { signedMoney } from "../estimate-diff.js";

const CATEGORY_COLOURS: Record<string, string> = {
  base: PALETTE[0]!,
  overage: PALETTE[1]!,
  addon: PALETTE[2]!,
  discount: PALETTE[6]!,
};
const GREY = "#9aa0a6";

/** The lines of a bill: a bar per line, coloured by category, and the table of them. */
function billSection(estimate: Estimate, lang: Lang, id: string): string {
  const t = messages[lang];
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
        cell(markedLabel(line)),
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
  const explained = lines.filter((line) => showsFormula(line, lang)).map((line) => `${line.label}: ${line.explain}`);
  const findings = [
    ...estimate.violations.map((finding) => `✗ ${finding.message} [${finding.code}]`),
    ...estimate.notes.map((finding) => finding.message),
  ];
  return `${figure(chart, data)}${list(statusLegend(lines, lang))}${list(explained)}${findings.length > 0 ? `<h3>${escapeHtml(t.notes.replace(/:$/, ""))}</h3>${list(findings)}` : ""}`;
}

export function estimateHtml(estimate: EstimateReport, lang: Lang): string {
  const t = messages[lang];
  const certainty = certaintyLine(estimate, lang);
  return htmlPage({
    lang,
    title: t.estimateTitle(estimate.name, estimate.planName),
    meta: [t.html.made(estimate.pricing.on)],
    provenance: [...pricingLines(estimate.pricing, lang), ...(certainty === undefined ? [] : [certainty])],
    body: billSection(estimate, lang, "lines"),
  });
}

/**
 * Months shown day by day (a chart, the bill's lines): the latest ones. A usage file may
 * hold 100,000 days; every month is charted and tabled in the overview above them, so
 * the page stays a few megabytes and is written in well under a second.
 */
const DETAILED_MONTHS = 12;

export function usageHtml(usage: UsageReport, lang: Lang): string {
  const t = messages[lang];
  const money = (amount: string) => formatMoney(amount, usage.currency);
  const detailed = usage.months.slice(-DETAILED_MONTHS);
  const firstDetailed = usage.months.length - detailed.length;
  const sections = detailed.map((month, at) => {
    const index = firstDetailed + at;
    const daily = month.days;
    // The overage steps within the month's range: where each next ¥1,000 starts.
    const steps = month.dauSteps;
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
            cell(money(month.estimate.total), { value: month.estimate.total }),
          ],
        },
      ],
    });
    return `<h2>${escapeHtml(month.month)}</h2>${figure(chart, data)}${list(soFarLines(month, lang))}${billSection(month.estimate, lang, `lines-${index}`)}`;
  });
  const first = usage.months[0]!.estimate;
  const overview = firstDetailed > 0 ? usageOverview(usage, lang, detailed.length) : "";
  return htmlPage({
    lang,
    title: t.html.usageTitle(usage.months.map((month) => month.month)),
    meta: [t.usage.totalOver(usage.months.length), money(usage.total)],
    provenance: pricingLines(first.pricing, lang),
    body: [overview, ...sections].join("\n"),
  });
}

/** Every month of a long usage file: its total charted, and a row each (peaks and total). */
function usageOverview(usage: UsageReport, lang: Lang, detailed: number): string {
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
          data: usage.months.map((month) => Number(month.estimate.total)),
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
        cell(money(month.estimate.total), { value: month.estimate.total }),
      ],
    })),
  });
  return figure(chart, data, true);
}

export function compareHtml(json: CompareReport, lang: Lang): string {
  const t = messages[lang];
  const estimates = Object.entries(json.editions);
  const money = (amount: string) => formatMoney(amount, json.currency);
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
            estimate.violations.length === 0 ? t.compare.fitsYes : t.clauses(estimate.violations.map((v) => v.message)),
            { className: estimate.violations.length === 0 ? "good" : "bad" },
          ),
        ],
      })),
      ...json.onRequest.map((edition) => ({
        cells: [
          cell(edition.planName),
          cell(t.compare.onRequestCell),
          cell(t.clauses(edition.violations.map((v) => v.message))),
        ],
      })),
    ],
  });
  const recommendation = json.recommendation
    ? t.compare.recommendationLine(json.recommendation.reason)
    : t.compare.none;
  const first = Object.values(json.editions)[0];
  return htmlPage({
    lang,
    title: t.html.compareTitle,
    meta: [recommendation],
    provenance: first ? [...pricingLines(first.pricing, lang), ...(json.said ?? [])] : [],
    body: figure(chart, data),
  });
}

export function forecastHtml(json: ForecastReport, lang: Lang): string {
  const t = messages[lang];
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
    provenance: json.prices,
    body: `${figure(chart, data)}${list(json.notes.map((note) => note.message))}`,
  });
}

export function checkHtml({ results, summary, prices }: CheckReport, lang: Lang): string {
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
        ? (result.error ?? "")
        : messages[lang].clauses(result.failures.map((failure) => describeFailure(failure, money, lang)));
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
  return htmlPage({
    lang,
    title: t.html.checkTitle,
    meta: [t.check.counts(summary)],
    provenance: pricingGroupLines(prices.groups, lang),
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

export function projectHtml(diff: ProjectReport, title: string | undefined, lang: Lang): string {
  const t = messages[lang];
  const p = t.project;
  const rows = diff.rows.shown.map((at) => diff.scenarios[at]!);
  const charted = diff.rows.chart.map((at) => diff.scenarios[at]!);
  const chart = horizontalBars(
    charted.map((change) => change.id),
    charted.map((change) => {
      const value = Number(change.change?.change ?? 0);
      return { value, color: value > 0 ? PALETTE[4]! : PALETTE[2]! };
    }),
  );
  const money = (amount: string | undefined, change: ScenarioRow) =>
    amount === undefined ? "—" : formatMoney(amount, change.currency);
  // A side the scenario is not on (added, removed) has no bill, as the table and the markdown say: "—".
  const side = (priced: ScenarioRow["before"], change: ScenarioRow) =>
    priced && "total" in priced ? cell(money(priced.total, change), { value: priced.total }) : cell("—", { value: "" });
  const data = table({
    id: "scenarios",
    caption: p.counts(diff.counts),
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
          cell(change.name ? `${change.name} (${change.source})` : change.source),
          side(change.before, change),
          side(change.after, change),
          cell(change.change ? signedMoney(change.change.change, change.currency) : "", {
            value: change.change?.change ?? "",
          }),
          cell(t.clauses(change.why)),
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
    title: title ?? diff.title,
    meta: [p.counts(diff.counts)],
    // The prices of each side, as the table and the markdown name them.
    provenance: diff.prices.lines,
    body: figure(chart, data),
  });
}
