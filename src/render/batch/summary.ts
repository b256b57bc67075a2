// The summary report: a row per scenario (id, plan, subtotals, total, a mark for
// violations), the errors, then the grand total and the counts; as a terminal table or
// as markdown for a pull request or a wiki. Rows are kept small (strings) and drawn at
// the end, a chunk at a time.
import type { BatchSummaryJson } from "../../report/batch.js";
import type { Lang } from "../../i18n/lang.js";
import { messages } from "../../i18n/messages.js";
import { formatMoney } from "../../util/format.js";
import { printable } from "../../util/printable.js";
import { renderGrid, type GridColumn } from "../grid.js";
import { markdownPricingGroups, markdownText } from "../markdown.js";
import { pricingGroupLines } from "../pricing.js";
import { hangingText } from "../text.js";
import type { ReportOptions, ReportWriter } from "./types.js";
import { grandTotalText } from "./totals.js";

export function summaryWriter(format: "table" | "markdown", options: ReportOptions): ReportWriter {
  const t = messages[options.lang].batch;
  const rows: string[][] = [];
  const errors: string[] = [];
  let discounted = false;
  return {
    start: () => "",
    item: ({ result, error }) => {
      if (error) {
        errors.push(`${error.source}: ${error.id === error.source ? "" : `${error.id}: `}${error.error}`);
        return "";
      }
      const { base, overage, addons, discount } = result.subtotals;
      const money = (amount: string) => formatMoney(amount, result.currency);
      if (discount !== "0.00") discounted = true;
      rows.push([
        result.id,
        result.planName,
        money(base),
        money(overage),
        money(addons),
        money(discount),
        money(result.total),
        result.violations.length > 0 ? "✗" : "",
      ]);
      return "";
    },
    end: (summary) => {
      // The discount column only when some scenario has one.
      const keep = (cells: string[]) => (discounted ? cells : cells.filter((_, index) => index !== 5));
      const report: Summary = {
        head: keep([t.id, t.plan, t.base, t.overage, t.addons, t.discount, t.total, ""]),
        body: discounted ? rows : rows.map(keep),
        errors,
        total: t.grandTotalLine(grandTotalText(summary)),
        counts: t.counts(summary.scenarios, summary.priced, summary.failed, summary.violating),
        errorsTitle: t.errors,
        pricing: summary.prices.groups,
        said: summary.prices.said,
        lang: options.lang,
      };
      return format === "markdown" ? markdown(report) : table(report, options);
    },
  };
}

interface Summary {
  head: string[];
  body: string[][];
  errors: string[];
  total: string;
  counts: string;
  errorsTitle: string;
  /** the distinct provenances of the priced scenarios, and what is said of them */
  pricing: BatchSummaryJson["prices"]["groups"];
  said: string[];
  lang: Lang;
}

function* table(
  { head, body, errors, total, counts, errorsTitle, pricing, said, lang }: Summary,
  options: ReportOptions,
): Generator<string> {
  const { styles } = options;
  const last = head.length - 1;
  // The subtotals are details: left out where the width has no room for them (the total stays).
  const columns: GridColumn[] = head.map((_, index) =>
    index === 0
      ? { flexible: true, min: 12, maxLines: 4 }
      : {
          align: index >= 2 && index < last ? "right" : "left",
          optional: index >= 2 && index < last - 1,
          // The subtotals add up to the total beside them: shown all together, or none.
          ...(index >= 2 && index < last - 1 ? { group: "subtotals" } : {}),
        },
  );
  const mark = (text: string) => (text ? { text, style: styles.error } : text);
  yield* renderGrid({
    columns,
    width: options.width ?? 80,
    sections: [
      [head.map((text) => ({ text, style: styles.bold }))],
      body.map((row) => [...row.slice(0, last), mark(row[last]!)]),
    ],
  });
  if (errors.length > 0) yield `${styles.error(errorsTitle)}\n`;
  for (let start = 0; start < errors.length; start += 500)
    yield errors
      .slice(start, start + 500)
      .map((error) => `${styles.error(`  ✗ ${printable(error)}`)}\n`)
      .join("");
  yield `${styles.bold(total)}\n${counts}\n`;
  const width = options.width ?? 80;
  const lines = pricingGroupLines(pricing, lang).map((line) => styles.dim(hangingText(printable(line), width)));
  for (const message of said) lines.push(styles.warning(hangingText(printable(message), width)));
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

function* markdown({
  head,
  body,
  errors,
  total,
  counts,
  errorsTitle,
  pricing,
  said,
  lang,
}: Summary): Generator<string> {
  const line = (cells: string[]) => `| ${cells.map(markdownText).join(" | ")} |`;
  const align = head.map((_, index) => (index >= 2 && index < head.length - 1 ? "---:" : "---"));
  yield `${line(head)}\n|${align.join("|")}|\n`;
  for (let start = 0; start < body.length; start += 500)
    yield `${body
      .slice(start, start + 500)
      .map(line)
      .join("\n")}\n`;
  yield `\n**${total}** · ${counts}\n`;
  if (pricing.length > 0) yield `\n${markdownPricingGroups(pricing, lang).join("\n")}\n`;
  if (said.length > 0) yield `\n${said.map((message) => `- ${markdownText(message)}`).join("\n")}\n`;
  if (errors.length > 0) yield `\n**${errorsTitle}**\n\n`;
  for (let start = 0; start < errors.length; start += 500)
    yield errors
      .slice(start, start + 500)
      .map((error) => `- ${markdownText(error)}\n`)
      .join("");
}
