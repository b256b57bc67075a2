// `check` over records: each scenario priced and compared with its expectations.
import type { ScenarioRecord } from "../batch/records.js";
import { pricedOrError } from "../batch/price.js";
import type { NoteOfPrices, PriceSettings } from "../catalog/choose.js";
import type { PricingRef } from "../catalog/pricing-ref.js";
import { lineIds } from "../catalog/line-ids.js";
import { notesOfPrices, type Bill, type Headroom } from "../calculator/bill.js";
import type { Catalog } from "../catalog/schema.js";
import type { Text } from "../errors.js";
import type { Expect } from "../scenario/schema.js";
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
  said?: NoteOfPrices[];
  failures: Failure[];
  /** each block-billed metric's distance to its next block */
  headroom?: Headroom[];
  /** why it could not be priced, in the reader's language when it is said */
  error?: Text;
}

export function checkRecord(record: ScenarioRecord, settings: PriceSettings): CheckResult {
  const { id, source } = record;
  if (record.error !== undefined) return { id, source, status: "invalid", failures: [], error: record.error };
  const priced = pricedOrError(record.data, settings);
  if (priced.error !== undefined) return { id, source, status: "invalid", failures: [], error: priced.error };
  return checkedBill(id, source, priced.bill, priced.scenario.expect, priced.catalog);
}

/** A priced scenario held against an expect block (its own, or the one --update would write). */
export function checkedBill(
  id: string,
  source: string,
  bill: Bill,
  expect: Expect | null,
  catalog: Catalog,
): CheckResult {
  const { status, failures } = checkExpectations(bill, expect, lineIds(catalog));
  const { total, prices } = bill;
  const { currency } = prices.catalog;
  const { headroom } = bill;
  return {
    id,
    source,
    status,
    total,
    currency,
    pricing: prices.pricing,
    said: notesOfPrices(bill),
    failures,
    headroom,
  };
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
