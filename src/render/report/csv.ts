// CSV (RFC 4180): a row per scenario, a column per line id the catalog can produce,
// then the subtotals and the total. Quoted where needed, CRLF line ends, UTF-8.
import { lineIds } from "../../catalog/line-ids.js";
import type { ReportOptions, ReportWriter } from "./writers.js";

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const row = (fields: string[]) => `${fields.map(csvField).join(",")}\r\n`;

export function csvWriter(options: ReportOptions): ReportWriter {
  const ids = lineIds(options.catalog);
  const subtotals = ["subtotal.base", "subtotal.overage", "subtotal.addons", "subtotal.discount"];
  const header = ["id", "source", "plan", ...ids, ...subtotals, "total", "violations", "error"];
  return {
    start: () => `${options.bom ? "\uFEFF" : ""}${row(header)}`,
    item: ({ result, error }) => {
      if (error) return row([error.id, error.source, ...header.slice(2, -1).map(() => ""), error.error]);
      const amounts = new Map(result.lines.map((line) => [line.id, line.amount]));
      const { base, overage, addons, discount } = result.subtotals;
      return row([
        result.id,
        result.source,
        result.plan,
        ...ids.map((id) => amounts.get(id) ?? ""),
        base,
        overage,
        addons,
        discount,
        result.total,
        result.violations.map((violation) => violation.code).join(" "),
        "",
      ]);
    },
    end: () => "",
  };
}
