// The built-in catalogs, and what differs between two catalogs, as tables.
import type { Catalog } from "../catalog/schema.js";
import type { FigureChange } from "../catalog/figures.js";
import { FIGURE_STATUSES, sites, type FigureStatus } from "../vocabulary.js";
import { dataCenterOf, effectiveOf, siteOf } from "../catalog/index.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { fitsWhole, gridText, type Grid, type Row } from "./grid.js";
import { wrapText } from "./text.js";
import { printable } from "../util/printable.js";
import type { Styles } from "./styles.js";

export interface CatalogRow {
  catalog: Catalog;
  counts: Record<FigureStatus, number>;
  current: boolean;
}

export function renderCatalogsTable(rows: readonly CatalogRow[], lang: Lang, styles: Styles, width = 80): string {
  const t = messages[lang].catalogs;
  const bold = (text: string) => ({ text, style: styles.bold });
  // A section per site, under its name: the mainland's lists, then the international site's.
  const bySite = (title: (site: string) => Row, row: (each: CatalogRow) => Row): Row[][] =>
    sites.flatMap((site) => {
      const listed = rows.filter(({ catalog }) => siteOf(catalog) === site);
      return listed.length === 0 ? [] : [[title(messages[lang].interactive.sites[site]), ...listed.map(row)]];
    });
  const period = (catalog: Catalog) => t.period(catalog.effective?.from ?? null, catalog.effective?.to ?? null);
  // A column per kind of figure where they fit; else the counts under each other in one.
  const wide: Grid = {
    columns: [{ flexible: true, min: 12 }, {}, {}, {}, ...FIGURE_STATUSES.map(() => ({ align: "right" as const }))],
    sections: [
      [[t.id, t.applies, t.currency, t.verified, ...FIGURE_STATUSES.map((status) => t.status[status])].map(bold)],
      ...bySite(
        (site) => [{ ...bold(site), span: 4 + FIGURE_STATUSES.length }],
        ({ catalog, counts }) => [
          catalog.id,
          period(catalog),
          catalog.currency,
          catalog.lastVerified ?? "—",
          ...FIGURE_STATUSES.map((status) => String(counts[status])),
        ],
      ),
    ],
    width,
  };
  const narrow: Grid = {
    columns: [
      { flexible: true, min: 10 },
      { flexible: true, min: 10 },
      { flexible: true, min: 10, maxLines: 4 },
    ],
    sections: [
      [[t.id, t.applies, t.figures].map(bold)],
      ...bySite(
        (site) => [{ ...bold(site), span: 3 }],
        ({ catalog, counts }) => [
          `${catalog.id} (${catalog.currency})`,
          `${period(catalog)}${catalog.lastVerified ? `\n${t.verifiedOn(catalog.lastVerified)}` : ""}`,
          FIGURE_STATUSES.map((status) => messages[lang].prices.statusCount(status, counts[status])).join("\n"),
        ],
      ),
    ],
    width,
  };
  const table = gridText(fitsWhole(wide) ? wide : narrow);
  const current = rows
    .filter((row) => row.current)
    .map(({ catalog }) => ({ id: catalog.id, site: siteOf(catalog), dataCenter: dataCenterOf(catalog) }));
  const notes = [t.standing(current), t.legend].flatMap((text) => wrapText(text, width));
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
  if (changes.length === 0) return `${printable(t.same(before.id, after.id))}\n`;
  const table = gridText({
    // The catalogs' ids head the values: they wrap after a hyphen where the width is short.
    columns: [
      { flexible: true, min: 20 },
      { align: "right", flexible: true, min: 11 },
      { align: "right", flexible: true, min: 11 },
    ],
    sections: [
      [[t.figure, before.id, after.id].map((text) => ({ text, style: styles.bold }))],
      changes.map((change) => [change.path, change.before ?? "—", change.after ?? "—"]),
    ],
    width,
  });
  return `${table}${t.changes(changes.length)}\n`;
}

/** The built-in lists as JSON: each list's dates, site, when last checked and how sure its figures are. */
export function describeCatalogs(rows: readonly CatalogRow[]) {
  return rows.map(({ catalog, counts, current }) => ({
    id: catalog.id,
    version: catalog.version,
    title: catalog.title,
    currency: catalog.currency,
    site: siteOf(catalog),
    dataCenter: dataCenterOf(catalog),
    effective: effectiveOf(catalog),
    lastVerified: catalog.lastVerified ?? null,
    inEffectToday: current,
    figures: counts,
  }));
}
