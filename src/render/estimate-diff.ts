// A diff of two estimates as a terminal table, markdown (for a PR comment) or JSON:
// the edition and the price list first when they change, then the lines, each side
// under its own label, then the total.
import type { DiffSide, EstimateDiff } from "../estimate-diff/diff.js";
import type { Lang } from "../i18n/lang.js";
import type { DiffReport } from "../report/diff.js";
import { messages } from "../i18n/messages.js";
import { formatMoney } from "../util/format.js";
import { printable } from "../util/printable.js";
import { renderGrid, type Cell, type GridColumn } from "./grid.js";
import { plainStyles, type Styles } from "./styles.js";
import { markdownText } from "./markdown.js";
import { listLabel, pricingLines } from "./pricing.js";
import { hangingText } from "./text.js";

const MARKERS = { "+": "+", "-": "−", "~": "~", "=": " " } as const;

/** A line's label; where the two sides differ (another edition, another tier), both, the new one below. */
const labelOf = (line: EstimateDiff["lines"][number], separator: string) =>
  line.beforeLabel !== null && line.afterLabel !== null && line.beforeLabel !== line.afterLabel
    ? `${line.beforeLabel}${separator}→ ${line.afterLabel}`
    : line.label;

/** A change of an amount, signed: "+¥500.00", "-¥20.00". */
export const signedMoney = (amount: string, currency: string): string =>
  amount.startsWith("-") ? formatMoney(amount, currency) : `+${formatMoney(amount, currency)}`;

/** A change in percent, signed; "—" where there was nothing to change from. */
export const signedPercent = (value: string | null): string =>
  value === null ? "—" : `${value.startsWith("-") ? "" : "+"}${value}%`;

function rows(diff: EstimateDiff, lang: Lang, separator: string) {
  const t = messages[lang].diff;
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, diff.currency));
  const signed = (amount: string) => signedMoney(amount, diff.currency);
  const percent = signedPercent;
  const prices = (side: DiffSide) => listLabel(side.catalog);
  const head: string[][] = [];
  if (diff.planChanged) head.push(["~", t.edition(diff.before.planName, diff.after.planName), "", "", "", ""]);
  if (diff.catalogChanged) head.push(["~", t.prices(prices(diff.before), prices(diff.after)), "", "", "", ""]);
  // Prices that changed with the same list: a price file, the config, the discount.
  else if (diff.pricingChanged) {
    const [before, after] = [sidePricing(diff.before, lang), sidePricing(diff.after, lang)];
    for (const [index, line] of after.entries())
      if (line !== before[index]) head.push(["~", `${before[index] ?? "—"} → ${line}`, "", "", "", ""]);
    for (const line of before.slice(after.length)) head.push(["~", `${line} → —`, "", "", "", ""]);
  }
  return {
    head,
    lines: diff.lines.map((line) => [
      MARKERS[line.marker],
      labelOf(line, separator),
      money(line.before),
      money(line.after),
      line.marker === "=" ? "" : signed(line.change),
      line.marker === "=" ? "" : percent(line.percent),
    ]),
    total: [
      "",
      messages[lang].total,
      money(diff.total.before),
      money(diff.total.after),
      signed(diff.total.change),
      percent(diff.total.percent),
    ],
  };
}

/** A side's provenance in lines (the list, its files, config, discount), and the rate it was converted at. */
function sidePricing(side: DiffSide, lang: Lang): string[] {
  const lines = side.pricing ? pricingLines(side.pricing, lang) : [listLabel(side.catalog)];
  if (side.converted) lines.push(messages[lang].diff.converted(side.converted.from, side.converted.rate));
  return lines;
}

/** Which prices made each side: one set of lines where both have the same, else each side's. */
function footerLines(diff: EstimateDiff, lang: Lang): string[] {
  const t = messages[lang].pricing;
  const [before, after] = [sidePricing(diff.before, lang), sidePricing(diff.after, lang)];
  const said = [...new Set([...diff.before.said, ...diff.after.said])];
  if (!diff.pricingChanged && !diff.before.converted) return [...after, ...said];
  return [
    ...before.map((line) => messages[lang].diff.pricesOf(t.before, line)),
    ...after.map((line) => messages[lang].diff.pricesOf(t.after, line)),
    ...said,
  ];
}

const headOf = (lang: Lang) => {
  const t = messages[lang].diff;
  return ["", t.line, t.before, t.after, t.change, "%"];
};

/** The colour of a change's mark: a rise (or a failure) red, a fall green, a change yellow. */
export const markStyles = (styles: Styles): Record<string, (text: string) => string> => ({
  "+": styles.error,
  "−": styles.success,
  "~": styles.warning,
  "!": styles.error,
  " ": styles.dim,
});

export function renderDiffTable(
  diff: EstimateDiff,
  styles: Styles = plainStyles,
  lang: Lang = "en",
  width = 80,
): string {
  const { head, lines, total } = rows(diff, lang, "\n");
  const colour = markStyles(styles);
  // The percentage is a detail: left out where the width has no room for it.
  const columns: GridColumn[] = [
    {},
    // Both sides' labels, whole: the tier that changed is at their end ("… 30 days → … 180 days").
    { flexible: true, min: 12, maxLines: 8 },
    ...[0, 1, 2].map(() => ({ align: "right" as const })),
    { align: "right", optional: true },
  ];
  const marked = (row: string[]): Cell[] =>
    row.map((text, index) => (index === 0 ? { text, style: colour[text] } : text));
  // The edition and price list rows span the amounts: they have none.
  const spanned = (row: string[]): Cell[] => [
    { text: row[0]!, style: styles.warning },
    { text: row[1]!, span: 5 },
  ];
  const footer = footerLines(diff, lang).map((line) => styles.dim(hangingText(printable(line), width)));
  return [
    ...renderGrid({
      columns,
      width,
      sections: [
        [headOf(lang).map((text) => ({ text, style: styles.bold }))],
        [...head.map(spanned), ...lines.map(marked)],
        [total.map((text) => ({ text, style: styles.bold }))],
      ],
    }),
    `${footer.join("\n")}\n`,
  ].join("");
}

/** `footer: false`: without the prices (a report of many diffs says them once). */
export function renderDiffMarkdown(
  diff: EstimateDiff,
  title?: string,
  lang: Lang = "en",
  { footer = true, level = 3 } = {},
): string {
  const { head, lines, total } = rows(diff, lang, " ");
  const row = (cells: string[], bold = false) =>
    `| ${cells.map((text) => (bold && text ? `**${markdownText(text)}**` : markdownText(text))).join(" | ")} |`;
  const out = title ? [`${"#".repeat(level)} ${markdownText(title)}`, ""] : [];
  out.push(
    row(headOf(lang)),
    "|---|---|---:|---:|---:|---:|",
    ...head.map((cells) => row(cells)),
    ...lines.map((cells) => row(cells)),
    row(total, true),
    "",
    ...(footer ? footerLines(diff, lang).map((line) => `${markdownText(line)}  `) : []),
  );
  return `${out.join("\n").trimEnd()}\n`;
}

/** The diff report, as `diff --format json` prints it. */
export const diffReport = (diff: EstimateDiff, lang: Lang): DiffReport => ({ kind: "diff", version: 1, lang, ...diff });
