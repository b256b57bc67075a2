// What the words of both languages are made with: numbers as people write them, and
// the space between Chinese and Latin text.
import { formatNumber } from "../util/format.js";

/** A number with thousands separators ("25,000"). */
export const n = formatNumber;

/** Chinese next to Latin text gets a space between ("峰值 DAU 上限"). */
export const spaced = (left: string, right: string) =>
  /[A-Za-z0-9]$/.test(left) || /^[A-Za-z0-9\u2265\u2264<>"]/.test(right) ? `${left} ${right}` : `${left}${right}`; // ≥ ≤

/** A limit's value, or the word for none. */
export const limitValue = (value: number, unlimited: string) => (value === Infinity ? unlimited : n(value));
