// Batch reports. Each writer turns rows into text as they come: the streaming ones
// (jsonl, csv, json) write every row at once, the summary ones (table, markdown)
// keep one small row per scenario and draw at the end. A row is a scenario priced now
// (`rowOf`) or one read back from a saved report (`savedRows`): the same to a writer.
import type { BatchItem, BatchSummary } from "../../batch/price.js";
import { textIn } from "../../errors.js";
import type { Lang } from "../../i18n/lang.js";
import type { BatchReport, BatchResultRecord, BatchSummaryJson } from "../../report/batch.js";
import { describe, planName } from "../describe.js";
import { noteOfPricesText } from "../pricing-notes.js";
import type { BatchRow, ReportFormat, ReportOptions, ReportWriter } from "./types.js";

export { REPORT_FORMATS, type ReportFormat, type ReportOptions, type ReportWriter } from "./types.js";

export async function reportWriter(format: ReportFormat, options: ReportOptions): Promise<ReportWriter> {
  switch (format) {
    case "jsonl":
      return {
        start: () => "",
        item: (row) => `${JSON.stringify(row.result ? row.result.record() : row.error)}\n`,
        end: () => [],
      };
    case "json":
      return jsonWriter(options);
    case "csv":
      return (await import("./csv.js")).csvWriter(options);
    case "table":
    case "markdown":
      return (await import("./summary.js")).summaryWriter(format, options);
    case "html":
      return (await import("./html.js")).htmlWriter(options);
  }
}

/** A scenario priced now, as the writers take it: its words made only when a format writes them. */
export function rowOf(item: BatchItem, lang: Lang): BatchRow {
  if (item.error) {
    const { id, source, error } = item.error;
    return { error: { id, source, error: textIn(error, lang) } };
  }
  const { id, source, bill } = item.result;
  return {
    result: {
      id,
      source,
      plan: bill.plan,
      planName: planName(bill.prices.catalog, bill.plan, lang),
      subtotals: bill.subtotals,
      total: bill.total,
      currency: bill.prices.catalog.currency,
      catalog: bill.prices.pricing.catalog,
      violations: bill.violations,
      lines: bill.lines,
      record: () => ({ id, source, ...describe(bill, lang) }),
    },
  };
}

/** A saved report's scenarios, in the order they were read: its errors back in their places. */
export function* savedRows(report: BatchReport): Generator<BatchRow> {
  let error = 0;
  for (let at = 0; at < report.results.length + report.errors.length; at++) {
    const next = report.errors[error];
    if (next !== undefined && next.at === at) {
      const { at: _at, ...rest } = next;
      error++;
      yield { error: rest };
      continue;
    }
    const record: BatchResultRecord = report.results[at - error]!;
    yield {
      result: {
        id: record.id,
        source: record.source,
        plan: record.plan,
        planName: record.planName,
        subtotals: record.subtotals,
        total: record.total,
        currency: record.currency,
        catalog: record.pricing.catalog,
        violations: record.violations,
        lines: record.lines,
        record: () => record,
      },
    };
  }
}

/** The counts, the grand totals and which prices made them, in words: how every format ends. */
export const summaryOf = (summary: BatchSummary, lang: Lang): BatchSummaryJson => ({
  ...summary.toJSON(),
  prices: {
    groups: summary.pricing.groups,
    said: summary.pricing.notes.map((said) => noteOfPricesText(said, lang)),
  },
});

/** `{ kind, version, lang, columns, results, errors, summary }`, results written as they come. */
function jsonWriter(options: ReportOptions): ReportWriter {
  const errors: unknown[] = [];
  let first = true;
  let at = 0;
  const indent = (text: string) => text.replace(/\n/g, "\n    ");
  const field = (key: string, value: unknown) => `  "${key}": ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}`;
  return {
    start: () =>
      `{\n  "kind": "batch",\n  "version": 1,\n  "lang": ${JSON.stringify(options.lang)},\n${field("columns", options.lineIds)},\n  "results": [`,
    item: (row) => {
      if (row.error) {
        errors.push({ ...row.error, at: at++ });
        return "";
      }
      at++;
      const text = `${first ? "" : ","}\n    ${indent(JSON.stringify(row.result.record(), null, 2))}`;
      first = false;
      return text;
    },
    end: (summary) => [`${first ? "" : "\n  "}],\n${field("errors", errors)},\n${field("summary", summary)}\n}\n`],
  };
}
