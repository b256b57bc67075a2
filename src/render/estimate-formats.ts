// One estimate as markdown (a wiki, a pull request) and as CSV (a spreadsheet): its lines,
// the subtotals and the total, then which prices made it. The same words as the table.
import { listLabel } from "./pricing.js";
import type { Estimate } from "../calculator/types.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { lineNotes, pricesSaid, shownSubtotals } from "./describe.js";
import { markdownFooter, markdownText } from "./markdown.js";
import { csvRow } from "./batch/csv.js";
import { markedLabel, statusLegend } from "./certainty.js";

export function renderEstimateMarkdown(estimate: Estimate, lang: Lang): string {
  const t = messages[lang];
  const money = (amount: string) => formatMoney(amount, estimate.currency);
  const row = (cells: string[], bold = false) =>
    `| ${cells.map((text) => (bold && text ? `**${markdownText(text)}**` : markdownText(text))).join(" | ")} |`;
  const out = [
    `### ${markdownText(t.estimateTitle(estimate.name, estimate.planName))}`,
    "",
    row([t.item, t.quantity, t.formula, t.amount]),
    "|---|---|---|---:|",
    ...estimate.lines.map((line) =>
      row([
        markedLabel(line),
        line.category === "discount" ? "" : `${formatNumber(line.quantity)} × ${money(line.unitPrice)}/${line.unit}`,
        line.category === "discount" || line.explain === t.packageExplain ? "" : line.explain,
        money(line.amount),
      ]),
    ),
    ...shownSubtotals([estimate]).map((key) => row([t.subtotal[key], "", "", money(estimate.subtotals[key])])),
    row([t.total, "", "", money(estimate.total)], true),
    "",
    ...statusLegend(estimate.lines, lang).flatMap((line) => [markdownText(line), ""]),
    ...estimate.violations.map((finding) => `- ✗ ${markdownText(finding.message)} \\[${markdownText(finding.code)}\\]`),
    ...lineNotes(estimate).map((finding) => `- ${markdownText(finding.message)}`),
    // The notes about the prices are the footer's.
    ...(estimate.violations.length + lineNotes(estimate).length > 0 ? [""] : []),
    ...markdownFooter(pricesSaid(estimate), lang),
  ];
  return `${out.join("\n")}\n`;
}

/**
 * A row a line (id, category, label, quantity, unit, unit price, amount, formula, and how
 * sure the figures that priced it are), then the subtotals and the total.
 */
export function renderEstimateCsv(estimate: Estimate): string {
  const rows = [
    csvRow([
      "id",
      "category",
      "label",
      "quantity",
      "unit",
      "unit_price",
      "amount",
      "explain",
      "currency",
      "catalog",
      "status",
    ]),
    ...estimate.lines.map((line) =>
      csvRow([
        line.id,
        line.category,
        line.label,
        line.quantity,
        line.unit,
        line.unitPrice,
        line.amount,
        line.explain,
        estimate.currency,
        listLabel(estimate.pricing.catalog),
        line.status ?? "",
      ]),
    ),
    ...(["base", "overage", "addons", "discount"] as const).map((key) =>
      csvRow([`subtotal.${key}`, "", "", "", "", "", estimate.subtotals[key], "", estimate.currency, "", ""]),
    ),
    csvRow(["total", "", "", "", "", "", estimate.total, "", estimate.currency, "", ""]),
  ];
  return rows.join("");
}
