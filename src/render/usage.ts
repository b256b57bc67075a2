// Real usage priced month by month (`estimate --usage-csv`): each month's itemized
// table, then one table of every month with the days that set its peaks, and the total;
// or the JSON of the same (`describeUsage`).
import type { UsageBill } from "../advisor/usage.js";
import type { UsageReport } from "../report/usage.js";
import { describe } from "./describe.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { gridText } from "./grid.js";
import type { Styles } from "./styles.js";
import { renderTable } from "./table.js";
import { hangingText } from "./text.js";
import { markdownText } from "./markdown.js";

export interface UsageTableOptions {
  lang: Lang;
  styles: Styles;
  width?: number;
  explain?: boolean;
}

/**
 * The usage report, as `--format json` prints it: each month with its estimate, its days
 * (DAU and groups, the chart's points) and where its DAU overage steps fall within them.
 */
export function describeUsage(bill: UsageBill, lang: Lang): UsageReport {
  return {
    kind: "usage",
    version: 1,
    lang,
    months: bill.months.map(({ bill: monthBill, soFar, days, dauSteps, ...month }) => ({
      ...month,
      estimate: describe(monthBill, lang),
      days: days.map(({ date, dau, groups }) => ({ date, dau, groups })),
      dauSteps,
      // A month still running: its bill so far, and the month priced at its projected peaks.
      ...(soFar
        ? {
            soFar: {
              to: soFar.to,
              projection: {
                method: soFar.projection.method,
                days: soFar.projection.days,
                to: soFar.projection.to,
                peakDau: soFar.projection.peakDau,
                peakGroups: soFar.projection.peakGroups,
                estimate: describe(soFar.projection.bill, lang),
              },
            },
          }
        : {}),
    })),
    total: bill.total,
    currency: bill.currency,
  };
}

/** A month still running, in words: the bill so far, and where the trend takes it by the month's end. */
export function soFarLines(month: UsageReport["months"][number], lang: Lang): string[] {
  if (!month.soFar) return [];
  const t = messages[lang].usage;
  const money = (amount: string) => formatMoney(amount, month.estimate.currency);
  const { to, projection } = month.soFar;
  return [
    t.soFar(to, month.daysPresent, month.daysInMonth, money(month.estimate.total)),
    t.projected(
      projection.to,
      t.method(projection.method, projection.days),
      formatNumber(projection.peakDau),
      formatNumber(projection.peakGroups),
      money(projection.estimate.total),
    ),
  ];
}

/** Each month's estimate as markdown, the month so far said under it. */
export async function renderUsageMarkdown(bill: UsageReport, lang: Lang): Promise<string> {
  const { renderEstimateMarkdown } = await import("./estimate-formats.js");
  return bill.months
    .map((month) => {
      const soFar = soFarLines(month, lang).map((line) => `${markdownText(line)}  `);
      return `${renderEstimateMarkdown(month.estimate, lang)}${soFar.length > 0 ? `\n${soFar.join("\n")}\n` : ""}`;
    })
    .join("\n");
}

export function renderUsageTables(bill: UsageReport, options: UsageTableOptions): string {
  const { lang, styles, width = 80 } = options;
  const t = messages[lang].usage;
  const money = (amount: string) => formatMoney(amount, bill.currency);
  const months = bill.months.map((month) =>
    [
      renderTable(month.estimate, { lang, styles, width, explain: options.explain }),
      ...soFarLines(month, lang).map((line) => `${styles.bold(hangingText(line, width))}\n`),
    ].join(""),
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
