// The estimate as a terminal table: the lines, the subtotals and the total in three
// blocks, then violations and notes. Sized to the terminal (80 columns when unknown).
import Table from "cli-table3";
import type { Estimate, Line } from "../calculator/types.js";
import type { Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { plainStyles, type Styles } from "./styles.js";
import { printableLine } from "../util/printable.js";
import { displayWidth, fitLine, stackRows, wrapText } from "./text.js";
import { maxOf } from "../util/array.js";

export interface TableOptions {
  lang: Lang;
  catalog: Catalog;
  styles?: Styles;
  /** terminal width; 80 when unknown */
  width?: number;
}

const PADDING = 2; // cli-table3's one space either side
const BORDERS = 4; // │ a │ b │ c │
const MIN_LABEL = 16;
const MIN_QUANTITY = 12;

export function renderTable(estimate: Estimate, options: TableOptions): string {
  const t = messages[options.lang];
  const styles = options.styles ?? plainStyles;
  const money = (amount: string) => formatMoney(amount, estimate.currency);
  // A discount reads best as its formula ("15% × ¥2,499.00").
  const quantity = (line: Line) =>
    line.category === "discount"
      ? line.explain
      : `${formatNumber(line.quantity)} × ${money(line.unitPrice)}/${line.unit}`;
  const subtotals: [string, string][] = [
    [t.subtotal.base, estimate.subtotals.base],
    [t.subtotal.overage, estimate.subtotals.overage],
    [t.subtotal.addons, estimate.subtotals.addons],
  ];
  if (estimate.subtotals.discount !== "0.00") subtotals.push([t.subtotal.discount, estimate.subtotals.discount]);

  // The amount column fits its widest cell; the label and quantity columns share the
  // rest of the terminal, the label wrapping first, then the quantity.
  const widest = (texts: string[]) => maxOf(texts.map(displayWidth));
  const amountWidth = widest([t.amount, ...[estimate.total, ...estimate.lines.map((l) => l.amount)].map(money)]);
  const terminal = Math.max(40, Math.min(options.width ?? 80, 120));
  const available = terminal - BORDERS - 3 * PADDING - amountWidth;
  let quantityWidth = widest([t.quantity, ...estimate.lines.map(quantity)]);
  const labelNeeds = widest([t.item, ...estimate.lines.map((l) => l.label), ...subtotals.map(([label]) => label)]);
  const labelWidth = Math.min(labelNeeds, Math.max(MIN_LABEL, available - quantityWidth));
  quantityWidth = Math.min(quantityWidth, Math.max(MIN_QUANTITY, available - labelWidth));

  const lineBlock = stackRows(
    estimate.lines.map((line) => [line.label, quantity(line), money(line.amount)]),
    [labelWidth, quantityWidth, amountWidth],
  );

  const table = new Table({
    head: [t.item, wrapText(t.quantity, quantityWidth).join("\n"), t.amount].map((text) => styles.bold(text)),
    colWidths: [labelWidth + PADDING, quantityWidth + PADDING, amountWidth + PADDING],
    colAligns: ["left", "left", "right"],
    // No colours of cli-table3's own: it picks them by TERM even in a pipe. Styles do it.
    style: { head: [], border: [] },
  });
  table.push(
    lineBlock,
    [
      { colSpan: 2, content: subtotals.map(([label]) => label).join("\n") },
      { content: subtotals.map(([, amount]) => money(amount)).join("\n"), hAlign: "right" },
    ],
    [
      { colSpan: 2, content: styles.bold(t.total) },
      { content: styles.bold(money(estimate.total)), hAlign: "right" },
    ],
  );

  const edition = options.catalog.editions[estimate.plan].name[options.lang];
  // A name is the user's: control characters escaped, and cut to the line (it may be a megabyte).
  const name = estimate.name === null ? null : fitLine(printableLine(estimate.name), Math.max(16, terminal - 30));
  const out = [styles.bold(t.estimateTitle(name, edition)), table.toString()];
  if (estimate.violations.length > 0) {
    out.push(
      styles.error(t.violations),
      ...estimate.violations.map((v) => styles.error(`  ✗ ${v.message} [${v.code}]`)),
    );
  }
  // That a newer list applies goes in the footer, with the prices it is about.
  const superseded = estimate.notes.filter((note) => note.code === "catalog.superseded");
  const notes = estimate.notes.filter((note) => note.code !== "catalog.superseded");
  if (notes.length > 0) out.push(t.notes, ...notes.map((note) => `  • ${note.message}`));
  const { id, version, currency } = estimate.catalog;
  out.push(
    styles.dim(t.catalogFooter(id, version, currency)),
    ...superseded.map((note) => styles.warning(note.message)),
  );
  return `${out.join("\n")}\n`;
}
