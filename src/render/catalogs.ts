// The built-in catalogs, and what differs between two catalogs, as tables.
import type { Catalog } from "../catalog/schema.js";
import type { FigureChange, FigureStatus } from "../catalog/figures.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { gridText } from "./grid.js";
import { wrapText } from "./text.js";
import type { Styles } from "./styles.js";

export interface CatalogRow {
  catalog: Catalog;
  counts: Record<FigureStatus, number>;
  isDefault: boolean;
  current: boolean;
}

export function renderCatalogsTable(rows: readonly CatalogRow[], lang: Lang, styles: Styles, width = 80): string {
  const t = messages[lang].catalogs;
  const table = gridText({
    columns: [{ flexible: true, min: 12 }, {}, {}, { align: "right" }, { align: "right" }, { align: "right" }],
    sections: [
      [
        [t.id, t.applies, t.currency, t.sourced, t.assumed, t.carriedOver].map((text) => ({
          text,
          style: styles.bold,
        })),
      ],
      rows.map(({ catalog, counts }) => [
        catalog.id,
        t.period(catalog.effective?.from ?? null, catalog.effective?.to ?? null),
        catalog.currency,
        String(counts.sourced),
        String(counts.assumed),
        String(counts.carriedOver),
      ]),
    ],
    width,
  });
  const isDefault = rows.find((row) => row.isDefault)?.catalog.id ?? "";
  const current = rows.find((row) => row.current)?.catalog.id ?? "—";
  const notes = [t.standing(isDefault, current), t.legend].flatMap((text) => wrapText(text, width));
  return `${table}${notes.join("\n")}\n`;
}

export function renderCatalogDiff(
  before: Catalog,
  after: Catalog,
  changes: readonly FigureChange[],
  lang: Lang,
  styles: Styles,
  width = 80,
): string {
  const t = messages[lang].catalogs;
  if (changes.length === 0) return `${t.same(before.id, after.id)}\n`;
  const table = gridText({
    columns: [{ flexible: true, min: 20 }, { align: "right" }, { align: "right" }],
    sections: [
      [[t.figure, before.id, after.id].map((text) => ({ text, style: styles.bold }))],
      changes.map((change) => [change.path, change.before ?? "—", change.after ?? "—"]),
    ],
    width,
  });
  return `${table}${t.changes(changes.length)}\n`;
}
