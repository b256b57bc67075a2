// `check` over records: each scenario priced and compared with its expectations.
import type { ScenarioRecord } from "../batch/records.js";
import { priceDocument } from "../batch/price.js";
import type { PriceOptions } from "../calculator/estimate.js";
import type { CatalogChoice } from "../catalog/index.js";
import { lineIds } from "../catalog/line-ids.js";
import { textIn } from "../errors.js";
import { checkExpectations, type Failure } from "./expectations.js";

export interface CheckResult {
  id: string;
  source: string;
  status: "passed" | "failed" | "no-expectations" | "invalid";
  total?: string;
  failures: Failure[];
  error?: string;
}

export function checkRecord(record: ScenarioRecord, choice: CatalogChoice, options: PriceOptions): CheckResult {
  const { id, source } = record;
  const lang = options.lang ?? "en";
  if (record.error !== undefined)
    return { id, source, status: "invalid", failures: [], error: textIn(record.error, lang) };
  const priced = priceDocument(record.data, choice, options);
  if (priced.error !== undefined)
    return { id, source, status: "invalid", failures: [], error: textIn(priced.error, lang) };
  const { status, failures } = checkExpectations(priced.estimate, priced.scenario.expect, lineIds(priced.catalog));
  return { id, source, status, total: priced.estimate.total, failures };
}

export interface CheckSummary {
  scenarios: number;
  passed: number;
  failed: number;
  noExpectations: number;
  invalid: number;
}

export function summarize(results: readonly CheckResult[]): CheckSummary {
  const count = (status: CheckResult["status"]) => results.filter((result) => result.status === status).length;
  return {
    scenarios: results.length,
    passed: count("passed"),
    failed: count("failed"),
    noExpectations: count("no-expectations"),
    invalid: count("invalid"),
  };
}
