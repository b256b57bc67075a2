import { editionIds } from "./editions.js";
import type { Catalog } from "./schema.js";

/** Every priced line id an estimate with this catalog can have, in estimate order (the discount is a subtotal). */
export function lineIds(catalog: Catalog): string[] {
  const addons = new Set(editionIds.flatMap((id) => Object.keys(catalog.editions[id].addons)));
  return ["package", "overage.dau", "overage.groups", ...[...addons].map((key) => `addon.${key}`)];
}
