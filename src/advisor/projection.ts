// A month so far, carried to its end: each metric's trend over its latest days (a
// least-squares line), its value at the month's last day, and the peak the month would
// then be billed on. Numbers only; the words are render/usage.ts's.
import type { DayUsage } from "../scenario/usage-csv.js";
import { parseDate } from "../util/calendar.js";

/** How many of the latest days the trend is drawn through. */
export const TREND_DAYS = 7;

export interface Projection {
  /** "trend": a line through the latest days; "flat": too few days for one, the peaks so far */
  method: "trend" | "flat";
  /** the days the trend was drawn through */
  days: number;
  /** the month's last day */
  to: string;
  peakDau: number;
  peakGroups: number;
}

/** Days since the epoch, for a line through dates. */
const dayNumber = (date: string): number => {
  const { year, month, day } = parseDate(date)!;
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/**
 * The month's peaks projected to `to` (its last day): the higher of the peak so far and
 * the trend's highest value on the days left (at their end, or their start when it falls).
 */
export function projectMonth(
  days: readonly DayUsage[],
  peaks: { dau: number; groups: number },
  to: string,
): Projection {
  const latest = days.slice(-TREND_DAYS);
  if (latest.length < 2)
    return { method: "flat", days: latest.length, to, peakDau: peaks.dau, peakGroups: peaks.groups };
  const xs = latest.map((day) => dayNumber(day.date));
  const last = xs[xs.length - 1]!;
  const end = dayNumber(to);
  const ahead = (values: number[], peak: number): number => {
    const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
    const meanY = values.reduce((sum, y) => sum + y, 0) / values.length;
    let covariance = 0;
    let variance = 0;
    for (const [index, x] of xs.entries()) {
      covariance += (x - meanX) * (values[index]! - meanY);
      variance += (x - meanX) ** 2;
    }
    const slope = variance === 0 ? 0 : covariance / variance;
    const at = (x: number) => meanY + slope * (x - meanX);
    // The highest value on the days left: at the month's end when rising, the next day when falling.
    const highest = end > last ? Math.max(at(last + 1), at(end)) : 0;
    return Math.max(peak, Math.max(0, Math.ceil(highest - 1e-9)));
  };
  return {
    method: "trend",
    days: latest.length,
    to,
    peakDau: ahead(
      latest.map((day) => day.dau),
      peaks.dau,
    ),
    peakGroups: ahead(
      latest.map((day) => day.groups),
      peaks.groups,
    ),
  };
}
