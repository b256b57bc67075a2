// Pricing a stream of scenario records: each becomes a result (an estimate with its id
// and source) or an error naming the source, the id and the field. Pure but for time.
import type { Catalog } from "../catalog/schema.js";
import { catalogForDocument, type CatalogChoice } from "../catalog/index.js";
import { priceScenario, type PriceOptions } from "../calculator/estimate.js";
import { Money, toAmount } from "../calculator/decimal.js";
import type { Estimate } from "../calculator/types.js";
import type { Scenario } from "../scenario/types.js";
import { textIn, UserError, type Text } from "../errors.js";
import { validateScenario } from "../scenario/validate.js";
import { errorText, type ScenarioRecord } from "./records.js";

export type BatchResult = { id: string; source: string } & Estimate;
export interface BatchError {
  id: string;
  source: string;
  error: string;
}
export type BatchItem = { result: BatchResult; error?: undefined } | { result?: undefined; error: BatchError };

/**
 * Validate and price one scenario document of a file; what is wrong with it becomes one
 * line ("usage.peakDau: must be …; plan: …") for a report, not an exception.
 */
export function priceDocument(
  data: unknown,
  choice: CatalogChoice,
  options: PriceOptions,
): { scenario: Scenario; estimate: Estimate; catalog: Catalog; error?: undefined } | { error: Text } {
  try {
    // The run's catalog, or the built-in one the scenario pins.
    const catalog = catalogForDocument(data, choice);
    const scenario = validateScenario(data, { catalog, source: "" });
    return { scenario, catalog, estimate: priceScenario(scenario, catalog, options) };
  } catch (error) {
    if (error instanceof UserError) return { error: errorText(error) };
    throw error;
  }
}

export function priceRecord(record: ScenarioRecord, choice: CatalogChoice, options: PriceOptions): BatchItem {
  const { id, source } = record;
  const lang = options.lang ?? "en";
  if (record.error !== undefined) return { error: { id, source, error: textIn(record.error, lang) } };
  const priced = priceDocument(record.data, choice, options);
  if (priced.error !== undefined) return { error: { id, source, error: textIn(priced.error, lang) } };
  return { result: { id, source, ...priced.estimate } };
}

/** Counts and the grand total, kept as the items go by (memory stays flat). */
export class BatchSummary {
  scenarios = 0;
  priced = 0;
  failed = 0;
  /** priced scenarios whose edition cannot serve them */
  violating = 0;
  #total = new Money(0);

  add(item: BatchItem): void {
    this.scenarios++;
    if (item.error) {
      this.failed++;
      return;
    }
    this.priced++;
    if (item.result.violations.length > 0) this.violating++;
    this.#total = this.#total.plus(item.result.total);
  }

  get total(): string {
    return toAmount(this.#total);
  }

  toJSON() {
    return {
      scenarios: this.scenarios,
      priced: this.priced,
      failed: this.failed,
      violating: this.violating,
      total: this.total,
    };
  }
}
