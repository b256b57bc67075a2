// Billing dates. A package period bought on day T runs from T to T-1 of the next month
// (the mainland), or to day T itself (the international site).
// Where a month has no day T (T = 29–31 in shorter months), the period starts on that
// month's last day and the next one goes back to day T: bought on Jan 31, periods start
// Jan 31, Feb 28 (29 in a leap year), Mar 31, Apr 30, May 31… Each period ends the day
// before the next one starts. Postpaid items are settled per calendar month and deducted
// on the 3rd of the following month.

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/**
 * The years a date may have: four digits, so that YYYY-MM-DD strings sort as the days
 * they name (lists are chosen by comparing them).
 */
export const YEARS = { first: 1, last: 9999 } as const;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Computed, not asked of Date: Date.UTC takes the years 0–99 as 1900–1999.
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

export function parseDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < YEARS.first || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

// Four digits always (year 1 is 0001): the form parseDate reads back.
export const formatDate = ({ year, month, day }: CalendarDate): string =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The calendar month `offset` months after the date's month. */
export function addMonths({ year, month }: CalendarDate, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The start of the n-th package period (n from 0) of a package bought on `start`. */
export function periodStart(start: CalendarDate, n: number): CalendarDate {
  const { year, month } = addMonths(start, n);
  return { year, month, day: Math.min(start.day, daysInMonth(year, month)) };
}

/**
 * The last day of the n-th package period: the day before the next one starts, or
 * (`ends: "same-day"`, the international site) the day it starts.
 */
export function periodEnd(
  start: CalendarDate,
  n: number,
  ends: "day-before" | "same-day" = "day-before",
): CalendarDate {
  const next = periodStart(start, n + 1);
  if (ends === "same-day") return next;
  if (next.day > 1) return { ...next, day: next.day - 1 };
  const { year, month } = addMonths(next, -1);
  return { year, month, day: daysInMonth(year, month) };
}

/** When a calendar month's postpaid items are deducted: the 3rd of the next month. */
export function postpaidDate(year: number, month: number): CalendarDate {
  const next = addMonths({ year, month, day: 1 }, 1);
  return { ...next, day: 3 };
}

/** Days from one day to another (YYYY-MM-DD each): 2025-11-04 → 2026-12-05 is 396. */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}
