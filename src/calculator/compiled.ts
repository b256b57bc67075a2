// A catalog prepared for pricing: prices as decimals and the ways to meet each need,
// worked out once per catalog instead of once per scenario (batch prices millions).
import { limitNeeds, overageMetrics, type EditionId, type FigureStatus, type OverageMetric } from "../vocabulary.js";
import type { Catalog, Edition, LimitNeed, MeteredNeed, Overage } from "../catalog/schema.js";
import type { Addon } from "../catalog/schema.js";
import { figures } from "../catalog/figures.js";
import { Money, toAmount } from "../util/money.js";
import { own } from "../util/own.js";

/** A catalog price, with its text made once: two decimals, or as written for a per-unit price (0.015). */
export interface Price {
  value: Money;
  text: string;
}

const price = (amount: string): Price => {
  const value = new Money(amount);
  return { value, text: value.decimalPlaces() > 2 ? value.toString() : toAmount(value) };
};

/** One way to meet a limit need: an add-on, or one tier of it. */
export interface Option {
  key: string;
  reach: number;
  price: Price;
  raisesTo: number | null;
  tier?: number;
}

/** The kinds of content a weighted add-on counts (cloud moderation), in the order a formula names them. */
export const DEDUCTION_KINDS = ["texts", "images", "audioMinutes", "videoMinutes"] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

/** A weighted add-on (cloud moderation): a price per deduction, each kind's weight, the packages of a month. */
export interface CompiledDeductions {
  key: string;
  price: Price;
  weights: Record<DeductionKind, Money>;
  /** by size, smallest first */
  packages: { size: number; price: Price }[];
}

export interface CompiledOverage {
  rule: Overage;
  price: Price;
}

export interface CompiledEdition {
  edition: Edition;
  /** null: the edition has no published price */
  packageFee: Price | null;
  /** the metrics the edition bills above its quota, in the order of `overageMetrics` */
  overage: { metric: OverageMetric; overage: CompiledOverage }[];
  /** the cheapest first */
  options: Record<LimitNeed, Option[]>;
  switches: Map<string, Price>;
  metered: Map<MeteredNeed, { key: string; price: Price }>;
  /** the weighted add-on (cloud moderation), where the edition sells it */
  deductions: CompiledDeductions | undefined;
  included: { key: string; need: LimitNeed }[];
  /** add-on keys in catalog order, for line order */
  order: string[];
  /** the edition's figures with their statuses, found once: a bill records those it used */
  figures: EditionFigures;
}

/** A figure of a list (a fact with its provenance): its path in the list and how sure it is. */
export interface CompiledFigure {
  path: string;
  status: FigureStatus;
}

export interface EditionFigures {
  packageFee: CompiledFigure | undefined;
  /** each billed metric's price, then its free quota where a source of its own states it */
  overage: Partial<Record<OverageMetric, CompiledFigure[]>>;
  limits: Partial<Record<LimitNeed, CompiledFigure>>;
  addons: Map<string, CompiledFigure>;
}

const cache = new WeakMap<Catalog, Map<EditionId, CompiledEdition>>();

/**
 * An edition of `catalog` prepared for pricing, made the first time it is asked for: a
 * run that prices one edition (most do) prepares that one, not the whole list.
 */
export function compiledEdition(catalog: Catalog, id: EditionId): CompiledEdition | undefined {
  let editions = cache.get(catalog);
  if (!editions) cache.set(catalog, (editions = new Map<EditionId, CompiledEdition>()));
  let compiled = editions.get(id);
  if (!compiled) {
    const edition = own(catalog.editions, id);
    if (!edition) return undefined;
    // Each figure's status by its path under the edition (editions.<id>.<path>).
    const statuses = new Map<string, FigureStatus>();
    const prefix = `editions.${id}.`;
    for (const { path, status } of figures(catalog, id))
      if (path.startsWith(prefix)) statuses.set(path.slice(prefix.length), status);
    compiled = compileEdition(edition, editionFigures(id, edition, statuses));
    editions.set(id, compiled);
  }
  return compiled;
}

/** The figures of one edition by what they price, from their statuses by path under the edition. */
function editionFigures(id: EditionId, edition: Edition, statuses: Map<string, FigureStatus>): EditionFigures {
  const figure = (path: string): CompiledFigure | undefined => {
    const status = statuses.get(path);
    // A fact without provenance (no list im-bill reads has one) has no status to count.
    return status === undefined ? undefined : { path: `editions.${id}.${path}`, status };
  };
  const present = (found: (CompiledFigure | undefined)[]) =>
    found.filter((one): one is CompiledFigure => one !== undefined);
  return {
    packageFee: figure("packageFee"),
    overage: Object.fromEntries(
      overageMetrics.map((metric) => [
        metric,
        present([figure(`overage.${metric}`), figure(`overage.${metric}.quota`)]),
      ]),
    ),
    limits: Object.fromEntries(limitNeeds.map((need) => [need, figure(`limits.${need}`)])),
    addons: new Map(
      Object.keys(edition.addons).flatMap((key) => {
        const found = figure(`addons.${key}`);
        return found ? [[key, found] as const] : [];
      }),
    ),
  };
}

function compileEdition(edition: Edition, figures: EditionFigures): CompiledEdition {
  const overage = (rule: Overage): CompiledOverage => ({ rule, price: price(rule.price) });
  const options = Object.fromEntries(limitNeeds.map((need) => [need, [] as Option[]])) as Record<LimitNeed, Option[]>;
  const switches = new Map<string, Price>();
  const metered = new Map<MeteredNeed, { key: string; price: Price }>();
  let deductions: CompiledDeductions | undefined;
  const included: { key: string; need: LimitNeed }[] = [];
  for (const [key, addon] of Object.entries(edition.addons)) {
    if (addon.kind === "limit")
      options[addon.need].push({
        key,
        reach: addon.raisesTo ?? Infinity,
        raisesTo: addon.raisesTo,
        price: price(addon.price),
      });
    else if (addon.kind === "tiers")
      for (const tier of addon.tiers)
        options[addon.need].push({
          key,
          reach: tier.upTo,
          raisesTo: tier.upTo,
          price: price(tier.price),
          tier: tier.upTo,
        });
    else if (addon.kind === "switch") switches.set(key, price(addon.price));
    else if (addon.kind === "metered") metered.set(addon.need, { key, price: price(addon.price) });
    else if (addon.kind === "deductions") deductions = compileDeductions(key, addon);
    else included.push({ key, need: addon.need });
  }
  // The cheapest option first, then the smallest reach: the first that reaches a need is bought.
  for (const list of Object.values(options))
    list.sort((a, b) => a.price.value.comparedTo(b.price.value) || a.reach - b.reach);
  return {
    edition,
    packageFee: edition.packageFee.price === null ? null : price(edition.packageFee.price),
    overage: overageMetrics.flatMap((metric) => {
      const rule = edition.overage?.[metric];
      return rule ? [{ metric, overage: overage(rule) }] : [];
    }),
    options,
    switches,
    metered,
    deductions,
    included,
    order: Object.keys(edition.addons),
    figures,
  };
}

function compileDeductions(key: string, addon: Extract<Addon, { kind: "deductions" }>): CompiledDeductions {
  return {
    key,
    price: price(addon.price),
    weights: Object.fromEntries(DEDUCTION_KINDS.map((kind) => [kind, new Money(addon.weights[kind])])) as Record<
      DeductionKind,
      Money
    >,
    packages: addon.packages
      .map((each) => ({ size: each.size, price: price(each.price) }))
      .sort((a, b) => a.size - b.size),
  };
}
