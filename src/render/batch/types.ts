// What a batch report is made of: its formats, the options every writer takes, the rows
// it writes (a scenario priced now, or one read back from a saved report: the same to a
// writer) and the writer itself. Apart from ./writers.ts, which picks the writer, so that
// the writers (./csv.ts, ./summary.ts) and the picker never import each other in a circle.
import type { Subtotals } from "../../calculator/types.js";
import type { Lang } from "../../i18n/lang.js";
import type { BatchErrorRecord, BatchResultRecord, BatchSummaryJson } from "../../report/batch.js";
import type { Styles } from "../styles.js";

export const REPORT_FORMATS = ["table", "json", "jsonl", "csv", "markdown", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A priced scenario as the writers see it: what they show, and its record as the JSON states it. */
export interface PricedRow {
  id: string;
  source: string;
  plan: string;
  /** the edition's name, in the report's language */
  planName: string;
  subtotals: Subtotals;
  total: string;
  currency: string;
  catalog: { id: string; version: string };
  /** its violations (their codes) and its lines (their amounts): the bill's or the record's own, not copied */
  violations: readonly { code: string }[];
  lines: readonly { id: string; amount: string }[];
  /** its id and source, then its estimate: described only by the formats that write it whole */
  record(): BatchResultRecord;
}

export type BatchRow = { result: PricedRow; error?: undefined } | { result?: undefined; error: BatchErrorRecord };

export interface ReportWriter {
  start(): string;
  item(row: BatchRow): string;
  /** the rest of the report, in chunks (a table of 100,000 rows is drawn at the end) */
  end(summary: BatchSummaryJson): Iterable<string>;
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
