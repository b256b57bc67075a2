// The international site through the built CLI: --site, a scenario's site, the
// project config's, each command on the USD lists, and the errors that keep the sites apart.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt, notesBesidesStale } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const json = (args: string[], cwd?: string) => {
  const result = runBuilt(args, cwd ? { cwd } : {});
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
};

describe("an ended international list", () => {
  it("names the list that followed it, and says today's has no such edition rather than the same price", () => {
    const args = ["estimate", "--site", "intl", "--plan", "pro", "--catalog", "tencent-im-intl-2020", "--dau", "100"];
    const on = ["--on", "2026-11-29", "--format", "json"];
    expect(notesBesidesStale(json([...args, ...on]).notes)).toEqual([
      {
        code: "catalog.superseded",
        message:
          "tencent-im-intl-2020 ended on 2021-08-05; tencent-im-intl-2021 followed it from 2021-08-06: tencent-im-intl-2025 applies since 2025-01-01, and it has no Pro edition (--catalog tencent-im-intl-2025)",
      },
    ]);
    expect(json([...args, ...on, "--lang", "zh"]).notes[0].message).toBe(
      "tencent-im-intl-2020 已于 2021-08-05 停止适用，其后自 2021-08-06 起为 tencent-im-intl-2021：自 2025-01-01 起适用 tencent-im-intl-2025，其中没有专业版（--catalog tencent-im-intl-2025）",
    );
  });
});

describe("--site intl", () => {
  it("prices on the international site's list in effect on the day, in USD, and says so", () => {
    const bill = json([
      "estimate",
      "--site",
      "intl",
      "--plan",
      "standard",
      "--mau",
      "25k",
      "--on",
      "2025-06-01",
      "--format",
      "json",
    ]);
    expect(bill).toMatchObject({ currency: "USD", total: "624.00" });
    expect(bill.pricing.catalog).toMatchObject({ id: "tencent-im-intl-2025", site: "intl", currency: "USD" });
    const table = runBuilt([
      "estimate",
      "--site",
      "intl",
      "--plan",
      "standard",
      "--mau",
      "25000",
      "--on",
      "2025-06-01",
    ]);
    expect(table.stdout).toMatch(/Peak MAU overage †\s+│ 15,000 × \$0\.015\/user\s+│ \$225\.00 │/);
    expect(table.stdout).toContain("Prices: tencent-im-intl-2025 2025.1 (USD), the list in effect on 2025-06-01");
  });

  it("names the metric a list bills when given one it does not, by its flag", () => {
    const dau = runBuilt(["estimate", "--site", "intl", "--plan", "standard", "--dau", "25000"]);
    expect(dau.status).toBe(2);
    expect(dau.stderr).toContain(
      "error: --dau: tencent-im-intl-2025 does not bill peak DAU: it bills monthly active users (usage.mau) and community messages a month (usage.communityMessages)",
    );
    const mau = runBuilt(["estimate", "--plan", "pro", "--mau", "25000"]);
    expect(mau.status).toBe(2);
    expect(mau.stderr).toMatch(/--mau: tencent-im-cn-2024 does not bill monthly active users: it bills peak DAU/);
  });

  it("refuses daily DAU from a usage file on a list that bills MAU", () => {
    const result = runBuilt([
      "estimate",
      "--site",
      "intl",
      "--plan",
      "standard",
      "--usage-csv",
      "examples/daily-usage.csv",
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^error: examples\/daily-usage\.csv: \d{4}-\d{2}: dau: tencent-im-intl-2025 does not bill peak DAU: it bills monthly active users \(usage\.mau\)\n$/,
    );
  });

  it("keeps --site and a list of the other site apart", () => {
    const result = runBuilt(["estimate", "--site", "intl", "--catalog", "tencent-im-cn-2024", "--plan", "pro"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--site: intl is not the site of tencent-im-cn-2024 (a list of cn)");
    expect(runBuilt(["estimate", "--site", "moon", "--plan", "pro"]).stderr).toMatch(/--site.*moon.*cn, intl/);
  });

  it("compares the editions of the site's list, and forecasts MAU growth", () => {
    const compared = runBuilt(["compare", "--site", "intl", "--mau", "25000", "--on", "2025-06-01"]).stdout;
    expect(compared).toContain("Recommendation: Standard fits for $624.00");
    const forecast = json([
      "forecast",
      "--site",
      "intl",
      "--plan",
      "standard",
      "--mau",
      "9000",
      "--mau-growth",
      "20%",
      "--months",
      "3",
      "--on",
      "2025-06-01",
      "--format",
      "json",
    ]);
    // 9,000 → 10,800 → 12,960 MAU: 399, 399 + 800 × 0.015, 399 + 2,960 × 0.015
    expect(forecast.months.map((month: { estimate: { total: string } }) => month.estimate.total)).toEqual([
      "399.00",
      "411.00",
      "443.40",
    ]);
  });

  it("refuses a growth flag for a metric the list does not bill, as --dau is on an MAU list", () => {
    const dau = runBuilt(["forecast", "--site", "intl", "--plan", "premium", "--mau", "50000", "--dau-growth", "50%"]);
    expect(dau.status).toBe(2);
    expect(dau.stderr).toBe(
      "error: --dau-growth: tencent-im-intl-2025 does not bill peak DAU: it bills monthly active users (--mau-growth) and community messages a month\n",
    );
    const mau = runBuilt(["forecast", "--plan", "pro", "--dau", "20000", "--mau-growth", "5%"]);
    expect(mau.status).toBe(2);
    expect(mau.stderr).toBe(
      "error: --mau-growth: tencent-im-cn-2024 does not bill monthly active users: it bills peak DAU (--dau-growth) and groups (--groups-growth)\n",
    );
    // A rate of 0 (the default) is no claim: accepted.
    expect(runBuilt(["forecast", "--plan", "pro", "--dau", "20000", "--mau-growth", "0%"]).status).toBe(0);
  });

  it("shows the list's price sheet: MAU overage per user, community messages, no add-on table", () => {
    const sheet = runBuilt(["prices", "--site", "intl", "--on", "2025-06-01", "--format", "markdown"]).stdout;
    expect(sheet).toMatch(
      /\| Peak MAU overage \| — \| \$0\.015 per user above 10,000 † \| \$0\.015 per user above 10,000 † \|/,
    );
    expect(sheet).toContain("$20.00 per started 10,000,000 above 100,000,000");
    expect(sheet).not.toContain("Add-ons");
  });
});

describe("catalogs", () => {
  it("diffs lists across sites: the currency, the site and the package period differ", () => {
    const diff = JSON.parse(
      runBuilt(["catalogs", "--diff", "tencent-im-cn-2024", "tencent-im-intl-2022", "--format", "json"]).stdout,
    );
    expect(diff.changes.slice(0, 5)).toEqual([
      { path: "id", before: "tencent-im-cn-2024", after: "tencent-im-intl-2022" },
      { path: "version", before: "2024.2", after: "2023.3" },
      { path: "currency", before: "CNY", after: "USD" },
      { path: "site", before: "cn", after: "intl" },
      { path: "prepaidPeriod.ends", before: "day-before", after: "same-day" },
    ]);
  });
});

describe("a scenario's site, and the project config's", () => {
  it("prices a batch of both sites, each on its own list", () => {
    const dir = fixtureDir({
      "cn.yaml": "plan: pro\nusage: { peakDau: 25000 }\n",
      "intl.yaml": "plan: premium\nsite: intl\nusage: { mau: 12345 }\n",
    });
    const lines = runBuilt(["batch", ".", "--on", "2025-06-01", "--format", "jsonl"], { cwd: dir })
      .stdout.trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.pricing.catalog.id, line.total])).toEqual([
      ["tencent-im-cn-2024", "3499.00"],
      // 699 + 2,345 × 0.015 = 699 + 35.175 → 35.18
      ["tencent-im-intl-2025", "734.18"],
    ]);
  });

  it("takes the config's site, which --site replaces and a scenario's site overrides", () => {
    const dir = fixtureDir({ "im-bill.config.yaml": "site: intl\n", ".git/HEAD": "ref: refs/heads/main\n" });
    const fromConfig = json(["estimate", "--plan", "standard", "--on", "2025-06-01", "--format", "json"], dir);
    expect(fromConfig.pricing).toMatchObject({
      catalog: { id: "tencent-im-intl-2025" },
      config: { file: "im-bill.config.yaml", settings: ["site"] },
    });
    const flag = json(["estimate", "--site", "cn", "--plan", "pro", "--format", "json"], dir);
    expect(flag.pricing.catalog.site).toBe("cn");
    expect(flag.notes.map((note: { code: string }) => note.code)).toContain("pricing.config-overridden");
  });

  it("leaves the config's list of one site to the scenarios of that site, and says so to the others", () => {
    const dir = fixtureDir({
      "im-bill.config.yaml": "catalog: tencent-im-cn-2024\n",
      ".git/HEAD": "ref: refs/heads/main\n",
      "intl.yaml": "plan: standard\nsite: intl\nusage: { mau: 25000 }\n",
    });
    const bill = json(["estimate", "intl.yaml", "--on", "2025-06-01", "--format", "json"], dir);
    expect(bill.pricing).toMatchObject({ chosenBy: "date", catalog: { id: "tencent-im-intl-2025" } });
    expect(bill.notes.map((note: { message: string }) => note.message)).toContain(
      "The catalog of im-bill.config.yaml (tencent-im-cn-2024) is not used: it is not a list of the international site, which this scenario is priced on",
    );
  });

  it("refuses a config whose site and catalog disagree, naming the file", () => {
    const dir = fixtureDir({
      "im-bill.config.yaml": "site: intl\ncatalog: tencent-im-cn-2024\n",
      ".git/HEAD": "ref: refs/heads/main\n",
    });
    const result = runBuilt(["estimate", "--plan", "pro"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "im-bill.config.yaml: site: intl is not the site of tencent-im-cn-2024 (a list of cn)",
    );
  });
});

describe("today's names abroad (2025-03-10)", () => {
  const intl = ["estimate", "--site", "intl", "--mau", "20000", "--format", "json"];

  it("prices Pro, Tencent's name for the former Premium, and says it is priced with Premium's figures", () => {
    const pro = json([...intl, "--plan", "pro"]);
    expect(pro).toMatchObject({ plan: "premium", planName: "Pro", total: "849.00" });
    expect(pro.notes).toContainEqual({
      code: "edition.renamed",
      message:
        "Pro was called Premium (Advanced) before Tencent renamed the editions; it is priced with Premium (Advanced)'s figures (Chat purchase guide, https://tencentcloud.com/document/product/1047/34577 (updated 2025-03-10))",
    });
    // The former names still work.
    for (const former of ["premium", "advanced", "进阶版"])
      expect(json([...intl, "--plan", former]).total).toBe("849.00");
    expect(json([...intl, "--plan", "free-trial", "--mau", "50"]).planName).toBe("Free Trial");
  });

  it("refuses Pro Plus and Enterprise as it refuses 企业版: their fees are not published", () => {
    for (const [plan, name] of [
      ["pro-plus", "Pro Plus"],
      ["enterprise", "Enterprise"],
    ]) {
      const result = runBuilt(["estimate", "--site", "intl", "--plan", plan!]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`error: --plan: ${name} has no published price: Tencent quotes it by contract.`);
    }
  });

  it("has the limits of 1047/34381: Standard's members and groups a user joins raised", () => {
    const standard = json([...intl, "--plan", "standard", "--group-member-limit", "500", "--groups-per-user", "1000"]);
    expect(standard.violations).toEqual([]);
    const compare = JSON.parse(
      runBuilt(["compare", "--site", "intl", "--mau", "20000", "--group-member-limit", "5000", "--format", "json"])
        .stdout,
    ) as { onRequest: { plan: string; violations: unknown[] }[]; recommendation: unknown };
    // Beyond Pro's 2,000 members: the editions sold by contract are named, Pro Plus (5,000) and Enterprise (6,000).
    expect(compare.recommendation).toBeNull();
    expect(compare.onRequest).toEqual([
      { plan: "pro-plus", planName: "Pro Plus", violations: [] },
      { plan: "enterprise", planName: "Enterprise", violations: [] },
    ]);
  });
});

describe("Free Trial's cap", () => {
  it("is 100 monthly active users by the newer source (unlimited users, 100 MAU free), and says so in the price sheet", () => {
    const over = json(["estimate", "--site", "intl", "--plan", "free-trial", "--mau", "150", "--format", "json"]);
    expect(over.violations).toEqual([
      { code: "exceeds.mau", message: "Free Trial allows at most 100 monthly active users; 150 needed" },
    ]);
    const sheet = runBuilt(["prices", "--catalog", "tencent-im-intl-2025", "--format", "json"]);
    expect(sheet.stdout).toContain("registered users are unlimited, and 100 monthly active users are free");
  });
});

describe("a usage file of monthly active users", () => {
  it("prices each month's MAU and community messages on the international site, and is refused on a DAU list", () => {
    const dir = fixtureDir({
      "mau.csv": "date,mau,community_messages\n2025-06-01,18000,60000000\n2025-06-30,22000,50000000\n",
    });
    const file = join(dir, "mau.csv");
    const usage = json(["estimate", "--site", "intl", "--plan", "pro", "--usage-csv", file, "--format", "json"]);
    const lines = usage.months[0].estimate.lines.map((line: { id: string; quantity: string }) => [
      line.id,
      line.quantity,
    ]);
    // 22,000 − 10,000 free MAU; 110,000,000 messages − 100,000,000 free: one started block of 10,000,000.
    expect(lines).toEqual([
      ["package", "1"],
      ["overage.mau", "12000"],
      ["overage.communityMessages", "1"],
    ]);
    const refused = runBuilt(["estimate", "--plan", "pro", "--usage-csv", file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("mau: tencent-im-cn-2024 does not bill monthly active users");
  });
});
