// Catalogs made of another: an overlay names a base (`extends`) and the values it
// changes. Shared by the built-in lists (2024 is the 2020 list with the Pro price of
// 2024) and by --pricing files. No schema here: this runs at start-up.

import { isJsonObject as isObject, type JsonObject as Json } from "../util/json.js";

/** Objects merge key by key; anything else in the overlay (lists, values, null) replaces. */
export function mergeOver(base: unknown, changes: unknown): unknown {
  if (!isObject(base) || !isObject(changes)) return changes;
  const result: Json = { ...base };
  // The overlay's depth is bounded by the reader's limit, and so is this recursion.
  for (const [key, value] of Object.entries(changes))
    result[key] = Object.hasOwn(base, key) ? mergeOver(base[key], value) : value;
  return result;
}

/** What a figure says of how sure it is, besides its source. */
const PROVENANCE_FLAGS = ["carriedOver", "inferred", "assumption", "note", "noteZh"] as const;

/**
 * A built-in list made of an earlier one: the overlay merged over the base, and every
 * figure the overlay does not restate with a source of its own marked `carriedOver` (the
 * base's id): taken unchanged, not re-verified for the new list's date.
 */
export function carryOver(base: Json & { id: string }, overlay: Json): Json {
  const { extends: _base, ...changes } = overlay;
  const merged = mergeOver(base, changes) as Json;
  // A list's dates are its own, as a price file's are (./load.ts): never a mix of two lists'.
  if (Object.hasOwn(changes, "effective")) merged.effective = changes.effective;
  // An add-on the later list does not sell (null in the overlay) is not in it.
  if (isObject(merged.editions))
    for (const edition of Object.values(merged.editions))
      if (isObject(edition) && isObject(edition.addons))
        for (const [key, addon] of Object.entries(edition.addons)) if (addon === null) delete edition.addons[key];
  const stack: { value: unknown; change: unknown }[] = [{ value: merged.editions, change: changes.editions }];
  while (stack.length > 0) {
    const { value, change } = stack.pop()!;
    if (!isObject(value)) continue;
    const restated = isObject(change) && Object.hasOwn(change, "source");
    if (Object.hasOwn(value, "source") && !restated) value.carriedOver = base.id;
    // A figure the overlay restates is as sure as the overlay says: nothing of the base's provenance stays.
    if (restated) for (const key of PROVENANCE_FLAGS) if (!Object.hasOwn(change, key)) delete value[key];
    for (const [key, child] of Object.entries(value)) {
      // A vendor's notice is not a figure: it is never carried over, nor marked.
      if (!isObject(child) || key === "notice") continue;
      // Copies, so that marking never touches the base list.
      const copy = { ...child };
      value[key] = copy;
      stack.push({ value: copy, change: isObject(change) ? change[key] : undefined });
    }
  }
  return merged;
}

/**
 * One list for a month priced across a change: the package and the prepaid add-ons from
 * `prepaid` (the list on the period's first day), overage and the postpaid add-ons from
 * `postpaid` (the list of the calendar month). The same list twice is that list.
 */
export function mixCatalogs<T extends MixableCatalog>(prepaid: T, postpaid: T): T {
  if (prepaid.id === postpaid.id) return prepaid;
  const editions = Object.fromEntries(
    Object.entries(prepaid.editions).map(([id, edition]) => {
      const later = postpaid.editions[id]!;
      const addons = { ...edition.addons };
      for (const [key, addon] of Object.entries(later.addons))
        if ((addon as { billing?: string }).billing === "postpaid") addons[key] = addon;
      return [id, { ...edition, overage: later.overage, addons }];
    }),
  );
  return { ...prepaid, id: `${prepaid.id}+${postpaid.id}`, editions };
}

interface MixableCatalog {
  id: string;
  editions: Record<string, { overage: unknown; addons: Json }>;
}
