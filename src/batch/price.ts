// Pricing a stream of scenario records: each becomes a result (a bill with its id and
// source) or an error naming the source, the id and the field. Pure but for time; the
// words of both are the report's (render/report).
import type { Catalog } from "../catalog/schema.js";
import { PricingTally, type PriceSettings } from "../catalog/choose.js";
import { priceDocument } from "../calculator/document.js";
import { notesOfPrices, type Bill } from "../calculator/bill.js";
import { Money, toAmount } from "../util/money.js";
import type { Scenario } from "../scenario/types.js";
import { UserError, type Text } from "../errors.js";
import { errorText, type ScenarioRecord } from "./records.js";

export interface BatchResult {
  id: string;
  source: string;
  bill: Bill;
}
export interface BatchError {
  id: string;
  source: string;
  /** what is wrong, in the reader's language when it is said */
  error: Text;
}
export type BatchItem = { result: BatchResult; error?: undefined } | { result?: undefined; error: BatchError };

/**
 * Validate and price one scenario document of a file; what is wrong with it becomes one
 * line ("usage.peakDau: must be …; plan: …") for a report, not an exception.
 */
export function pricedOrError(
  data: unknown,
  settings: PriceSettings,
): { scenario: Scenario; bill: Bill; catalog: Catalog; error?: undefined } | { error: Text } {
  try {
    const { scenario, prices, bill } = priceDocument(data, settings, { source: "" });
    return { scenario, catalog: prices.catalog, bill };
  } catch (error) {
    if (error instanceof UserError) return { error: errorText(error) };
    throw error;
  }
}

export function priceRecord(record: ScenarioRecord, settings: PriceSettings): BatchItem {
  const { id, source } = record;
  if (record.error !== undefined) return { error: { id, source, error: record.error } };
  const priced = pricedOrError(record.data, settings);
  if (priced.error !== undefined) return { error: { id, source, error: priced.error } };
  return { result: { id, source, bill: priced.bill } };
}

/**
 * Counts, the grand total (one per currency: a dollar is never added to a yuan) and
 * the distinct provenances, kept as the items go by (memory stays flat).
 */
export class BatchSummary {
  scenarios = 0;
  priced = 0;
  failed = 0;
  /** priced scenarios whose edition cannot serve them */
  violating = 0;
  readonly #totals = new Map<string, Money>();
  readonly pricing = new PricingTally();

  add(item: BatchItem): void {
    this.scenarios++;
    if (item.error) {
      this.failed++;
      return;
    }
    const { bill } = item.result;
    const { currency } = bill.prices.catalog;
    this.priced++;
    if (bill.violations.length > 0) this.violating++;
    this.#totals.set(currency, (this.#totals.get(currency) ?? new Money(0)).plus(bill.total));
    this.pricing.add(bill.prices.pricing, notesOfPrices(bill));
  }

  /** The grand total per currency, in the order first seen. */
  get totals(): Record<string, string> {
    return Object.fromEntries([...this.#totals].map(([currency, total]) => [currency, toAmount(total)]));
  }

  toJSON() {
    const totals = this.totals;
    const currencies = Object.keys(totals);
    return {
      scenarios: this.scenarios,
      priced: this.priced,
      failed: this.failed,
      violating: this.violating,
      // One total where one currency; a total per currency always.
      total: currencies.length <= 1 ? (totals[currencies[0]!] ?? "0.00") : null,
      currency: currencies.length === 1 ? currencies[0]! : null,
      totals,
    };
  }
}
