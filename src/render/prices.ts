// The price sheet (./price-sheet.ts) drawn as terminal tables or as markdown.
import type { PriceSheet, Section } from "./price-sheet.js";
import { plainStyles, type Styles } from "./styles.js";
import { gridText } from "./grid.js";
import { wrapText } from "./text.js";

export function renderPriceTables(
  sheet: PriceSheet,
  options: { styles?: Styles; width?: number; assumptionsTitle: string },
): string {
  const styles = options.styles ?? plainStyles;
  const width = options.width ?? 80;
  const out = [styles.bold(sheet.title), styles.dim(sheet.catalog), ""];
  for (const section of sheet.sections) out.push(styles.bold(section.title), table(section, width, styles), "");
  const note = (text: string) => wrapText(text, width - 2).join("\n  ");
  if (sheet.footnotes.length > 0) out.push(styles.bold(options.assumptionsTitle), ...sheet.footnotes.map(note));
  if (sheet.carriedOver) out.push("", note(sheet.carriedOver));
  for (const notice of sheet.notices) out.push("", styles.warning(note(notice)));
  return `${out.join("\n").trimEnd()}\n`;
}

/** A section as a table within `width` columns, a rule between its rows (their cells hold several lines). */
function table(section: Section, width: number, styles: Styles): string {
  return gridText({
    columns: section.head.map(() => ({ flexible: true, min: 8, maxLines: 8 })),
    width,
    sections: [[section.head.map((text) => ({ text, style: styles.bold }))], ...section.rows.map((row) => [row])],
  }).trimEnd();
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
