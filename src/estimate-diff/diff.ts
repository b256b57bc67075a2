// The difference between two estimates: the edition and the price list when they
// change, then line by line (each side under its own label: a tier that changed at the
// same price is a change), then the total.
import { Money, toAmount } from "../util/money.js";
import type { CatalogRef, Estimate, Line } from "../calculator/types.js";
import type { EditionId } from "../vocabulary.js";
import type { PricingRef } from "../catalog/pricing-ref.js";
import { isPricingCode } from "../catalog/choose.js";

export interface LineChange {
  id: string;
  /** the label of the side that has the line, the after side when both do */
  label: string;
  beforeLabel: string | null;
  afterLabel: string | null;
  /** + added, − removed, ~ changed (amount, tier or label), = unchanged */
  marker: "+" | "-" | "~" | "=";
  before: string | null;
  after: string | null;
  change: string;
  /** of the old amount, one decimal; null when there was none (a zero base) */
  percent: string | null;
}

/** One side of a diff: what was priced, with which prices. */
export interface DiffSide {
  plan: EditionId;
  planName: string;
  catalog: CatalogRef;
  /** which prices made it; null for an estimate saved by an im-bill that did not say */
  pricing: PricingRef | null;
  total: string;
  /** the side was in another currency, converted at a rate the user gave (--rate) */
  converted?: { from: string; rate: string };
  /** what is said of its prices (a list not in effect, a pin that lost) */
  said: string[];
}

/**
 * A side as diffEstimates takes it: an estimate (one saved by an earlier im-bill may
 * not say its prices), and the rate it was converted at, if any.
 */
export type DiffInput = Omit<Estimate, "pricing"> & { pricing?: PricingRef; converted?: DiffSide["converted"] };

export interface EstimateDiff {
  currency: string;
  before: DiffSide;
  after: DiffSide;
  /** the edition changed */
  planChanged: boolean;
  /** the price list changed (another id or version) */
  catalogChanged: boolean;
  /** anything about the prices changed: the list, a price file, the config, the discount */
  pricingChanged: boolean;
  lines: LineChange[];
  total: TotalChange;
}

const percentOf = (change: Money, base: Money): string | null =>
  base.isZero() ? null : change.div(base).times(100).toDecimalPlaces(1, Money.ROUND_HALF_UP).toFixed(1);

/** Whether a line is the same on both sides: amount, label (a tier), quantity and unit price. */
const same = (old: Line, now: Line) =>
  old.amount === now.amount &&
  old.label === now.label &&
  old.quantity === now.quantity &&
  old.unitPrice === now.unitPrice;

export function diffEstimates(before: DiffInput, after: DiffInput): EstimateDiff {
  const ids = [...new Set([...before.lines.map((line) => line.id), ...after.lines.map((line) => line.id)])];
  const lines = ids.map((id): LineChange => {
    const old = before.lines.find((line) => line.id === id);
    const now = after.lines.find((line) => line.id === id);
    const from = new Money(old?.amount ?? 0);
    const change = new Money(now?.amount ?? 0).minus(from);
    const marker = !old ? "+" : !now ? "-" : same(old, now) ? "=" : "~";
    return {
      id,
      label: (now ?? old)!.label,
      beforeLabel: old?.label ?? null,
      afterLabel: now?.label ?? null,
      marker,
      before: old?.amount ?? null,
      after: now?.amount ?? null,
      change: toAmount(change),
      percent: percentOf(change, from),
    };
  });
  const side = (estimate: DiffInput): DiffSide => ({
    plan: estimate.plan,
    planName: estimate.planName,
    catalog: estimate.catalog,
    pricing: estimate.pricing ?? null,
    total: estimate.total,
    // A saved estimate says it in its own words: they are carried over, not made again.
    said: estimate.notes.filter((note) => isPricingCode(note.code)).map((note) => note.message),
    ...(estimate.converted ? { converted: estimate.converted } : {}),
  });
  // The day a side was priced is not a change of prices: two files priced today, or a saved one.
  const prices = (estimate: DiffInput) =>
    estimate.pricing ? JSON.stringify({ ...estimate.pricing, on: null }) : JSON.stringify(estimate.catalog);
  return {
    currency: after.currency,
    before: side(before),
    after: side(after),
    planChanged: before.plan !== after.plan,
    catalogChanged: before.catalog.id !== after.catalog.id || before.catalog.version !== after.catalog.version,
    pricingChanged: prices(before) !== prices(after),
    lines,
    total: totalChange(new Money(before.total), new Money(after.total)),
  };
}

/** `--fail-above`: "500", "500.00" (an amount) or "10%" (of the old total). */
export type Threshold = { kind: "amount"; value: Money } | { kind: "percent"; value: Money };

/** A total before, and how much it moved. */
export interface TotalChange {
  before: string;
  after: string;
  change: string;
  /** of the old total, one decimal; null when there was none (a zero base) */
  percent: string | null;
}

/** A total's change from `before` to `after`, amounts with two decimals. */
export function totalChange(before: Money, after: Money): TotalChange {
  const change = after.minus(before);
  return {
    before: toAmount(before),
    after: toAmount(after),
    change: toAmount(change),
    percent: percentOf(change, before),
  };
}

/** Whether a total rose by more than the threshold (any rise from zero is above a percentage). */
export function risesAbove(total: Pick<TotalChange, "before" | "change">, threshold: Threshold): boolean {
  const change = new Money(total.change);
  if (threshold.kind === "amount") return change.greaterThan(threshold.value);
  if (change.lessThanOrEqualTo(0)) return false;
  const before = new Money(total.before);
  return before.isZero() || change.div(before).times(100).greaterThan(threshold.value);
}
