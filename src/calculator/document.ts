// One way from a scenario document (parsed JSON or YAML, or built from flags) to a bill:
// its prices chosen (a flag's list, its own pin, the project config, the day: in that
// order, by choosePrices), then validated against those prices, then priced. Every
// command and the library go through here: a document is never priced another way.
import { choosePrices, wantedOf, type PriceChoice, type PriceSettings } from "../catalog/choose.js";
import { editionsOf } from "../catalog/index.js";
import type { Scenario } from "../scenario/types.js";
import { validateScenario, type ValidateOptions } from "../scenario/validate.js";
import { isJsonObject } from "../util/json.js";
import type { Bill } from "./bill.js";
import { priceScenario } from "./estimate.js";

export interface DocumentOptions extends Omit<ValidateOptions, "catalog" | "requirePrice"> {
  /** a document without a plan gets the list's first edition (compare prices them all) */
  anyPlan?: boolean;
}

/** The document as a scenario, with the prices it is priced with; an InputError naming each field that is wrong. */
export function scenarioOf(data: unknown, settings: PriceSettings, options: DocumentOptions): ReadyScenario {
  const prices = choosePrices(settings, wantedOf(data));
  const document =
    options.anyPlan && isJsonObject(data) && !Object.hasOwn(data, "plan")
      ? { ...data, plan: editionsOf(prices.catalog)[0] }
      : data;
  const { anyPlan, ...validate } = options;
  const scenario = validateScenario(document, { ...validate, catalog: prices.catalog, requirePrice: !anyPlan });
  return { scenario, prices };
}

export interface ReadyScenario {
  scenario: Scenario;
  prices: PriceChoice;
}

/** The document's bill, and what made it. */
export function priceDocument(
  data: unknown,
  settings: PriceSettings,
  options: DocumentOptions,
): ReadyScenario & { bill: Bill } {
  const ready = scenarioOf(data, settings, options);
  return { ...ready, bill: priceScenario(ready.scenario, ready.prices) };
}
