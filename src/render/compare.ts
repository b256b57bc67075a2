// A comparison of the editions: a column per edition, a row per line id, the subtotals,
// the total, whether each fits, then the recommendation. Table or markdown.
import type { Comparison } from "../advisor/compare.js";
import { lineIds } from "../catalog/line-ids.js";
import type { Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney } from "../util/format.js";
import { plainStyles, type Styles } from "./styles.js";
import { gridText } from "./grid.js";
import { wrapText } from "./text.js";
import { footer } from "./table.js";
import { markdownFooter, markdownText } from "./markdown.js";
import { printable } from "../util/printable.js";

function grid(comparison: Comparison, catalog: Catalog, lang: Lang) {
  const t = messages[lang];
  const money = (amount: string | undefined) => (amount === undefined ? "—" : formatMoney(amount, catalog.currency));
  const estimates = Object.values(comparison.editions);
  // Editions sold by contract: a column with no amounts, "on request", and whether their stated limits fit.
  const onRequest = comparison.onRequest;
  const blank = onRequest.map(() => "—");
  const present = new Set(estimates.flatMap((estimate) => estimate.lines.map((line) => line.id)));
  const ids = [...lineIds(catalog), "discount"].filter((id) => present.has(id));
  // The package line's label names an edition: the row is just the package fee.
  const labelOf = (id: string) =>
    id === "package" ? t.prices.packageFee : estimates.flatMap((e) => e.lines).find((line) => line.id === id)!.label;
  const head = [t.compare.line, ...estimates.map((e) => e.planName), ...onRequest.map((e) => e.planName)];
  const lines = ids.map((id) => [
    labelOf(id),
    ...estimates.map((e) => money(e.lines.find((line) => line.id === id)?.amount)),
    ...(id === "package" ? onRequest.map(() => t.compare.onRequestCell) : blank),
  ]);
  const subtotals = (["base", "overage", "addons", "discount"] as const)
    .filter((key) => key !== "discount" || estimates.some((e) => e.subtotals.discount !== "0.00"))
    .map((key) => [t.subtotal[key], ...estimates.map((e) => money(e.subtotals[key])), ...blank]);
  const total = [t.total, ...estimates.map((e) => money(e.total)), ...onRequest.map(() => t.compare.onRequestCell)];
  const fitsCell = (violations: readonly unknown[]) =>
    violations.length === 0 ? t.compare.fitsYes : `✗ ${violations.length}`;
  const fits = [
    t.compare.fits,
    ...estimates.map((e) => fitsCell(e.violations)),
    ...onRequest.map((e) => fitsCell(e.violations)),
  ];
  const why = [...estimates, ...onRequest]
    .filter((e) => e.violations.length > 0)
    .map((e) =>
      t.compare.why(
        e.planName,
        e.violations.map((v) => v.message),
      ),
    );
  for (const edition of onRequest)
    if (edition.violations.length === 0) why.push(t.compare.onRequestFits(edition.planName));
  const recommendation = comparison.recommendation
    ? t.compare.recommendationLine(comparison.recommendation.reason)
    : t.compare.none;
  return { head, lines, subtotals, total, fits, why, recommendation };
}

export function renderCompareTable(
  comparison: Comparison,
  catalog: Catalog,
  lang: Lang,
  styles: Styles = plainStyles,
  width = 80,
): string {
  const { head, lines, subtotals, total, fits, why, recommendation } = grid(comparison, catalog, lang);
  const table = gridText({
    columns: [{ flexible: true, min: 12, maxLines: 3 }, ...head.slice(1).map(() => ({ align: "right" as const }))],
    width,
    sections: [
      [head.map((text) => ({ text, style: styles.bold }))],
      lines,
      subtotals,
      [total.map((text) => ({ text, style: styles.bold }))],
      [fits],
    ],
  });
  const wrap = (text: string) => wrapText(printable(text), width).join("\n");
  const out = [table.trimEnd(), ...why.map((text) => styles.error(wrap(text)))];
  out.push(comparison.recommendation ? styles.success(wrap(recommendation)) : styles.warning(wrap(recommendation)));
  const first = Object.values(comparison.editions)[0];
  if (first) out.push(...footer(first, lang, styles, width));
  return `${out.join("\n")}\n`;
}

export function renderCompareMarkdown(comparison: Comparison, catalog: Catalog, lang: Lang): string {
  const { head, lines, subtotals, total, fits, why, recommendation } = grid(comparison, catalog, lang);
  // Cells are user text (edition and add-on names of a price file): escaped, then made bold where bold.
  const row = (cells: string[], bold = false) =>
    `| ${cells.map((text) => (bold && text ? `**${markdownText(text)}**` : markdownText(text))).join(" | ")} |`;
  const out = [
    row(head),
    `|---|${head
      .slice(1)
      .map(() => "---:")
      .join("|")}|`,
    ...lines.map((cells) => row(cells)),
    ...subtotals.map((cells) => row(cells)),
  ];
  out.push(
    row(total, true),
    row(fits),
    "",
    ...why.map((text) => `- ${markdownText(text)}`),
    "",
    markdownText(recommendation),
  );
  const first = Object.values(comparison.editions)[0];
  if (first) out.push("", ...markdownFooter(first, lang));
  return `${out.join("\n")}\n`;
}
