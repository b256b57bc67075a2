// compare, forecast and estimate --usage-csv through the built CLI.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

describe("im-bill compare", () => {
  it("prints a column per edition and the recommendation (golden)", async () => {
    const result = runBuilt([
      "compare",
      "--dau",
      "25000",
      "--live-groups",
      "60",
      "--group-member-limit",
      "2000",
      "--history-days",
      "30",
    ]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../golden/compare.txt");
  });

  it("prints JSON with every edition's estimate and the recommendation", () => {
    const json = JSON.parse(runBuilt(["compare", "examples/small-chat-pro.json", "--format", "json"]).stdout);
    expect(Object.keys(json.editions)).toEqual(["trial", "pro", "flagship"]);
    expect(json.recommendation).toMatchObject({ plan: "pro", total: "3499.00" });
    expect(json.editions.pro.total).toBe(
      JSON.parse(runBuilt(["estimate", "examples/small-chat-pro.json", "--format", "json"]).stdout).total,
    );
  });

  it("prints markdown, and a null recommendation when nothing fits", () => {
    const markdown = runBuilt(["compare", "--group-member-limit", "7000", "--format", "markdown"]).stdout;
    expect(markdown).toContain("| Line | Trial | Pro | Flagship |");
    expect(markdown).toContain("No edition fits these needs.");
    expect(
      JSON.parse(runBuilt(["compare", "--group-member-limit", "7000", "--format", "json"]).stdout).recommendation,
    ).toBeNull();
  });
});

describe("im-bill forecast", () => {
  it("prints months, the sum, the calendar and, asked for, the chart (golden)", async () => {
    const result = runBuilt([
      "forecast",
      "examples/small-chat-pro.json",
      "--months",
      "6",
      "--dau-growth",
      "15%",
      "--groups-growth",
      "10%",
      "--start",
      "2026-12-31",
      "--auto-plan",
      "--chart",
    ]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../golden/forecast.txt");
  });

  it("has no chart in a pipe unless asked", () => {
    const result = runBuilt(["forecast", "examples/small-chat-pro.json", "--months", "3"]);
    expect(result.stdout).not.toMatch(/[╭╮╯╰]/); // the chart's curves
  });

  it("prints JSON with months, total and calendar, and CSV", () => {
    const json = JSON.parse(
      runBuilt([
        "forecast",
        "examples/small-chat-pro.json",
        "--months",
        "3",
        "--start",
        "2027-01-15",
        "--format",
        "json",
      ]).stdout,
    );
    expect(json.months).toHaveLength(3);
    expect(json.months[0]).toMatchObject({
      month: 1,
      calendarMonth: "2027-01",
      plan: "pro",
      // the 2024 list is in effect in 2027: the Pro package at 1,499 + 1,000 DAU + 1,000 members
      estimate: { total: "3499.00", catalog: { id: "tencent-im-cn-2024" } },
    });
    expect(json.total).toBe("10497.00");
    expect(json.calendar[0]).toEqual({
      date: "2027-01-15",
      month: 1,
      kind: "prepaid",
      lines: ["package", "addon.groupMembers"],
      labels: ["Pro package (专业版)", "Members per group → 2,000"],
      amount: "1999.00",
    });
    const csv = runBuilt(["forecast", "examples/small-chat-pro.json", "--months", "2", "--format", "csv"]).stdout;
    expect(csv.split("\r\n")[0]).toBe(
      "month,calendar_month,plan,peak_dau,mau,peak_groups,community_messages,live_groups,mainland_mbps,international_mbps,base,overage,addons,discount,total,currency,catalog,violations",
    );
    expect(csv.split("\r\n")).toHaveLength(4);
  });

  it.each([
    [["--months", "0"], 'error: --months: must be a whole number from 1 to 120, got "0"'],
    [["--start", "2027-02-30"], 'error: --start: must be a date such as 2026-03-01, got "2027-02-30"'],
    [
      ["--dau-growth", "-100%"],
      'error: --dau-growth: must be a percentage per month above -100% and at most 1000%, such as 8%, got "-100%"',
    ],
  ])("rejects %j with exit 2", (args, message) => {
    const result = runBuilt(["forecast", "examples/small-chat-pro.json", ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd()).toBe(message);
  });
});

describe("im-bill estimate --usage-csv", () => {
  const dir = fixtureDir({
    "daily.csv": [
      "日期,DAU,群组数,mainland_mbps",
      "2026-02-27,12000,90000,10.5",
      "2026-02-28,15000,101000,0.1",
      "2026-03-01,22000,50000,0.2",
    ].join("\n"),
    "bad.csv": "date,dau,groups\n2026-01-01,5,6\n2026-01-02,x,6\n",
  });

  it("prices each calendar month found, naming the days that set its peaks, noting missing days, with the total", () => {
    const result = runBuilt(["estimate", "--plan", "pro", "--usage-csv", join(dir, "daily.csv"), "--format", "json"]);
    expect(result.status).toBe(0);
    const bill = JSON.parse(result.stdout);
    expect(
      bill.months.map(
        (m: { month: string; peakDauDate: string; peakGroupsDate: string; estimate: { total: string } }) => [
          m.month,
          m.peakDauDate,
          m.peakGroupsDate,
          m.estimate.total,
        ],
      ),
    ).toEqual([
      // each month with the list in effect then (2024's: Pro at 1,499)
      // 1,499 + 1,000 DAU + 1,000 groups + (10.5 + 0.1) × 2
      ["2026-02", "2026-02-28", "2026-02-28", "3520.20"],
      // 1,499 + 2,000 DAU + 0.2 × 2
      ["2026-03", "2026-03-01", "2026-03-01", "3499.40"],
    ]);
    expect(bill.total).toBe("7019.60");
    const february = bill.months[0].estimate;
    expect(february.notes).toContainEqual({
      code: "usage.missing-days",
      message: "2026-02: 26 of 28 days are missing from the usage file; peaks and bandwidth cover the days present",
    });
    expect(february.lines.at(-1).explain).toBe("Σ daily peaks = 10.6 Mbps·day");
  });

  it("ends the tables with every month, its peak days and the total over all months", () => {
    const result = runBuilt(["estimate", "--plan", "pro", "--usage-csv", join(dir, "daily.csv"), "--no-explain"]);
    expect(result.status).toBe(0);
    // (the note wraps at 80 columns)
    expect(result.stdout.replace(/\s+/g, " ")).toContain(
      "• Peak DAU 15,000 on 2026-02-28 and peak groups 101,000 on 2026-02-28 set this month's bill",
    );
    expect(result.stdout.slice(result.stdout.indexOf("Every month"))).toBe(
      [
        "Every month",
        "┌─────────┬──────────────────────┬───────────────────────┬───────────┐",
        "│ Month   │ Peak DAU             │ Peak groups           │     Total │",
        "├─────────┼──────────────────────┼───────────────────────┼───────────┤",
        "│ 2026-02 │ 15,000 on 2026-02-28 │ 101,000 on 2026-02-28 │ ¥3,520.20 │",
        "│ 2026-03 │ 22,000 on 2026-03-01 │ 50,000 on 2026-03-01  │ ¥3,499.40 │",
        "├─────────┴──────────────────────┴───────────────────────┼───────────┤",
        "│ Total over 2 months                                    │ ¥7,019.60 │",
        "└────────────────────────────────────────────────────────┴───────────┘",
        "",
      ].join("\n"),
    );
  });

  it.each([["--dau", "25000"], ["--groups", "5"], ["-i"]])(
    "refuses --usage-csv with %s: the file gives the peaks",
    (...flag) => {
      const result = runBuilt(["estimate", "--plan", "pro", "--usage-csv", join(dir, "daily.csv"), ...flag]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^error: --usage-csv and (--dau|--groups|--interactive) cannot go together/);
    },
  );

  it("prices months across the 2024 change with each month's list, unless one is pinned", () => {
    const across = fixtureDir({ "daily.csv": "date,dau,groups\n2023-12-31,0,0\n2024-01-01,0,0\n" });
    const args = ["estimate", "--plan", "pro", "--usage-csv", join(across, "daily.csv"), "--format", "json"];
    const totals = (result: { stdout: string }) =>
      JSON.parse(result.stdout).months.map((month: { estimate: { total: string } }) => month.estimate.total);
    expect(totals(runBuilt(args))).toEqual(["999.00", "1499.00"]);
    expect(totals(runBuilt([...args, "--catalog", "tencent-im-cn-2020"]))).toEqual(["999.00", "999.00"]);
  });

  it("exits 2 naming the bad row's line", () => {
    const result = runBuilt(["estimate", "--plan", "pro", "--usage-csv", join(dir, "bad.csv")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`error: ${join(dir, "bad.csv")}:3: dau: must be a whole number ≥ 0, got "x"\n`);
  });
});
