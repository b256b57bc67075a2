// Batch reports. Each writer turns items into text as they come: the streaming ones
// (jsonl, csv, json) write every item at once, the summary ones (table, markdown)
// keep one small row per scenario and draw at the end.
import type { BatchError, BatchResult } from "../../batch/price.js";
import { textIn } from "../../errors.js";
import type { Lang } from "../../i18n/lang.js";
import { describe } from "../describe.js";
import { type ReportFormat, type ReportOptions, type ReportWriter } from "./types.js";

export { REPORT_FORMATS, type ReportFormat, type ReportOptions, type ReportWriter } from "./types.js";

export async function reportWriter(format: ReportFormat, options: ReportOptions): Promise<ReportWriter> {
  switch (format) {
    case "jsonl":
      return {
        start: () => "",
        item: (item) =>
          `${JSON.stringify(item.result ? resultJson(item.result, options.lang) : errorJson(item.error, options.lang))}\n`,
        end: () => [],
      };
    case "json":
      return jsonWriter(options.lang);
    case "csv":
      return (await import("./csv.js")).csvWriter(options);
    case "table":
    case "markdown":
      return (await import("./summary.js")).summaryWriter(format, options);
    case "html":
      return (await import("./html.js")).htmlWriter(options);
  }
}

/** A priced scenario as JSON: its id and source, then its estimate. */
export const resultJson = ({ id, source, bill }: BatchResult, lang: Lang) => ({ id, source, ...describe(bill, lang) });

/** A scenario that could not be priced as JSON: where, and what is wrong. */
export const errorJson = ({ id, source, error }: BatchError, lang: Lang) => ({
  id,
  source,
  error: textIn(error, lang),
});

/** `{ version, results, errors, summary }`, results written as they come. */
function jsonWriter(lang: Lang): ReportWriter {
  const errors: unknown[] = [];
  let first = true;
  const indent = (text: string) => text.replace(/\n/g, "\n    ");
  return {
    start: () => '{\n  "version": 1,\n  "results": [',
    item: (item) => {
      if (item.error) {
        errors.push(errorJson(item.error, lang));
        return "";
      }
      const text = `${first ? "" : ","}\n    ${indent(JSON.stringify(resultJson(item.result, lang), null, 2))}`;
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
