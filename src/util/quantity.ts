import Decimal from "decimal.js";

// Suffixes people type for large counts: 25k, 1.5m, 1.2万 (ten thousand), 3w (万), 1亿.
const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, 万: 1e4, w: 1e4, 亿: 1e8 };
// 万 (\u4e07) and 亿 (\u4ebf) as escapes: the CLI's bundle stays ASCII (scripts/build.mjs says why).
const PLAIN = /^\d{1,15}$/;
const QUANTITY = /^([+-]?)(\d+(?:[,_\s]\d{3})*|\d*)(\.\d+)?\s*([kmw\u4e07\u4ebf]?)$/i;

/**
 * A number as a person types it: "25000", "25,000", "25k", "1.2万", "12.5".
 * Returns undefined when the text is not a number, so that the caller can report it.
 */
export function parseQuantity(text: string): number | undefined {
  // Plain digits (a usage file's every count): exact as a double up to 15 of them, no decimal needed.
  if (PLAIN.test(text)) return Number(text);
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = "", suffix = ""] = match;
  if (!whole && !fraction) return undefined;
  const digits = `${sign}${(whole ?? "").replace(/[,_\s]/g, "") || "0"}${fraction}`;
  const multiplier = MULTIPLIERS[suffix.toLowerCase()] ?? 1;
  return new Decimal(digits).times(multiplier).toNumber();
}
