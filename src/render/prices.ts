// The price sheet (./price-sheet.ts) drawn as terminal tables or as markdown.
import type { PriceSheet, Section } from "./price-sheet.js";
import { plainStyles, type Styles } from "./styles.js";
import { markdownText } from "./markdown.js";
import { printable } from "../util/printable.js";
import { gridText } from "./grid.js";
import { displayWidth, hangingText } from "./text.js";
import { maxOf } from "../util/array.js";

export function renderPriceTables(
  sheet: PriceSheet,
  options: { styles?: Styles; width?: number; assumptionsTitle: string },
): string {
  const styles = options.styles ?? plainStyles;
  const width = options.width ?? 80;
  // A price file's words (its title, its sources) are the user's: shown escaped.
  const note = (text: string) => hangingText(printable(text), width);
  const out = [
    styles.bold(note(sheet.title)),
    styles.dim(note(sheet.catalog)),
    ...sheet.provenance.map((line) => styles.dim(note(line))),
    styles.dim(note(sheet.counts)),
    "",
  ];
  for (const section of sheet.sections) out.push(styles.bold(section.title), table(section, width, styles), "");
  if (sheet.footnotes.length > 0) out.push(styles.bold(options.assumptionsTitle), ...sheet.footnotes.map(note));
  if (sheet.inferred.length > 0) out.push("", ...sheet.inferred.map(note));
  if (sheet.carriedOver) out.push("", note(sheet.carriedOver));
  for (const notice of sheet.notices) out.push("", styles.warning(note(notice)));
  return `${out.join("\n").trimEnd()}\n`;
}

/** Each column's narrowest: an amount such as "¥1,000.00/month" breaks after its slash, never inside. */
const MIN_COLUMN = 8;

/**
 * A section as a table within `width` columns, a rule between its rows (their cells
 * hold several lines). Where a column per edition cannot fit, a table per edition,
 * one under the other.
 */
function table(section: Section, width: number, styles: Styles): string {
  const draw = (head: string[], rows: string[][]) =>
    gridText({
      columns: head.map(() => ({ flexible: true, min: MIN_COLUMN, maxLines: 8 })),
      width,
      sections: [[head.map((text) => ({ text, style: styles.bold }))], ...rows.map((row) => [row])],
    }).trimEnd();
  // A column per edition fits when each is as wide as its longest word: an amount is never cut.
  const longestWord = (column: number) =>
    maxOf(
      [section.head, ...section.rows].flatMap((row) =>
        (row[column] ?? "").split(/\s+|(?<=\/)/).map((word) => displayWidth(word)),
      ),
    );
  const least = section.head.map((_, column) =>
    column < section.fixed ? MIN_COLUMN : Math.max(MIN_COLUMN, longestWord(column)),
  );
  const fits = least.reduce((sum, columnWidth) => sum + columnWidth + 3, 1) <= width;
  if (fits || section.head.length === section.fixed) return draw(section.head, section.rows);
  const fixed = (row: string[]) => row.slice(0, section.fixed);
  return section.head
    .slice(section.fixed)
    .map((edition, index) =>
      draw(
        [...fixed(section.head), edition],
        section.rows.map((row) => [...fixed(row), row[section.fixed + index]!]),
      ),
    )
    .join("\n");
}

export function renderPriceMarkdown(sheet: PriceSheet, assumptionsTitle: string): string {
  // A price file is a stranger's text: every word is escaped, and a break inside a cell is the one tag.
  const cell = (text: string) => text.split("\n").map(markdownText).join("<br>");
  const out = [
    `# ${markdownText(sheet.title)}`,
    "",
    // The lines under the title as the terminal shows them, each ending in a hard break.
    [sheet.catalog, ...sheet.provenance, sheet.counts].map(markdownText).join("  \n"),
    "",
  ];
  for (const section of sheet.sections) {
    out.push(`## ${markdownText(section.title)}`, "");
    out.push(`| ${section.head.map(cell).join(" | ")} |`, `|${section.head.map(() => "---").join("|")}|`);
    for (const row of section.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
    out.push("");
  }
  if (sheet.footnotes.length > 0)
    out.push(
      `## ${markdownText(assumptionsTitle)}`,
      "",
      ...sheet.footnotes.map((note) => `- ${markdownText(note.replace(/^\* /, ""))}`),
      "",
    );
  if (sheet.inferred.length > 0) out.push(...sheet.inferred.map((text) => `- ${markdownText(text)}`), "");
  if (sheet.carriedOver) out.push(markdownText(sheet.carriedOver), "");
  for (const notice of sheet.notices) out.push(`> ${markdownText(notice)}`, "");
  return `${out.join("\n").trimEnd()}\n`;
}
