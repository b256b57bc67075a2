// One place decides the prices of a bill: which list, why that one, on which day, with
// which discount, and what lost. Every command (each scenario, each month) and the
// library call `choosePrices`; the estimate carries its answer (`pricing`) and its notes.
//
// Precedence, the same everywhere: an explicit choice (--catalog or --pricing; the
// library's `catalog` option), then the scenario's pin (`catalog`), then the project
// config (`catalog` or `pricing`), then the day (--on, else today): the list in effect
// then on the site (--site, the scenario's `site`, the config's, else the mainland) and,
// on the mainland, for the app's data centres (--data-center, the scenario's `dataCenter`,
// the config's, else the mainland's).
// Whatever loses is named in a note, never dropped silently.
import {
  builtinCatalogById,
  builtinCatalogs,
  catalogOn,
  dataCenterOf,
  effectiveOf,
  firstCatalogOf,
  inEffectFor,
  isBuiltin,
  sameMarket,
  siteOf,
} from "./index.js";
import { originOf } from "./origin.js";
import type { PricingRef } from "./pricing-ref.js";
import type { Catalog } from "./schema.js";
import { dataCenters, sites, type DataCenter, type EditionId, type Site } from "../vocabulary.js";
import { daysBetween } from "../util/calendar.js";
import { today } from "../util/today.js";

/** Past this many days since a list's figures were last checked against Tencent's pages, every bill says so. */
export const UNVERIFIED_AFTER_DAYS = 180;

export type { PricingRef };

/** What chose the list: a flag (CLI), an option (library), the scenario's pin, the project config, or the day. */
export type ChosenBy = "flag" | "option" | "pin" | "config" | "date" | "earliest";

/** Who reads the notes: flags for the CLI, option names for the library. */
export type Surface = "cli" | "library";

/** How a run was told to price, before any scenario is read. */
export interface PriceSettings {
  /** the day bills are for (--on, the library's `on`, else today), YYYY-MM-DD */
  day: string;
  /** the day the run is made, YYYY-MM-DD (default: the machine's today): how long ago a list was last checked counts to it, whatever day is priced */
  today?: string;
  surface: Surface;
  /** --catalog or --pricing (the CLI), the `catalog` option (the library) */
  explicit?: { catalog: Catalog; by: string };
  /** the project config, as this run took it */
  config?: ConfigSettings;
  /** --discount, the `discount` option, or the config's */
  discount?: { percent: string; from: "flag" | "option" | "config" };
  /** --site, the `site` option, or the config's: the site whose list the day picks */
  site?: { site: Site; from: "flag" | "option" | "config" };
  /** --data-center, the `dataCenter` option, or the config's: on the mainland, the data centres whose list the day picks */
  dataCenter?: { dataCenter: DataCenter; from: "flag" | "option" | "config" };
}

/** What a scenario asks of its prices: a list by id (its pin), a site, its data centres. */
export interface Wanted {
  pin: string | null;
  site: Site | null;
  dataCenter: DataCenter | null;
}

export const NOTHING_WANTED: Wanted = { pin: null, site: null, dataCenter: null };

export interface ConfigSettings {
  /** the config file, as messages name it */
  file: string;
  /** the config's list: its `catalog` (by id) or its `pricing` (a file) */
  catalog?: Catalog;
  setting?: "catalog" | "pricing";
  /** the config's settings this command took that are not a list (lang, discount) */
  taken: string[];
  /** config settings a flag replaced, and the flag */
  overridden: { setting: string; by: string }[];
}

/** Why a list is noted: what lost to it, and lists that do not apply on the day priced. */
export type PricingNote =
  /** a built-in list that had ended (on `to`) by the day: `current` replaced it `since` */
  | {
      code: "catalog.superseded";
      list: string;
      to: string;
      /** the list that followed it on its site, where that is not the current one (null: it is) */
      followed: { list: string; from: string } | null;
      current: string;
      since: string;
    }
  /** a day before the earliest day the list is known to apply (its first day unstated): no list im-bill knows applies then */
  | { code: "catalog.before-known"; list: string; knownFrom: string }
  /** a list whose first day is after the day priced; `current` is the one in effect */
  | { code: "catalog.not-yet-in-effect"; list: string; from: string; current: string | null }
  /** a list file whose own dates do not hold the day */
  | { code: "catalog.out-of-dates"; list: string; from: string | null; to: string | null }
  /** an add-on the bill prices that Tencent no longer sells or lists (its notice says so, with the source) */
  | { code: "catalog.withdrawn"; list: string; addon: string }
  /** a list last checked against Tencent's pages more than UNVERIFIED_AFTER_DAYS days before the run */
  | { code: "catalog.unverified"; list: string; lastVerified: string; days: number }
  /** an overlay (no dates of its own) of a built-in list that had ended (on `to`) by the day */
  | {
      code: "catalog.base-superseded";
      list: string;
      base: string;
      to: string;
      followed: { list: string; from: string } | null;
      current: string;
      since: string;
    }
  /** the scenario's pin lost to an explicit choice */
  | { code: "pricing.pin-overridden"; pin: string; list: string; by: string }
  /** the scenario's data centres lost to an explicit list of the other data centres */
  | {
      code: "pricing.data-center-overridden";
      dataCenter: DataCenter;
      list: string;
      listDataCenter: DataCenter;
      by: string;
    }
  /** the config's list lost to the scenario's pin */
  | { code: "pricing.config-not-used"; file: string; setting: string; value: string; pin: string }
  /** the config's list is of another site than the scenario's (or --site's): the day chose on that site */
  | { code: "pricing.config-other-site"; file: string; setting: string; value: string; site: Site }
  /** a config setting lost to a flag */
  | { code: "pricing.config-overridden"; file: string; setting: string; by: string };

export interface PriceChoice {
  catalog: Catalog;
  /** the day the bill is for */
  day: string;
  /** the day the run is made (PriceSettings.today) */
  today: string;
  surface: Surface;
  pricing: PricingRef;
  notes: PricingNote[];
}

/** Choices made for a run's settings, by pin and day: a batch of a million scenarios makes a handful, shared. */
const made = new WeakMap<PriceSettings, Map<string, PriceChoice>>();

/**
 * The prices of one bill: what the scenario wants (its pin, a list id; its site) and
 * the day (a month's, say) against the run's settings. The same settings, wants and day
 * give the same (shared, not to be changed) choice.
 */
export function choosePrices(
  settings: PriceSettings,
  wanted: Wanted = NOTHING_WANTED,
  day: string = settings.day,
): PriceChoice {
  let choices = made.get(settings);
  if (!choices) made.set(settings, (choices = new Map<string, PriceChoice>()));
  // A pin that names no list chooses as no pin does (the validator reports it): one entry for all of them.
  const known = wanted.pin !== null && listOfPin(settings, wanted.pin) ? wanted.pin : null;
  const key = `${known ?? ""}\n${wanted.site ?? ""}\n${wanted.dataCenter ?? ""}\n${day}`;
  let choice = choices.get(key);
  if (!choice) choices.set(key, (choice = choose(settings, { ...wanted, pin: known }, day)));
  return choice;
}

/** The site the day chooses on: --site (or the option), else the scenario's, else the config's, else the mainland. */
function siteFor(settings: PriceSettings, scenarioSite: Site | null): Site {
  const { site } = settings;
  if (site && site.from !== "config") return site.site;
  return scenarioSite ?? site?.site ?? "cn";
}

/** The data centres the day chooses for, in the same order: --data-center, the scenario's, the config's, the mainland's. */
function dataCenterFor(settings: PriceSettings, scenarioDataCenter: DataCenter | null): DataCenter {
  const { dataCenter } = settings;
  if (dataCenter && dataCenter.from !== "config") return dataCenter.dataCenter;
  return scenarioDataCenter ?? dataCenter?.dataCenter ?? "mainland";
}

/** The list a pin names: a built-in list, or the list the run was given (an overlay's own id). */
function listOfPin(settings: PriceSettings, pin: string): Catalog | undefined {
  const { explicit, config } = settings;
  return pin === explicit?.catalog.id
    ? explicit.catalog
    : pin === config?.catalog?.id
      ? config.catalog
      : builtinCatalogById(pin);
}

function choose(settings: PriceSettings, wanted: Wanted, day: string): PriceChoice {
  const { explicit, config } = settings;
  const { pin } = wanted;
  const notes: PricingNote[] = [];
  const pinned = pin === null ? undefined : listOfPin(settings, pin);
  const site = siteFor(settings, wanted.site);
  const dataCenter = dataCenterFor(settings, wanted.dataCenter);
  // The config's list serves the site and data centres asked for, or the day chooses for them, said so.
  const askedSite = wanted.site !== null || (settings.site !== undefined && settings.site.from !== "config");
  const askedDataCenter =
    wanted.dataCenter !== null || (settings.dataCenter !== undefined && settings.dataCenter.from !== "config");
  const serves = (list: Catalog) =>
    (!askedSite || siteOf(list) === site) && (!askedDataCenter || site === "intl" || dataCenterOf(list) === dataCenter);
  const configList = config?.catalog && serves(config.catalog) ? config.catalog : undefined;
  let catalog: Catalog;
  let chosenBy: ChosenBy;
  if (explicit) {
    catalog = explicit.catalog;
    chosenBy = settings.surface === "cli" ? "flag" : "option";
    if (pinned && pinned !== catalog)
      notes.push({ code: "pricing.pin-overridden", pin: pin!, list: catalog.id, by: explicit.by });
    // A scenario abroad priced by a list of the mainland's data centres (or the other way round): said.
    const listDataCenter = dataCenterOf(catalog);
    if (wanted.dataCenter !== null && listDataCenter !== null && listDataCenter !== wanted.dataCenter)
      notes.push({
        code: "pricing.data-center-overridden",
        dataCenter: wanted.dataCenter,
        list: catalog.id,
        listDataCenter,
        by: explicit.by,
      });
  } else if (pinned) {
    catalog = pinned;
    chosenBy = "pin";
    if (config?.catalog && config.catalog !== pinned)
      notes.push({
        code: "pricing.config-not-used",
        file: config.file,
        setting: config.setting ?? "catalog",
        value: configValue(config),
        pin: pin!,
      });
  } else if (configList) {
    catalog = configList;
    chosenBy = "config";
  } else {
    if (config?.catalog)
      notes.push({
        code: "pricing.config-other-site",
        file: config.file,
        setting: config.setting ?? "catalog",
        value: configValue(config),
        site,
      });
    // Before the first list's first day, the first list, said so below.
    catalog = catalogOn(day, site, dataCenter) ?? firstCatalogOf(site, dataCenter);
    chosenBy = "date";
  }
  for (const { setting, by } of config?.overridden ?? [])
    notes.push({ code: "pricing.config-overridden", file: config!.file, setting, by });
  const dated = dateNote(catalog, day);
  if (dated) notes.push(dated);
  // Chosen by the day, but no list applies then: the earliest one priced it, and says so.
  if (chosenBy === "date" && dated?.code === "catalog.before-known") chosenBy = "earliest";
  const madeOn = settings.today ?? today();
  const pricing = pricingRef(catalog, chosenBy, day, settings, madeOn);
  const { lastVerified, verifiedDaysAgo } = pricing.catalog;
  // catalogRef counts the days wherever the list names a date (the schema's optional is for saved reports).
  if (lastVerified !== null && verifiedDaysAgo != null && verifiedDaysAgo > UNVERIFIED_AFTER_DAYS)
    notes.push({ code: "catalog.unverified", list: catalog.id, lastVerified, days: verifiedDaysAgo });
  return { catalog, day, today: madeOn, surface: settings.surface, notes, pricing };
}

/** The same choice with another list: a forecast month priced across a change of lists (prepaid from one, postpaid from the other). */
export function withCatalog(choice: PriceChoice, catalog: Catalog, builtin: boolean): PriceChoice {
  const pricing = { ...choice.pricing, catalog: { ...catalogRef(catalog, choice.today), builtin } };
  return { ...choice, catalog, pricing };
}

/** A fixed list, as the library's `catalog` option gives it: for callers that price with a catalog in hand. */
export function fixedPrices(
  catalog: Catalog,
  options: { day: string; today?: string; surface?: Surface; discount?: PriceSettings["discount"] },
): PriceChoice {
  return choosePrices({
    day: options.day,
    ...(options.today === undefined ? {} : { today: options.today }),
    surface: options.surface ?? "library",
    explicit: { catalog, by: "catalog" },
    ...(options.discount ? { discount: options.discount } : {}),
  });
}

function configValue(config: ConfigSettings): string {
  const origin = config.catalog && originOf(config.catalog);
  return origin?.file || config.catalog?.id || "";
}

/**
 * The built-in list that followed one on its site (the first to begin after it ended),
 * where that is not `current`, the list in effect on the day: intl-2020 was followed by
 * intl-2021, whatever applies today.
 */
function followedBy(catalog: Catalog, to: string, current: Catalog): { list: string; from: string } | null {
  let next: { list: string; from: string } | null = null;
  for (const other of builtinCatalogs()) {
    const from = effectiveOf(other).from;
    if (other === catalog || !sameMarket(other, catalog) || from === null || from <= to) continue;
    if (next === null || from < next.from) next = { list: other.id, from };
  }
  return next === null || next.list === current.id ? null : next;
}

/** A list that does not apply on the day: ended (and replaced), not begun, or an overlay of an ended list. */
function dateNote(catalog: Catalog, day: string): PricingNote | undefined {
  const { from, to } = effectiveOf(catalog);
  const current = inEffectFor(catalog, day);
  if (isBuiltin(catalog)) {
    if (to !== null && day > to && current && current !== catalog)
      return {
        code: "catalog.superseded",
        list: catalog.id,
        to,
        followed: followedBy(catalog, to, current),
        current: current.id,
        since: effectiveOf(current).from ?? day,
      };
    if (from !== null && day < from)
      return { code: "catalog.not-yet-in-effect", list: catalog.id, from, current: current?.id ?? null };
    const known = catalog.effective?.knownFrom;
    if (from === null && known && day < known.day)
      return { code: "catalog.before-known", list: catalog.id, knownFrom: known.day };
    return undefined;
  }
  if (catalog.effective) {
    return (from !== null && day < from) || (to !== null && day > to)
      ? { code: "catalog.out-of-dates", list: catalog.id, from, to }
      : undefined;
  }
  // An overlay with no dates of its own is as current as the list it extends.
  const base = originOf(catalog)?.extends;
  const baseList = base ? builtinCatalogById(base) : undefined;
  const baseTo = baseList ? effectiveOf(baseList).to : null;
  const currentOfBase = baseList ? inEffectFor(baseList, day) : undefined;
  if (baseList && baseTo !== null && day > baseTo && currentOfBase && currentOfBase !== baseList)
    return {
      code: "catalog.base-superseded",
      list: catalog.id,
      base: baseList.id,
      to: baseTo,
      followed: followedBy(baseList, baseTo, currentOfBase),
      current: currentOfBase.id,
      since: effectiveOf(currentOfBase).from ?? day,
    };
  return undefined;
}

function catalogRef(catalog: Catalog, today: string): Omit<PricingRef["catalog"], "builtin"> {
  const lastVerified = catalog.lastVerified ?? null;
  const dataCenter = dataCenterOf(catalog);
  return {
    id: catalog.id,
    version: catalog.version,
    currency: catalog.currency,
    site: siteOf(catalog),
    ...(dataCenter === null ? {} : { dataCenter }),
    effective: effectiveOf(catalog),
    lastVerified,
    verifiedDaysAgo: lastVerified === null ? null : daysBetween(lastVerified, today),
  };
}

function pricingRef(
  catalog: Catalog,
  chosenBy: ChosenBy,
  day: string,
  settings: PriceSettings,
  madeOn: string,
): PricingRef {
  const origin = originOf(catalog);
  const config = settings.config;
  const settingsTaken = config
    ? [...config.taken, ...(chosenBy === "config" && config.setting ? [config.setting] : [])]
    : [];
  return {
    on: day,
    chosenBy,
    catalog: { ...catalogRef(catalog, madeOn), builtin: isBuiltin(catalog) },
    overlays: origin ? [{ file: origin.file, sha256: origin.sha256, extends: origin.extends }] : [],
    config: config && settingsTaken.length > 0 ? { file: config.file, settings: settingsTaken } : null,
    discount: settings.discount ?? null,
  };
}

/** Whether a note's code is about the prices (a `PricingNote`): shown with the provenance, in every report. */
export const isPricingCode = (code: string): boolean => code.startsWith("catalog.") || code.startsWith("pricing.");

/**
 * What a scenario document asks of its prices (its own "catalog" string, its "site"),
 * read before it is validated: the list chosen validates it.
 */
export function wantedOf(document: unknown): Wanted {
  if (typeof document !== "object" || document === null) return NOTHING_WANTED;
  const own = (key: string): unknown =>
    Object.hasOwn(document, key) ? (document as Record<string, unknown>)[key] : undefined;
  const pin = own("catalog");
  const site = own("site");
  const dataCenter = own("dataCenter");
  return {
    pin: typeof pin === "string" ? pin : null,
    site: (sites as readonly unknown[]).includes(site) ? (site as Site) : null,
    dataCenter: (dataCenters as readonly unknown[]).includes(dataCenter) ? (dataCenter as DataCenter) : null,
  };
}

/** A note about the prices of one bill, with what its words need: the edition it was priced on, and the choice. */
export interface NoteOfPrices {
  note: PricingNote;
  plan: EditionId;
  prices: PriceChoice;
}

/**
 * The distinct provenances of many bills, with how many bills each made, and what is
 * said of their prices (a list not in effect, a pin that lost), each once, in the order
 * first seen: a batch of a million scenarios has a handful of each.
 */
export class PricingTally {
  readonly #groups = new Map<string, { ref: PricingRef; count: number }>();
  // Bills priced alike share one ref object (choosePrices): its key is made once.
  readonly #keys = new WeakMap<PricingRef, string>();
  readonly #notes = new Map<string, NoteOfPrices>();

  /** A bill's provenance, and its notes about prices. */
  add(ref: PricingRef, notes: Iterable<NoteOfPrices> = []): void {
    let key = this.#keys.get(ref);
    if (key === undefined) this.#keys.set(ref, (key = JSON.stringify(ref)));
    const group = this.#groups.get(key);
    if (group) group.count++;
    else this.#groups.set(key, { ref, count: 1 });
    for (const said of notes) {
      // What its words depend on: the note and who reads it; for some, the edition (a new
      // price) or the day ("not on 2023-06-01"). Notes that are worded alike are said once.
      const { note, plan, prices } = said;
      const byPlan = note.code === "catalog.superseded";
      const byDay = note.code === "catalog.not-yet-in-effect" || note.code === "catalog.out-of-dates";
      const noteKey = `${JSON.stringify(note)}\n${prices.surface}\n${byPlan ? `${plan}\n${prices.catalog.id}` : ""}\n${byDay ? prices.day : ""}`;
      if (!this.#notes.has(noteKey)) this.#notes.set(noteKey, said);
    }
  }

  get groups(): { ref: PricingRef; count: number }[] {
    return [...this.#groups.values()];
  }

  /** What is said of the prices, each note once. */
  get notes(): NoteOfPrices[] {
    return [...this.#notes.values()];
  }
}
