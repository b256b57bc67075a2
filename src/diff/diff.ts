// The difference between two estimates, line by line and in total.
import { Money, toAmount } from "../calculator/decimal.js";
import type { Estimate } from "../calculator/types.js";

export interface LineChange {
  id: string;
  label: string;
  /** + added, − removed, ~ changed, = unchanged */
  marker: "+" | "-" | "~" | "=";
  before: string | null;
  after: string | null;
  change: string;
  /** of the old amount, one decimal; null when there was none (a zero base) */
  percent: string | null;
}

export interface EstimateDiff {
  currency: string;
  lines: LineChange[];
  total: { before: string; after: string; change: string; percent: string | null };
}

const percentOf = (change: Money, base: Money): string | null =>
  base.isZero() ? null : change.div(base).times(100).toDecimalPlaces(1, Money.ROUND_HALF_UP).toFixed(1);

export function diffEstimates(before: Estimate, after: Estimate): EstimateDiff {
  const ids = [...new Set([...before.lines.map((line) => line.id), ...after.lines.map((line) => line.id)])];
  const lines = ids.map((id): LineChange => {
    const old = before.lines.find((line) => line.id === id);
    const now = after.lines.find((line) => line.id === id);
    const from = new Money(old?.amount ?? 0);
    const change = new Money(now?.amount ?? 0).minus(from);
    const marker = !old ? "+" : !now ? "-" : change.isZero() && old.label === now.label ? "=" : "~";
    return {
      id,
      label: (now ?? old)!.label,
      marker,
      before: old?.amount ?? null,
      after: now?.amount ?? null,
      change: toAmount(change),
      percent: percentOf(change, from),
    };
  });
  const from = new Money(before.total);
  const change = new Money(after.total).minus(from);
  return {
    currency: after.currency,
    lines,
    total: { before: before.total, after: after.total, change: toAmount(change), percent: percentOf(change, from) },
  };
}

/** `--fail-above`: "500", "500.00" (an amount) or "10%" (of the old total). */
export type Threshold = { kind: "amount"; value: Money } | { kind: "percent"; value: Money };

/** Whether the total rose by more than the threshold (any rise from zero is above a percentage). */
export function risesAbove(diff: EstimateDiff, threshold: Threshold): boolean {
  const change = new Money(diff.total.change);
  if (threshold.kind === "amount") return change.greaterThan(threshold.value);
  if (change.lessThanOrEqualTo(0)) return false;
  const before = new Money(diff.total.before);
  return before.isZero() || change.div(before).times(100).greaterThan(threshold.value);
}
