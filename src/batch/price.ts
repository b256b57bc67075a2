// Pricing a stream of scenario records: each becomes a result (an estimate with its id
// and source) or an error naming the source, the id and the field. Pure but for time.
import type { Catalog } from "../catalog/schema.js";
import { choosePrices, pinOf, type PriceSettings } from "../catalog/choose.js";
import { priceScenario } from "../calculator/estimate.js";
import { Money, toAmount } from "../calculator/decimal.js";
import type { Estimate } from "../calculator/types.js";
import type { Scenario } from "../scenario/types.js";
import { textIn, UserError, type Text } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { validateScenario } from "../scenario/validate.js";
import { errorText, type ScenarioRecord } from "./records.js";
import { pricingSaid, PricingTally } from "../catalog/choose.js";
import { formatMoney } from "../util/format.js";

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
  settings: PriceSettings,
  lang: Lang,
): { scenario: Scenario; estimate: Estimate; catalog: Catalog; error?: undefined } | { error: Text } {
  try {
    // The list of a flag, the scenario's pin, the project config or the day, in that order.
    const prices = choosePrices(settings, pinOf(data));
    const scenario = validateScenario(data, { catalog: prices.catalog, source: "" });
    return { scenario, catalog: prices.catalog, estimate: priceScenario(scenario, prices, lang) };
  } catch (error) {
    if (error instanceof UserError) return { error: errorText(error) };
    throw error;
  }
}

export function priceRecord(record: ScenarioRecord, settings: PriceSettings, lang: Lang): BatchItem {
  const { id, source } = record;
  if (record.error !== undefined) return { error: { id, source, error: textIn(record.error, lang) } };
  const priced = priceDocument(record.data, settings, lang);
  if (priced.error !== undefined) return { error: { id, source, error: textIn(priced.error, lang) } };
  return { result: { id, source, ...priced.estimate } };
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
    const { currency, total, violations, pricing } = item.result;
    this.priced++;
    if (violations.length > 0) this.violating++;
    this.#totals.set(currency, (this.#totals.get(currency) ?? new Money(0)).plus(total));
    this.pricing.add(pricing, pricingSaid(item.result.notes));
  }

  /** The grand total per currency, in the order first seen. */
  get totals(): Record<string, string> {
    return Object.fromEntries([...this.#totals].map(([currency, total]) => [currency, toAmount(total)]));
  }

  /** The grand total in words: "¥2,999.00", or "¥2,999.00 + $399.00" across currencies. */
  totalText(): string {
    const totals = Object.entries(this.totals);
    if (totals.length === 0) return formatMoney("0.00", "CNY");
    return totals.map(([currency, total]) => formatMoney(total, currency)).join(" + ");
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
