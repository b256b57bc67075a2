// The pure pricing of one scenario against one catalog. Every price, quota and limit
// comes from the catalog; this module only knows how each kind of charge works.
import type { Addon, Catalog, EditionId, LimitNeed, MeteredNeed, Overage, SwitchNeed } from "../catalog/schema.js";
import { editionIds } from "../catalog/editions.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import type { Scenario } from "../scenario/types.js";
import { formatMoney } from "../util/format.js";
import { Money, toAmount } from "./decimal.js";
import type { Category, Estimate, Finding, Line } from "./types.js";

export interface PriceOptions {
  lang?: Lang;
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
  if (draft.violations.length > 0) draft.notes.push(cheapestFit(scenario, catalog, lang));
  return buildEstimate(scenario, catalog, draft);
}

function buildEstimate(scenario: Scenario, catalog: Catalog, draft: Draft): Estimate {
  const lines: Line[] = draft.lines
    .map((line) => ({
      id: line.id,
      category: line.category,
      label: line.label,
      quantity: line.quantity.toString(),
      unit: line.unit,
      unitPrice: toAmount(line.unitPrice),
      amount: toAmount(line.quantity.times(line.unitPrice)),
      explain: line.explain,
    }))
    // A charge that rounds to nothing is left out (the package line always stays).
    .filter((line) => line.id === "package" || line.amount !== "0.00");
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
    subtotals: { base: sum("base"), overage: sum("overage"), addons: sum("addon") },
    total: sum(),
    violations: draft.violations,
    notes: draft.notes,
  };
}

/** What the scenario needs, by the names the catalog's limits and add-ons use. */
function limitNeeds(scenario: Scenario): Record<LimitNeed, number> {
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

function switchNeeds(scenario: Scenario): Record<SwitchNeed, boolean> {
  return { securityStrike: scenario.features.securityStrike };
}

function meteredNeeds(scenario: Scenario): Record<MeteredNeed, { mbps: Money; days: number }> {
  const { mainlandMbps, internationalMbps, days } = scenario.usage.bandwidth;
  return {
    "bandwidth.mainland": { mbps: new Money(mainlandMbps), days },
    "bandwidth.international": { mbps: new Money(internationalMbps), days },
  };
}

function draftEstimate(scenario: Scenario, plan: EditionId, catalog: Catalog, lang: Lang): Draft {
  const t = messages[lang];
  const edition = catalog.editions[plan];
  const editionName = edition.name[lang];
  const addonName = (key: string) => catalog.addonNames[key]?.[lang] ?? key;
  const draft: Draft = { lines: [], violations: [], notes: [] };
  const limits = limitNeeds(scenario);
  const switches = switchNeeds(scenario);
  const meters = meteredNeeds(scenario);

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

  const exceeds = (need: LimitNeed, message: string) => draft.violations.push({ code: `exceeds.${need}`, message });
  const monthly = (key: string, label: string, price: string, explain: string): DraftLine => ({
    id: `addon.${key}`,
    category: "addon",
    label,
    quantity: new Money(1),
    unit: t.month,
    unitPrice: new Money(price),
    explain,
  });

  for (const [key, addon] of Object.entries(edition.addons)) {
    if (addon.kind === "switch") {
      if (switches[addon.need]) draft.lines.push(monthly(key, addonName(key), addon.price, t.switchExplain));
      continue;
    }
    if (addon.kind === "metered") {
      const { mbps, days } = meters[addon.need];
      const quantity = mbps.times(days);
      if (quantity.isZero()) continue;
      draft.lines.push({
        id: `addon.${key}`,
        category: "addon",
        label: addonName(key),
        quantity,
        unit: t.meteredUnit,
        unitPrice: new Money(addon.price),
        explain: t.meteredExplain(mbps.toString(), days, quantity.toString()),
      });
      continue;
    }
    const need = limits[addon.need];
    const included = edition.limits[addon.need].value ?? Infinity;
    if (addon.kind === "included") {
      if (need > 0) draft.notes.push({ code: `included.${key}`, message: t.included(editionName, addonName(key)) });
      continue;
    }
    if (need <= included) continue;
    if (addon.kind === "limit") {
      const reach = addon.raisesTo ?? Infinity;
      if (need > reach) exceeds(addon.need, t.exceedsReach(editionName, t.needs[addon.need], reach, need));
      else
        draft.lines.push(
          monthly(
            key,
            t.limitAddonLabel(addonName(key), addon.raisesTo),
            addon.price,
            t.limitAddonExplain(need, included, addon.raisesTo),
          ),
        );
      continue;
    }
    const tier = [...addon.tiers].sort((a, b) => a.upTo - b.upTo).find((candidate) => candidate.upTo >= need);
    if (!tier) {
      const reach = Math.max(...addon.tiers.map((candidate) => candidate.upTo));
      exceeds(addon.need, t.exceedsReach(editionName, t.needs[addon.need], reach, need));
      continue;
    }
    const noun = t.tierNoun[addon.need] ?? "";
    draft.lines.push(
      monthly(key, t.tierLabel(addonName(key), tier.upTo, noun), tier.price, t.tierExplain(need, included, tier.upTo)),
    );
  }

  // Needs this edition has no add-on for: its limits are hard caps and its
  // switches and meters are not sold.
  const sold = new Set(Object.values(edition.addons).map((addon: Addon) => addon.need));
  for (const need of Object.keys(limits) as LimitNeed[]) {
    const cap = edition.limits[need].value;
    if (sold.has(need) || cap === null || limits[need] <= cap) continue;
    exceeds(need, t.exceedsLimit(editionName, t.needs[need], cap, limits[need]));
  }
  const unsold = [
    ...(Object.keys(switches) as SwitchNeed[]).filter((need) => switches[need]),
    ...(Object.keys(meters) as MeteredNeed[]).filter((need) => !meters[need].mbps.isZero()),
  ];
  for (const need of unsold) {
    if (sold.has(need)) continue;
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
function cheapestFit(scenario: Scenario, catalog: Catalog, lang: Lang): Finding {
  const t = messages[lang];
  let best: { plan: EditionId; total: Money } | undefined;
  for (const plan of editionIds) {
    const draft = draftEstimate(scenario, plan, catalog, lang);
    if (draft.violations.length > 0) continue;
    const total = new Money(buildEstimate(scenario, catalog, draft).total);
    if (!best || total.lessThan(best.total)) best = { plan, total };
  }
  if (!best) return { code: "hint.no-fit", message: t.noFit };
  const name = catalog.editions[best.plan].name[lang];
  return {
    code: "hint.cheapest-fit",
    message: t.cheapestFit(name, formatMoney(best.total.toFixed(2), catalog.currency)),
  };
}
