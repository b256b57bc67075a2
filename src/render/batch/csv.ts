// CSV (RFC 4180): a row per scenario, a column per line id the run's lists can produce,
// then the subtotals, the total, its currency and the price list; CRLF line ends, UTF-8. Written with csv-stringify,
// which quotes what needs quoting and neutralises cells a spreadsheet would run as a
// formula (=, +, -, @, tab, CR first: OWASP's "CSV injection"); amounts such as
// -154.85 stay numbers. Text goes through `printable` as on a terminal: a name's control or
// BiDi characters reach neither a terminal that shows the file nor a spreadsheet, as \u…
import { listLabel } from "../pricing.js";
import { stringify, type Options } from "csv-stringify/sync";
import type { ReportOptions, ReportWriter } from "./types.js";
import { printable } from "../../util/printable.js";

const NEGATIVE_AMOUNT = /^-\d+(\.\d+)?$/;

const OPTIONS: Options = {
  record_delimiter: "\r\n",
  escape_formulas: true,
  // A line break inside a field is quoted whatever the record delimiter.
  quoted_match: /[\r\n]/,
  cast: {
    string: (value) =>
      value.charCodeAt(0) === 45 && NEGATIVE_AMOUNT.test(value) ? { value, escape_formulas: false } : printable(value),
  },
};

/** The columns of an estimate's amounts in every CSV report (compare's editions, forecast's months). */
export const AMOUNT_COLUMNS = ["base", "overage", "addons", "discount", "total", "currency"] as const;

/** An estimate's amounts under AMOUNT_COLUMNS: its subtotals, its total and their currency. */
export const amountCells = (estimate: {
  subtotals: { base: string; overage: string; addons: string; discount: string };
  total: string;
  currency: string;
}): string[] => {
  const { base, overage, addons, discount } = estimate.subtotals;
  return [base, overage, addons, discount, estimate.total, estimate.currency];
};

/** One CSV record, with its line end. */
export const csvRow = (fields: readonly string[]): string => stringify([fields], OPTIONS);

export function csvWriter(options: ReportOptions): ReportWriter {
  const ids = options.lineIds;
  const subtotals = ["subtotal.base", "subtotal.overage", "subtotal.addons", "subtotal.discount"];
  const header = ["id", "source", "plan", ...ids, ...subtotals, "total", "currency", "catalog", "violations", "error"];
  return {
    start: () => `${options.bom ? "\uFEFF" : ""}${csvRow(header)}`,
    item: ({ result, error }) => {
      if (error) return csvRow([error.id, error.source, ...header.slice(2, -1).map(() => ""), error.error]);
      const amounts = new Map(result.lines.map((line) => [line.id, line.amount]));
      const { base, overage, addons, discount } = result.subtotals;
      const { catalog } = result;
      return csvRow([
        result.id,
        result.source,
        result.plan,
        ...ids.map((id) => amounts.get(id) ?? ""),
        base,
        overage,
        addons,
        discount,
        result.total,
        result.currency,
        listLabel(catalog),
        result.violations.map((violation) => violation.code).join(" "),
        "",
      ]);
    },
    end: () => [],
  };
}
