// The CSV of each report that is not a batch (compare, check, diff, the project diff, a
// usage file's months): a row per item, for a spreadsheet. Apart from the renderers of
// the other formats, so that csv-stringify loads only when a CSV is asked for.
import { listLabel } from "./pricing.js";
import { messages } from "../i18n/messages.js";
import type { CompareReport } from "../report/compare.js";
import type { UsageReport } from "../report/usage.js";
import type { CheckReport } from "../report/check.js";
import type { EstimateDiff } from "../estimate-diff/diff.js";
import type { Lang } from "../i18n/lang.js";
import type { ProjectReport } from "../report/project.js";
import { formatMoney } from "../util/format.js";
import { describeFailure } from "./check.js";
import { AMOUNT_COLUMNS, amountCells, csvRow } from "./batch/csv.js";

/** A row a scenario: its status, total, and what differed; for a spreadsheet. */
export function renderCheckCsv({ results }: CheckReport, lang: Lang): string {
  const rows = [
    ["id", "source", "status", "total", "currency", "catalog", "failures"],
    ...results.map((result) => {
      const money = (amount: string) => formatMoney(amount, result.currency ?? "CNY");
      const said =
        result.status === "invalid"
          ? (result.error ?? "")
          : messages[lang].clauses(result.failures.map((failure) => describeFailure(failure, money, lang)));
      const catalog = result.pricing ? listLabel(result.pricing.catalog) : "";
      return [result.id, result.source, result.status, result.total ?? "", result.currency ?? "", catalog, said];
    }),
  ];
  return rows.map((row) => csvRow(row)).join("");
}

/** A row an edition: its subtotals, total and whether it fits (the violations' codes), for a spreadsheet. */
export function renderCompareCsv(json: CompareReport): string {
  const rows = [
    ["plan", "plan_name", ...AMOUNT_COLUMNS, "fits", "violations", "recommended"],
    ...Object.entries(json.editions).map(([plan, estimate]) => [
      plan,
      estimate.planName,
      ...amountCells(estimate),
      estimate.violations.length === 0 ? "yes" : "no",
      estimate.violations.map((violation) => violation.code).join(" "),
      plan === json.recommendation?.plan ? "yes" : "",
    ]),
    ...json.onRequest.map((edition) => [
      edition.plan,
      edition.planName,
      "",
      "",
      "",
      "",
      "",
      "",
      "on request",
      edition.violations.map((v) => v.code).join(" "),
      "",
    ]),
  ];
  return rows.map((row) => csvRow(row)).join("");
}

/** A row a line (marker, id, label, before, after, change, percent), then the total; for a spreadsheet. */
export function renderDiffCsv(diff: EstimateDiff): string {
  const rows = [
    ["marker", "id", "label", "before", "after", "change", "percent", "currency"],
    ...diff.lines.map((line) => [
      line.marker,
      line.id,
      line.label,
      line.before ?? "",
      line.after ?? "",
      line.change,
      line.percent ?? "",
      diff.currency,
    ]),
    ["", "total", "", diff.total.before, diff.total.after, diff.total.change, diff.total.percent ?? "", diff.currency],
  ];
  return rows.map((row) => csvRow(row)).join("");
}

/** A row a scenario (status, id, file, previous file, before, after, change, percent, causes); for a spreadsheet. */
export function renderProjectCsv(diff: ProjectReport): string {
  const rows = [
    ["status", "id", "file", "previous_file", "before", "after", "change", "percent", "currency", "causes"],
    ...diff.scenarios.map((change) => [
      change.status,
      change.id,
      change.file,
      change.previousFile ?? "",
      change.change?.before ?? "",
      change.change?.after ?? "",
      change.change?.change ?? "",
      change.change?.percent ?? "",
      "total" in (change.after ?? change.before ?? {}) ? change.currency : "",
      change.causes.map((cause) => cause.kind).join(" "),
    ]),
  ];
  return rows.map((row) => csvRow(row)).join("");
}

/** A row a month: its peaks, the days that set them, its total; for a spreadsheet. */
export function renderUsageCsv(bill: UsageReport): string {
  const rows = [
    [
      "month",
      "peak_dau",
      "peak_dau_date",
      "peak_groups",
      "peak_groups_date",
      "days_present",
      "total",
      "currency",
      "catalog",
    ],
    ...bill.months.map((month) => [
      month.month,
      String(month.peakDau),
      month.peakDauDate,
      String(month.peakGroups),
      month.peakGroupsDate,
      String(month.daysPresent),
      month.estimate.total,
      month.estimate.currency,
      listLabel(month.estimate.pricing.catalog),
    ]),
  ];
  return rows.map((row) => csvRow(row)).join("");
}
