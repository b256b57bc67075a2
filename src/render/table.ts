// The estimate as a terminal table: the lines (each with its formula: a column of its
// own when the terminal is wide enough, else a row under the line), the subtotals and
// the total in three blocks, then violations and notes, then the prices used. Sized to
// the terminal: 80 columns when unknown.
import type { Estimate, Line } from "../calculator/types.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { printable, printableLine } from "../util/printable.js";
import { fitsWhole, gridText, type Cell, type Grid, type GridColumn } from "./grid.js";
import { plainStyles, type Styles } from "./styles.js";
import { pricingLines } from "./pricing.js";
import { lineNotes, nextStepText, pricesSaid, showsFormula, shownSubtotals, type PricesSaid } from "./describe.js";
import { fitLine, wrapText, hangingText } from "./text.js";
import { certaintyLine, markedLabel, statusLegend } from "./certainty.js";

export interface TableOptions {
  lang: Lang;
  styles?: Styles;
  /** terminal width; 80 when unknown */
  width?: number;
  /** show each line's formula (default true) */
  explain?: boolean;
}

export function renderTable(estimate: Estimate, options: TableOptions): string {
  const t = messages[options.lang];
  const styles = options.styles ?? plainStyles;
  const width = options.width ?? 80;
  const money = (amount: string) => formatMoney(amount, estimate.currency);
  // A discount reads best as its formula ("15% × ¥2,499.00").
  const quantity = (line: Line) =>
    line.category === "discount"
      ? line.explain
      : `${formatNumber(line.quantity)} × ${money(line.unitPrice)}/${line.unit}`;
  // "package fee" or "requested" says nothing the label does not; a discount's formula is its quantity.
  const explained = (line: Line) => options.explain !== false && showsFormula(line, options.lang);
  const subtotals = shownSubtotals([estimate]).map((key): [string, string] => [
    t.subtotal[key],
    estimate.subtotals[key],
  ]);

  const bold = (text: string) => ({ text, style: styles.bold });
  const layout = (withColumn: boolean): Grid => {
    const columns: GridColumn[] = [
      { flexible: true, min: 12, maxLines: 3 },
      { flexible: true, min: 12, maxLines: 3 },
      ...(withColumn ? [{ flexible: true, min: 16, maxLines: 4 }] : []),
      { align: "right" },
    ];
    const spanAll = columns.length - 1;
    const lines: Cell[][] = [];
    for (const line of estimate.lines) {
      // A stepped line's explanation ends with where its next step starts: a row of its own here.
      const step = line.headroom && nextStepText(line.headroom, money, options.lang);
      const formula =
        step && line.explain.endsWith(`; ${step}`) ? line.explain.slice(0, -step.length - 2) : line.explain;
      lines.push([
        markedLabel(line),
        quantity(line),
        ...(withColumn ? [explained(line) ? { text: formula, style: styles.dim } : ""] : []),
        money(line.amount),
      ]);
      // Under the line when there is no room for a column: its formula, indented.
      if (!withColumn && explained(line))
        lines.push([{ text: `  ${formula}`, span: spanAll, style: styles.dim, wrap: true }, ""]);
      if (step && options.explain !== false)
        lines.push([{ text: `  ${step}`, span: spanAll, style: styles.dim, wrap: true }, ""]);
    }
    return {
      columns,
      width,
      sections: [
        [[t.item, t.quantity, ...(withColumn ? [t.formula] : []), t.amount].map(bold)],
        lines,
        subtotals.map(([label, amount]) => [{ text: label, span: spanAll }, money(amount)]),
        [[{ ...bold(t.total), span: spanAll }, bold(money(estimate.total))]],
      ],
    };
  };
  // The formula gets a column when every column fits at its natural width, else a row.
  const wide = layout(true);
  const fits = !estimate.lines.some(explained) ? false : fitsWhole(wide);
  const table = gridText(fits ? wide : layout(false));

  // A name is the user's: control characters escaped, and cut to the line (it may be a megabyte).
  const name = estimate.name === null ? null : fitLine(printableLine(estimate.name), Math.max(16, width - 30));
  // The edition's name may come from a price file: escaped too, and wrapped to the width.
  const title = wrapText(t.estimateTitle(name, printableLine(estimate.planName)), width).join("\n");
  const out = [styles.bold(title), table.trimEnd()];
  // What the marks on the lines say of the figures that priced them.
  out.push(...statusLegend(estimate.lines, options.lang).map((line) => styles.dim(hangingText(line, width))));
  // Under a "  ✗ " or "  • " mark: lines of the width less the mark, the next ones indented as much.
  // Messages quote user text (names of a price file's editions and add-ons): shown escaped.
  const wrap = (text: string, mark = 4) => wrapText(printable(text), width - mark).join(`\n${" ".repeat(mark)}`);
  if (estimate.violations.length > 0) {
    out.push(
      styles.error(t.violations),
      ...estimate.violations.map((v) => styles.error(`  ✗ ${wrap(`${v.message} [${v.code}]`)}`)),
    );
  }
  // What is said of the prices (a list not in effect, a pin that lost) goes in the footer, with the prices.
  const notes = lineNotes(estimate);
  if (notes.length > 0) out.push(t.notes, ...notes.map((note) => `  • ${wrap(note.message)}`));
  out.push(...footer(pricesSaid(estimate), options.lang, styles, width));
  return `${out.join("\n")}\n`;
}

/** Which prices made the bill, then what is said of them. */
export function footer(prices: PricesSaid, lang: Lang, styles: Styles, width: number): string[] {
  const wrap = (text: string) => hangingText(text, width);
  const certainty = certaintyLine(prices, lang);
  return [
    ...pricingLines(prices.pricing, lang).map((line) => styles.dim(wrap(printableLine(line)))),
    ...(certainty === undefined ? [] : [styles.dim(wrap(certainty))]),
    ...prices.said.map((note) => styles.warning(wrap(printableLine(note)))),
  ];
}
