// What a batch report is made of: its formats, the options every writer takes, and the
// writer itself. Apart from ./writers.ts, which picks the writer, so that the writers
// (./csv.ts, ./summary.ts) and the picker never import each other in a circle.
import type { BatchItem, BatchSummary } from "../../batch/price.js";
import type { Lang } from "../../i18n/lang.js";
import type { Styles } from "../styles.js";

export const REPORT_FORMATS = ["table", "json", "jsonl", "csv", "markdown", "html"] as const;
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
