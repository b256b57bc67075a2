// CSV (RFC 4180): a row per scenario, a column per line id the catalog can produce,
// then the subtotals and the total. Quoted where needed, CRLF line ends, UTF-8.
import type { Catalog } from "../../catalog/schema.js";
import { editionIds } from "../../catalog/editions.js";
import type { ReportOptions, ReportWriter } from "./writers.js";

/** Every priced line id an estimate with this catalog can have, in estimate order (the discount is a subtotal). */
export function lineIds(catalog: Catalog): string[] {
  const addons = new Set(editionIds.flatMap((id) => Object.keys(catalog.editions[id].addons)));
  return ["package", "overage.dau", "overage.groups", ...[...addons].map((key) => `addon.${key}`)];
}

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
