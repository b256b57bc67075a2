import type { PriceSettings } from "./choose.js";
import { addonKeys, bills, builtinCatalogs } from "./index.js";
import { overageMetrics } from "../vocabulary.js";
import type { Catalog } from "./schema.js";

const made = new WeakMap<Catalog, string[]>();

/**
 * Every priced line id an estimate with this catalog can have, in estimate order (the
 * discount is a subtotal). Made once a catalog: `check` asks for each scenario it checks.
 */
export function lineIds(catalog: Catalog): string[] {
  let ids = made.get(catalog);
  if (!ids) made.set(catalog, (ids = idsOf(catalog)));
  return ids;
}

function idsOf(catalog: Catalog): string[] {
  // Weighted usage (cloud moderation) has two lines: the packages of the month, then what is paid as used.
  const weighted = new Set(
    Object.values(catalog.editions).flatMap((edition) =>
      Object.entries(edition.addons).flatMap(([key, addon]) => (addon.kind === "deductions" ? [key] : [])),
    ),
  );
  // The overage lines of the metrics the list bills (DAU and groups on the mainland, MAU abroad).
  const billed = overageMetrics.filter((metric) => bills(catalog, metric)).map((metric) => `overage.${metric}`);
  const addons = addonKeys(catalog).flatMap((key) =>
    weighted.has(key) ? [`addon.${key}.packages`, `addon.${key}`] : [`addon.${key}`],
  );
  return ["package", ...billed, ...addons];
}

/**
 * The line ids any scenario of a run may have: of the list a flag or the config chose,
 * and of every built-in list (a scenario may pin any). A streamed report's columns.
 */
export function possibleLineIds(settings: PriceSettings): string[] {
  const lists = [settings.explicit?.catalog, settings.config?.catalog, ...builtinCatalogs()];
  return [...new Set(lists.flatMap((catalog) => (catalog ? lineIds(catalog) : [])))];
}
