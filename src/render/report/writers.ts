// Batch reports. Each writer turns items into text as they come: the streaming ones
// (jsonl, csv, json) write every item at once, the summary ones (table, markdown)
// keep one small row per scenario and draw at the end.
import type { BatchItem, BatchSummary } from "../../batch/price.js";
import type { Lang } from "../../i18n/lang.js";
import type { Styles } from "../styles.js";

export const REPORT_FORMATS = ["table", "json", "jsonl", "csv", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportWriter {
  start(): string;
  item(item: BatchItem): string;
  /** the rest of the report, in chunks (a table of 100,000 rows is drawn at the end) */
  end(summary: BatchSummary): Iterable<string>;
}

export interface ReportOptions {
  /** the line ids any scenario of the run may have: the CSV's columns */
  lineIds: readonly string[];
  lang: Lang;
  styles: Styles;
  width?: number;
  /** a byte-order mark before CSV, for spreadsheet apps */
  bom?: boolean;
}

export async function reportWriter(format: ReportFormat, options: ReportOptions): Promise<ReportWriter> {
  switch (format) {
    case "jsonl":
      return {
        start: () => "",
        item: (item) => `${JSON.stringify(item.result ?? item.error)}\n`,
        end: () => [],
      };
    case "json":
      return jsonWriter();
    case "csv":
      return (await import("./csv.js")).csvWriter(options);
    case "table":
    case "markdown":
      return (await import("./summary.js")).summaryWriter(format, options);
  }
}

/** `{ version, results, errors, summary }`, results written as they come. */
function jsonWriter(): ReportWriter {
  const errors: unknown[] = [];
  let first = true;
  const indent = (text: string) => text.replace(/\n/g, "\n    ");
  return {
    start: () => '{\n  "version": 1,\n  "results": [',
    item: (item) => {
      if (item.error) {
        errors.push(item.error);
        return "";
      }
      const text = `${first ? "" : ","}\n    ${indent(JSON.stringify(item.result, null, 2))}`;
      first = false;
      return text;
    },
    end: (summary) => {
      const tail = (key: string, value: unknown) =>
        `  "${key}": ${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}`;
      return [`${first ? "" : "\n  "}],\n${tail("errors", errors)},\n${tail("summary", summary)}\n}\n`];
    },
  };
}
