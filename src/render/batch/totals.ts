// The grand total of a batch in words, for the summary reports and for the line every
// other format says on stderr.
import type { BatchSummaryJson } from "../../report/batch.js";
import { formatMoney } from "../../util/format.js";

/** The grand total in words: "¥2,999.00", or "¥2,999.00 + $399.00" across currencies. */
export function grandTotalText(summary: Pick<BatchSummaryJson, "totals">): string {
  const totals = Object.entries(summary.totals);
  if (totals.length === 0) return formatMoney("0.00", "CNY");
  return totals.map(([currency, total]) => formatMoney(total, currency)).join(" + ");
}
