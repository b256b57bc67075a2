// The summary report: a row per scenario (id, plan, subtotals, total, a mark for
// violations), the errors, then the grand total and the counts; as a terminal table or
// as markdown for a pull request or a wiki.
import Table from "cli-table3";
import type { BatchSummary } from "../../batch/price.js";
import { messages } from "../../i18n/messages.js";
import { formatMoney } from "../../util/format.js";
import { displayWidth, wrapText } from "../text.js";
import type { ReportOptions, ReportWriter } from "./writers.js";

export function summaryWriter(format: "table" | "markdown", options: ReportOptions): ReportWriter {
  const t = messages[options.lang].batch;
  const money = (amount: string) => formatMoney(amount, options.catalog.currency);
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
      if (discount !== "0.00") discounted = true;
      rows.push([
        result.id,
        options.catalog.editions[result.plan].name[options.lang],
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
      const head = keep([t.id, t.plan, t.base, t.overage, t.addons, t.discount, t.total, ""]);
      const body = rows.map(keep);
      const counts = t.counts(summary.scenarios, summary.priced, summary.failed, summary.violating);
      const total = `${t.grandTotal}: ${money(summary.total)}`;
      const report = { head, body, errors, total, counts, errorsTitle: t.errors };
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
}

function table({ head, body, errors, total, counts, errorsTitle }: Summary, options: ReportOptions): string {
  const { styles } = options;
  const right = head.map((_, index) => (index >= 2 && index < head.length - 1 ? "right" : "left")) as (
    "left" | "right"
  )[];
  // Every column fits its widest cell but the first (the id), which wraps to fit the terminal.
  const widths = head.map(
    (_, column) => Math.max(...[head, ...body].map((row) => displayWidth(row[column] ?? ""))) + 2,
  );
  const others = widths.slice(1).reduce((a, b) => a + b, 0) + head.length + 1;
  widths[0] = Math.max(14, Math.min(widths[0]!, (options.width ?? 80) - others));
  const grid = new Table({
    head: head.map((cell) => styles.bold(cell)),
    colWidths: widths,
    colAligns: right,
    // No colours of cli-table3's own: it picks them by TERM even in a pipe.
    style: { head: [], border: [], compact: true },
  });
  for (const [id, ...rest] of body) {
    const mark = rest.pop()!;
    grid.push([wrapText(id!, widths[0]! - 2).join("\n"), ...rest, mark && styles.error(mark)]);
  }
  const out = [grid.toString()];
  if (errors.length > 0) out.push(styles.error(errorsTitle), ...errors.map((error) => styles.error(`  ✗ ${error}`)));
  out.push(styles.bold(total), counts);
  return `${out.join("\n")}\n`;
}

function markdown({ head, body, errors, total, counts, errorsTitle }: Summary): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const align = head.map((_, index) => (index >= 2 && index < head.length - 1 ? "---:" : "---"));
  const out = [line(head), `|${align.join("|")}|`, ...body.map(line), ""];
  out.push(`**${total}** · ${counts}`, "");
  if (errors.length > 0) out.push(`**${errorsTitle}**`, "", ...errors.map((error) => `- ${cell(error)}`), "");
  return `${out.join("\n").trimEnd()}\n`;
}
