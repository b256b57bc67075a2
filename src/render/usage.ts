// Real usage priced month by month (`estimate --usage-csv`): each month's itemized
// table, then one table of every month with the days that set its peaks, and the total.
import type { UsageBill } from "../advisor/usage.js";
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

export function renderUsageTables(bill: UsageBill, options: UsageTableOptions): string {
  const { lang, styles, width = 80 } = options;
  const t = messages[lang].usage;
  const money = (amount: string) => formatMoney(amount, bill.currency);
  const months = bill.months.map(({ estimate }) =>
    renderTable(estimate, { lang, styles, width, explain: options.explain }),
  );
  const bold = (text: string) => ({ text, style: styles.bold });
  const summary = gridText({
    columns: [{}, { flexible: true, min: 10 }, { flexible: true, min: 10 }, { align: "right" }],
    sections: [
      [[t.month, t.peakDau, t.peakGroups, t.total].map(bold)],
      bill.months.map((month) => [
        month.month,
        t.atDay(formatNumber(month.peakDau), month.peakDauDate),
        t.atDay(formatNumber(month.peakGroups), month.peakGroupsDate),
        money(month.estimate.total),
      ]),
      [[{ text: t.totalOver(bill.months.length), span: 3, style: styles.bold }, bold(money(bill.total))]],
    ],
    width,
  });
  return `${months.join("\n")}\n${styles.bold(t.summary)}\n${summary}`;
}
