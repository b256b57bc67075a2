// Prices through time, through the built CLI: the built-in lists and their dates,
// today's list by default, choosing another (--catalog, --on, a scenario's pin), the
// note when a chosen list is not the one in effect, a forecast across 2024-01-01, and
// what differs between two catalogs.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt, notesBesidesStale } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const json = (args: string[], input?: string) => {
  const result = runBuilt(args, input === undefined ? {} : { input });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
const pro = ["estimate", "--plan", "pro", "--format", "json"];

describe("im-bill catalogs", () => {
  it("lists the built-in lists with their dates and how sure their figures are", () => {
    const lists = json(["catalogs", "--format", "json"]);
    // By site: the mainland's (its data centres in China, then abroad), then the international site's, each oldest first.
    expect(
      lists.map(
        (list: { id: string; site: string; dataCenter: string | null }) =>
          `${list.site} ${list.dataCenter ?? "-"} ${list.id}`,
      ),
    ).toEqual([
      "cn mainland tencent-im-cn-2020",
      "cn mainland tencent-im-cn-2024",
      "cn overseas tencent-im-cn-overseas-2023",
      "intl - tencent-im-intl-2020",
      "intl - tencent-im-intl-2021",
      "intl - tencent-im-intl-2022",
      "intl - tencent-im-intl-2025",
    ]);
    // One list in effect today for each site's apps: the mainland's in China and abroad, the international site's.
    expect(
      lists.filter((list: { inEffectToday: boolean }) => list.inEffectToday).map((list: { id: string }) => list.id),
    ).toEqual(["tencent-im-cn-2024", "tencent-im-cn-overseas-2023", "tencent-im-intl-2025"]);
    expect(lists[0]).toMatchObject({
      effective: { from: null, to: "2023-12-31" },
      lastVerified: "2025-11-04",
      inEffectToday: false,
      figures: { inferred: 0, assumed: 2, carriedOver: 0 },
    });
    expect(lists[0]).not.toHaveProperty("default");
    expect(lists[1]).toMatchObject({
      effective: { from: "2024-01-01", to: null },
      lastVerified: "2025-11-04",
      inEffectToday: true,
      figures: { inferred: 1, assumed: 6 },
    });
    expect(lists[1].figures.sourced).toBeGreaterThan(20);
    expect(lists[1].figures.carriedOver).toBeGreaterThan(20);
    const table = runBuilt(["catalogs"], { env: { COLUMNS: "130" } });
    expect(table.stdout).toMatch(/│ tencent-im-cn-2024\s+│ 2024-01-01 →\s+│ CNY\s+│ 2025-11-04 │\s+\d+ │\s+1 │/);
    expect(table.stdout).toMatch(/│ International \(tencentcloud.com, USD\)\s+│\n│ tencent-im-intl-2020 /);
    expect(table.stdout.replace(/\s+/g, " ")).toContain(
      "In effect today, and the list a bill is priced with unless told otherwise: tencent-im-cn-2024 (the mainland), tencent-im-cn-overseas-2023 (the mainland site's overseas data centres, --data-center overseas), tencent-im-intl-2025 (the international site, --site intl).",
    );
  });

  it("--diff lists every figure that differs, old → new, for built-in lists and files, and what the lists are", () => {
    const changes = json([
      "catalogs",
      "--diff",
      "tencent-im-cn-2020",
      "tencent-im-cn-2024",
      "--format",
      "json",
    ]).changes;
    expect(changes.slice(0, 4)).toEqual([
      { path: "id", before: "tencent-im-cn-2020", after: "tencent-im-cn-2024" },
      { path: "version", before: "2022.2", after: "2024.2" },
      { path: "effective.from", before: "null", after: "2024-01-01" },
      { path: "effective.to", before: "2023-12-31", after: "null" },
    ]);
    expect(changes).toContainEqual({ path: "editions.pro.packageFee.price", before: "999.00", after: "1499.00" });
    // What 2024 no longer sells to Trial, and what it added.
    expect(changes).toContainEqual({ path: "editions.trial.addons.moderation.price", before: "0.0010", after: null });
    expect(changes).toContainEqual({ path: "editions.pro.addons.apiRatePacks.price", before: null, after: "10.00" });
    // One list: compared with today's.
    expect(json(["catalogs", "--diff", "tencent-im-cn-2020", "--format", "json"]).changes).toEqual(changes);
    const withFile = json([
      "catalogs",
      "--diff",
      "tencent-im-cn-2024",
      "catalogs/acme-negotiated.yaml",
      "--format",
      "json",
    ]);
    expect(withFile.after).toBe("acme-negotiated");
    expect(withFile.changes).toEqual([
      { path: "id", before: "tencent-im-cn-2024", after: "acme-negotiated" },
      { path: "version", before: "2024.2", after: expect.stringMatching(/^2026-01\+[0-9a-f]{8}$/) },
      { path: "effective.from", before: "2024-01-01", after: "null" },
      { path: "editions.pro.packageFee.price", before: "1499.00", after: "1274.15" },
      { path: "editions.pro.overage.dau.price", before: "1000.00", after: "800.00" },
    ]);
    const wrong = runBuilt(["catalogs", "--diff", "a", "b", "c"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe(
      "error: --diff takes one catalog (compared with today's list) or two (built-in ids or files), got 3\n",
    );
  });

  it("--diff takes a misspelt list id for what it is: the did-you-mean --catalog gives, not a missing file", () => {
    const result = runBuilt(["catalogs", "--diff", "tencent-im-cn-2O24"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'error: --diff: unknown catalog "tencent-im-cn-2O24": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024, tencent-im-cn-overseas-2023, tencent-im-intl-2020, tencent-im-intl-2021, tencent-im-intl-2022, tencent-im-intl-2025 (did you mean "tencent-im-cn-2024"?)\n',
    );
    // A path is a path: its own error.
    expect(runBuilt(["catalogs", "--diff", "prices/acme.yaml"]).stderr).toBe("error: prices/acme.yaml: no such file\n");
  });

  it("--diff never calls two lists the same when their currencies or dates differ", () => {
    const dir = fixtureDir({
      "usd.json": JSON.stringify({
        extends: "tencent-im-cn-2024",
        id: "same-figures-in-dollars",
        currency: "USD",
        editions: Object.fromEntries(
          Object.entries(json(["prices", "--format", "json"]).editions).map(([id, edition]) => [id, edition]),
        ),
      }),
    });
    const result = json(["catalogs", "--diff", "tencent-im-cn-2024", join(dir, "usd.json"), "--format", "json"]);
    expect(result.changes).toContainEqual({ path: "currency", before: "CNY", after: "USD" });
    expect(runBuilt(["catalogs", "--diff", "tencent-im-cn-2024", join(dir, "usd.json")]).stdout).not.toContain(
      "have the same figures",
    );
  });
});

describe("choosing the prices", () => {
  it("prices with the list in effect today by default: Pro at ¥1,499.00, and says which list", () => {
    const estimate = json([...pro, "--dau", "25000"]);
    expect(estimate.catalog).toEqual({
      id: "tencent-im-cn-2024",
      version: "2024.2",
      currency: "CNY",
      effective: { from: "2024-01-01", to: null },
    });
    expect(estimate.total).toBe("3499.00");
    expect(estimate.pricing).toMatchObject({
      chosenBy: "date",
      catalog: { builtin: true, lastVerified: "2025-11-04" },
    });
    expect(notesBesidesStale(estimate.notes)).toEqual([]);
    const table = runBuilt(["estimate", "--plan", "pro", "--dau", "25000"]).stdout.trimEnd().split("\n");
    expect(table).toContain("Prices: tencent-im-cn-2024 2024.2 (CNY), the list in effect today");
  });

  it("prices with the 2020 list, exact to the fen, when asked, and says it is not today's", () => {
    const estimate = json([...pro, "--dau", "25000", "--catalog", "tencent-im-cn-2020"]);
    expect(estimate.total).toBe("2999.00");
    expect(estimate.pricing.chosenBy).toBe("flag");
    expect(notesBesidesStale(estimate.notes)).toEqual([
      {
        code: "catalog.superseded",
        message:
          "tencent-im-cn-2020 ended on 2023-12-31: Pro costs ¥1,499.00/month since 2024-01-01 (--catalog tencent-im-cn-2024)",
      },
    ]);
  });

  it("fails a budget that only the old list would meet", () => {
    const budget = runBuilt(["estimate", "--plan", "pro", "--dau", "25000", "--max-total", "3000"]);
    expect(budget.status).toBe(1);
    expect(budget.stderr).toBe("error: the total ¥3,499.00 is above --max-total ¥3,000.00\n");
  });

  it.each([
    [["--catalog", "tencent-im-cn-2024"], "tencent-im-cn-2024", "1499.00"],
    [["--on", "2024-03-01"], "tencent-im-cn-2024", "1499.00"],
    [["--on", "2024-01"], "tencent-im-cn-2024", "1499.00"],
    [["--on", "today"], "tencent-im-cn-2024", "1499.00"],
    [["--on", "2023-12-31"], "tencent-im-cn-2020", "999.00"],
    [["--catalog", "tencent-im-cn-2020"], "tencent-im-cn-2020", "999.00"],
  ])("%j prices Pro with %s: %s", (flags, id, total) => {
    const estimate = json([...pro, ...flags]);
    expect(estimate.catalog.id).toBe(id);
    expect(estimate.total).toBe(total);
    // A list in effect on the day asked for has not ended by then.
    if (flags[0] === "--on") expect(notesBesidesStale(estimate.notes)).toEqual([]);
  });

  it("--on with --catalog prices with that list as of that day, and says when it is not the day's", () => {
    const estimate = json([...pro, "--on", "2023-06-01", "--catalog", "tencent-im-cn-2024"]);
    expect(estimate).toMatchObject({ total: "1499.00", pricing: { on: "2023-06-01", chosenBy: "flag" } });
    expect(notesBesidesStale(estimate.notes)).toEqual([
      {
        code: "catalog.not-yet-in-effect",
        message:
          "tencent-im-cn-2024 applies from 2024-01-01, not on 2023-06-01: tencent-im-cn-2020 does (--catalog tencent-im-cn-2020)",
      },
    ]);
  });

  it("a scenario pins its list, so that its expectations hold when a newer list lands; flags override the pin", () => {
    const dir = fixtureDir({
      "pinned.json": JSON.stringify({ plan: "pro", catalog: "tencent-im-cn-2020", expect: { total: "999.00" } }),
      "pinned-2024.yaml": 'plan: pro\ncatalog: tencent-im-cn-2024\nexpect:\n  total: "1499.00"\n',
      "typo.json": JSON.stringify({ plan: "pro", catalog: "tencent-im-cn-2042" }),
    });
    expect(json(["estimate", join(dir, "pinned-2024.yaml"), "--format", "json"]).total).toBe("1499.00");
    expect(runBuilt(["check", join(dir, "pinned.json"), join(dir, "pinned-2024.yaml")]).status).toBe(0);
    expect(
      json(["estimate", join(dir, "pinned-2024.yaml"), "--format", "json", "--catalog", "tencent-im-cn-2020"]).total,
    ).toBe("999.00");
    const typo = runBuilt(["estimate", join(dir, "typo.json")]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(
      /typo\.json: catalog: unknown catalog "tencent-im-cn-2042": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024, tencent-im-cn-overseas-2023, tencent-im-intl-2020, tencent-im-intl-2021, tencent-im-intl-2022, tencent-im-intl-2025 \(did you mean "tencent-im-cn-2024"\?\)/,
    );
    // batch prices each scenario with its own list
    const batch = json(["batch", join(dir, "pinned.json"), join(dir, "pinned-2024.yaml"), "--format", "json"]);
    expect(batch.results.map((result: { catalog: { id: string } }) => result.catalog.id)).toEqual([
      "tencent-im-cn-2020",
      "tencent-im-cn-2024",
    ]);
  });

  it.each([
    [
      ["--catalog", "tencent-im-cn-2042"],
      'error: --catalog: unknown catalog "tencent-im-cn-2042": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024, tencent-im-cn-overseas-2023, tencent-im-intl-2020, tencent-im-intl-2021, tencent-im-intl-2022, tencent-im-intl-2025 (did you mean "tencent-im-cn-2024"?)',
    ],
    [
      ["--on", "2024-13-01"],
      'error: --on: must be a day such as 2024-01-15 (or a month such as 2024-01), got "2024-13-01"',
    ],
    [
      ["--catalog", "2024"],
      'error: --catalog: unknown catalog "2024": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024, tencent-im-cn-overseas-2023, tencent-im-intl-2020, tencent-im-intl-2021, tencent-im-intl-2022, tencent-im-intl-2025 (did you mean "tencent-im-cn-2024"?)',
    ],
    [
      ["--catalog", "tencent-im-cn-2O24"],
      'error: --catalog: unknown catalog "tencent-im-cn-2O24": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024, tencent-im-cn-overseas-2023, tencent-im-intl-2020, tencent-im-intl-2021, tencent-im-intl-2022, tencent-im-intl-2025 (did you mean "tencent-im-cn-2024"?)',
    ],
    [
      ["--pricing", "catalogs/acme-negotiated.yaml", "--catalog", "tencent-im-cn-2020"],
      "error: --pricing and --catalog both choose the prices: give one",
    ],
  ])("%j is a usage error", (flags, message) => {
    const result = runBuilt([...pro, ...flags]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${message}\n`);
  });

  it("diff and compare work across lists: the price list change is a row of its own", () => {
    const dir = fixtureDir({
      "a.json": JSON.stringify({ plan: "pro", catalog: "tencent-im-cn-2020" }),
      "b.json": JSON.stringify({ plan: "pro", catalog: "tencent-im-cn-2024" }),
    });
    const diff = json(["diff", join(dir, "a.json"), join(dir, "b.json"), "--format", "json"]);
    expect(diff).toMatchObject({
      catalogChanged: true,
      planChanged: false,
      before: { plan: "pro", catalog: { id: "tencent-im-cn-2020" }, total: "999.00" },
      after: { plan: "pro", catalog: { id: "tencent-im-cn-2024" }, total: "1499.00" },
    });
    expect(runBuilt(["diff", join(dir, "a.json"), join(dir, "b.json")]).stdout).toContain(
      "│ ~ │ Prices: tencent-im-cn-2020 2022.2 → tencent-im-cn-2024 2024.2",
    );
    const compare = json(["compare", "--dau", "25000", "--catalog", "tencent-im-cn-2024", "--format", "json"]);
    expect(compare.editions.pro.total).toBe("3499.00");
  });
});

describe("forecast across 2024-01-01", () => {
  it("prices each month with the list in effect on its dates, and says where it changes", () => {
    const result = json(["forecast", "--plan", "pro", "--months", "4", "--start", "2023-11-15", "--format", "json"]);
    expect(
      result.months.map(
        (month: { estimate: { lines: { id: string; amount: string }[] } }) => month.estimate.lines[0]!.amount,
      ),
    ).toEqual(["999.00", "999.00", "1499.00", "1499.00"]);
    expect(result.notes).toContainEqual({
      code: "forecast.catalog-change",
      message: "month 3 (2024-01-15) on: the prices of tencent-im-cn-2024 (Pro ¥999.00 → ¥1,499.00)",
    });
    // No month is told its list has ended: each has the list of its own dates.
    expect(
      result.months.flatMap((month: { estimate: { notes: { code: string }[] } }) =>
        month.estimate.notes.map((note) => note.code),
      ),
    ).not.toContain("catalog.superseded");
    // The table names the prices of each group of months.
    const table = runBuilt(["forecast", "--plan", "pro", "--months", "4", "--start", "2023-11-15"]).stdout;
    expect(table.replace(/\n {2}/g, " ")).toContain(
      "Prices: tencent-im-cn-2020 2022.2 (CNY), the list in effect then — months 1–2\nPrices: tencent-im-cn-2024 2024.2 (CNY), the list in effect then — months 3–4",
    );
  });

  it("--catalog pins one list for every month", () => {
    const result = json([
      "forecast",
      "--plan",
      "pro",
      "--months",
      "4",
      "--start",
      "2023-11-15",
      "--catalog",
      "tencent-im-cn-2020",
      "--format",
      "json",
    ]);
    expect(result.total).toBe("3996.00");
    expect(result.notes).toEqual([]);
  });
});

describe("prices", () => {
  it("marks the figures carried over, and the notice on the security strike service", () => {
    const sheet = runBuilt(["prices", "--catalog", "tencent-im-cn-2024"], { env: { COLUMNS: "200" } }).stdout;
    expect(sheet).toContain("tencent-im-cn-2024 2024.2 (CNY), applies from 2024-01-01; newest source 2025-11-04");
    expect(sheet).toMatch(/Figures: \d+ sourced, 1 inferred, \d+ carried over, 6 assumed/);
    expect(sheet).toMatch(
      /│ Package fee +│ ¥0\.00\/month † +│ ¥1,499\.00\/month +│ ¥2,999\.00\/month ‡ +│ on request +│/,
    );
    expect(sheet).toContain("† carried over from tencent-im-cn-2020");
    expect(sheet.replace(/\s+/g, " ")).toContain(
      "‡ Package fee (Flagship): no source states Flagship's price after 2024-01-01",
    );
    expect(sheet.replace(/\s+/g, " ")).toContain(
      "Notice: Security strike service (Pro, Flagship): Tencent no longer maintains the security strike service",
    );
    const estimate = json([
      "estimate",
      "--plan",
      "flagship",
      "--security-strike",
      "--catalog",
      "tencent-im-cn-2024",
      "--format",
      "json",
    ]);
    // On the 2024 list, a note about the prices: Tencent no longer sells it, with the notice's source.
    expect(estimate.notes).toContainEqual({
      code: "catalog.withdrawn",
      message:
        "Security strike service: Tencent no longer maintains the security strike service (关于即时通信 IM 安全打击、内容回调功能停止维护的公告, https://cloud.tencent.com/document/product/269/102454 (the notice's date is not stated where it was found; the service is no longer maintained))",
    });
  });
});

describe("企业版 (Enterprise): limits sourced, price by contract", () => {
  it("says how to give its price, and prices it once given", () => {
    const result = runBuilt(["estimate", "--plan", "enterprise"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "error: --plan: Enterprise has no published price: Tencent quotes it by contract. Give your contract's price in a price file that extends this list (--pricing, or pricing in the project config), at editions.enterprise.packageFee.price\n",
    );
    expect(runBuilt(["estimate", "--plan", "企业版", "--lang", "zh"]).stderr).toContain(
      "企业版没有公开价格：腾讯云按合同报价",
    );
    const dir = fixtureDir({
      "contract.yaml":
        'extends: tencent-im-cn-2024\nid: our-contract\nsources: { contract: "order form" }\neditions:\n  enterprise:\n    packageFee: { price: "8000.00", source: contract }\n',
    });
    const priced = json([
      "estimate",
      "--plan",
      "enterprise",
      "--dau",
      "25000",
      "--pricing",
      join(dir, "contract.yaml"),
      "--format",
      "json",
    ]);
    // 8,000 + 2 × 1,000 DAU overage (assumed Flagship's rate); 90 days of history included
    expect(priced).toMatchObject({ plan: "enterprise", planName: "Enterprise", total: "10000.00" });
    expect(
      json([
        "estimate",
        "--plan",
        "enterprise",
        "--history-days",
        "90",
        "--pricing",
        join(dir, "contract.yaml"),
        "--format",
        "json",
      ]).lines,
    ).toHaveLength(1);
  });

  it("is listed by compare as on request where the need is beyond Flagship", () => {
    const beyond = runBuilt(["compare", "--group-member-limit", "8000"], { env: { COLUMNS: "120" } });
    expect(beyond.stdout).toMatch(/│ Package fee\s+│\s+¥0\.00 │\s+¥1,499\.00 │\s+¥2,999\.00 │\s+on request │/);
    expect(beyond.stdout).toContain("✗ Enterprise: Enterprise allows at most 2,000 members per group; 8,000 needed");
    const within = runBuilt(["compare", "--dau", "25000"]);
    expect(within.stdout).not.toContain("Enterprise");
    expect(json(["compare", "--dau", "25000", "--format", "json"]).onRequest).toEqual([]);
  });
});

describe("a day before the earliest list", () => {
  it("is not priced silently: the bill says no list im-bill knows applies, and what Tencent's 2019 page charged", () => {
    const estimate = json(["estimate", "--on", "2019-03-15", "--plan", "pro", "--dau", "150000", "--format", "json"]);
    // The 2020 list's prices (its earliest), said so: the 2019 page charged ¥10,999.00 for this month.
    expect(estimate.total).toBe("14999.00");
    expect(estimate.pricing).toMatchObject({ on: "2019-03-15", chosenBy: "earliest" });
    expect(runBuilt(["estimate", "--on", "2019-03-15", "--plan", "pro"]).stdout).toContain(
      "Prices: tencent-im-cn-2020 2022.2 (CNY), the earliest list im-bill knows (none\n  applies on 2019-03-15)",
    );
    expect(notesBesidesStale(estimate.notes)).toEqual([
      {
        code: "catalog.before-known",
        message:
          "No list im-bill knows applies on 2019-03-15: the earliest, tencent-im-cn-2020, is known to apply from 2019-12-27, and this bill uses its prices. Tencent's 2019 list priced otherwise: Pro ¥999 a month with 100,000 peak DAU free, then ¥10,000 per started 100,000 DAU, and message roaming ¥500 a month per 100,000 DAU (qcloud-documents 产品价格.md @e7becbe2)",
      },
    ]);
    const zh = json(["estimate", "--on", "2019-03-15", "--plan", "pro", "--format", "json", "--lang", "zh"]);
    expect(zh.notes[0].message).toMatch(
      /^im-bill 所知的价格表均不适用于2019-03-15：最早的 tencent-im-cn-2020 已知自 2019-12-27 起适用/,
    );
  });
});
