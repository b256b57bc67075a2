import { own } from "./own.js";

/** "1234567.5" → "1,234,567.5": groups the integer digits of a plain decimal string. */
export function groupThousands(plain: string): string {
  const dot = plain.indexOf(".");
  const end = dot === -1 ? plain.length : dot;
  const start = plain.startsWith("-") ? 1 : 0;
  if (end - start <= 3) return plain; // the common case in a bill: nothing to group
  let out = plain.slice(0, start);
  const first = (end - start) % 3 || 3;
  out += plain.slice(start, start + first);
  for (let i = start + first; i < end; i += 3) out += `,${plain.slice(i, i + 3)}`;
  return out + plain.slice(end);
}

/** A count or decimal for people: 25000 → "25,000"; Infinity → "unlimited". */
export function formatNumber(value: number | string): string {
  return groupThousands(String(value));
}

const CURRENCY_SYMBOLS: Record<string, string> = { CNY: "¥", USD: "$", EUR: "€" };

/** "4999.00" in CNY → "¥4,999.00" (negative: "-¥15.00"). */
export function formatMoney(amount: string, currency: string): string {
  const symbol = own(CURRENCY_SYMBOLS, currency) ?? `${currency} `;
  const negative = amount.startsWith("-");
  return `${negative ? "-" : ""}${symbol}${groupThousands(negative ? amount.slice(1) : amount)}`;
}

/** A size for people: 16777216 → "16 MiB", 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${formatNumber(bytes)} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}
