// How sure a bill is, as a user reads it: lines priced by a figure that is not sourced
// carry the price sheet's mark, a legend says what the marks mean, one line counts the
// figures the bill used and says how long ago its list was checked, and past 180 days a
// note says so. The day a run is made comes from SOURCE_DATE_EPOCH (the tests' day).
import { describe, expect, it } from "vitest";
import { runBuilt, runInProcess, STALE_CN_2024 } from "../helpers/cli.js";

const flagship = ["estimate", "--plan", "flagship", "--dau", "25000", "--history-days", "90"];

describe("a bill says how sure it is", () => {
  it("in the table: a mark on each line not sourced, the legend, the counts, the list's age, and the note past 180 days", () => {
    const result = runBuilt(flagship);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.find((line) => line.includes("Flagship package"))).toMatch(/│ Flagship package \(旗舰版\) ‡\s+│/);
    expect(lines.find((line) => line.includes("Peak DAU overage"))).toMatch(/│ Peak DAU overage †\s+│/);
    expect(lines.slice(-11)).toEqual([
      "└─────────────────────────────────────────────────────────────────┴───────────┘",
      "‡ inferred: derived from Tencent's pages, not stated by them",
      "† carried over unchanged from an earlier list, not checked since",
      "Prices: tencent-im-cn-2024 2024.2 (CNY), the list in effect today",
      "Figures used: 3 sourced, 1 inferred, 4 carried over; the list was last checked",
      "  on 2025-11-04, 395 days ago",
      ...STALE_CN_2024,
      "",
    ]);
  });

  it("in Chinese", () => {
    const result = runBuilt([...flagship, "--lang", "zh"]);
    expect(result.stdout).toContain("│ 旗舰版套餐包 ‡");
    expect(result.stdout).toContain(
      "‡ 推断：由腾讯页面推算，并非页面所列\n† 沿用自更早的价格表，此后未再核对\n价格表：tencent-im-cn-2024 2024.2（CNY），今天适用的价格表\n所用数据：有来源 3、推断 1、沿用 4；价格表最近核对于 2025-11-04（距今 395 天）\n",
    );
    expect(result.stdout).toContain("tencent-im-cn-2024 最近一次与腾讯页面核对是在 2025-11-04，已超过 180 天");
  });

  it("says no more than the age when the list was checked within 180 days", () => {
    // 2026-05-03: 180 days after tencent-im-cn-2024 was checked.
    const result = runBuilt(flagship, { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 4, 3) / 1000) } });
    expect(result.stdout).toContain("the list was last checked\n  on 2025-11-04, 180 days ago\n");
    expect(result.stdout).not.toContain("more than 180 days ago");
    expect(result.stdout).toContain("Prices: tencent-im-cn-2024 2024.2 (CNY), the list in effect today");
  });

  it("refuses a SOURCE_DATE_EPOCH that is not a whole number of seconds (exit 2)", () => {
    const result = runBuilt(flagship, { env: { SOURCE_DATE_EPOCH: "1.5e9" } });
    expect(result).toMatchObject({ status: 2, stdout: "" });
    expect(result.stderr).toBe(
      'error: SOURCE_DATE_EPOCH: must be a whole number of seconds since 1970-01-01 (the day the run is made), got "1.5e9"\n',
    );
  });

  it("in every format: markdown and HTML mark and explain, JSON and CSV give each line's status", async () => {
    const as = async (format: string) => (await runInProcess([...flagship, "--format", format])).stdout;
    const markdown = await as("markdown");
    expect(markdown).toContain("| Flagship package (旗舰版) ‡ | 1 × ¥2,999.00/month |");
    expect(markdown).toContain("‡ inferred: derived from Tencent's pages, not stated by them\n\n† carried over");
    expect(markdown).toContain(
      "Figures used: 3 sourced, 1 inferred, 4 carried over; the list was last checked on 2025-11-04, 395 days ago",
    );
    const html = await as("html");
    // The cell keeps its Chinese word whole (a min-width of its own): the mark is in its text.
    expect(html).toMatch(/<tr><td(?: style="[^"]*")?>Flagship package \(旗舰版\) ‡<\/td>/);
    expect(html).toContain("<li>‡ inferred: derived from Tencent&#39;s pages, not stated by them</li>");
    expect(html).toContain('<p class="provenance">Figures used: 3 sourced, 1 inferred, 4 carried over;');
    const json = JSON.parse(await as("json")) as {
      lines: { id: string; status: string }[];
      certainty: object;
      pricing: { catalog: object };
    };
    expect(json.lines.map((line) => [line.id, line.status])).toEqual([
      ["package", "inferred"],
      ["overage.dau", "carriedOver"],
      ["addon.history", "carriedOver"],
    ]);
    expect(json.certainty).toEqual({ sourced: 3, inferred: 1, carriedOver: 4, assumed: 0 });
    expect(json.pricing.catalog).toMatchObject({ lastVerified: "2025-11-04", verifiedDaysAgo: 395 });
    const csv = (await as("csv")).split("\r\n");
    expect(csv[0]).toBe("id,category,label,quantity,unit,unit_price,amount,explain,currency,catalog,status");
    expect(csv.slice(1, 4).map((row) => row.split(",").at(-1))).toEqual(["inferred", "carriedOver", "carriedOver"]);
  });
});
