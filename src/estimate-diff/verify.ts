// A saved estimate is read as a claim, not as a fact: before `diff` compares it, its
// arithmetic is checked the way im-bill made it (each amount two decimals, the
// subtotals and the total the sums of the lines, each line once, one currency), and a
// side in another currency is converted only at a rate the user gives.
import { Money, toAmount } from "../util/money.js";
import type { Estimate, Line } from "../calculator/types.js";
import { say, type Problem } from "../errors.js";

const AMOUNT = /^-?\d+\.\d{2}$/;
/** A unit price: two decimals, or up to four for a price per unit (0.015 USD a user). */
const UNIT_PRICE = /^-?\d+\.\d{2,4}$/;

/** Which subtotal a line's category adds to. */
const SUBTOTAL = { base: "base", overage: "overage", addon: "addons", discount: "discount" } as const;

/** What the arithmetic of an estimate is made of. */
type Priced = Pick<Estimate, "lines" | "subtotals" | "total" | "currency" | "catalog">;

/** What is wrong with a saved estimate's arithmetic, as problems at its field paths; none when it adds up. */
export function verifyEstimate(estimate: Priced): Problem[] {
  const problems: Problem[] = [];
  const sums = { base: new Money(0), overage: new Money(0), addons: new Money(0), discount: new Money(0) };
  let total = new Money(0);
  const seen = new Map<string, number>();
  for (const [index, line] of estimate.lines.entries()) {
    const first = seen.get(line.id);
    if (first !== undefined) {
      const id = line.id;
      problems.push({ path: `lines[${index}].id`, message: say((t) => t.diff.verify.lineTwice(id, first)) });
    } else seen.set(line.id, index);
    if (!AMOUNT.test(line.amount)) {
      const value = line.amount;
      problems.push({ path: `lines[${index}].amount`, message: say((t) => t.diff.verify.twoDecimals(value)) });
    }
    if (!UNIT_PRICE.test(line.unitPrice)) {
      const value = line.unitPrice;
      problems.push({ path: `lines[${index}].unitPrice`, message: say((t) => t.diff.verify.unitPrice(value)) });
    }
    if (!AMOUNT.test(line.amount)) continue;
    sums[SUBTOTAL[line.category]] = sums[SUBTOTAL[line.category]].plus(line.amount);
    total = total.plus(line.amount);
  }
  for (const key of ["base", "overage", "addons", "discount"] as const) {
    const stated = estimate.subtotals[key];
    const sum = toAmount(sums[key]);
    if (!new Money(stated).equals(sum))
      problems.push({ path: `subtotals.${key}`, message: say((t) => t.diff.verify.notTheSum(stated, sum)) });
  }
  if (!new Money(estimate.total).equals(total)) {
    const [stated, sum] = [estimate.total, toAmount(total)];
    problems.push({ path: "total", message: say((t) => t.diff.verify.notTheSum(stated, sum)) });
  }
  if (estimate.catalog.currency !== estimate.currency) {
    const [currency, list] = [estimate.currency, estimate.catalog.currency];
    problems.push({ path: "currency", message: say((t) => t.diff.verify.twoCurrencies(currency, list)) });
  }
  return problems;
}

/** `--rate USD:CNY=7.1`: one unit of `from` is `rate` units of `to`. */
export interface Rate {
  from: string;
  to: string;
  rate: Money;
}

/** "USD:CNY=7.1" as a rate, or undefined when it is not one. */
export function parseRate(text: string): Rate | undefined {
  const match = /^\s*([A-Za-z]{3})\s*:\s*([A-Za-z]{3})\s*=\s*(\d{1,12}(?:\.\d{1,8})?)\s*$/.exec(text);
  if (!match) return undefined;
  const rate = new Money(match[3]!);
  if (rate.isZero()) return undefined;
  return { from: match[1]!.toUpperCase(), to: match[2]!.toUpperCase(), rate };
}

/**
 * An estimate in `currency`, converted at `rate` (given either way round): each line's
 * amount and unit price rounded half-up to the cent, the subtotals and total summed
 * again from the lines. Undefined when the rate is not between the two currencies.
 */
export function convert<T extends Priced>(estimate: T, currency: string, rate: Rate): T | undefined {
  const factor =
    rate.from === estimate.currency && rate.to === currency
      ? rate.rate
      : rate.to === estimate.currency && rate.from === currency
        ? new Money(1).div(rate.rate)
        : undefined;
  if (!factor) return undefined;
  const at = (amount: string) => toAmount(new Money(amount).times(factor));
  const lines: Line[] = estimate.lines.map((line) => ({
    ...line,
    amount: at(line.amount),
    // A per-unit price keeps its four decimals; any other is a price to the cent.
    unitPrice: /\.\d{3,}$/.test(line.unitPrice)
      ? new Money(line.unitPrice).times(factor).toDecimalPlaces(4, Money.ROUND_HALF_UP).toFixed(4)
      : at(line.unitPrice),
  }));
  const sums = { base: new Money(0), overage: new Money(0), addons: new Money(0), discount: new Money(0) };
  for (const line of lines) sums[SUBTOTAL[line.category]] = sums[SUBTOTAL[line.category]].plus(line.amount);
  const total = sums.base.plus(sums.overage).plus(sums.addons).plus(sums.discount);
  return {
    ...estimate,
    currency,
    lines,
    subtotals: {
      base: toAmount(sums.base),
      overage: toAmount(sums.overage),
      addons: toAmount(sums.addons),
      discount: toAmount(sums.discount),
    },
    total: toAmount(total),
  };
}
