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
import { monthEdition } from "../forecast.js";
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
  const explained = lines
    .filter((line) => showsFormula(line, lang))
    .map((line) => messages[lang].labelled(line.label, line.explain));
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
    // Numbers as the tables write them (31,200), on the axis of their metric.
    const number = (params: { value?: unknown }) => formatNumber(Number(params.value));
    const chart = chartSvg(
      {
        // Room above the plot for the peak's pin, clear of the legend.
        grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
        legend: { top: 0, data: [t.usage.peakDau, t.usage.peakGroups] },
        xAxis: { type: "category", data: daily.map((day) => day.date.slice(5)) },
        yAxis: [{ type: "value" }, { type: "value" }],
        series: [
          {
            name: t.usage.peakDau,
            type: "line",
            data: daily.map((day) => day.dau),
            // The DAU steps start at the left, the DAU axis's side, each labelled with where it starts.
            markLine: {
              symbol: "none",
              lineStyle: { type: "dashed", color: GREY },
              label: { position: "insideStartTop", formatter: number },
              data: steps.map((at) => ({ yAxis: at })),
            },
            // The peak's pin, its figure beside it inside the plot (not over the groups axis).
            markPoint: {
              symbolSize: 32,
              data: [{ type: "max", name: month.peakDauDate }],
              label: { formatter: number, position: "left", color: "inherit" },
            },
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
            // A figure and its day: words that wrap between them, so that the month keeps its column.
            cell(t.usage.atDay(formatNumber(month.peakDau), month.peakDauDate), {
              value: String(month.peakDau),
              className: "words",
            }),
            cell(t.usage.atDay(formatNumber(month.peakGroups), month.peakGroupsDate), {
              value: String(month.peakGroups),
              className: "words",
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
  // The users and groups each month is priced for, as the table has them: DAU, or MAU on an MAU list.
  const byMau = json.users === "mau";
  const data = table({
    id: "months",
    caption: t.usage.summary,
    head: [
      { text: t.forecast.month },
      { text: t.forecast.edition },
      { text: byMau ? t.forecast.mau : t.forecast.dau, num: true },
      // A phone shows the users a month is priced by; the groups are for a wider page.
      { text: t.forecast.groups, num: true, wideOnly: true },
      { text: t.total, num: true },
    ],
    rows: [
      ...json.months.map((month) => {
        const users = byMau ? month.usage.mau : month.usage.peakDau;
        return {
          cells: [
            cell(label(month)),
            cell(monthEdition(month.estimate)),
            cell(formatNumber(users), { value: String(users) }),
            cell(formatNumber(month.usage.peakGroups), {
              value: String(month.usage.peakGroups),
              className: "wide-only",
            }),
            cell(money(month.estimate.total), { value: month.estimate.total }),
          ],
        };
      }),
      {
        cells: [
          cell(t.forecast.sum),
          cell(""),
          cell(""),
          cell("", { className: "wide-only" }),
          cell(money(json.total), { value: json.total }),
        ],
        className: "total",
      },
    ],
  });
  // With a purchase day, each charge on its day, as the table's calendar lists them.
  const calendar =
    json.calendar.length === 0
      ? ""
      : `<h2>${escapeHtml(t.forecast.calendar)}</h2>${table({
          id: "calendar",
          caption: t.forecast.calendar,
          head: [
            { text: t.forecast.date },
            // The date says when; the month's number is for a wider page.
            { text: t.forecast.month, num: true, wideOnly: true },
            { text: t.forecast.billing },
            { text: t.forecast.items },
            { text: t.forecast.amount, num: true },
          ],
          rows: json.calendar.map((charge) => ({
            cells: [
              cell(charge.date),
              cell(String(charge.month), { value: String(charge.month), className: "wide-only" }),
              cell(t.forecast.kind[charge.kind]),
              cell(t.items(charge.labels)),
              cell(money(charge.amount), { value: charge.amount }),
            ],
          })),
        })}`;
  return htmlPage({
    lang,
    title: t.html.forecastTitle(json.months.length),
    meta: [t.labelled(t.forecast.average, money(json.average))],
    provenance: json.prices,
    body: `${figure(chart, data)}${calendar}${list(json.notes.map((note) => note.message))}`,
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
      ? pricingLines(side.pricing, lang).map((line) => t.labelled(index === 0 ? t.diff.before : t.diff.after, line))
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
    priced && "total" in priced
      ? cell(money(priced.total, change), { value: priced.total, className: "wide-only" })
      : cell("—", { value: "", className: "wide-only" });
  const data = table({
    id: "scenarios",
    caption: p.counts(diff.counts),
    head: [
      { text: "" },
      { text: p.scenario },
      // A phone shows what changed; the totals either side are for a wider page.
      { text: t.diff.before, num: true, wideOnly: true },
      { text: t.diff.after, num: true, wideOnly: true },
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
          cell(formatMoney(total.before, currency), { value: total.before, className: "wide-only" }),
          cell(formatMoney(total.after, currency), { value: total.after, className: "wide-only" }),
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
