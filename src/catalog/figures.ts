// The figures of a catalog (prices, quotas, limits, tiers) with where each comes from:
// counted for `im-bill catalogs`, compared for `im-bill catalogs --diff`.
import type { FigureStatus } from "../vocabulary.js";
import type { Catalog } from "./schema.js";
import { isJsonObject as isObject } from "../util/json.js";

/** A fact with its provenance (an object with a `source`): a price, a quota, a limit, an add-on. */
export interface Figure {
  /** e.g. editions.pro.packageFee */
  path: string;
  status: FigureStatus;
}

/** The editions of a list (or the one named) as [path, edition] pairs, last first: a stack to walk. */
const editionStack = (catalog: Catalog, only?: string): [string, unknown][] =>
  Object.entries(catalog.editions)
    .filter(([id]) => only === undefined || id === only)
    .map(([id, edition]) => [`editions.${id}`, edition] as [string, unknown])
    .reverse();

/** Every figure of the editions (or of the one named), in catalog order (a vendor's notice is not a figure). */
export function figures(catalog: Catalog, only?: string): Figure[] {
  const out: Figure[] = [];
  const stack = editionStack(catalog, only);
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    if (!isObject(value)) continue;
    if (Object.hasOwn(value, "source"))
      out.push({
        path,
        status: value.assumption
          ? "assumed"
          : value.inferred
            ? "inferred"
            : value.carriedOver
              ? "carriedOver"
              : "sourced",
      });
    // Its children pushed last first, to come off the stack in catalog order: by index,
    // not arrays of entries (each estimate walks its edition).
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index--)
      if (keys[index] !== "notice") stack.push([`${path}.${keys[index]}`, value[keys[index]!]]);
  }
  return out;
}

export function countFigures(catalog: Catalog): Record<FigureStatus, number> {
  const counts: Record<FigureStatus, number> = { sourced: 0, inferred: 0, assumed: 0, carriedOver: 0 };
  for (const figure of figures(catalog)) counts[figure.status]++;
  return counts;
}

/** What a price list holds as values: every leaf of its editions but provenance and notices. */
function values(catalog: Catalog): Map<string, string> {
  const out = new Map<string, string>();
  const skip = new Set([
    "source",
    "note",
    "noteZh",
    "assumption",
    "inferred",
    "carriedOver",
    "notice",
    "name",
    "aliases",
    "quota",
  ]);
  const stack = editionStack(catalog);
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push([`${path}[${index}]`, value[index]]);
    } else if (isObject(value)) {
      const entries = Object.entries(value).filter(([key]) => !skip.has(key));
      for (const [key, child] of entries.reverse()) stack.push([`${path}.${key}`, child]);
    } else {
      // A leaf: a string, a number, a boolean or null (objects and lists are walked above).
      const leaf = value as string | number | boolean | null;
      out.set(path, leaf === null ? "null" : String(leaf));
    }
  }
  return out;
}

export interface FigureChange {
  path: string;
  /** null: the figure is not in that catalog */
  before: string | null;
  after: string | null;
}

/** What a list is, besides its figures: two lists with the same figures are not the same list when these differ. */
function identity(catalog: Catalog): Map<string, string> {
  return new Map([
    ["id", catalog.id],
    ["version", catalog.version],
    ["currency", catalog.currency],
    ["site", catalog.site ?? "cn"],
    ["prepaidPeriod.ends", catalog.prepaidPeriod?.ends ?? "day-before"],
    ["effective.from", catalog.effective?.from ?? "null"],
    ["effective.to", catalog.effective?.to ?? "null"],
  ]);
}

/**
 * Every figure that differs between two catalogs, old → new, in the first one's order,
 * after what the lists are (id, version, currency, site, package period, dates) where those differ.
 */
export function diffCatalogs(before: Catalog, after: Catalog): FigureChange[] {
  const changes: FigureChange[] = [];
  const [ids, idsAfter] = [identity(before), identity(after)];
  for (const [path, value] of ids)
    if (idsAfter.get(path) !== value) changes.push({ path, before: value, after: idsAfter.get(path)! });
  const [a, b] = [values(before), values(after)];
  for (const [path, value] of a)
    if (b.get(path) !== value) changes.push({ path, before: value, after: b.get(path) ?? null });
  for (const [path, value] of b) if (!a.has(path)) changes.push({ path, before: null, after: value });
  return changes;
}
