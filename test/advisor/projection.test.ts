import { describe, expect, it } from "vitest";
import { projectMonth } from "../../src/advisor/projection.js";

const days = (values: [number, number][], from = 20) =>
  values.map(([dau, groups], index) => ({ date: `2026-11-${String(from + index).padStart(2, "0")}`, dau, groups }));

describe("projectMonth", () => {
  it("draws a least-squares line through the last 7 days and reads it at the month's last day", () => {
    // DAU rises 100 a day from 28,000 on the 22nd to 28,600 on the 28th: 28,800 on the 30th.
    const rising = days(
      Array.from({ length: 9 }, (_, index) => [27_800 + 100 * index, 90_000] as [number, number]),
      20,
    );
    expect(projectMonth(rising, { dau: 28_600, groups: 90_000 }, "2026-11-30")).toEqual({
      method: "trend",
      days: 7,
      to: "2026-11-30",
      peakDau: 28_800,
      peakGroups: 90_000,
    });
  });

  it("keeps the peak so far when the trend falls, and rounds a projection up to a whole user", () => {
    const falling = days([
      [30_000, 5],
      [29_000, 6],
      [28_000, 7],
    ]);
    // groups: 5, 6, 7 → 9 on the 24th… to the 30th: 7 + 8 = 15
    expect(projectMonth(falling, { dau: 30_000, groups: 7 }, "2026-11-30")).toMatchObject({
      peakDau: 30_000,
      peakGroups: 15,
    });
    const uneven = days([
      [10, 0],
      [11, 0],
      [13, 0],
    ]);
    // slope 1.5 a day, mean 11.33 at the 21st: 11.33 + 1.5 × 9 = 24.83 → 25
    expect(projectMonth(uneven, { dau: 13, groups: 0 }, "2026-11-30").peakDau).toBe(25);
  });

  it("says when there are too few days for a trend: the peaks so far", () => {
    expect(projectMonth(days([[500, 3]]), { dau: 500, groups: 3 }, "2026-11-30")).toEqual({
      method: "flat",
      days: 1,
      to: "2026-11-30",
      peakDau: 500,
      peakGroups: 3,
    });
  });
});
