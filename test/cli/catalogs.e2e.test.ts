// Prices through time, through the built binary: the built-in lists and their dates,
// choosing one (--catalog, --on, a scenario's pin), the note when the default list has
// ended, a forecast across 2024-01-01, and what differs between two catalogs.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imBill } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const json = (args: string[], input?: string) => {
  const result = imBill(args, input === undefined ? {} : { input });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
const pro = ["estimate", "--plan", "pro", "--format", "json"];

describe("im-bill catalogs", () => {
  it("lists the built-in lists with their dates and how sure their figures are", () => {
    const lists = json(["catalogs", "--format", "json"]);
    expect(lists.map((list: { id: string }) => list.id)).toEqual(["tencent-im-cn-2020", "tencent-im-cn-2024"]);
    expect(lists[0]).toMatchObject({
      effective: { from: null, to: "2023-12-31" },
      default: true,
      inEffectToday: false,
      figures: { assumed: 4, carriedOver: 0 },
    });
    expect(lists[1]).toMatchObject({
      effective: { from: "2024-01-01", to: null },
      default: false,
      inEffectToday: true,
    });
    expect(lists[1].figures).toMatchObject({ sourced: 1, assumed: 4 });
    expect(lists[1].figures.carriedOver).toBeGreaterThan(30);
    const table = imBill(["catalogs"]);
    expect(table.stdout).toMatch(/│ tencent-im-cn-2024 │ 2024-01-01 → │ CNY/);
    expect(table.stdout).toContain("Default: tencent-im-cn-2020. In effect today: tencent-im-cn-2024.");
  });

  it("--diff lists every figure that differs, old → new, for built-in lists and files", () => {
    expect(
      json(["catalogs", "--diff", "tencent-im-cn-2020", "tencent-im-cn-2024", "--format", "json"]).changes,
    ).toEqual([{ path: "editions.pro.packageFee.price", before: "999.00", after: "1499.00" }]);
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
      { path: "editions.pro.packageFee.price", before: "1499.00", after: "849.15" },
      { path: "editions.pro.overage.dau.price", before: "1000.00", after: "800.00" },
    ]);
    const wrong = imBill(["catalogs", "--diff", "tencent-im-cn-2020"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe("error: --diff takes two catalogs (built-in ids or files), got 1\n");
  });
});

describe("choosing the prices", () => {
  it("defaults to the 2020 list, and says that it has ended and what changed since", () => {
    const estimate = json(pro);
    expect(estimate.catalog).toEqual({
      id: "tencent-im-cn-2020",
      version: "2022.2",
      currency: "CNY",
      effective: { from: null, to: "2023-12-31" },
    });
    expect(estimate.total).toBe("999.00");
    expect(estimate.notes).toContainEqual({
      code: "catalog.superseded",
      message: "Pro costs ¥1,499.00/month since 2024-01-01: --catalog tencent-im-cn-2024",
    });
    const table = imBill(["estimate", "--plan", "pro"]).stdout.trimEnd().split("\n");
    expect(table.slice(-2)).toEqual([
      "Prices: tencent-im-cn-2020 2022.2 (CNY)",
      "Pro costs ¥1,499.00/month since 2024-01-01: --catalog tencent-im-cn-2024",
    ]);
  });

  it.each([
    [["--catalog", "tencent-im-cn-2024"], "tencent-im-cn-2024", "1499.00"],
    [["--on", "2024-03-01"], "tencent-im-cn-2024", "1499.00"],
    [["--on", "2024-01"], "tencent-im-cn-2024", "1499.00"],
    [["--on", "2023-12-31"], "tencent-im-cn-2020", "999.00"],
    [["--catalog", "tencent-im-cn-2020"], "tencent-im-cn-2020", "999.00"],
  ])("%j prices Pro with %s: %s", (flags, id, total) => {
    const estimate = json([...pro, ...flags]);
    expect(estimate.catalog.id).toBe(id);
    expect(estimate.total).toBe(total);
    // A list in effect on the day asked for has not ended by then.
    if (flags[0] === "--on") expect(estimate.notes).toEqual([]);
  });

  it("a scenario pins its list, so that its expectations hold when a newer list lands; flags override the pin", () => {
    const dir = fixtureDir({
      "pinned.json": JSON.stringify({ plan: "pro", catalog: "tencent-im-cn-2020", expect: { total: "999.00" } }),
      "pinned-2024.yaml": 'plan: pro\ncatalog: tencent-im-cn-2024\nexpect:\n  total: "1499.00"\n',
      "typo.json": JSON.stringify({ plan: "pro", catalog: "tencent-im-cn-2042" }),
    });
    expect(json(["estimate", join(dir, "pinned-2024.yaml"), "--format", "json"]).total).toBe("1499.00");
    expect(imBill(["check", join(dir, "pinned.json"), join(dir, "pinned-2024.yaml")]).status).toBe(0);
    expect(
      json(["estimate", join(dir, "pinned-2024.yaml"), "--format", "json", "--catalog", "tencent-im-cn-2020"]).total,
    ).toBe("999.00");
    const typo = imBill(["estimate", join(dir, "typo.json")]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(
      /typo\.json: catalog: unknown catalog "tencent-im-cn-2042": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024 \(did you mean "tencent-im-cn-2024"\?\)/,
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
      'error: --catalog: unknown catalog "tencent-im-cn-2042": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024 (did you mean "tencent-im-cn-2024"?)',
    ],
    [
      ["--on", "2024-13-01"],
      'error: --on: must be a day such as 2024-01-15 (or a month such as 2024-01), got "2024-13-01"',
    ],
    [
      ["--on", "2024-03-01", "--catalog", "tencent-im-cn-2020"],
      "error: --catalog and --on both choose the prices: give one",
    ],
    [
      ["--pricing", "catalogs/acme-negotiated.yaml", "--on", "2024-03"],
      "error: --pricing and --on both choose the prices: give one",
    ],
  ])("%j is a usage error", (flags, message) => {
    const result = imBill([...pro, ...flags]);
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
    expect(imBill(["diff", join(dir, "a.json"), join(dir, "b.json")]).stdout).toContain(
      "│ ~ │ Prices: tencent-im-cn-2020 2022.2 → tencent-im-cn-2024 2024.1",
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
    const sheet = imBill(["prices", "--catalog", "tencent-im-cn-2024"]).stdout;
    expect(sheet).toContain("tencent-im-cn-2024 2024.1 (CNY), applies from 2024-01-01");
    expect(sheet).toMatch(/│ Package fee +│ ¥0\.00\/month † │ ¥1,499\.00\/month +│ ¥2,999\.00\/month † +│/);
    expect(sheet).toContain("† carried over from tencent-im-cn-2020");
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
    expect(estimate.notes).toContainEqual({
      code: "notice.securityStrike",
      message: "Tencent no longer maintains the security strike service",
    });
  });
});
