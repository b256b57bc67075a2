// The price sheet (./price-sheet.ts) drawn as terminal tables or as markdown.
import Table from "cli-table3";
import type { PriceSheet, Section } from "./price-sheet.js";
import { plainStyles, type Styles } from "./styles.js";
import { displayWidth, wrapText } from "./text.js";
import { maxOf } from "../util/array.js";

const PADDING = 2;

export function renderPriceTables(
  sheet: PriceSheet,
  options: { styles?: Styles; width?: number; assumptionsTitle: string },
): string {
  const styles = options.styles ?? plainStyles;
  const width = Math.max(60, Math.min(options.width ?? 80, 160));
  const out = [styles.bold(sheet.title), styles.dim(sheet.catalog), ""];
  for (const section of sheet.sections) out.push(styles.bold(section.title), grid(section, width, styles), "");
  if (sheet.footnotes.length > 0)
    out.push(
      styles.bold(options.assumptionsTitle),
      ...sheet.footnotes.map((note) => wrapText(note, width).join("\n  ")),
    );
  if (sheet.carriedOver) out.push("", wrapText(sheet.carriedOver, width).join("\n  "));
  for (const notice of sheet.notices) out.push("", styles.warning(wrapText(notice, width).join("\n  ")));
  return `${out.join("\n").trimEnd()}\n`;
}

/** A table within `width` columns: every column gets what it needs, the widest give way. */
function grid(section: Section, width: number, styles: Styles): string {
  const columns = section.head.length;
  const needs = Array.from({ length: columns }, (_, column) =>
    maxOf([section.head, ...section.rows].flatMap((row) => (row[column] ?? "").split("\n").map(displayWidth))),
  );
  const available = width - (columns + 1) - columns * PADDING;
  const widths = [...needs];
  // Shrink the widest column a step at a time until the table fits.
  while (widths.reduce((a, b) => a + b, 0) > available) {
    const widest = widths.indexOf(maxOf(widths));
    if (widths[widest]! <= 8) break;
    widths[widest]!--;
  }
  const wrap = (cell: string, column: number) =>
    cell
      .split("\n")
      .flatMap((line) => wrapText(line, widths[column]!))
      .join("\n");
  const table = new Table({
    head: section.head.map((cell, column) => styles.bold(wrap(cell, column))),
    colWidths: widths.map((w) => w + PADDING),
    // No colours of cli-table3's own: it picks them by TERM even in a pipe.
    style: { head: [], border: [] },
  });
  for (const row of section.rows) table.push(row.map(wrap));
  return table.toString();
}

export function renderPriceMarkdown(sheet: PriceSheet, assumptionsTitle: string): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
  const out = [`# ${sheet.title}`, "", `Catalog: \`${sheet.catalog}\``, ""];
  for (const section of sheet.sections) {
    out.push(`## ${section.title}`, "");
    out.push(`| ${section.head.map(cell).join(" | ")} |`, `|${section.head.map(() => "---").join("|")}|`);
    for (const row of section.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
    out.push("");
  }
  if (sheet.footnotes.length > 0)
    out.push(`## ${assumptionsTitle}`, "", ...sheet.footnotes.map((note) => `- ${note.replace(/^\* /, "")}`), "");
  if (sheet.carriedOver) out.push(sheet.carriedOver, "");
  for (const notice of sheet.notices) out.push(`> ${notice}`, "");
  return `${out.join("\n").trimEnd()}\n`;
}
