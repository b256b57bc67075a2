// A diff of two estimates as a terminal table, markdown (for a PR comment) or JSON.
import Table from "cli-table3";
import type { EstimateDiff } from "../diff/diff.js";
import { formatMoney } from "../util/format.js";
import { printable } from "../util/printable.js";
import { plainStyles, type Styles } from "./styles.js";

const MARKERS = { "+": "+", "-": "−", "~": "~", "=": " " } as const;

function rows(diff: EstimateDiff) {
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, diff.currency));
  const signed = (amount: string) =>
    amount.startsWith("-") ? formatMoney(amount, diff.currency) : `+${formatMoney(amount, diff.currency)}`;
  const percent = (value: string | null) => (value === null ? "—" : `${value.startsWith("-") ? "" : "+"}${value}%`);
  return {
    lines: diff.lines.map((line) => [
      MARKERS[line.marker],
      line.label,
      money(line.before),
      money(line.after),
      line.marker === "=" ? "" : signed(line.change),
      line.marker === "=" ? "" : percent(line.percent),
    ]),
    total: [
      "",
      "Total",
      money(diff.total.before),
      money(diff.total.after),
      signed(diff.total.change),
      percent(diff.total.percent),
    ],
  };
}

const HEAD = ["", "Line", "Before", "After", "Change", "%"];

export function renderDiffTable(diff: EstimateDiff, styles: Styles = plainStyles): string {
  const { lines, total } = rows(diff);
  const table = new Table({
    head: HEAD.map((cell) => styles.bold(cell)),
    colAligns: ["left", "left", "right", "right", "right", "right"],
    // No colours of cli-table3's own: it picks them by TERM even in a pipe.
    style: { head: [], border: [], compact: true },
  });
  const colour = { "+": styles.error, "−": styles.success, "~": styles.warning, " ": styles.dim } as Record<
    string,
    (text: string) => string
  >;
  for (const row of lines)
    table.push(row.map((cell, index) => (index === 0 ? (colour[row[0]!] ?? String)(cell) : cell)));
  table.push(total.map((cell) => styles.bold(cell)));
  return `${table.toString()}\n`;
}

export function renderDiffMarkdown(diff: EstimateDiff, title?: string): string {
  const { lines, total } = rows(diff);
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const row = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const out = title ? [`### ${printable(title)}`, ""] : [];
  out.push(
    row(HEAD),
    "|---|---|---:|---:|---:|---:|",
    ...lines.map(row),
    row(total.map((text) => (text ? `**${text}**` : ""))),
  );
  return `${out.join("\n")}\n`;
}

export const renderDiffJson = (diff: EstimateDiff): string => `${JSON.stringify({ version: 1, ...diff }, null, 2)}\n`;
