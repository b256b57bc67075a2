import Decimal from "decimal.js";

/**
 * The decimal type of every amount: half-up rounding (as invoices round), plain
 * notation in toString (no "1e+21"), and precision far beyond any bill.
 */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Money = InstanceType<typeof Money>;

/** An amount for a line: rounded half-up to the fen, as a string with two decimals. */
export const toAmount = (value: Money): string => value.toFixed(2, Money.ROUND_HALF_UP);
