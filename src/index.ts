// The library: `import { estimate } from "im-bill"` gives the same estimate the CLI prints.
import { builtinCatalog, catalogForDocument, type Catalog } from "./catalog/index.js";
import { today } from "./util/today.js";
import { priceScenario } from "./calculator/estimate.js";
import type { Estimate } from "./calculator/types.js";
import type { Lang } from "./i18n/lang.js";
import { validateScenario } from "./scenario/validate.js";
import { checkTree } from "./document/tree.js";

export interface EstimateOptions {
  /** price catalog; else the built-in list the scenario pins ("catalog"), else the default built-in list */
  catalog?: Catalog;
  /** the day the bill is for, YYYY-MM-DD (default: today): a list that had ended by then says which replaced it */
  asOf?: string;
  /** language of labels and messages */
  lang?: Lang;
  /** a discount in percent on what the catalog discounts */
  discountPercent?: number | string;
  /** names the input in error messages */
  source?: string;
}

/**
 * Validate a scenario (the JSON scenario format, plan aliases allowed) and price it.
 * Throws an `InputError` naming each invalid field.
 */
export function estimate(scenario: unknown, options: EstimateOptions = {}): Estimate {
  const source = options.source ?? "scenario";
  // The limits of every input (depth, sizes, "__proto__" keys), for objects that did not come through the reader.
  checkTree(scenario, source);
  const catalog = catalogForDocument(scenario, {
    catalog: options.catalog ?? builtinCatalog,
    chosen: options.catalog !== undefined,
  });
  const valid = validateScenario(scenario, { catalog, source });
  return priceScenario(valid, catalog, {
    lang: options.lang,
    discountPercent: options.discountPercent,
    asOf: options.asOf ?? today(),
  });
}

export {
  builtinCatalog,
  builtinCatalogs,
  builtinCatalogById,
  catalogOn,
  resolveEdition,
  editionIds,
} from "./catalog/index.js";
export type { Catalog, Edition, EditionId, Addon } from "./catalog/index.js";
export { priceScenario, type PriceOptions } from "./calculator/estimate.js";
export type { Estimate, Line, Finding, Category, Subtotals, CatalogRef } from "./calculator/types.js";
export { EstimateSchema } from "./calculator/types.js";
export { Catalog as CatalogSchema } from "./catalog/schema.js";
export { ScenarioSchema } from "./scenario/schema.js";
export { validateScenario, type ValidateOptions } from "./scenario/validate.js";
export type { Scenario } from "./scenario/types.js";
export type { ScenarioInput } from "./scenario/schema.js";
export { parseQuantity } from "./scenario/quantity.js";
export { resolveCatalog, loadCatalog } from "./catalog/load.js";
export { jsonSchema, SCHEMA_KINDS, type SchemaKind } from "./validation/json-schema.js";
export { UserError, InputError, type Problem } from "./errors.js";
export type { Lang } from "./i18n/lang.js";
