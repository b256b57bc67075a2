// `check` over records: each scenario priced and compared with its expectations.
import type { ScenarioRecord } from "../batch/records.js";
import { priceDocument } from "../batch/price.js";
import { pricingSaid } from "../catalog/choose.js";
import type { PriceSettings } from "../catalog/choose.js";
import type { PricingRef } from "../catalog/pricing-ref.js";
import type { Lang } from "../i18n/lang.js";
import { lineIds } from "../catalog/line-ids.js";
import { textIn } from "../errors.js";
import { checkExpectations, type Failure } from "./expectations.js";

export interface CheckResult {
  id: string;
  source: string;
  status: "passed" | "failed" | "no-expectations" | "invalid";
  total?: string;
  /** the currency of the total */
  currency?: string;
  /** which prices made the total */
  pricing?: PricingRef;
  /** what is said of those prices (a list not in effect, a pin that lost) */
  said?: string[];
  failures: Failure[];
  error?: string;
}

export function checkRecord(record: ScenarioRecord, settings: PriceSettings, lang: Lang): CheckResult {
  const { id, source } = record;
  if (record.error !== undefined)
    return { id, source, status: "invalid", failures: [], error: textIn(record.error, lang) };
  const priced = priceDocument(record.data, settings, lang);
  if (priced.error !== undefined)
    return { id, source, status: "invalid", failures: [], error: textIn(priced.error, lang) };
  const { estimate } = priced;
  const { status, failures } = checkExpectations(estimate, priced.scenario.expect, lineIds(priced.catalog));
  const { total, currency, pricing } = estimate;
  return { id, source, status, total, currency, pricing, said: pricingSaid(estimate.notes), failures };
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
