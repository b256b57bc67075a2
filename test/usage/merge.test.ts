import { describe, expect, it } from "vitest";
import { mergeUsage } from "../../src/usage/merge.js";

const days = [
  { date: "2026-11-27", dau: 28_610, groups: 92_200 },
  { date: "2026-11-28", dau: 28_700, groups: 92_350 },
];

describe("mergeUsage", () => {
  it("writes a new file: the header, then a row a day", () => {
    expect(mergeUsage(undefined, days, "u.csv")).toEqual({
      text: "date,dau,groups\n2026-11-27,28610,92200\n2026-11-28,28700,92350\n",
      added: ["2026-11-27", "2026-11-28"],
      changed: [],
      unchanged: 0,
      kept: 0,
    });
  });

  it("updates the days it has, adds the others, keeps every other day and column, in date order", () => {
    const existing =
      "Date,DAU,Groups,mainland_mbps\n2026-11-28,28700,92350,1.5\n2026/11/27,28100,92200,\n2026-10-01,1,2,3\n";
    const merged = mergeUsage(existing, [...days, { date: "2026-11-29", dau: 5, groups: 6 }], "u.csv");
    expect(merged.text).toBe(
      "Date,DAU,Groups,mainland_mbps\n2026-10-01,1,2,3\n2026/11/27,28610,92200,\n2026-11-28,28700,92350,1.5\n2026-11-29,5,6,\n",
    );
    expect(merged).toMatchObject({
      added: ["2026-11-29"],
      changed: [{ date: "2026-11-27", column: "dau", before: "28100", after: "28610" }],
      unchanged: 1,
      kept: 1,
    });
    // Merging the same days again changes nothing.
    expect(mergeUsage(merged.text, days, "u.csv").text).toBe(merged.text);
  });

  it("quotes a field that needs it, and refuses a file the estimate would refuse", () => {
    const existing = 'date,dau,groups\n2026-11-01,"1,000",2\n2026-11-27,"28,610",92200\n';
    const merged = mergeUsage(existing, days, "u.csv");
    expect(merged.text).toContain('2026-11-01,"1,000",2\n');
    // "28,610" is 28610: the same value, written another way, is no change (and is kept as written).
    expect(merged).toMatchObject({ changed: [], unchanged: 1 });
    expect(merged.text).toContain('2026-11-27,"28,610",92200\n');
    expect(() => mergeUsage("date,dau\n2026-11-01,1\n", days, "u.csv")).toThrow("u.csv:1: no groups column");
  });
});
