/** "1234567.5" → "1,234,567.5": groups the integer digits of a plain decimal string. */
export function groupThousands(plain: string): string {
  const [whole = "", fraction] = plain.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** A count or decimal for people: 25000 → "25,000"; Infinity → "unlimited". */
export function formatNumber(value: number | string): string {
  return groupThousands(String(value));
}

const CURRENCY_SYMBOLS: Record<string, string> = { CNY: "¥", USD: "$", EUR: "€" };

/** "4999.00" in CNY → "¥4,999.00" (negative: "-¥15.00"). */
export function formatMoney(amount: string, currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency] ?? `${currency} `;
  const negative = amount.startsWith("-");
  return `${negative ? "-" : ""}${symbol}${groupThousands(negative ? amount.slice(1) : amount)}`;
}
