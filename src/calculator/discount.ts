// A discount in percent: from 0 to 100, at most four decimals, so that a discount line
// is exact and a total never turns negative. One rule for the CLI's --discount and the
// library's discountPercent.
import { Money } from "./decimal.js";

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** The discount as a decimal, or undefined when it is not a percentage from 0 to 100. */
export function discountOf(value: number | string): Money | undefined {
  const text = typeof value === "number" ? String(value) : value.trim();
  if (!PERCENT.test(text)) return undefined;
  const percent = new Money(text);
  return percent.lessThanOrEqualTo(100) ? percent : undefined;
}
