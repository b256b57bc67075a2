// The built-in price lists (./lists.ts), made when first asked for, and what is known of a
// list: its site, data centres, dates and editions. No list is "the default": a bill is
// priced with the list of its site in effect on its day (./choose.ts).
import {
  METRIC_USAGE,
  overageMetrics,
  type DataCenter,
  type EditionId,
  type MeteredUsage,
  type OverageMetric,
  type Site,
} from "../vocabulary.js";
import { BUILTIN_LISTS as LISTS, type BuiltinList } from "./lists.js";
import type { Addon, Catalog, Edition, Effective, Notice } from "./schema.js";
import { own } from "../util/own.js";

export type { EditionId };
export type { Addon, Catalog, Edition } from "./schema.js";

const madeLists = new Map<string, Catalog>();
const builtins = new WeakSet<Catalog>();

/** A built-in list by its entry: made the first time it is asked for, the same object after. */
function madeList(id: string): Catalog {
  let catalog = madeLists.get(id);
  if (!catalog) {
    catalog = LISTS.find((list) => list.id === id)!.make() as Catalog;
    madeLists.set(id, catalog);
    builtins.add(catalog);
  }
  return catalog;
}

let all: readonly Catalog[] | undefined;

/** Every built-in catalog, oldest first within each site: the mainland's, then the international site's. */
export function builtinCatalogs(): readonly Catalog[] {
  all ??= LISTS.map((list) => madeList(list.id));
  return all;
}

export const builtinCatalogIds = (): string[] => LISTS.map((list) => list.id);

export const builtinCatalogById = (id: string): Catalog | undefined =>
  LISTS.some((list) => list.id === id) ? madeList(id) : undefined;

/** Whether `catalog` is one of the built-in lists (not a file that took its id: those are refused). */
export const isBuiltin = (catalog: Catalog): boolean => builtins.has(catalog);

/** When a catalog applies; a catalog that does not say applies at any date. */
export const effectiveOf = (catalog: Catalog): { from: string | null; to: string | null } => ({
  from: catalog.effective?.from ?? null,
  to: catalog.effective?.to ?? null,
});

/** Whether `day` (YYYY-MM-DD) falls within `from`–`to`, either end open when null. */
const within = ({ from, to }: { from: string | null; to: string | null }, day: string): boolean =>
  (from === null || from <= day) && (to === null || day <= to);

/** Whether `day` (YYYY-MM-DD) falls within what the catalog says of its dates. */
export const appliesOn = (catalog: Catalog, day: string): boolean => within(effectiveOf(catalog), day);

/** The site a list is sold on; a list that does not say is the mainland's. */
export const siteOf = (catalog: Catalog): Site => catalog.site ?? "cn";

/**
 * The data centres a list prices: a mainland list's are the mainland's unless it says
 * overseas; null for the international site's lists, which price every data centre alike.
 */
export const dataCenterOf = (catalog: Catalog): DataCenter | null =>
  siteOf(catalog) === "intl" ? null : (catalog.dataCenter ?? "mainland");

/** Whether two lists price the same apps (one site, one kind of data centre): one follows the other in time. */
export const sameMarket = (a: Catalog, b: Catalog): boolean =>
  siteOf(a) === siteOf(b) && dataCenterOf(a) === dataCenterOf(b);

/** Whether a built-in list, by its own file, prices the apps of `site` and, on the mainland, of `dataCenter`. */
const pricesFor = (list: BuiltinList, site: Site, dataCenter: DataCenter): boolean =>
  list.site === site && (site === "intl" || (list.dataCenter ?? "mainland") === dataCenter);

/**
 * The built-in catalog of `site` (and, on the mainland, of `dataCenter`) in effect on
 * `day`, the newest that applies; undefined before the first such list.
 */
export function catalogOn(day: string, site: Site = "cn", dataCenter: DataCenter = "mainland"): Catalog | undefined {
  // Chosen by what each list's own file says of it: only the list chosen is made.
  const list = LISTS.findLast((each) => pricesFor(each, site, dataCenter) && within(each.effective, day));
  return list && madeList(list.id);
}

/** The first built-in list of `site` (and, on the mainland, of `dataCenter`): what prices a day before any of them applies. */
export function firstCatalogOf(site: Site, dataCenter: DataCenter): Catalog {
  return madeList(LISTS.find((each) => pricesFor(each, site, dataCenter))!.id);
}

/** The built-in list in effect on `day` for the apps `catalog` prices (its site, its data centres). */
export const inEffectFor = (catalog: Catalog, day: string): Catalog | undefined =>
  catalogOn(day, siteOf(catalog), dataCenterOf(catalog) ?? "mainland");

/** The edition ids of a list, in its order (cheapest first). */
export const editionsOf = (catalog: Catalog): EditionId[] => Object.keys(catalog.editions);

/** The edition of a list by id, or undefined where the list has none of that id. */
export const editionOf = (catalog: Catalog, id: EditionId): Edition | undefined => own(catalog.editions, id);

/** Canonical edition id for an id or alias ("ultimate", "专业版"…), case-insensitive, within one list. */
export function resolveEdition(catalog: Catalog, name: string): EditionId | undefined {
  const wanted = name.trim().toLowerCase();
  const ids = editionsOf(catalog);
  return (
    ids.find((id) => id === wanted) ??
    ids.find((id) => catalog.editions[id]!.aliases.some((alias) => alias.toLowerCase() === wanted))
  );
}

/** Every name an edition can be given by, canonical ids first. */
export function editionNames(catalog: Catalog): string[] {
  const ids = editionsOf(catalog);
  return [...ids, ...ids.flatMap((id) => catalog.editions[id]!.aliases)];
}

/**
 * Whether a list measures a usage metric: some edition bills it above a quota or
 * limits it. The mainland's lists measure peak DAU and groups; the international
 * site's since 2022-12-26 monthly active users (and community messages), not DAU.
 */
export function measures(catalog: Catalog, usage: MeteredUsage): boolean {
  const metric = overageMetrics.find((each) => METRIC_USAGE[each] === usage)!;
  return Object.values(catalog.editions).some(
    (edition) => edition.overage?.[metric] !== undefined || edition.limits[usage] !== undefined,
  );
}

/** The edition a question about a list starts at: Pro where the list has one, else its first paid edition. */
export function usualEdition(catalog: Catalog): EditionId {
  const priced = pricedEditions(catalog);
  if (priced.includes("pro")) return "pro";
  return priced.find((id) => !catalog.editions[id]!.trial) ?? priced[0] ?? editionsOf(catalog)[0]!;
}

/** Whether some edition of a list bills a metric above its quota. */
export const bills = (catalog: Catalog, metric: OverageMetric): boolean =>
  Object.values(catalog.editions).some((edition) => edition.overage?.[metric] !== undefined);

/** The usage a list bills above a quota, as the scenario names it (peakDau and peakGroups on the mainland's lists). */
export const billedUsages = (catalog: Catalog): MeteredUsage[] =>
  overageMetrics.filter((metric) => bills(catalog, metric)).map((metric) => METRIC_USAGE[metric]);

/** Editions with a published price, in the list's order: what compare and --auto-plan can buy. */
export const pricedEditions = (catalog: Catalog): EditionId[] =>
  editionsOf(catalog).filter((id) => catalog.editions[id]!.packageFee.price !== null);

export type { Effective as CatalogEffective };

/**
 * Every add-on key of a list's editions, in the order the list names them (addonNames),
 * then any other: a free edition that sells one add-on does not put it first.
 */
export function addonKeys(catalog: Catalog): string[] {
  const named = Object.keys(catalog.addonNames);
  const rank = (key: string) => (named.includes(key) ? named.indexOf(key) : named.length);
  const keys = [...new Set(Object.values(catalog.editions).flatMap((edition) => Object.keys(edition.addons)))];
  // Stable: keys the names do not rank keep the editions' order.
  return keys.sort((a, b) => rank(a) - rank(b));
}

/** What the vendor says of an add-on it bills (one bought on request, or metered), if anything. */
export const noticeOf = (addon: Addon | undefined): Notice | undefined =>
  addon?.kind === "switch" || addon?.kind === "metered" || addon?.kind === "deductions" ? addon.notice : undefined;

/** The add-ons of a list that Tencent no longer sells or lists (a notice says so): they decide no recommendation. */
export function withdrawnAddons(catalog: Catalog): Set<string> {
  const keys = new Set<string>();
  for (const edition of Object.values(catalog.editions))
    for (const [key, addon] of Object.entries(edition.addons)) if (noticeOf(addon)?.withdrawn) keys.add(key);
  return keys;
}
