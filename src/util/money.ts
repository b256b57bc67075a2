// Money: the decimal type of every amount, its rounding to the fen, and the one rule for
// a discount's percentage. Below every layer that counts money (the calculator, usage
// files, expectations, diffs), so that none of them imports another for it.
import Decimal from "decimal.js";

/**
 * The decimal type of every amount: half-up rounding (as invoices round), plain
 * notation in toString (no "1e+21"), and precision beyond any bill the limits allow:
 * a line is at most 2^53 blocks × a price under 10^12 (30 digits), or Mbps ≤ 10^9 ×
 * 31 days × a price (33 digits); a thousand such lines and a discount of four
 * decimals stay under 45 digits, so every sum is exact (total = Σ lines).
 */
export const Money = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Money = InstanceType<typeof Money>;

/** An amount for a line: rounded half-up to the fen, as a string with two decimals. */
export const toAmount = (value: Money): string => value.toFixed(2, Money.ROUND_HALF_UP);

// A discount in percent: from 0 to 100, at most four decimals, so that a discount line
// is exact and a total never turns negative. One rule for the CLI's --discount, the
// project config's discount and the library's option.
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** The discount as a decimal, or undefined when it is not a percentage from 0 to 100. */
export function discountOf(value: number | string): Money | undefined {
  const text = typeof value === "number" ? String(value) : value.trim();
  if (!PERCENT.test(text)) return undefined;
  const percent = new Money(text);
  return percent.lessThanOrEqualTo(100) ? percent : undefined;
}
