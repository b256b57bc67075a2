// The pure pricing of one scenario against one catalog. Every price, quota and limit
// comes from the catalog; this module only knows how each kind of charge works.
import { editionIds, limitNeeds } from "../catalog/editions.js";
import type { Addon, Catalog, Edition, EditionId, LimitNeed, MeteredNeed, Overage } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages, type Messages } from "../i18n/messages.js";
import type { Scenario } from "../scenario/types.js";
import { formatMoney } from "../util/format.js";
import { Money, toAmount } from "./decimal.js";
import type { Category, Estimate, Finding, Line } from "./types.js";

export interface PriceOptions {
  lang?: Lang;
  /** a discount in percent (0–100) on the categories the catalog's `discounts` names */
  discountPercent?: number | string;
}

/** A line before rounding: the amount is derived when the estimate is built. */
interface DraftLine extends Omit<Line, "quantity" | "unitPrice" | "amount"> {
  quantity: Money;
  unitPrice: Money;
}

interface Draft {
  lines: DraftLine[];
  violations: Finding[];
  notes: Finding[];
}

/** Price a validated scenario on its edition of the catalog. */
export function priceScenario(scenario: Scenario, catalog: Catalog, options: PriceOptions = {}): Estimate {
  const lang = options.lang ?? "en";
  const draft = draftEstimate(scenario, scenario.plan, catalog, lang);
  if (draft.violations.length > 0) draft.notes.push(cheapestFit(scenario, catalog, lang, options.discountPercent));
  return buildEstimate(scenario, catalog, draft, lang, options.discountPercent);
}

function buildEstimate(
  scenario: Scenario,
  catalog: Catalog,
  draft: Draft,
  lang: Lang,
  discountPercent: number | string | undefined,
): Estimate {
  const lines: Line[] = draft.lines
    .map(finishLine)
    // A charge that rounds to nothing is left out (the package line always stays).
    .filter((line) => line.id === "package" || line.amount !== "0.00");
  const discount = discountLine(lines, catalog, messages[lang], discountPercent);
  if (discount) lines.push(discount);
  const sum = (category?: Category) =>
    toAmount(
      lines
        .filter((line) => !category || line.category === category)
        .reduce((acc, line) => acc.plus(line.amount), new Money(0)),
    );
  return {
    version: 1,
    name: scenario.name,
    plan: scenario.plan,
    currency: catalog.currency,
    catalog: { id: catalog.id, version: catalog.version, currency: catalog.currency },
    lines,
    subtotals: { base: sum("base"), overage: sum("overage"), addons: sum("addon"), discount: sum("discount") },
    total: sum(),
    violations: draft.violations,
    notes: draft.notes,
  };
}

function finishLine(line: DraftLine): Line {
  return {
    id: line.id,
    category: line.category,
    label: line.label,
    quantity: line.quantity.toString(),
    unit: line.unit,
    unitPrice: toAmount(line.unitPrice),
    amount: toAmount(line.quantity.times(line.unitPrice)),
    explain: line.explain,
  };
}

/** The discount as its own negative line, so that the list prices stay visible. */
function discountLine(
  lines: Line[],
  catalog: Catalog,
  t: Messages,
  discountPercent: number | string | undefined,
): Line | undefined {
  if (discountPercent === undefined) return undefined;
  const percent = new Money(discountPercent);
  const categories = catalog.discounts.appliesTo;
  const base = lines
    .filter((line) => (categories as readonly string[]).includes(line.category))
    .reduce((acc, line) => acc.plus(line.amount), new Money(0));
  // Rounded half-up as a positive amount, then negated: the same fen either way.
  const amount = new Money(toAmount(base.times(percent).div(100))).negated();
  if (amount.isZero()) return undefined;
  return finishLine({
    id: "discount",
    category: "discount",
    label: t.discountLabel(percent.toString(), categories),
    quantity: new Money(1),
    unit: t.month,
    unitPrice: amount,
    explain: t.discountExplain(percent.toString(), formatMoney(toAmount(base), catalog.currency)),
  });
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

function meteredNeeds(scenario: Scenario): Record<MeteredNeed, { mbps: Money; days: number }> {
  const { mainlandMbps, internationalMbps, days } = scenario.usage.bandwidth;
  return {
    "bandwidth.mainland": { mbps: new Money(mainlandMbps), days },
    "bandwidth.international": { mbps: new Money(internationalMbps), days },
  };
}

/** One way to meet a limit need: an add-on, or one tier of it. */
interface Option {
  key: string;
  reach: number;
  price: Money;
  tier?: number;
}

function options(edition: Edition, need: LimitNeed): Option[] {
  return Object.entries(edition.addons).flatMap(([key, addon]: [string, Addon]): Option[] => {
    if (addon.kind === "limit" && addon.need === need)
      return [{ key, reach: addon.raisesTo ?? Infinity, price: new Money(addon.price) }];
    if (addon.kind === "tiers" && addon.need === need)
      return addon.tiers.map((tier) => ({ key, reach: tier.upTo, price: new Money(tier.price), tier: tier.upTo }));
    return [];
  });
}

function draftEstimate(scenario: Scenario, plan: EditionId, catalog: Catalog, lang: Lang): Draft {
  const t = messages[lang];
  const edition = catalog.editions[plan];
  const editionName = edition.name[lang];
  const addonName = (key: string) => catalog.addonNames[key]?.[lang] ?? key;
  const draft: Draft = { lines: [], violations: [], notes: [] };
  const limits = limitNeedsOf(scenario);
  const meters = meteredNeeds(scenario);
  const requested = new Set(scenario.features.addons);

  draft.lines.push({
    id: "package",
    category: "base",
    label: t.packageLabel(edition.name.en, edition.name.zh),
    quantity: new Money(1),
    unit: t.month,
    unitPrice: new Money(edition.packageFee.price),
    explain: t.packageExplain,
  });

  if (edition.overage) {
    const overage = [
      ["overage.dau", edition.overage.dau, limits.peakDau, t.dauOverageLabel, t.dauUnit],
      ["overage.groups", edition.overage.groups, limits.peakGroups, t.groupOverageLabel, t.groupUnit],
    ] as const;
    for (const [id, rule, peak, label, unit] of overage) {
      const blocks = overageBlocks(rule, peak);
      if (blocks.isZero()) continue;
      draft.lines.push({
        id,
        category: "overage",
        label,
        quantity: blocks,
        unit: unit(rule.unit),
        unitPrice: new Money(rule.price),
        explain: t.overageExplain(peak, rule.free, rule.unit, blocks.toString()),
      });
    }
  }

  // Each need above the edition's limit: the cheapest option that reaches it, if any.
  const chosen = new Map<string, Option & { need: LimitNeed; included: number }>();
  for (const need of limitNeeds) {
    const included = edition.limits[need].value ?? Infinity;
    const value = limits[need];
    if (value <= included) continue;
    const all = options(edition, need);
    const fitting = all.filter((option) => option.reach >= value);
    const best = fitting.sort((a, b) => a.price.comparedTo(b.price) || a.reach - b.reach)[0];
    if (best) {
      chosen.set(best.key, { ...best, need, included });
      continue;
    }
    const message =
      all.length === 0
        ? t.exceedsLimit(editionName, t.needs[need], included, value)
        : t.exceedsReach(editionName, t.needs[need], Math.max(...all.map((option) => option.reach)), value);
    draft.violations.push({ code: `exceeds.${need}`, message });
  }

  for (const [key, addon] of Object.entries(edition.addons)) {
    const id = `addon.${key}`;
    const monthly = { id, category: "addon" as const, quantity: new Money(1), unit: t.month };
    if (addon.kind === "switch") {
      if (requested.has(key))
        draft.lines.push({
          ...monthly,
          label: addonName(key),
          unitPrice: new Money(addon.price),
          explain: t.switchExplain,
        });
    } else if (addon.kind === "metered") {
      const { mbps, days } = meters[addon.need];
      const quantity = mbps.times(days);
      if (!quantity.isZero())
        draft.lines.push({
          id,
          category: "addon",
          label: addonName(key),
          quantity,
          unit: t.meteredUnit,
          unitPrice: new Money(addon.price),
          explain: t.meteredExplain(mbps.toString(), days, quantity.toString()),
        });
    } else if (addon.kind === "included") {
      if (limits[addon.need] > 0)
        draft.notes.push({ code: `included.${key}`, message: t.included(editionName, addonName(key)) });
    } else {
      const option = chosen.get(key);
      if (!option) continue;
      const label =
        option.tier === undefined
          ? t.limitAddonLabel(addonName(key), addon.kind === "limit" ? addon.raisesTo : null)
          : t.tierLabel(addonName(key), option.tier, t.tierNoun[option.need] ?? "");
      const explain =
        option.tier === undefined
          ? t.limitAddonExplain(limits[option.need], option.included, option.reach === Infinity ? null : option.reach)
          : t.tierExplain(limits[option.need], option.included, option.tier);
      draft.lines.push({ ...monthly, label, unitPrice: option.price, explain });
    }
  }

  // Asked-for usage this edition does not sell.
  const sold = (key: string) => key in edition.addons;
  for (const key of requested) {
    if (!sold(key))
      draft.violations.push({ code: `unavailable.${key}`, message: t.unavailable(editionName, addonName(key)) });
  }
  for (const need of Object.keys(meters) as MeteredNeed[]) {
    const metered = Object.values(edition.addons).some((addon) => addon.kind === "metered" && addon.need === need);
    if (!metered && !meters[need].mbps.isZero())
      draft.violations.push({ code: `unavailable.${need}`, message: t.unavailable(editionName, addonName(need)) });
  }
  return draft;
}

/** Each started block above the free quota is charged whole. */
function overageBlocks(rule: Overage, peak: number): Money {
  const excess = peak - rule.free;
  return excess <= 0 ? new Money(0) : new Money(excess).div(rule.unit).ceil();
}

/** The advice under a violation: the cheapest edition that serves the same scenario. */
function cheapestFit(
  scenario: Scenario,
  catalog: Catalog,
  lang: Lang,
  discountPercent: number | string | undefined,
): Finding {
  const t = messages[lang];
  let best: { plan: EditionId; total: Money } | undefined;
  for (const plan of editionIds) {
    const draft = draftEstimate(scenario, plan, catalog, lang);
    if (draft.violations.length > 0) continue;
    const total = new Money(buildEstimate(scenario, catalog, draft, lang, discountPercent).total);
    if (!best || total.lessThan(best.total)) best = { plan, total };
  }
  if (!best) return { code: "hint.no-fit", message: t.noFit };
  const name = catalog.editions[best.plan].name[lang];
  return {
    code: "hint.cheapest-fit",
    message: t.cheapestFit(name, formatMoney(best.total.toFixed(2), catalog.currency)),
  };
}
