// One registry of what im-bill can write: for each kind of report, its model and its
// formats. The model is the step from what the floors below return (numbers and codes)
// to the report of src/report/ (words in the reader's language, every choice made); JSON
// is the model serialised, and every other format is a renderer that lays the model out,
// loaded when used (an HTML page's chart library, the CSV writer, the Chinese words never
// load on a run that does not write them). `im-bill render` lays out a model read back
// from its JSON. `--format`'s choices, `-o`'s extensions, the help and the README's table
// of formats all come from here, and a command writes a report by naming its kind and
// format: no command imports a renderer. Adding a format to a kind is one entry here.
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
import type { Styles } from "./styles.js";
import type { BatchReport } from "../report/batch.js";
import type { Models as ReportModels } from "../report/models.js";
import { REPORT_FORMATS as BATCH_FORMATS, type ReportFormat as BatchFormat } from "./batch/types.js";

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
  /** a batch is written as it is priced (batchWriters); this is a saved one, read back to render again */
  batch: BatchReport;
  usage: UsageBill;
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

/**
 * What each kind's formats lay out: its model, plain data with every choice made; JSON is
 * the model serialised. The reports' are src/report/'s; the listings (prices, catalogs)
 * are laid out from what their commands read.
 */
export interface Models extends ReportModels {
  prices: PriceChoice;
  catalogs: readonly CatalogRow[];
  "catalog-diff": Reports["catalog-diff"];
}

type Renderer<K extends ReportKind> = (model: Models[K], options: RenderOptions) => string | Promise<string>;
type Load<K extends ReportKind> = () => Promise<Renderer<K>>;

interface Kind<K extends ReportKind> {
  /** the model of a report: its words, in the reader's language, and every choice its formats show */
  model: () => Promise<(report: Reports[K], lang: Lang) => Models[K]>;
  /** each format, in the order --help lists them, the default first */
  formats: Record<string, Load<K> | "annotations">;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Each kind's model and formats. `github` (the workflow annotations of check and the
 * project diff) is listed, and written by the command from `annotationsOf`: its lines
 * point into files the CLI reads.
 */
const REGISTRY: { [K in ReportKind]: Kind<K> } = {
  estimate: {
    model: async () => (await import("./describe.js")).estimateReport,
    formats: {
      table: async () => {
        const { renderTable } = await import("./table.js");
        return (model, o) => renderTable(model, { lang: o.lang, styles: o.styles, width: o.width, explain: o.explain });
      },
      json: () => Promise.resolve(json),
      csv: async () => (await import("./estimate-formats.js")).renderEstimateCsv,
      markdown: async () => {
        const { renderEstimateMarkdown } = await import("./estimate-formats.js");
        return (model, o) => renderEstimateMarkdown(model, o.lang);
      },
      html: async () => {
        const { estimateHtml } = await import("./html/reports.js");
        return (model, o) => estimateHtml(model, o.lang);
      },
    },
  },
  usage: {
    model: async () => (await import("./usage.js")).describeUsage,
    formats: {
      table: async () => {
        const { renderUsageTables } = await import("./usage.js");
        return (model, o) =>
          renderUsageTables(model, { lang: o.lang, styles: o.styles, width: o.width, explain: o.explain });
      },
      json: () => Promise.resolve(json),
      csv: async () => (await import("./csv-reports.js")).renderUsageCsv,
      markdown: async () => {
        const { renderUsageMarkdown } = await import("./usage.js");
        return (model, o) => renderUsageMarkdown(model, o.lang);
      },
      html: async () => {
        const { usageHtml } = await import("./html/reports.js");
        return (model, o) => usageHtml(model, o.lang);
      },
    },
  },
  compare: {
    model: async () => (await import("./compare.js")).describeComparison,
    formats: {
      table: async () => {
        const { renderCompareTable } = await import("./compare.js");
        return (model, o) => renderCompareTable(model, o.lang, o.styles, o.width);
      },
      json: () => Promise.resolve(json),
      csv: async () => (await import("./csv-reports.js")).renderCompareCsv,
      markdown: async () => {
        const { renderCompareMarkdown } = await import("./compare.js");
        return (model, o) => renderCompareMarkdown(model, o.lang);
      },
      html: async () => {
        const { compareHtml } = await import("./html/reports.js");
        return (model, o) => compareHtml(model, o.lang);
      },
    },
  },
  forecast: {
    model: async () => (await import("./forecast.js")).describeForecast,
    formats: {
      table: async () => {
        const { renderForecastTable } = await import("./forecast.js");
        return async (model, o) => {
          const plot = o.chart ? (await import("asciichart")).plot : undefined;
          return renderForecastTable(model, o.lang, {
            styles: o.styles,
            ...(o.width !== undefined ? { width: o.width } : {}),
            ...(plot ? { plot } : {}),
          });
        };
      },
      json: () => Promise.resolve(json),
      csv: async () => (await import("./forecast.js")).renderForecastCsv,
      markdown: async () => {
        const { renderForecastMarkdown } = await import("./forecast.js");
        return (model, o) => renderForecastMarkdown(model, o.lang);
      },
      html: async () => {
        const { forecastHtml } = await import("./html/reports.js");
        return (model, o) => forecastHtml(model, o.lang);
      },
    },
  },
  batch: {
    model: () => Promise.resolve((report) => report),
    formats: Object.fromEntries(
      BATCH_FORMATS.map((format): [string, Load<"batch">] => [format, () => savedBatch(format)]),
    ),
  },
  check: {
    model: async () => {
      const { checkReport } = await import("./check.js");
      return ({ results, summary }, lang) => checkReport(results, summary, lang);
    },
    formats: {
      table: async () => {
        const { renderCheckText } = await import("./check.js");
        return (model, o) => renderCheckText(model, o.styles, o.lang, o.width);
      },
      json: () => Promise.resolve(json),
      csv: async () => {
        const { renderCheckCsv } = await import("./csv-reports.js");
        return (model, o) => renderCheckCsv(model, o.lang);
      },
      markdown: async () => {
        const { renderCheckMarkdown } = await import("./check.js");
        return (model, o) => renderCheckMarkdown(model, o.lang);
      },
      html: async () => {
        const { checkHtml } = await import("./html/reports.js");
        return (model, o) => checkHtml(model, o.lang);
      },
      junit: async () => {
        const { renderCheckJunit } = await import("./check.js");
        return (model, o) => renderCheckJunit(model, o.lang);
      },
      github: "annotations",
    },
  },
  diff: {
    model: async () => (await import("./estimate-diff.js")).diffReport,
    formats: {
      table: async () => {
        const { renderDiffTable } = await import("./estimate-diff.js");
        return (model, o) => renderDiffTable(model, o.styles, o.lang, o.width);
      },
      json: () => Promise.resolve(json),
      csv: async () => (await import("./csv-reports.js")).renderDiffCsv,
      markdown: async () => {
        const { renderDiffMarkdown } = await import("./estimate-diff.js");
        return (model, o) => renderDiffMarkdown(model, o.title, o.lang);
      },
      html: async () => {
        const { diffHtml } = await import("./html/reports.js");
        return (model, o) => diffHtml(model, o.lang);
      },
    },
  },
  project: {
    model: async () => (await import("./project-diff.js")).projectReport,
    formats: {
      table: async () => {
        const { renderProjectTable } = await import("./project-diff.js");
        return (model, o) => renderProjectTable(model, o.styles, o.lang, o.width);
      },
      json: () => Promise.resolve(json),
      csv: async () => (await import("./csv-reports.js")).renderProjectCsv,
      markdown: async () => {
        const { renderProjectMarkdown } = await import("./project-diff.js");
        return (model, o) => renderProjectMarkdown(model, o.title, o.lang);
      },
      html: async () => {
        const { projectHtml } = await import("./html/reports.js");
        return (model, o) => projectHtml(model, o.title, o.lang);
      },
      github: "annotations",
    },
  },
  prices: {
    model: () => Promise.resolve((prices) => prices),
    formats: {
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
  },
  catalogs: {
    model: () => Promise.resolve((rows) => rows),
    formats: {
      table: async () => {
        const { renderCatalogsTable } = await import("./catalogs.js");
        return (rows, o) => renderCatalogsTable(rows, o.lang, o.styles, o.width);
      },
      json: async () => {
        const { describeCatalogs } = await import("./catalogs.js");
        return (rows) => json(describeCatalogs(rows));
      },
    },
  },
  "catalog-diff": {
    model: () => Promise.resolve((diff) => diff),
    formats: {
      table: async () => {
        const { renderCatalogDiff } = await import("./catalogs.js");
        return ({ before, after, changes }, o) => renderCatalogDiff(before, after, changes, o.lang, o.styles, o.width);
      },
      json: () =>
        Promise.resolve(({ before, after, changes }) => json({ before: before.id, after: after.id, changes })),
    },
  },
};

/** A kind's formats, the default first: --format's choices. */
export const formatsOf = (kind: ReportKind): string[] => Object.keys(REGISTRY[kind].formats);

/** Whether a kind has a format. */
export const hasFormat = (kind: ReportKind, format: string): boolean => Object.hasOwn(REGISTRY[kind].formats, format);

/** The formats reports of these kinds may be rendered in from their JSON (`im-bill render`); annotations need the scenario files. */
export const renderedFormats = (kinds: readonly ReportKind[]): string[] => [
  ...new Set(
    kinds.flatMap((kind) =>
      Object.entries(REGISTRY[kind].formats).flatMap(([format, load]) => (load === "annotations" ? [] : [format])),
    ),
  ),
];

/** A report's model: what its JSON states and its other formats lay out. */
export async function modelOf<K extends ReportKind>(kind: K, report: Reports[K], lang: Lang): Promise<Models[K]> {
  const make = await REGISTRY[kind].model();
  return make(report, lang);
}

/** A report, written in a format of its kind. */
export async function renderReport<K extends ReportKind>(
  kind: K,
  format: string,
  report: Reports[K],
  options: RenderOptions,
): Promise<string> {
  return renderModel(kind, format, await modelOf(kind, report, options.lang), options);
}

/** A report's model (made now, or read from its JSON), written in a format of its kind. */
export async function renderModel<K extends ReportKind>(
  kind: K,
  format: string,
  model: Models[K],
  options: RenderOptions,
): Promise<string> {
  const load = REGISTRY[kind].formats[format];
  if (load === undefined || load === "annotations") throw new Error(`no ${format} renderer for a ${kind} report`);
  const render = await load();
  return render(model, options);
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

/** The batch report's formats: written a scenario at a time, by ./batch/writers.ts. */
export { BATCH_FORMATS, type BatchFormat };

/** A saved batch report, written again by the writers a batch writes with, its scenarios in the order read. */
async function savedBatch(format: BatchFormat): Promise<Renderer<"batch">> {
  const { reportWriter, savedRows } = await import("./batch/writers.js");
  return async (report, o) => {
    const writer = await reportWriter(format, {
      lineIds: report.columns,
      lang: o.lang,
      styles: o.styles,
      ...(o.width !== undefined ? { width: o.width } : {}),
    });
    const parts = [writer.start()];
    for (const row of savedRows(report)) parts.push(writer.item(row));
    for (const chunk of writer.end(report.summary)) parts.push(chunk);
    return parts.join("");
  };
}
/**
 * The batch report's writers, loaded when a batch runs: `reportWriter` for a format,
 * `rowOf` a priced scenario as they take it, `summaryOf` the counts and totals in words.
 */
export const batchWriters = async () => {
  const { reportWriter, rowOf, summaryOf } = await import("./batch/writers.js");
  return { reportWriter, rowOf, summaryOf };
};

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
