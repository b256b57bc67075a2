// The library: `import { estimate } from "im-bill"` gives the same estimate the CLI prints.
import { builtinCatalog, catalogForDocument, type Catalog } from "./catalog/index.js";
import { today } from "./util/today.js";
import { priceScenario } from "./calculator/estimate.js";
import type { Estimate } from "./calculator/types.js";
import type { Lang } from "./i18n/lang.js";
import { validateScenario } from "./scenario/validate.js";
import { checkTree } from "./document/tree.js";
import type { ScenarioInput } from "./scenario/schema.js";

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
 * Price a scenario (the JSON scenario format, plan aliases allowed). It is validated
 * again at run time, for callers without types: an `InputError` names each invalid field.
 * For input of unknown shape (parsed JSON), use `parseScenario` first.
 */
export function estimate(scenario: ScenarioInput, options: EstimateOptions = {}): Estimate {
  const { valid, catalog } = validated(scenario, options);
  return priceScenario(valid, catalog, {
    lang: options.lang,
    discountPercent: options.discountPercent,
    asOf: options.asOf ?? today(),
  });
}

/**
 * Check that a value (parsed JSON or YAML, say) is a scenario, and type it: the same
 * checks as `estimate`, an `InputError` naming each invalid field.
 */
export function parseScenario(
  input: unknown,
  options: Pick<EstimateOptions, "catalog" | "source"> = {},
): ScenarioInput {
  validated(input, options);
  return input as ScenarioInput;
}

function validated(input: unknown, options: Pick<EstimateOptions, "catalog" | "source">) {
  const source = options.source ?? "scenario";
  // The limits of every input (depth, sizes, "__proto__" keys), for objects that did not come through the reader.
  checkTree(input, source);
  const catalog = catalogForDocument(input, {
    catalog: options.catalog ?? builtinCatalog,
    chosen: options.catalog !== undefined,
  });
  return { valid: validateScenario(input, { catalog, source }), catalog };
}

/**
 * A price catalog from a JSON or YAML file: a whole catalog, or an overlay that
 * `extends` a built-in one (as `--pricing`). Read with the CLI's limits and checks.
 */
export async function loadCatalog(path: string, options: { cwd?: string } = {}): Promise<Catalog> {
  const { loadCatalog: load } = await import("./catalog/file.js");
  const cwd = options.cwd ?? process.cwd();
  // A file path, never stdin: the reader is given none.
  return load(path === "-" ? "./-" : path, {
    cwd,
    get stdin(): never {
      throw new Error("unreachable: a catalog is read from a file");
    },
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
export { PLAN_NAMES, type ScenarioInput, type PlanName } from "./scenario/schema.js";
export { parseQuantity } from "./scenario/quantity.js";
export { resolveCatalog } from "./catalog/load.js";
export { jsonSchema, SCHEMA_KINDS, type SchemaKind } from "./validation/json-schema.js";
export { UserError, InputError, type Problem } from "./errors.js";
export type { Lang } from "./i18n/lang.js";
