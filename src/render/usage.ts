// Real usage priced month by month (`estimate --usage-csv`): each month's itemized
// table, then one table of every month with the days that set its peaks, and the total;
// or the JSON of the same (`describeUsage`).
import type { UsageBill, UsageMonth } from "../advisor/usage.js";
import type { Estimate } from "../calculator/types.js";
import { describe } from "./describe.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { gridText } from "./grid.js";
import type { Styles } from "./styles.js";
import { renderTable } from "./table.js";

export interface UsageTableOptions {
  lang: Lang;
  styles: Styles;
  width?: number;
  explain?: boolean;
}

/** The usage bill as `--format json` prints it: each month with its estimate. */
export function describeUsage(
  bill: UsageBill,
  lang: Lang,
): { months: (Omit<UsageMonth, "bill"> & { estimate: Estimate })[]; total: string; currency: string } {
  return {
    months: bill.months.map(({ bill: monthBill, ...month }) => ({ ...month, estimate: describe(monthBill, lang) })),
    total: bill.total,
    currency: bill.currency,
  };
}

export function renderUsageTables(bill: UsageBill, options: UsageTableOptions): string {
  const { lang, styles, width = 80 } = options;
  const t = messages[lang].usage;
  const money = (amount: string) => formatMoney(amount, bill.currency);
  const months = bill.months.map((month) => renderTable(month.bill, { lang, styles, width, explain: options.explain }));
  const bold = (text: string) => ({ text, style: styles.bold });
  const summary = gridText({
    columns: [{}, { flexible: true, min: 10 }, { flexible: true, min: 10 }, { align: "right" }],
    sections: [
      [[t.month, t.peakDau, t.peakGroups, t.total].map(bold)],
      bill.months.map((month) => [
        month.month,
        t.atDay(formatNumber(month.peakDau), month.peakDauDate),
        t.atDay(formatNumber(month.peakGroups), month.peakGroupsDate),
        money(month.bill.total),
      ]),
      [[{ text: t.totalOver(bill.months.length), span: 3, style: styles.bold }, bold(money(bill.total))]],
    ],
    width,
  });
  return `${months.join("\n")}\n${styles.bold(t.summary)}\n${summary}`;
}
