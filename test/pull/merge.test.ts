import { describe, expect, it } from "vitest";
import { mergeUsage } from "../../src/pull/merge.js";
import { monthlyUsage } from "../../src/scenario/usage-csv.js";

/** A file as read: its text, no BOM. */
const file = (text: string, bom = false) => ({ text, bom });

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
    const merged = mergeUsage(file(existing), [...days, { date: "2026-11-29", dau: 5, groups: 6 }], "u.csv");
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
    expect(mergeUsage(file(merged.text), days, "u.csv").text).toBe(merged.text);
  });

  it("quotes a field that needs it, and refuses a file the estimate would refuse", () => {
    const existing = 'date,dau,groups\n2026-11-01,"1,000",2\n2026-11-27,"28,610",92200\n';
    const merged = mergeUsage(file(existing), days, "u.csv");
    expect(merged.text).toContain('2026-11-01,"1,000",2\n');
    // "28,610" is 28610: the same value, written another way, is no change (and is kept as written).
    expect(merged).toMatchObject({ changed: [], unchanged: 1 });
    expect(merged.text).toContain('2026-11-27,"28,610",92200\n');
    expect(() => mergeUsage(file("date,dau\n2026-11-01,1\n"), days, "u.csv")).toThrow("u.csv:1: no groups column");
  });

  it("keeps the file's BOM and CRLF line ends, and writes four-digit years the estimate reads back", () => {
    const merged = mergeUsage(file("date,dau,groups\r\n2026-11-01,1,2\r\n", true), days, "u.csv");
    expect(merged.text).toBe(
      "\uFEFFdate,dau,groups\r\n2026-11-01,1,2\r\n2026-11-27,28610,92200\r\n2026-11-28,28700,92350\r\n",
    );
    expect(merged.text.replace(/\r\n/g, "")).not.toContain("\n");
    const early = mergeUsage(undefined, [{ date: "0001-01-01", dau: 1, groups: 1 }], "u.csv");
    expect(early.text).toBe("date,dau,groups\n0001-01-01,1,1\n");
    expect(() => monthlyUsage(early.text, "u.csv")).not.toThrow();
  });

  it("refuses to write past the usage file's row limit, with a clear message", () => {
    const rows = Array.from({ length: 100_000 }, (_, index) => {
      const day = new Date(Date.UTC(1700, 0, 1 + index)).toISOString().slice(0, 10);
      return `${day},1,1`;
    });
    const full = file(`date,dau,groups\n${rows.join("\n")}\n`);
    expect(() => mergeUsage(full, days, "u.csv")).toThrow(
      "u.csv would hold 100,002 days after the pull, more than the 100,000 a usage file may hold",
    );
    // The same days again: no row added, the file stays within the limit.
    const last = rows.slice(-2).map((row) => {
      const [date] = row.split(",");
      return { date: date!, dau: 2, groups: 2 };
    });
    expect(mergeUsage(full, last, "u.csv").changed).toHaveLength(4);
  });
});

describe("a pull from an overseas region", () => {
  it("writes data_center on every row of a new file, and the estimate reads the file as overseas", () => {
    const merged = mergeUsage(undefined, days, "u.csv", "overseas");
    expect(merged.text).toBe(
      "date,dau,groups,data_center\n2026-11-27,28610,92200,overseas\n2026-11-28,28700,92350,overseas\n",
    );
    expect(monthlyUsage(merged.text, "u.csv")[0]!.dataCenter).toBe("overseas");
    // The mainland's data centres are the default: nothing is written for them.
    expect(mergeUsage(undefined, days, "u.csv", "mainland").text).toBe(mergeUsage(undefined, days, "u.csv").text);
  });

  it("adds the column to a file that lacks it, fills the rows that leave it empty, and keeps the rest", () => {
    const existing = "date,dau,groups\n2026-11-01,1,2\n";
    const merged = mergeUsage(file(existing), days, "u.csv", "overseas");
    expect(merged.text).toBe(
      "date,dau,groups,data_center\n2026-11-01,1,2,overseas\n2026-11-27,28610,92200,overseas\n2026-11-28,28700,92350,overseas\n",
    );
    expect(mergeUsage(file(merged.text), days, "u.csv", "overseas").text).toBe(merged.text);
  });

  it("refuses the file of an app in the other data centres, and writes nothing", () => {
    const existing = "date,dau,groups,data_center\n2026-11-01,1,2,overseas\n";
    expect(() => mergeUsage(file(existing), days, "u.csv", "mainland")).toThrow(
      "u.csv is the usage of an app in overseas data centres (its data_center column), and this region's are mainland: an app's data centre never changes, so it is another app's file; nothing was written",
    );
    // An address of --base-url says nothing of the data centres: the file's stands.
    expect(mergeUsage(file(existing), days, "u.csv", null).text).toContain("2026-11-28,28700,92350,\n");
  });
});

describe("a month's MAU added from the console", () => {
  it("is kept by a pull, which writes only the days' DAU and groups", () => {
    const existing = "date,dau,groups,mau\n2026-11-01,10,2,22000\n";
    const merged = mergeUsage({ text: existing, bom: false }, [{ date: "2026-11-02", dau: 12, groups: 3 }], "u.csv");
    expect(merged.text).toBe("date,dau,groups,mau\n2026-11-01,10,2,22000\n2026-11-02,12,3,\n");
    expect(monthlyUsage(merged.text, "u.csv")[0]).toMatchObject({ mau: 22000, peakDau: 12 });
  });
});
