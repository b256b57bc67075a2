import data from "./tencent-im-cn-2020.json" with { type: "json" };
import { editionIds, type EditionId } from "./editions.js";
import type { Catalog } from "./schema.js";

export { editionIds, type EditionId };
export type { Addon, AddonKind, Catalog, Category, Edition, LimitNeed, MeteredNeed, Overage } from "./schema.js";

/** The built-in catalog (test/catalog checks it against the schema). */
export const builtinCatalog = data as unknown as Catalog;

/** Canonical edition id for an id or alias ("ultimate", "专业版"…), case-insensitive. */
export function resolveEdition(catalog: Catalog, name: string): EditionId | undefined {
  const wanted = name.trim().toLowerCase();
  return editionIds.find((id) => id === wanted || catalog.editions[id].aliases.some((a) => a.toLowerCase() === wanted));
}

/** Every name an edition can be given by, canonical ids first. */
export function editionNames(catalog: Catalog): string[] {
  return [...editionIds, ...editionIds.flatMap((id) => catalog.editions[id].aliases)];
}
