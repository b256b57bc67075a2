// The built-in price lists, each with the days it applies: the 2020 list (the seed of
// this tool, every figure sourced, the default) and the 2024 one (the 2020 list with
// the Pro package's new price; every other figure carried over, marked so).
import list2020 from "./tencent-im-cn-2020.json" with { type: "json" };
import overlay2024 from "./tencent-im-cn-2024.json" with { type: "json" };
import { editionIds, type EditionId } from "./editions.js";
import { carryOver } from "./overlay.js";
import type { Catalog, Effective } from "./schema.js";

export { editionIds, type EditionId };
export type {
  Addon,
  AddonKind,
  Catalog,
  Category,
  Edition,
  Effective,
  LimitNeed,
  MeteredNeed,
  Overage,
} from "./schema.js";

/** The default catalog: the list this tool was built from (test/catalog checks every built-in one against the schema). */
export const builtinCatalog = list2020 as unknown as Catalog;

let all: readonly Catalog[] | undefined;

/** Every built-in catalog, oldest first. */
export function builtinCatalogs(): readonly Catalog[] {
  all ??= [builtinCatalog, carryOver(list2020, overlay2024) as unknown as Catalog];
  return all;
}

export const builtinCatalogIds = (): string[] => builtinCatalogs().map((catalog) => catalog.id);

export const builtinCatalogById = (id: string): Catalog | undefined =>
  builtinCatalogs().find((catalog) => catalog.id === id);

/** When a catalog applies; a catalog that does not say applies at any date. */
export const effectiveOf = (catalog: Catalog): { from: string | null; to: string | null } => ({
  from: catalog.effective?.from ?? null,
  to: catalog.effective?.to ?? null,
});

/** Whether `day` (YYYY-MM-DD) falls within what the catalog says of its dates. */
export function appliesOn(catalog: Catalog, day: string): boolean {
  const { from, to } = effectiveOf(catalog);
  return (from === null || from <= day) && (to === null || day <= to);
}

/** The built-in catalog in effect on `day`, the newest that applies. */
export const catalogOn = (day: string): Catalog | undefined =>
  builtinCatalogs().findLast((catalog) => appliesOn(catalog, day));

/** The built-in catalog that replaced `catalog` by `day`, if `catalog` had ended before it. */
export function supersededOn(catalog: Catalog, day: string): Catalog | undefined {
  const { to } = effectiveOf(catalog);
  if (to === null || day <= to) return undefined;
  const newer = catalogOn(day);
  return newer && newer.id !== catalog.id ? newer : undefined;
}

/** Canonical edition id for an id or alias ("ultimate", "专业版"…), case-insensitive. */
export function resolveEdition(catalog: Catalog, name: string): EditionId | undefined {
  const wanted = name.trim().toLowerCase();
  return editionIds.find((id) => id === wanted || catalog.editions[id].aliases.some((a) => a.toLowerCase() === wanted));
}

/** Every name an edition can be given by, canonical ids first. */
export function editionNames(catalog: Catalog): string[] {
  return [...editionIds, ...editionIds.flatMap((id) => catalog.editions[id].aliases)];
}

export type { Effective as CatalogEffective };

/** The catalog a run prices with: chosen by a flag (--pricing, --catalog, --on), or the default that a scenario's pin may replace. */
export interface CatalogChoice {
  catalog: Catalog;
  /** a flag chose it: a scenario's "catalog" pin does not apply */
  chosen: boolean;
}

/** The catalog that prices a scenario document: the run's when a flag chose it, else the built-in one it pins, else the default. */
export function catalogForDocument(document: unknown, choice: CatalogChoice): Catalog {
  if (choice.chosen || typeof document !== "object" || document === null || !Object.hasOwn(document, "catalog"))
    return choice.catalog;
  const pin = (document as { catalog: unknown }).catalog;
  return (typeof pin === "string" && builtinCatalogById(pin)) || choice.catalog;
}
