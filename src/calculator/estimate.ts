// The pure pricing of one scenario against one catalog. Every price, quota and limit
// comes from the catalog; this module only knows how each kind of charge works. It
// returns numbers and codes (./bill.ts); the words are render/describe.ts's.
import {
  lessSure,
  limitNeeds,
  METRIC_USAGE,
  type EditionId,
  type FigureStatus,
  type LimitNeed,
} from "../vocabulary.js";
import type { Catalog, MeteredNeed } from "../catalog/schema.js";
import { noticeOf, pricedEditions } from "../catalog/index.js";
import type { PriceChoice } from "../catalog/choose.js";
import type { Scenario } from "../scenario/types.js";
import {
  compiledEdition,
  DEDUCTION_KINDS,
  type CompiledDeductions,
  type CompiledEdition,
  type CompiledFigure,
  type Option,
  type Price,
} from "./compiled.js";
import { discountOf, Money, toAmount } from "../util/money.js";
import type { Bill, BillLine, Finding, Formula, Headroom, Unit, UsedFigure } from "./bill.js";
import type { Category } from "./types.js";
import { maxOf } from "../util/array.js";
import { own } from "../util/own.js";

/** A line before rounding; its amount is derived when the bill is made. */
interface DraftLine {
  id: string;
  category: Category;
  /** a count or a metered quantity; ONE for a monthly fee */
  quantity: Money;
  unitPrice: Price;
  unit: Unit;
  formula: Formula;
  /** set when the bill's figures are all known (`lineStatuses`) */
  status: FigureStatus | null;
}

interface Draft {
  lines: DraftLine[];
  violations: Finding[];
  notes: Finding[];
  headroom: Headroom[];
  /** each figure once, with the line it priced where it priced one; none kept for a hint's draft */
  figures: UsedFigure[] | undefined;
}

const ONE = new Money(1);
const ZERO = new Money(0);
const FREE: Price = { value: ZERO, text: "0.00" };
const MONTH: Unit = { per: "month" };

/**
 * Price a validated scenario on its edition of the chosen list (`choosePrices`: the
 * list, the day, the discount, and the notes of what lost).
 */
export function priceScenario(scenario: Scenario, prices: PriceChoice): Bill {
  const { catalog, pricing } = prices;
  // Checked where the discount was given (a flag, the config, the library's option).
  const discount = pricing.discount ? discountOf(pricing.discount.percent) : undefined;
  if (pricing.discount && !discount) throw new Error(`unreachable: an unchecked discount ${pricing.discount.percent}`);
  const draft = draftBill(scenario, scenario.plan, catalog);
  if (catalog.editions[scenario.plan]?.formerly)
    draft.notes.push({ kind: "renamed", code: "edition.renamed", plan: scenario.plan });
  if (draft.violations.length > 0) draft.notes.push(cheapestFit(scenario, catalog, discount));
  for (const note of prices.notes) draft.notes.push({ kind: "pricing", code: note.code, note });
  const { lines, sums } = finishLines(draft.lines, catalog, discount);
  return {
    name: scenario.name,
    plan: scenario.plan,
    prices,
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
    headroom: draft.headroom,
    figures: draft.figures ?? [],
  };
}

/**
 * Round each line half-up to the fen, leave out what rounds to nothing (the package
 * line always stays), add the discount line, and sum the amounts by category.
 */
function finishLines(
  drafts: DraftLine[],
  catalog: Catalog,
  discount: Money | undefined,
  /** the sums only (an edition compared for a hint): no lines made */
  sumsOnly = false,
): { lines: BillLine[]; sums: Record<Category, Money> } {
  const lines: BillLine[] = [];
  const sums: Record<Category, Money> = { base: ZERO, overage: ZERO, addon: ZERO, discount: ZERO };
  for (const draft of drafts) {
    // A monthly fee (quantity one) is its price: the catalog's prices have two decimals.
    const amount =
      draft.quantity === ONE
        ? draft.unitPrice.value
        : draft.quantity.times(draft.unitPrice.value).toDecimalPlaces(2, Money.ROUND_HALF_UP);
    if (amount.isZero() && draft.id !== "package") continue;
    sums[draft.category] = sums[draft.category].plus(amount);
    if (sumsOnly) continue;
    lines.push({
      id: draft.id,
      category: draft.category,
      quantity: draft.quantity === ONE ? "1" : draft.quantity.toString(),
      unit: draft.unit,
      unitPrice: draft.unitPrice.text,
      amount: draft.quantity === ONE ? draft.unitPrice.text : toAmount(amount),
      formula: draft.formula,
      status: draft.status,
    });
  }
  if (discount) {
    const { appliesTo } = catalog.discounts;
    const base = appliesTo.reduce((acc, category) => acc.plus(sums[category]), ZERO);
    // Rounded half-up as a positive amount, then negated: the same fen either way.
    const amount = base.times(discount).div(100).toDecimalPlaces(2, Money.ROUND_HALF_UP).negated();
    if (!amount.isZero()) {
      sums.discount = amount;
      if (!sumsOnly)
        lines.push({
          id: "discount",
          category: "discount",
          quantity: "1",
          unit: MONTH,
          unitPrice: toAmount(amount),
          amount: toAmount(amount),
          formula: { op: "percent-of", percent: discount.toString(), base: toAmount(base), appliesTo: [...appliesTo] },
          status: null,
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
    mau: usage.mau,
    peakGroups: usage.peakGroups,
    communityMessages: usage.communityMessages,
    liveGroups: features.unlimitedLiveGroups ? Infinity : usage.liveGroups,
    groupMemberLimit: features.groupMemberLimit ?? 0,
    groupsPerUser: features.groupsPerUser ?? 0,
    historyDays: features.historyDays ?? 0,
  };
}

/** Metered usage: so much a day × days (Mbps, packs), or the month's summed daily peaks where they are known. */
function meteredNeeds(scenario: Scenario): Record<MeteredNeed, { perDay: number; days: number } | { sum: number }> {
  const { mainlandMbps, internationalMbps, days, mainlandMbpsDays, internationalMbpsDays } = scenario.usage.bandwidth;
  const { apiRatePacks } = scenario.features;
  return {
    "bandwidth.mainland": mainlandMbpsDays === null ? { perDay: mainlandMbps, days } : { sum: mainlandMbpsDays },
    "bandwidth.international":
      internationalMbpsDays === null ? { perDay: internationalMbps, days } : { sum: internationalMbpsDays },
    apiRatePacks: { perDay: apiRatePacks.packs, days: apiRatePacks.days },
  };
}

/**
 * Weighted usage (cloud moderation) as lines: the packages of a month where they cost
 * less than paying per deduction, and what is left per deduction. Of each package size,
 * none, as many as fit whole, or one more: the cheapest, then the fewest packages.
 */
function deductionLines(addon: CompiledDeductions, used: Scenario["usage"]["moderation"]): DraftLine[] {
  const terms = DEDUCTION_KINDS.map((kind) => ({ kind, used: new Money(used[kind]), weight: addon.weights[kind] }));
  const deductions = terms.reduce((sum, term) => sum.plus(term.used.times(term.weight)), ZERO);
  let best = { cost: deductions.times(addon.price.value), packages: 0, size: 0, price: FREE };
  for (const { size, price } of addon.packages) {
    const whole = deductions.div(size).floor().toNumber();
    for (const packages of new Set([whole, whole + 1])) {
      if (packages === 0) continue;
      const left = Money.max(ZERO, deductions.minus(packages * size));
      const cost = price.value.times(packages).plus(left.times(addon.price.value));
      if (cost.lessThan(best.cost)) best = { cost, packages, size, price };
    }
  }
  const covered = Money.min(deductions, new Money(best.packages).times(best.size));
  const id = `addon.${addon.key}`;
  const lines: DraftLine[] = [];
  if (best.packages > 0)
    lines.push({
      id: `${id}.packages`,
      category: "addon",
      quantity: new Money(best.packages),
      unitPrice: best.price,
      unit: { per: "package", size: best.size },
      formula: {
        op: "packages",
        addon: addon.key,
        deductions: deductions.toString(),
        size: best.size,
        packages: best.packages,
      },
      status: null,
    });
  const quantity = deductions.minus(covered);
  if (quantity.greaterThan(0))
    lines.push({
      id,
      category: "addon",
      quantity,
      unitPrice: addon.price,
      unit: { per: "deduction" },
      formula: {
        op: "deductions",
        addon: addon.key,
        terms: terms
          .filter((term) => !term.used.isZero())
          .map((term) => ({ kind: term.kind, used: term.used.toString(), weight: term.weight.toString() })),
        deductions: deductions.toString(),
        covered: covered.toString(),
        quantity: quantity.toString(),
      },
      status: null,
    });
  return lines;
}

/** The lines, violations and notes of a scenario on one edition. */
function draftBill(
  scenario: Scenario,
  plan: EditionId,
  catalog: Catalog,
  /** price an edition sold by contract as if its package were free: only what it cannot serve is wanted */
  unpriced = false,
  /** record the figures used (the bill's own draft; not a hint's, whose figures no one reads) */
  recorded = true,
): Draft {
  const compiled = compiledEdition(catalog, plan);
  if (!compiled) throw new Error(`unreachable: ${catalog.id} has no edition ${plan}`);
  const packageFee = unpriced && !compiled.packageFee ? FREE : priceOf(compiled, plan);
  const edition = compiled.edition;
  const draft: Draft = { lines: [], violations: [], notes: [], headroom: [], figures: recorded ? [] : undefined };
  const limits = limitNeedsOf(scenario);
  const meters = meteredNeeds(scenario);
  const requested = scenario.features.addons;
  // An add-on's lines by its key: one, but for weighted usage (packages, then what is left).
  const addonLines = new Map<string, DraftLine[]>();
  const { figures } = compiled;
  /** What the vendor says of an add-on bought: that it is no longer sold (a note about the prices), or a notice. */
  const noticed = (key: string) => {
    const notice = noticeOf(own(edition.addons, key));
    if (notice?.withdrawn) draft.notes.push(withdrawnNote(catalog, key));
    else if (notice) draft.notes.push({ kind: "notice", code: `notice.${key}`, addon: key });
  };
  /** A figure the bill used, for the lines it priced or for a test that charged nothing: each once (a dozen at most). */
  const use = (figure: CompiledFigure | undefined, lines: readonly string[]) => {
    const used = draft.figures;
    if (!used || !figure) return;
    const known = used.find((one) => one.path === figure.path);
    if (!known) used.push({ path: figure.path, status: figure.status, lines: [...lines] });
    else for (const line of lines) if (!known.lines.includes(line)) known.lines.push(line);
  };
  /** An add-on bought: its lines, and the figure of the list that priced them. */
  const bought = (key: string, lines: DraftLine[]) => {
    addonLines.set(key, lines);
    use(
      figures.addons.get(key),
      lines.map((line) => line.id),
    );
  };

  draft.lines.push({
    id: "package",
    category: "base",
    quantity: ONE,
    unitPrice: packageFee,
    unit: MONTH,
    formula: { op: "fee" },
    status: null,
  });
  use(figures.packageFee, ["package"]);

  for (const { metric, overage } of compiled.overage) {
    const peak = limits[METRIC_USAGE[metric]];
    const { free, unit: step } = overage.rule;
    const excess = peak - free;
    // Each started block above the free quota is charged whole (exact: safe integers);
    // a block of one is a price per unit, the line rounded half-up to the cent.
    const remainder = excess > 0 ? excess % step : 0;
    const count = excess > 0 ? (excess - remainder) / step + (remainder > 0 ? 1 : 0) : 0;
    // The next block starts one past the last one charged (past the free quota, for the first).
    const nextStepAt = free + count * step + 1;
    if (step > 1) draft.headroom.push({ metric, current: peak, nextStepAt, price: overage.price.text });
    // The price and the quota decide the line, or that there is none.
    const id = `overage.${metric}`;
    for (const figure of figures.overage[metric] ?? []) use(figure, excess > 0 ? [id] : []);
    if (excess <= 0) continue;
    const blocks = new Money(count);
    draft.lines.push({
      id,
      category: "overage",
      quantity: blocks,
      unitPrice: overage.price,
      unit: { per: metric, size: step },
      formula:
        step === 1
          ? { op: "per-unit", peak, free, quantity: blocks.toString() }
          : { op: "ceil-div", peak, free, step, blocks: blocks.toString(), nextStepAt },
      status: null,
    });
  }

  // Each need above the edition's limit: the cheapest option that reaches it, if any.
  for (const need of limitNeeds) {
    // A limit the edition does not state (a metric its list does not measure) limits nothing.
    const included = edition.limits[need]?.value ?? Infinity;
    const value = limits[need];
    const all = compiled.options[need];
    const best: Option | undefined = value <= included ? undefined : all.find((option) => option.reach >= value);
    // A need the scenario has is tested against the edition's limit, which calls for the add-on bought.
    if (value > 0) use(figures.limits[need], best ? [`addon.${best.key}`] : []);
    if (value <= included) continue;
    if (!best) {
      const reach = all.length === 0 ? null : maxOf(all.map((option) => option.reach));
      draft.violations.push({ kind: "exceeds", code: `exceeds.${need}`, need, limit: included, needed: value, reach });
      continue;
    }
    bought(best.key, [
      {
        id: `addon.${best.key}`,
        category: "addon",
        quantity: ONE,
        unitPrice: best.price,
        unit: MONTH,
        formula:
          best.tier === undefined
            ? { op: "raise", addon: best.key, need, value, included, raisesTo: best.raisesTo }
            : { op: "tier", addon: best.key, need, value, included, tier: best.tier },
        status: null,
      },
    ]);
  }

  for (const key of requested) {
    const price = compiled.switches.get(key);
    if (!price) {
      draft.violations.push({ kind: "unavailable", code: `unavailable.${key}`, addon: key });
      continue;
    }
    // What the vendor says of an add-on (no longer maintained…), wherever it is bought.
    noticed(key);
    bought(key, [
      {
        id: `addon.${key}`,
        category: "addon",
        quantity: ONE,
        unitPrice: price,
        unit: MONTH,
        formula: { op: "requested", addon: key },
        status: null,
      },
    ]);
  }

  for (const need of Object.keys(meters) as MeteredNeed[]) {
    const meter = meters[need];
    if ("sum" in meter ? meter.sum === 0 : meter.perDay === 0) continue;
    const addon = compiled.metered.get(need);
    if (!addon) {
      draft.violations.push({ kind: "unavailable", code: `unavailable.${need}`, addon: need });
      continue;
    }
    const quantity = "sum" in meter ? new Money(meter.sum) : new Money(meter.perDay).times(meter.days);
    const packs = need === "apiRatePacks";
    noticed(addon.key);
    bought(addon.key, [
      {
        id: `addon.${addon.key}`,
        category: "addon",
        quantity,
        unitPrice: addon.price,
        unit: { per: packs ? "pack-day" : "mbps-day" },
        formula:
          "sum" in meter
            ? { op: "sum-of-peaks", addon: addon.key, quantity: quantity.toString() }
            : packs
              ? {
                  op: "packs-days",
                  addon: addon.key,
                  packs: meter.perDay,
                  days: meter.days,
                  quantity: quantity.toString(),
                }
              : {
                  op: "mbps-days",
                  addon: addon.key,
                  mbps: new Money(meter.perDay).toString(),
                  days: meter.days,
                  quantity: quantity.toString(),
                },
        status: null,
      },
    ]);
  }

  // Content moderated: an edition that does not sell cloud moderation cannot serve it.
  const moderated = scenario.usage.moderation;
  if (DEDUCTION_KINDS.some((kind) => moderated[kind] > 0)) {
    const addon = compiled.deductions;
    if (!addon) draft.violations.push({ kind: "unavailable", code: "unavailable.moderation", addon: "moderation" });
    else {
      noticed(addon.key);
      bought(addon.key, deductionLines(addon, moderated));
    }
  }

  for (const { key, need } of compiled.included) {
    if (limits[need] > 0) {
      draft.notes.push({ kind: "included", code: `included.${key}`, addon: key });
      use(figures.addons.get(key), []);
    }
  }
  // Add-on lines in the catalog's order.
  for (const key of compiled.order) for (const line of addonLines.get(key) ?? []) draft.lines.push(line);
  lineStatuses(draft);
  return draft;
}

/** Each line as sure as the least sure figure that priced it. */
function lineStatuses(draft: Draft): void {
  if (!draft.figures) return;
  for (const line of draft.lines) {
    let status: FigureStatus | null = null;
    for (const figure of draft.figures)
      if (figure.lines.includes(line.id)) status = status === null ? figure.status : lessSure(status, figure.status);
    line.status = status;
  }
}

/** The note that a list's add-on is no longer sold, one object a list and add-on: bills share it (and its words). */
const withdrawnNotes = new WeakMap<Catalog, Map<string, Finding>>();
function withdrawnNote(catalog: Catalog, addon: string): Finding {
  let notes = withdrawnNotes.get(catalog);
  if (!notes) withdrawnNotes.set(catalog, (notes = new Map<string, Finding>()));
  let note = notes.get(addon);
  if (!note)
    notes.set(
      addon,
      (note = {
        kind: "pricing",
        code: "catalog.withdrawn",
        note: { code: "catalog.withdrawn", list: catalog.id, addon },
      }),
    );
  return note;
}

/**
 * What an edition cannot serve of a scenario, whether or not it has a published price:
 * for an edition sold by contract (its price on request), whether asking is worth it.
 */
export function violationsOf(scenario: Scenario, plan: EditionId, catalog: Catalog): Finding[] {
  return draftBill(scenario, plan, catalog, true, false).violations;
}

/** The package fee; an edition with no published price is refused by the validator first (`requirePrice`). */
function priceOf(compiled: CompiledEdition, plan: EditionId): Price {
  if (compiled.packageFee) return compiled.packageFee;
  throw new Error(`${plan} has no published price: validateScenario refuses such a plan first`);
}

/** The advice under a violation: the cheapest edition that serves the same scenario. */
function cheapestFit(scenario: Scenario, catalog: Catalog, discount: Money | undefined): Finding {
  let best: { plan: EditionId; total: Money } | undefined;
  for (const plan of pricedEditions(catalog)) {
    const draft = draftBill(scenario, plan, catalog, false, false);
    if (draft.violations.length > 0) continue;
    const { sums } = finishLines(draft.lines, catalog, discount, true);
    const total = sums.base.plus(sums.overage).plus(sums.addon).plus(sums.discount);
    if (!best || total.lessThan(best.total)) best = { plan, total };
  }
  if (!best) return { kind: "no-fit", code: "hint.no-fit" };
  return { kind: "cheapest-fit", code: "hint.cheapest-fit", plan: best.plan, total: toAmount(best.total) };
}
