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
