import { builtinCatalog } from "../../src/catalog/index.js";
import { priceScenario } from "../../src/calculator/estimate.js";
import type { Estimate } from "../../src/calculator/types.js";
import type { Lang } from "../../src/i18n/lang.js";
import { validateScenario } from "../../src/scenario/validate.js";

/** Price a scenario document (the file format) with the built-in catalog. */
export function price(document: unknown, lang: Lang = "en"): Estimate {
  const scenario = validateScenario(document, { catalog: builtinCatalog, source: "test" });
  return priceScenario(scenario, builtinCatalog, { lang });
}

/** The amount of one line, or undefined when the estimate has no such line. */
export const amountOf = (estimate: Estimate, id: string) => estimate.lines.find((line) => line.id === id)?.amount;

export const codes = (estimate: Estimate) => estimate.violations.map((violation) => violation.code);

/** The keys of an estimate, in the order `--format json` prints them. */
export const ESTIMATE_KEYS = [
  "version",
  "name",
  "plan",
  "currency",
  "catalog",
  "lines",
  "subtotals",
  "total",
  "violations",
  "notes",
];
