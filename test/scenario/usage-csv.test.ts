import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { monthlyUsage, parseCsvRows } from "../../src/scenario/usage-csv.js";

describe("parseCsvRows", () => {
  it("reads quoted fields, doubled quotes, CRLF and a BOM, with line numbers", () => {
    const { rows, lineOf } = parseCsvRows('\uFEFFa,b\r\n"1,5","say ""hi"""\r\n\r\n3,"two\nlines"\n');
    expect(rows.map((fields, index) => ({ line: lineOf(index), fields }))).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1,5", 'say "hi"'] },
      { line: 4, fields: ["3", "two\nlines"] },
    ]);
  });
});

describe("monthlyUsage", () => {
  const days = (month: string, count: number, row: (day: number) => string) =>
    Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")},${row(i + 1)}`);

  it("takes each month's peaks and sums its daily bandwidth peaks, over two months with a gap", () => {
    const csv = [
      "Date,DAU,Groups,live_groups,mainland_mbps,international_mbps",
      ...days("2026-02", 28, (day) => `${10_000 + day},${90_000 + day * 1000},${day % 5},0.1,0.2`),
      ...days("2026-03", 30, (day) => `"2${day % 3},000",50000,,1.5,`), // March 31 missing
    ].join("\n");
    const months = monthlyUsage(csv, "daily.csv");
    // Each month keeps its days in date order, and its latest one: the trend of a month so far.
    expect(months.map((month) => [month.days.length, month.days[0], month.lastDate])).toEqual([
      [28, { date: "2026-02-01", dau: 10_001, groups: 91_000 }, "2026-02-28"],
      [30, { date: "2026-03-01", dau: 21_000, groups: 50_000 }, "2026-03-30"],
    ]);
    expect(months.map(({ days: _days, lastDate: _last, ...month }) => month)).toEqual([
      {
        month: "2026-02",
        daysPresent: 28,
        daysInMonth: 28,
        peakDau: 10_028,
        peakDauDate: "2026-02-28",
        peakGroups: 118_000,
        peakGroupsDate: "2026-02-28",
        liveGroups: 4,
        mainlandMbpsDays: 2.8,
        internationalMbpsDays: 5.6,
        daily: true,
        mau: null,
        communityMessages: null,
        dataCenter: null,
      },
      {
        month: "2026-03",
        daysPresent: 30,
        daysInMonth: 31,
        peakDau: 22_000,
        peakDauDate: "2026-03-02", // the first day of the peak: 22,000 again on the 5th, 8th…
        peakGroups: 50_000,
        peakGroupsDate: "2026-03-01",
        liveGroups: null,
        mainlandMbpsDays: 45,
        internationalMbpsDays: null,
        daily: true,
        mau: null,
        communityMessages: null,
        dataCenter: null,
      },
    ]);
  });

  it("names the earliest day of each peak, whatever the order of the rows; 2026/03/01 is 2026-03-01", () => {
    const csv = "date,dau,groups\n2026-03-20,900,5\n2026-03-09,900,7\n2026/03/02,100,7\n";
    expect(monthlyUsage(csv, "d.csv")[0]).toMatchObject({
      peakDau: 900,
      peakDauDate: "2026-03-09",
      peakGroups: 7,
      peakGroupsDate: "2026-03-02",
    });
    expect(() => monthlyUsage(`${csv}2026-03-02,1,1\n`, "d.csv")).toThrow("d.csv:5: date: 2026-03-02 appears twice");
  });

  it.each([
    ['date,dau,groups\n2026-03-01,"1,2\n', "d.csv:2: invalid CSV: a quoted field is never closed"],
    ['date,dau,groups\n2026-03-01,1"0,2\n', 'd.csv:2: invalid CSV: a quote (") inside a field that is not quoted'],
    ["", "d.csv: is empty; expected a header row: date,dau,groups"],
    ["date,dau,groups\n", "d.csv: has no rows of daily usage"],
  ])("explains %j", (csv, message) => {
    expect(() => monthlyUsage(csv, "d.csv")).toThrow(message);
  });

  it("accepts Chinese headers", () => {
    expect(monthlyUsage("日期,DAU,群组数\n2026-05-01,5,6\n", "x.csv")[0]).toMatchObject({
      month: "2026-05",
      peakDau: 5,
      peakGroups: 6,
    });
  });

  it("reports every bad row with its line number", () => {
    const csv = "date,dau,groups\n2026-01-01,5,6\n2026-02-30,5,6\n2026-01-02,-1,6\n2026-01-03,5,many\n2026-01-01,5,6\n";
    try {
      monthlyUsage(csv, "daily.csv");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message.split("\n")).toEqual([
        'daily.csv:3: date: must be a date such as 2026-03-01, got "2026-02-30"',
        'daily.csv:4: dau: must be a whole number ≥ 0, got "-1"',
        'daily.csv:5: groups: must be a whole number ≥ 0, got "many"',
        "daily.csv:6: date: 2026-01-01 appears twice",
      ]);
    }
  });

  it("names unknown and missing columns", () => {
    expect(() => monthlyUsage("date,dau,group\n2026-01-01,1,2\n", "d.csv")).toThrow(
      'd.csv:1: unknown column "group" (did you mean "groups"?)\nd.csv:1: no groups column (date, dau and groups are required)',
    );
  });
});

describe("monthly active users and community messages", () => {
  it("take each month's highest MAU and its messages summed, without daily DAU or groups", () => {
    const months = monthlyUsage(
      "date,mau,community_messages\n2025-06-01,18000,40000000\n2025-06-30,22000,50000000\n2025-07-15,25000,\n",
      "mau.csv",
    );
    expect(
      months.map(({ month, mau, communityMessages, daily }) => ({ month, mau, communityMessages, daily })),
    ).toEqual([
      { month: "2025-06", mau: 22000, communityMessages: 90000000, daily: false },
      { month: "2025-07", mau: 25000, communityMessages: null, daily: false },
    ]);
  });

  it("are read under their Chinese names too, and refused as any count past its bound", () => {
    expect(monthlyUsage("日期,月活,社群消息数\n2025-06-01,100,5\n", "zh.csv")[0]).toMatchObject({
      mau: 100,
      communityMessages: 5,
    });
    expect(() => monthlyUsage("date,mau\n2025-06-01,-3\n", "bad.csv")).toThrow(/mau: must be a whole number/);
  });
});

describe("the data_center column", () => {
  it("says where the app keeps its data, in English or as Tencent's pages say it, on the rows that give it", () => {
    const months = monthlyUsage(
      "date,dau,groups,数据中心\n2026-10-31,1,1,境外\n2026-11-01,2,2,\n2026-11-02,3,3,Overseas\n",
      "u.csv",
    );
    expect(months.map((month) => [month.month, month.dataCenter])).toEqual([
      ["2026-10", "overseas"],
      ["2026-11", "overseas"],
    ]);
    expect(monthlyUsage("date,dau,groups\n2026-11-01,2,2\n", "u.csv")[0]!.dataCenter).toBeNull();
  });

  it("is one value for the file: an app's data centre never changes", () => {
    const thrown = (text: string) => {
      try {
        monthlyUsage(text, "u.csv");
      } catch (error) {
        return (error as InputError).problems.map((problem) => `${problem.source}: ${String(problem.message)}`);
      }
      return [];
    };
    expect(thrown("date,dau,groups,data_center\n2026-11-01,1,1,overseas\n2026-11-02,1,1,mainland\n")).toEqual([
      "u.csv:3: data_center: mainland, but line 2 says overseas: an app's data centre is chosen when it is created and never changes (one file, one app)",
    ]);
    expect(thrown("date,dau,groups,data_center\n2026-11-01,1,1,abroad\n")).toEqual([
      'u.csv:2: data_center: must be one of mainland, overseas, got "abroad"',
    ]);
  });
});
