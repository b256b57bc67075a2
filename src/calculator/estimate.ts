// The pure pricing of one scenario against one catalog. Every price, quota and limit
// comes from the catalog; this module only knows how each kind of charge works.
import { limitNeeds, type EditionId } from "../catalog/editions.js";
import type { Catalog, LimitNeed, MeteredNeed } from "../catalog/schema.js";
import { effectiveOf, pricedEditions } from "../catalog/index.js";
import type { PriceChoice } from "../catalog/choose.js";
import type { Lang } from "../i18n/lang.js";
import { messages, type Messages } from "../i18n/messages.js";
import type { Scenario } from "../scenario/types.js";
import { formatMoney } from "../util/format.js";
import { compile, type CompiledEdition, type CompiledOverage, type Option, type Price } from "./compiled.js";
import { Money, toAmount } from "./decimal.js";
import { discountOf } from "./discount.js";
import { InputError, say } from "../errors.js";
import type { Category, Estimate, Finding, Line } from "./types.js";
import { maxOf } from "../util/array.js";
import { own } from "../util/own.js";
import { pricingNoteText } from "./pricing-notes.js";

/** A line before rounding; its amount is derived when the estimate is built. */
interface DraftLine {
  id: string;
  category: Category;
  /** a count or a metered quantity; ONE for a monthly fee */
  quantity: Money;
  unitPrice: Price;
  /** words are made only for the estimate shown, not for the editions compared in a hint */
  words?: () => { label: string; unit: string; explain: string };
}

interface Draft {
  lines: DraftLine[];
  violations: Finding[];
  notes: Finding[];
}

const ONE = new Money(1);
const ZERO = new Money(0);
const FREE: Price = { value: ZERO, text: "0.00" };

/**
 * Price a validated scenario on its edition of the chosen list (`choosePrices`: the
 * list, the day, the discount, and the notes of what lost), in `lang`.
 */
export function priceScenario(scenario: Scenario, prices: PriceChoice, lang: Lang = "en"): Estimate {
  const { catalog, pricing } = prices;
  const percent = pricing.discount?.percent;
  const discount = percent === undefined ? undefined : discountOf(percent);
  if (percent !== undefined && discount === undefined) {
    const got = JSON.stringify(percent);
    throw new InputError([{ path: "discount", message: say((t) => t.flags.percent(got)) }]);
  }
  const draft = draftEstimate(scenario, scenario.plan, catalog, lang, true);
  if (draft.violations.length > 0) draft.notes.push(cheapestFit(scenario, catalog, lang, discount));
  for (const note of prices.notes)
    draft.notes.push({ code: note.code, message: pricingNoteText(note, scenario.plan, prices, lang) });
  const { lines, sums } = finishLines(draft.lines, catalog, messages[lang], discount);
  return {
    version: 1,
    name: scenario.name,
    plan: scenario.plan,
    planName: catalog.editions[scenario.plan]!.name[lang],
    currency: catalog.currency,
    catalog: { id: catalog.id, version: catalog.version, currency: catalog.currency, effective: effectiveOf(catalog) },
    pricing,
    lines,
    subtotals: {
      base: toAmount(sums.base),
      overage: toAmount(sums.overage),
      addons: toAmount(sums.addon),
      discount: toAmount(sums.discount),
    },
    total: toAmount(sums.base.plus(sums.overage).plus(sums.addon).plus(sums.discount)),
    violations: draft.violations,
    notes: draft.notes,
  };
}

/**
 * Round each line half-up to the fen, leave out what rounds to nothing (the package
 * line always stays), add the discount line, and sum the amounts by category.
 */
function finishLines(
  drafts: DraftLine[],
  catalog: Catalog,
  t: Messages | undefined,
  discount: Money | undefined,
): { lines: Line[]; sums: Record<Category, Money> } {
  const lines: Line[] = [];
  const sums: Record<Category, Money> = { base: ZERO, overage: ZERO, addon: ZERO, discount: ZERO };
  for (const draft of drafts) {
    // A monthly fee (quantity one) is its price: the catalog's prices have two decimals.
    const amount =
      draft.quantity === ONE
        ? draft.unitPrice.value
        : draft.quantity.times(draft.unitPrice.value).toDecimalPlaces(2, Money.ROUND_HALF_UP);
    if (amount.isZero() && draft.id !== "package") continue;
    sums[draft.category] = sums[draft.category].plus(amount);
    if (!t) continue; // a hint needs the sums only
    const words = draft.words?.() ?? { label: "", unit: "", explain: "" };
    lines.push({
      id: draft.id,
      category: draft.category,
      label: words.label,
      quantity: draft.quantity === ONE ? "1" : draft.quantity.toString(),
      unit: words.unit,
      unitPrice: draft.unitPrice.text,
      amount: draft.quantity === ONE ? draft.unitPrice.text : toAmount(amount),
      explain: words.explain,
    });
  }
  if (discount) {
    const base = catalog.discounts.appliesTo.reduce((acc, category) => acc.plus(sums[category]), ZERO);
    // Rounded half-up as a positive amount, then negated: the same fen either way.
    const amount = base.times(discount).div(100).toDecimalPlaces(2, Money.ROUND_HALF_UP).negated();
    if (!amount.isZero()) {
      sums.discount = amount;
      if (t)
        lines.push({
          id: "discount",
          category: "discount",
          label: t.discountLabel(discount.toString(), catalog.discounts.appliesTo),
          quantity: "1",
          unit: t.month,
          unitPrice: toAmount(amount),
          amount: toAmount(amount),
          explain: t.discountExplain(discount.toString(), formatMoney(toAmount(base), catalog.currency)),
        });
    }
  }
  return { lines, sums };
}

/** What the scenario needs, by the names the catalog's limits and add-ons use. */
function limitNeedsOf(scenario: Scenario): Record<LimitNeed, number> {
  const { usage, features } = scenario;
  return {
    peakDau: usage.peakDau,
    peakGroups: usage.peakGroups,
    liveGroups: features.unlimitedLiveGroups ? Infinity : usage.liveGroups,
    groupMemberLimit: features.groupMemberLimit ?? 0,
    groupsPerUser: features.groupsPerUser ?? 0,
    historyDays: features.historyDays ?? 0,
  };
}

/** Metered usage: Mbps × days, or the month's summed daily peaks where they are known. */
function meteredNeeds(scenario: Scenario): Record<MeteredNeed, { mbps: number; days: number } | { sum: number }> {
  const { mainlandMbps, internationalMbps, days, mainlandMbpsDays, internationalMbpsDays } = scenario.usage.bandwidth;
  return {
    "bandwidth.mainland": mainlandMbpsDays === null ? { mbps: mainlandMbps, days } : { sum: mainlandMbpsDays },
    "bandwidth.international":
      internationalMbpsDays === null ? { mbps: internationalMbps, days } : { sum: internationalMbpsDays },
  };
}

/**
 * The lines, violations and notes of a scenario on one edition. With `describe` false
 * (the editions compared for a hint) no words are made, only amounts and violations.
 */
function draftEstimate(
  scenario: Scenario,
  plan: EditionId,
  catalog: Catalog,
  lang: Lang,
  describe: boolean,
  /** price an edition sold by contract as if its package were free: only what it cannot serve is wanted */
  unpriced = false,
): Draft {
  const t = messages[lang];
  const compiled = own(compile(catalog), plan);
  if (!compiled) throw new Error(`unreachable: ${catalog.id} has no edition ${plan}`);
  const packageFee = unpriced && !compiled.packageFee ? FREE : priceOf(compiled, plan);
  const edition = compiled.edition;
  const editionName = edition.name[lang];
  const addonName = (key: string) => own(catalog.addonNames, key)?.[lang] ?? key;
  const words = describe ? (make: () => { label: string; unit: string; explain: string }) => make : () => undefined;
  const draft: Draft = { lines: [], violations: [], notes: [] };
  const limits = limitNeedsOf(scenario);
  const meters = meteredNeeds(scenario);
  const requested = scenario.features.addons;
  const addonLines = new Map<string, DraftLine>();

  draft.lines.push({
    id: "package",
    category: "base",
    quantity: ONE,
    unitPrice: packageFee,
    words: words(() => ({
      label: t.packageLabel(edition.name.en, edition.name.zh),
      unit: t.month,
      explain: t.packageExplain,
    })),
  });

  if (compiled.overage) {
    const overage = (
      id: string,
      rule: CompiledOverage,
      peak: number,
      label: string,
      unit: (size: number) => string,
    ) => {
      const excess = peak - rule.rule.free;
      if (excess <= 0) return;
      // Each started block above the free quota is charged whole (exact: safe integers).
      const remainder = excess % rule.rule.unit;
      const blocks = new Money((excess - remainder) / rule.rule.unit + (remainder > 0 ? 1 : 0));
      draft.lines.push({
        id,
        category: "overage",
        quantity: blocks,
        unitPrice: rule.price,
        words: words(() => ({
          label,
          unit: unit(rule.rule.unit),
          explain: t.overageExplain(peak, rule.rule.free, rule.rule.unit, blocks.toString()),
        })),
      });
    };
    overage("overage.dau", compiled.overage.dau, limits.peakDau, t.dauOverageLabel, t.dauUnit);
    overage("overage.groups", compiled.overage.groups, limits.peakGroups, t.groupOverageLabel, t.groupUnit);
  }

  // Each need above the edition's limit: the cheapest option that reaches it, if any.
  for (const need of limitNeeds) {
    const included = edition.limits[need].value ?? Infinity;
    const value = limits[need];
    if (value <= included) continue;
    const all = compiled.options[need];
    const best: Option | undefined = all.find((option) => option.reach >= value);
    if (!best) {
      const message = !describe
        ? ""
        : all.length === 0
          ? t.exceedsLimit(editionName, t.needs[need], included, value)
          : t.exceedsReach(editionName, t.needs[need], maxOf(all.map((option) => option.reach)), value);
      draft.violations.push({ code: `exceeds.${need}`, message });
      continue;
    }
    addonLines.set(best.key, {
      id: `addon.${best.key}`,
      category: "addon",
      quantity: ONE,
      unitPrice: best.price,
      words: words(() => ({
        label:
          best.tier === undefined
            ? t.limitAddonLabel(addonName(best.key), best.raisesTo)
            : t.tierLabel(addonName(best.key), best.tier, t.tierNoun[need] ?? ""),
        unit: t.month,
        explain:
          best.tier === undefined
            ? t.limitAddonExplain(value, included, best.raisesTo)
            : t.tierExplain(value, included, best.tier),
      })),
    });
  }

  for (const key of requested) {
    const price = compiled.switches.get(key);
    const addon = own(edition.addons, key);
    // What the vendor says of an add-on (no longer maintained…), wherever it is bought.
    if (price && describe && addon?.kind === "switch" && addon.notice)
      draft.notes.push({ code: `notice.${key}`, message: addon.notice[lang] });
    if (price) {
      addonLines.set(key, {
        id: `addon.${key}`,
        category: "addon",
        quantity: ONE,
        unitPrice: price,
        words: words(() => ({ label: addonName(key), unit: t.month, explain: t.switchExplain })),
      });
    } else {
      draft.violations.push({
        code: `unavailable.${key}`,
        message: describe ? t.unavailable(editionName, addonName(key)) : "",
      });
    }
  }

  for (const need of Object.keys(meters) as MeteredNeed[]) {
    const meter = meters[need];
    if ("sum" in meter ? meter.sum === 0 : meter.mbps === 0) continue;
    const addon = compiled.metered.get(need);
    if (!addon) {
      draft.violations.push({
        code: `unavailable.${need}`,
        message: describe ? t.unavailable(editionName, addonName(need)) : "",
      });
      continue;
    }
    const quantity = "sum" in meter ? new Money(meter.sum) : new Money(meter.mbps).times(meter.days);
    addonLines.set(addon.key, {
      id: `addon.${addon.key}`,
      category: "addon",
      quantity,
      unitPrice: addon.price,
      words: words(() => ({
        label: addonName(addon.key),
        unit: t.meteredUnit,
        explain:
          "sum" in meter
            ? t.meteredSumExplain(quantity.toString())
            : t.meteredExplain(new Money(meter.mbps).toString(), meter.days, quantity.toString()),
      })),
    });
  }

  if (describe) {
    for (const { key, need } of compiled.included) {
      if (limits[need] > 0)
        draft.notes.push({ code: `included.${key}`, message: t.included(editionName, addonName(key)) });
    }
  }
  // Add-on lines in the catalog's order.
  for (const key of compiled.order) {
    const line = addonLines.get(key);
    if (line) draft.lines.push(line);
  }
  return draft;
}

/**
 * What an edition cannot serve of a scenario, whether or not it has a published price:
 * for an edition sold by contract (its price on request), whether asking is worth it.
 */
export function violationsOf(scenario: Scenario, plan: EditionId, catalog: Catalog, lang: Lang = "en"): Finding[] {
  return draftEstimate(scenario, plan, catalog, lang, true, true).violations;
}

/** The package fee; an edition with no published price cannot be priced (the validator says so first). */
function priceOf(compiled: CompiledEdition, plan: EditionId): Price {
  if (compiled.packageFee) return compiled.packageFee;
  const name = compiled.edition.name;
  throw new InputError([{ path: "plan", message: say((t) => t.validation.priceOnRequest(name[t.lang], plan)) }]);
}

/** The advice under a violation: the cheapest edition that serves the same scenario. */
function cheapestFit(scenario: Scenario, catalog: Catalog, lang: Lang, discount: Money | undefined): Finding {
  const t = messages[lang];
  let best: { plan: EditionId; total: Money } | undefined;
  for (const plan of pricedEditions(catalog)) {
    const draft = draftEstimate(scenario, plan, catalog, lang, false);
    if (draft.violations.length > 0) continue;
    const { sums } = finishLines(draft.lines, catalog, undefined, discount);
    const total = sums.base.plus(sums.overage).plus(sums.addon).plus(sums.discount);
    if (!best || total.lessThan(best.total)) best = { plan, total };
  }
  if (!best) return { code: "hint.no-fit", message: t.noFit };
  const name = catalog.editions[best.plan]!.name[lang];
  return {
    code: "hint.cheapest-fit",
    message: t.cheapestFit(name, formatMoney(toAmount(best.total), catalog.currency)),
  };
}
