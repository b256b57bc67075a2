// The library: `import { estimate } from "im-bill"` gives the same estimate the CLI prints,
// priced the same way: a list given, else the scenario's pin, else the list in effect on the day.
import { builtinCatalogById, type Catalog } from "./catalog/index.js";
import type { PriceChoice, PriceSettings } from "./catalog/choose.js";
import { scenarioOf } from "./calculator/document.js";
import { unknownCatalogText } from "./catalog/unknown.js";
import { parseDate } from "./util/calendar.js";
import { discountOf } from "./util/money.js";
import { today } from "./util/today.js";
import { priceScenario } from "./calculator/estimate.js";
import type { EstimateReport } from "./report/estimate.js";
import { estimateReport } from "./render/describe.js";
import type { Lang } from "./i18n/lang.js";
import type { Scenario } from "./scenario/types.js";
import { checkTree } from "./document/tree.js";
import { InputError, say, type Problem } from "./errors.js";
import { runSettingsOf } from "./config/settings.js";
import type { ScenarioInput } from "./scenario/schema.js";
import { describeValue } from "./validation/quote.js";
import { dataCenters, sites, type DataCenter, type Site } from "./vocabulary.js";

export interface EstimateOptions {
  /**
   * The price list: a built-in one by id ("tencent-im-cn-2020"), or a catalog
   * (`loadCatalog`). Default: the list the scenario pins ("catalog"), else the built-in
   * list in effect on `on`.
   */
  catalog?: string | Catalog;
  /** the day the bill is for, YYYY-MM-DD (default: today): the list in effect then prices it */
  on?: string;
  /** language of labels and messages */
  lang?: Lang;
  /** a discount in percent (15, "15" or "15%") on what the catalog discounts */
  discount?: number | string;
  /** the site whose list the day picks: "cn" (the mainland, the default) or "intl" (USD); a scenario's `site` yields to it */
  site?: Site;
  /** on the mainland site, the app's data centres: "mainland" (the default) or "overseas" (境外资费); a scenario's `dataCenter` yields to it */
  dataCenter?: DataCenter;
  /** names the input in error messages */
  source?: string;
}

/**
 * Price a scenario (the JSON scenario format, plan aliases allowed). It is validated
 * again at run time, for callers without types: an `InputError` names each invalid
 * field (and option). For input of unknown shape (parsed JSON), use `parseScenario` first.
 * The estimate's `pricing` says which list made it and why; its notes name the options
 * that change it.
 */
export function estimate(scenario: ScenarioInput, options: EstimateOptions = {}): EstimateReport {
  const { valid, prices } = validated(scenario, options);
  return estimateReport(priceScenario(valid, prices), options.lang ?? "en");
}

/**
 * Check that a value (parsed JSON or YAML, say) is a scenario, and type it: the same
 * checks as `estimate`, an `InputError` naming each invalid field.
 */
export function parseScenario(
  input: unknown,
  options: Pick<EstimateOptions, "catalog" | "on" | "source" | "lang"> = {},
): ScenarioInput {
  validated(input, options);
  return input as ScenarioInput;
}

function validated(input: unknown, options: EstimateOptions): { valid: Scenario; prices: PriceChoice } {
  const source = options.source ?? "scenario";
  try {
    // The limits of every input (depth, sizes, "__proto__" keys), for objects that did not come through the reader.
    checkTree(input, source);
    const { scenario, prices } = scenarioOf(input, settingsOf(options), { source });
    return { valid: scenario, prices };
  } catch (error) {
    // Said in the caller's language, as the estimate is.
    if (error instanceof InputError && options.lang === "zh") throw error.in("zh");
    throw error;
  }
}

/** An option that must be one of `allowed`: its value, or undefined and a problem at its path. */
function oneOf<T extends string>(
  path: string,
  value: T | undefined,
  allowed: readonly T[],
  problems: Problem[],
): T | undefined {
  if (value === undefined || (allowed as readonly unknown[]).includes(value)) return value;
  const got = describeValue(value);
  const known = allowed.join(", ");
  problems.push({ path, message: say((t) => t.validation.mustBe(t.rules.oneOf(known), got)) });
  return undefined;
}

/** The options as the settings every estimate is priced with; an option that is wrong is an InputError, never a fallback. */
function settingsOf(options: EstimateOptions): PriceSettings {
  const problems: Problem[] = [];
  let catalog: Catalog | undefined;
  if (typeof options.catalog === "string") {
    catalog = builtinCatalogById(options.catalog);
    if (!catalog)
      problems.push({ path: "catalog", message: unknownCatalogText(options.catalog, describeValue(options.catalog)) });
  } else if (options.catalog !== undefined) catalog = options.catalog;
  const day = options.on === undefined ? today() : options.on;
  if (options.on !== undefined && (typeof options.on !== "string" || !parseDate(options.on))) {
    const got = describeValue(options.on);
    problems.push({ path: "on", message: say((t) => t.validation.mustBe(t.rules.day, got)) });
  }
  const percent = options.discount === undefined ? undefined : String(options.discount).trim().replace(/\s*%$/, "");
  if (percent !== undefined && discountOf(percent) === undefined) {
    const got = describeValue(options.discount);
    problems.push({ path: "discount", message: say((t) => t.validation.mustBe(t.rules.percent, got)) });
  }
  const site = oneOf("site", options.site, sites, problems);
  const dataCenter = oneOf("dataCenter", options.dataCenter, dataCenters, problems);
  const { settings, problem } = runSettingsOf(
    {
      day,
      today: today(),
      explicit: catalog ? { catalog, by: "catalog" } : undefined,
      site,
      dataCenter,
      discount: percent,
    },
    "library",
    "option",
  );
  if (problem) problems.push({ path: problem.setting, message: problem.text });
  if (problems.length > 0) throw new InputError(problems.map((problem) => ({ source: "options", ...problem })));
  return settings;
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
  builtinCatalogs,
  builtinCatalogById,
  builtinCatalogIds,
  catalogOn,
  editionsOf,
  measures,
  resolveEdition,
  siteOf,
} from "./catalog/index.js";
export type { DataCenter, Site } from "./vocabulary.js";
export type { Catalog, Edition, EditionId, Addon } from "./catalog/index.js";
export { choosePrices, type PriceChoice, type PriceSettings, type PricingNote, type Wanted } from "./catalog/choose.js";
export type { PricingRef } from "./catalog/pricing-ref.js";
/** The calculator's own answer, in numbers and codes, and the step that words it (`estimate` is both). */
export { priceScenario } from "./calculator/estimate.js";
export type { Bill, BillLine, Formula, Unit, Finding as BillFinding } from "./calculator/bill.js";
export { describe, estimateReport } from "./render/describe.js";
export type { Estimate, Line, Finding, Category, Subtotals, CatalogRef } from "./calculator/types.js";
export { EstimateSchema } from "./calculator/types.js";
/** Each report's model, as the CLI's `--format json` prints it (`im-bill schema <kind>`), and the reader `im-bill render` uses. */
export type { EstimateReport } from "./report/estimate.js";
export type { UsageReport } from "./report/usage.js";
export type { CompareReport } from "./report/compare.js";
export type { ForecastReport } from "./report/forecast.js";
export type { CheckReport } from "./report/check.js";
export type { DiffReport } from "./report/diff.js";
export type { ProjectReport } from "./report/project.js";
export { REPORT_KINDS, type ModelKind as ReportKind } from "./report/kinds.js";
export { readReport, type SavedReport } from "./report/read.js";
export { Catalog as CatalogSchema } from "./catalog/schema.js";
export { ScenarioSchema } from "./scenario/schema.js";
export { validateScenario, type ValidateOptions } from "./scenario/validate.js";
export type { Scenario } from "./scenario/types.js";
export { PLAN_NAMES, type ScenarioInput, type PlanName } from "./scenario/schema.js";
export { parseQuantity } from "./util/quantity.js";
export { resolveCatalog } from "./catalog/load.js";
export { jsonSchema, SCHEMA_KINDS, type SchemaKind } from "./json-schema/generate.js";
export { UserError, InputError, type Problem, type ProblemText } from "./errors.js";
/** The escaping every markdown report of im-bill uses for user text (for a PR comment built around them). */
export { markdownText as escapeMarkdown } from "./render/markdown.js";
export type { Lang } from "./i18n/lang.js";
