// One registry of what im-bill can write: for each kind of report, its formats, each a
// renderer loaded when used (an HTML page's chart library, the CSV writer, the Chinese
// words never load on a run that does not write them). `--format`'s choices, `-o`'s
// extensions, the help and the README's table of formats all come from here, and a
// command writes a report by naming its kind and format: no command imports a renderer.
// Adding a format to a kind is one line here.
import type { Comparison } from "../advisor/compare.js";
import type { Forecast } from "../advisor/forecast.js";
import type { UsageBill } from "../advisor/usage.js";
import type { Bill } from "../calculator/bill.js";
import type { PriceChoice } from "../catalog/choose.js";
import type { FigureChange } from "../catalog/figures.js";
import type { Catalog } from "../catalog/schema.js";
import type { CheckResult, CheckSummary } from "../check/run.js";
import type { EstimateDiff } from "../estimate-diff/diff.js";
import type { Lang } from "../i18n/lang.js";
import type { ProjectDiff } from "../project/project-diff.js";
import type { MonthUsage } from "../scenario/usage-csv.js";
import type { Styles } from "./styles.js";

/** How a report is laid out: the reader's language, and the terminal's colours and width (a file has neither). */
export interface RenderOptions {
  lang: Lang;
  styles: Styles;
  /** the width tables fit; undefined in a file (the renderers' 80) */
  width: number | undefined;
  /** --explain: each line's formula in full */
  explain?: boolean | undefined;
  /** --title: a heading of the user's (markdown, HTML) */
  title?: string | undefined;
  /** forecast: draw the chart of the months (a table on a terminal) */
  chart?: boolean | undefined;
}

import type { CatalogRow } from "./catalogs.js";

export type { CatalogRow };

/** What each kind of report is made from. */
export interface Reports {
  estimate: Bill;
  usage: { bill: UsageBill; days: readonly MonthUsage[] };
  compare: Comparison;
  forecast: Forecast;
  check: { results: readonly CheckResult[]; summary: CheckSummary };
  diff: EstimateDiff;
  project: ProjectDiff;
  prices: PriceChoice;
  catalogs: readonly CatalogRow[];
  "catalog-diff": { before: Catalog; after: Catalog; changes: readonly FigureChange[] };
}

export type ReportKind = keyof Reports;

type Renderer<K extends ReportKind> = (report: Reports[K], options: RenderOptions) => string | Promise<string>;
type Load<K extends ReportKind> = () => Promise<Renderer<K>>;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Each kind's formats, in the order --help lists them, the default first. `github` (the
 * workflow annotations of check and the project diff) is listed, and written by the
 * command from `annotationsOf`: its lines point into files the CLI reads.
 */
const REGISTRY: { [K in ReportKind]: Record<string, Load<K> | "annotations"> } = {
  estimate: {
    table: async () => {
      const { renderTable } = await import("./table.js");
      return (bill, o) => renderTable(bill, { lang: o.lang, styles: o.styles, width: o.width, explain: o.explain });
    },
    json: async () => {
      const { describe } = await import("./describe.js");
      return (bill, o) => json(describe(bill, o.lang));
    },
    csv: async () => {
      const { renderEstimateCsv } = await import("./estimate-formats.js");
      return (bill, o) => renderEstimateCsv(bill, o.lang);
    },
    markdown: async () => {
      const { renderEstimateMarkdown } = await import("./estimate-formats.js");
      return (bill, o) => renderEstimateMarkdown(bill, o.lang);
    },
    html: async () => {
      const { estimateHtml } = await import("./html/reports.js");
      return (bill, o) => estimateHtml(bill, o.lang);
    },
  },
  usage: {
    table: async () => {
      const { renderUsageTables } = await import("./usage.js");
      return ({ bill }, o) =>
        renderUsageTables(bill, { lang: o.lang, styles: o.styles, width: o.width, explain: o.explain });
    },
    json: async () => {
      const { describeUsage } = await import("./usage.js");
      return ({ bill }, o) => json(describeUsage(bill, o.lang));
    },
    csv: async () => {
      const { renderUsageCsv } = await import("./csv-reports.js");
      return ({ bill }) => renderUsageCsv(bill);
    },
    markdown: async () => {
      const { renderUsageMarkdown } = await import("./usage.js");
      return ({ bill }, o) => renderUsageMarkdown(bill, o.lang);
    },
    html: async () => {
      const { usageHtml } = await import("./html/reports.js");
      return ({ bill, days }, o) => usageHtml(bill, days, o.lang);
    },
  },
  compare: {
    table: async () => {
      const { renderCompareTable } = await import("./compare.js");
      return (comparison, o) => renderCompareTable(comparison, o.lang, o.styles, o.width);
    },
    json: async () => {
      const { describeComparison } = await import("./compare.js");
      return (comparison, o) => json(describeComparison(comparison, o.lang));
    },
    csv: async () => {
      const { renderCompareCsv } = await import("./csv-reports.js");
      return (comparison, o) => renderCompareCsv(comparison, o.lang);
    },
    markdown: async () => {
      const { renderCompareMarkdown } = await import("./compare.js");
      return (comparison, o) => renderCompareMarkdown(comparison, o.lang);
    },
    html: async () => {
      const { compareHtml } = await import("./html/reports.js");
      return (comparison, o) => compareHtml(comparison, o.lang);
    },
  },
  forecast: {
    table: async () => {
      const { renderForecastTable } = await import("./forecast.js");
      return async (result, o) => {
        const plot = o.chart ? (await import("asciichart")).plot : undefined;
        return renderForecastTable(result, o.lang, {
          styles: o.styles,
          ...(o.width !== undefined ? { width: o.width } : {}),
          ...(plot ? { plot } : {}),
        });
      };
    },
    json: async () => {
      const { describeForecast } = await import("./forecast.js");
      return (result, o) => json(describeForecast(result, o.lang));
    },
    csv: async () => {
      const { renderForecastCsv } = await import("./forecast.js");
      return (result) => renderForecastCsv(result);
    },
    markdown: async () => {
      const { renderForecastMarkdown } = await import("./forecast.js");
      return (result, o) => renderForecastMarkdown(result, o.lang);
    },
    html: async () => {
      const { forecastHtml } = await import("./html/reports.js");
      return (result, o) => forecastHtml(result, o.lang);
    },
  },
  check: {
    table: async () => {
      const { renderCheckText } = await import("./check.js");
      return ({ results, summary }, o) => renderCheckText(results, summary, o.styles, o.lang, o.width);
    },
    json: async () => {
      const { renderCheckJson } = await import("./check.js");
      return ({ results, summary }, o) => renderCheckJson(results, summary, o.lang);
    },
    csv: async () => {
      const { renderCheckCsv } = await import("./csv-reports.js");
      return ({ results }, o) => renderCheckCsv(results, o.lang);
    },
    markdown: async () => {
      const { renderCheckMarkdown } = await import("./check.js");
      return ({ results, summary }, o) => renderCheckMarkdown(results, summary, o.lang);
    },
    html: async () => {
      const { checkHtml } = await import("./html/reports.js");
      return ({ results, summary }, o) => checkHtml(results, summary, o.lang);
    },
    junit: async () => {
      const { renderCheckJunit } = await import("./check.js");
      return ({ results }, o) => renderCheckJunit(results, o.lang);
    },
    github: "annotations",
  },
  diff: {
    table: async () => {
      const { renderDiffTable } = await import("./estimate-diff.js");
      return (diff, o) => renderDiffTable(diff, o.styles, o.lang, o.width);
    },
    json: async () => {
      const { renderDiffJson } = await import("./estimate-diff.js");
      return (diff) => renderDiffJson(diff);
    },
    csv: async () => {
      const { renderDiffCsv } = await import("./csv-reports.js");
      return (diff) => renderDiffCsv(diff);
    },
    markdown: async () => {
      const { renderDiffMarkdown } = await import("./estimate-diff.js");
      return (diff, o) => renderDiffMarkdown(diff, o.title, o.lang);
    },
    html: async () => {
      const { diffHtml } = await import("./html/reports.js");
      return (diff, o) => diffHtml(diff, o.lang);
    },
  },
  project: {
    table: async () => {
      const { renderProjectTable } = await import("./project-diff.js");
      return (diff, o) => renderProjectTable(diff, o.styles, o.lang, o.width);
    },
    json: async () => {
      const { renderProjectJson } = await import("./project-diff.js");
      return (diff, o) => renderProjectJson(diff, o.lang);
    },
    csv: async () => {
      const { renderProjectCsv } = await import("./csv-reports.js");
      return (diff) => renderProjectCsv(diff);
    },
    markdown: async () => {
      const { renderProjectMarkdown } = await import("./project-diff.js");
      return (diff, o) => renderProjectMarkdown(diff, o.title, o.lang);
    },
    html: async () => {
      const { projectHtml } = await import("./html/reports.js");
      return (diff, o) => projectHtml(diff, o.title, o.lang);
    },
    github: "annotations",
  },
  prices: {
    table: async () => {
      const [{ priceSheet }, { renderPriceTables }, { messages }] = await Promise.all([
        import("./price-sheet.js"),
        import("./prices.js"),
        import("../i18n/messages.js"),
      ]);
      return (prices, o) =>
        renderPriceTables(priceSheet(prices, o.lang), {
          styles: o.styles,
          ...(o.width !== undefined ? { width: o.width } : {}),
          assumptionsTitle: messages[o.lang].prices.assumptionsTitle,
        });
    },
    // The list itself, as a price file would state it.
    json: () => Promise.resolve((prices) => json(prices.catalog)),
    markdown: async () => {
      const [{ priceSheet }, { renderPriceMarkdown }, { messages }] = await Promise.all([
        import("./price-sheet.js"),
        import("./prices.js"),
        import("../i18n/messages.js"),
      ]);
      return (prices, o) => renderPriceMarkdown(priceSheet(prices, o.lang), messages[o.lang].prices.assumptionsTitle);
    },
  },
  catalogs: {
    table: async () => {
      const { renderCatalogsTable } = await import("./catalogs.js");
      return (rows, o) => renderCatalogsTable(rows, o.lang, o.styles, o.width);
    },
    json: async () => {
      const { describeCatalogs } = await import("./catalogs.js");
      return (rows) => json(describeCatalogs(rows));
    },
  },
  "catalog-diff": {
    table: async () => {
      const { renderCatalogDiff } = await import("./catalogs.js");
      return ({ before, after, changes }, o) => renderCatalogDiff(before, after, changes, o.lang, o.styles, o.width);
    },
    json: () => Promise.resolve(({ before, after, changes }) => json({ before: before.id, after: after.id, changes })),
  },
};

/** A kind's formats, the default first: --format's choices. */
export const formatsOf = (kind: ReportKind): string[] => Object.keys(REGISTRY[kind]);

/** Whether a kind has a format. */
export const hasFormat = (kind: ReportKind, format: string): boolean => Object.hasOwn(REGISTRY[kind], format);

/** A report, written in a format of its kind. */
export async function renderReport<K extends ReportKind>(
  kind: K,
  format: string,
  report: Reports[K],
  options: RenderOptions,
): Promise<string> {
  const load = REGISTRY[kind][format];
  if (load === undefined || load === "annotations") throw new Error(`no ${format} renderer for a ${kind} report`);
  const render = await load();
  return render(report, options);
}

/** The extensions -o infers a format from, and the formats they name. */
export const EXTENSION_FORMATS: Readonly<Record<string, string>> = {
  ".csv": "csv",
  ".json": "json",
  ".jsonl": "jsonl",
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "table",
  ".html": "html",
  ".htm": "html",
  ".xml": "junit",
};

/** Other names a format is given by: `md` for markdown, `text` (check's old name) for table. */
export const FORMAT_ALIASES: Readonly<Record<string, string>> = { md: "markdown", text: "table" };

/** The batch report's formats: written a scenario at a time, by ./report/writers.ts. */
export { REPORT_FORMATS as BATCH_FORMATS, type ReportFormat as BatchFormat } from "./batch/types.js";
/** The batch report's writer for a format, loaded when a batch runs. */
export const batchWriter = async () => (await import("./batch/writers.js")).reportWriter;

/**
 * The words a command says beside its report (on stderr, in its exit's reason), each
 * module loaded on the path that says them: an edition's name, headroom, check's counts
 * and updates, annotations, batch's grand total, a project diff's gates.
 */
export const sayings = {
  /** planName, describe (a scenario priced into the words a saved estimate holds) */
  describe: () => import("./describe.js"),
  /** nearStepText, renderUpdates, checkCounts */
  check: () => import("./check.js"),
  /** checkAnnotations */
  annotations: () => import("./annotations.js"),
  /** grandTotalText */
  totals: () => import("./batch/totals.js"),
  /** gateText, projectAnnotations */
  project: () => import("./project-diff.js"),
};
