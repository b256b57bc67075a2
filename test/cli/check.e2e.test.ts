// `im-bill check`, `diff` and `estimate --max-total` through the built CLI.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { runBuilt, imBillOnce, root, STALE_CN_2024 } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

/** Pinned to the 2024 list: its expectations hold whatever list lands later. 1,499 + 2 × 1,000 DAU + 2 × 1,000 groups. */
const scenario = (name: string, expect?: object) =>
  JSON.stringify({
    name,
    plan: "pro",
    catalog: "tencent-im-cn-2024",
    usage: { peakDau: 20_001, peakGroups: 300_000 },
    ...(expect ? { expect } : {}),
  });
const checks = {
  "pass.json": scenario("passes", {
    total: "5499.00",
    maxTotal: "6000.00",
    lines: { "overage.dau": "2000.00" },
    violations: [],
  }),
  "fail.jsonl": [
    scenario("wrong total", { total: "4000.00" }),
    scenario("over budget", { maxTotal: "5498.99" }),
    scenario("wrong line", { lines: { "overage.groups": "1000.00" } }),
    scenario("unexpected fit", { violations: ["exceeds.peakDau"] }),
  ].join("\n"),
  "none.json": scenario("no expectations"),
};

describe("im-bill check", () => {
  const dir = fixtureDir(checks);

  it("passes a scenario whose expectations hold, exit 0", () => {
    const result = runBuilt(["check", join(dir, "pass.json")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `✓ passes (${join(dir, "pass.json")}): ¥5,499.00\n\n1 scenario: 1 passed, 0 failed\nPrices: tencent-im-cn-2024 2024.2 (CNY), pinned by the scenario\n${STALE_CN_2024.join("\n")}\n`,
    );
  });

  it("says what differed, expected against actual, and exits 1", () => {
    const result = runBuilt(["check", dir]);
    expect(result.status).toBe(1);
    const lines = result.stdout.split("\n").map((line) => line.replace(dir + "/", ""));
    expect(lines).toEqual([
      "✗ wrong total (fail.jsonl:1)",
      "    total: expected ¥4,000.00, got ¥5,499.00",
      "✗ over budget (fail.jsonl:2)",
      "    maxTotal: expected ≤ ¥5,498.99, got ¥5,499.00",
      "✗ wrong line (fail.jsonl:3)",
      "    line overage.groups: expected ¥1,000.00, got ¥2,000.00",
      "✗ unexpected fit (fail.jsonl:4)",
      "    violations: expected exceeds.peakDau, got none",
      "– no expectations (none.json): ¥5,499.00, no expectations",
      "✓ passes (pass.json): ¥5,499.00",
      "",
      "6 scenarios: 1 passed, 4 failed, 1 without expectations",
      "Prices: tencent-im-cn-2024 2024.2 (CNY), pinned by the scenario",
      ...STALE_CN_2024,
      "",
    ]);
  });

  it("fails a scenario without expectations under --require-expect", () => {
    const result = runBuilt(["check", join(dir, "none.json"), "--require-expect"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `✗ no expectations (${join(dir, "none.json")})\n    expected an expect block (--require-expect), got none`,
    );
  });

  it("exits 2 on invalid input, and rejects a misspelt expect key", () => {
    const bad = fixtureDir({ "bad.json": JSON.stringify({ plan: "pro", expect: { totl: "1.00" } }) });
    const result = runBuilt(["check", bad]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('invalid: expect.totl: unknown field (did you mean "total"?)');
  });

  it("writes JUnit XML: a test case per scenario, failures and skips counted", () => {
    const result = runBuilt(["check", dir, "--format", "junit"]);
    expect(result.status).toBe(1);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["testsuite", "testcase"].includes(name),
    }).parse(result.stdout);
    const suites = xml.testsuites.testsuite;
    expect(xml.testsuites).toMatchObject({ "@_tests": "6", "@_failures": "4", "@_errors": "0", "@_skipped": "1" });
    expect(suites).toHaveLength(3);
    const cases = suites.flatMap((suite: { testcase: object[] }) => suite.testcase);
    expect(cases).toHaveLength(6);
    expect(cases.filter((c: object) => "failure" in c)).toHaveLength(4);
    expect(cases.find((c: { "@_name": string }) => c["@_name"] === "wrong total").failure["@_message"]).toBe(
      "total: expected ¥4,000.00, got ¥5,499.00",
    );
    // Each suite names the prices of its cases.
    const properties = (suite: { properties: { property: { "@_name": string; "@_value": string }[] } }) =>
      Object.fromEntries(suite.properties.property.map((property) => [property["@_name"], property["@_value"]]));
    expect(properties(suites[0])).toMatchObject({
      "im-bill.catalog": "tencent-im-cn-2024 2024.2",
      "im-bill.currency": "CNY",
      "im-bill.chosenBy": "pin",
      "im-bill.prices": "Prices: tencent-im-cn-2024 2024.2 (CNY), pinned by the scenario",
    });
  });

  it("writes JSON results and summary", () => {
    const report = JSON.parse(runBuilt(["check", dir, "--format", "json"]).stdout);
    expect(report.summary).toEqual({ scenarios: 6, passed: 1, failed: 4, noExpectations: 1, invalid: 0 });
    expect(report.results[0]).toMatchObject({
      id: "wrong total",
      status: "failed",
      total: "5499.00",
      currency: "CNY",
      pricing: { chosenBy: "pin", catalog: { id: "tencent-im-cn-2024" } },
    });
  });

  it("--update writes the current bill into what expect states, keeps maxTotal and comments, pins the list; then check passes", () => {
    const work = fixtureDir({
      "app.yaml":
        '# The app\'s main scenario\nname: app # inline comment\nplan: pro\nusage:\n  peakDau: 25000\nexpect:\n  maxTotal: "9000.00" # budget\n  total: "1.00"\n',
      "list.json": JSON.stringify(
        [JSON.parse(scenario("one", { total: "1.00" })), { plan: "trial", usage: { peakDau: 500 } }],
        null,
        4,
      ),
    });
    expect(runBuilt(["check", work]).status).toBe(1);
    const update = runBuilt(["check", "--update", work]);
    expect(update.status).toBe(0);
    const after = runBuilt(["check", work]);
    expect(after.status).toBe(0);
    expect(after.stdout).toContain("3 scenarios: 3 passed, 0 failed");
    const yaml = readFileSync(join(work, "app.yaml"), "utf8");
    expect(yaml).toContain("# The app's main scenario");
    expect(yaml).toContain("# inline comment");
    expect(yaml).toContain("# budget");
    // Only what the block stated: the total (today's list: 1,499 + 2 × 1,000), the budget kept; no new lines.
    expect(parseYaml(yaml)).toMatchObject({
      catalog: "tencent-im-cn-2024",
      expect: { maxTotal: "9000.00", total: "3499.00" },
    });
    expect(Object.keys(parseYaml(yaml).expect)).toEqual(["maxTotal", "total"]);
    const list = readFileSync(join(work, "list.json"), "utf8");
    expect(list).toMatch(/^\[\n {4}\{/); // its own indentation kept
    // A scenario without a block gets its total, and the list that priced it.
    expect(JSON.parse(list)[1]).toMatchObject({ catalog: "tencent-im-cn-2024", expect: { total: "0.00" } });
    expect(Object.keys(JSON.parse(list)[1].expect)).toEqual(["total"]);
    // Each file changed, old → new, on stderr.
    expect(update.stderr).toContain(
      `${join(work, "app.yaml")}: updated\n  app\n    catalog: pinned to tencent-im-cn-2024\n    expect.total: 1.00 → 3499.00\n`,
    );
    expect(update.stderr).toContain("    expect.total: (none) → 0.00");
  });

  it("--update changes only what expect states and the pin, byte for byte elsewhere, and only what changed", () => {
    const yaml = [
      "# scenarios/app.yaml",
      "name: Main app",
      "plan: pro",
      "usage: { peakDau: 20001, peakGroups: 300000 }",
      "expect:",
      '  total: "1.00"        # exact',
      '  maxTotal: "6000.00"     # a budget',
      "  lines:",
      '    overage.dau: "2000.00"',
      "  violations: []          # the edition must fit",
      "",
    ].join("\n");
    const oneLine = '{"name": "one", "plan": "pro", "usage": {"peakDau": 30000}}\n';
    const pretty =
      '{\n  "name": "pretty",\n  "plan": "pro",\n  "usage": {"peakDau": 30000},\n  "expect": {\n    "total": "2999.00",\n    "violations": []\n  }\n}\n';
    const lines = '{"plan":"pro"}\r\n{"plan":"pro","catalog":"tencent-im-cn-2020","expect":{"total":"9.00"}}\r\n';
    // A block added after a one-line neighbour: the neighbour stays on its line.
    const added = '{\n  "plan": "pro",\n  "usage": {"peakDau": 30000}\n}\n';
    const work = fixtureDir({
      "app.yaml": yaml,
      "one.json": oneLine,
      "pretty.json": pretty,
      "lines.jsonl": lines,
      "added.json": added,
    });
    expect(runBuilt(["check", "--update", work]).status).toBe(0);
    const read = (name: string) => readFileSync(join(work, name), "utf8");
    expect(read("app.yaml")).toBe(
      yaml
        .replace("plan: pro\n", "plan: pro\ncatalog: tencent-im-cn-2024\n")
        .replace('total: "1.00"', 'total: "5499.00"'),
    );
    expect(read("one.json")).toBe(
      '{"name": "one", "plan": "pro", "catalog": "tencent-im-cn-2024", "usage": {"peakDau": 30000}, "expect": {"total": "3499.00"}}\n',
    );
    // Only the total was stated and changed: no lines added.
    expect(read("pretty.json")).toBe(
      pretty
        .replace('"plan": "pro",', '"plan": "pro",\n  "catalog": "tencent-im-cn-2024",')
        .replace('"total": "2999.00"', '"total": "3499.00"'),
    );
    expect(read("added.json")).toBe(
      '{\n  "plan": "pro",\n  "catalog": "tencent-im-cn-2024",\n  "usage": {"peakDau": 30000},\n  "expect": {\n    "total": "3499.00"\n  }\n}\n',
    );
    // A pinned scenario keeps its pin, and is priced with it.
    expect(read("lines.jsonl")).toBe(
      '{"plan":"pro","catalog":"tencent-im-cn-2024","expect":{"total":"1499.00"}}\r\n{"plan":"pro","catalog":"tencent-im-cn-2020","expect":{"total":"999.00"}}\r\n',
    );
    // Nothing to change: nothing written, nothing said.
    const again = runBuilt(["check", "--update", work]);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe("");
    expect(read("one.json")).toContain('"expect": {"total": "3499.00"}');
  });

  it("--update --dry-run says what would change, writes nothing, and exits 1 (stale expectations in CI)", () => {
    const text = 'plan: pro\nusage: {peakDau: 25000}\nexpect:\n  total: "2999.00"\n';
    const work = fixtureDir({ "app.yaml": text });
    const dry = runBuilt(["check", "--update", "--dry-run", work]);
    expect(dry.status).toBe(1);
    expect(dry.stderr).toBe(
      `${join(work, "app.yaml")}: would change\n    catalog: pinned to tencent-im-cn-2024\n    expect.total: 2999.00 → 3499.00\nerror: 1 scenario would change (--dry-run): run check --update to write it\n`,
    );
    expect(readFileSync(join(work, "app.yaml"), "utf8")).toBe(text);
    expect(runBuilt(["check", "--update", work]).status).toBe(0);
    const clean = runBuilt(["check", "--update", "--dry-run", work]);
    expect([clean.status, clean.stderr]).toEqual([0, ""]);
    const alone = runBuilt(["check", "--dry-run", work]);
    expect([alone.status, alone.stderr]).toEqual([
      2,
      "error: --dry-run goes with --update: it says what --update would change\n",
    ]);
  });

  it("--update does not pin a price file's list (it is not always there): the file is named instead", () => {
    const work = fixtureDir({ "app.yaml": 'plan: pro\nexpect:\n  total: "1.00"\n' });
    const update = runBuilt(["check", "--update", work, "--pricing", join(root, "catalogs/acme-negotiated.yaml")], {
      env: { COLUMNS: "400" },
    });
    expect(update.status).toBe(0);
    expect(readFileSync(join(work, "app.yaml"), "utf8")).toBe('plan: pro\nexpect:\n  total: "1274.15"\n');
    expect(update.stdout).toMatch(/Price file: .*acme-negotiated\.yaml \(sha256 [0-9a-f]{12}\)/);
  });

  it("--update reports a budget the new bill breaks, as the next check would (exit 1)", () => {
    const work = fixtureDir({ "app.yaml": 'plan: pro\nusage: {peakDau: 80000}\nexpect:\n  maxTotal: "6000.00"\n' });
    const update = runBuilt(["check", "--update", work]);
    expect(update.status).toBe(1);
    expect(update.stdout).toContain("maxTotal: expected ≤ ¥6,000.00, got ¥8,499.00");
    expect(runBuilt(["check", work]).status).toBe(1);
  });

  it("--update refuses stdin", () => {
    const result = runBuilt(["check", "--update", "-"], { input: scenario("x") });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("error: --update writes files: it cannot update stdin\n");
  });

  it("passes the examples, whose expectations are kept up to date", () => {
    const result = runBuilt(["check", "examples/*.json", "examples/*.yaml", "--require-expect"]);
    expect(result.stdout).toContain("4 scenarios: 4 passed, 0 failed");
    expect(result.status).toBe(0);
  });
});

describe("im-bill estimate --max-total", () => {
  // examples/small-chat-pro.json totals ¥3,499.00
  it.each([
    ["3500", 0],
    ["3499.00", 0],
    ["3,499", 0],
    ["3498.99", 1],
    ["3000", 1],
  ])("--max-total %s exits %i", (max, status) => {
    const result = runBuilt(["estimate", "examples/small-chat-pro.json", "--format", "json", "--max-total", max]);
    expect(result.status).toBe(status);
    expect(JSON.parse(result.stdout).total).toBe("3499.00");
    if (status) expect(result.stderr).toMatch(/^error: the total ¥3,499.00 is above --max-total ¥[\d,.]+\n$/);
  });

  it("rejects a budget that is not an amount", () => {
    const result = runBuilt(["estimate", "--plan", "pro", "--max-total", "lots"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('error: --max-total: must be an amount such as 6000 or 6000.00, got "lots"\n');
  });
});

describe("im-bill diff", () => {
  const dir = fixtureDir({
    "before.json": JSON.stringify({
      name: "app",
      plan: "pro",
      usage: { peakDau: 25_000 },
      features: { securityStrike: true },
    }),
    "after.yaml": "name: app\nplan: pro\nusage:\n  peakDau: 35000\nfeatures:\n  historyDays: 30\n",
  });
  const before = join(dir, "before.json");
  const after = join(dir, "after.yaml");

  it("shows added, removed and changed lines and the total's change", async () => {
    const result = runBuilt(["diff", before, after]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../golden/diff.txt");
  });

  it("writes markdown for a PR comment (golden)", async () => {
    await expect(
      runBuilt(["diff", before, after, "--format", "markdown", "--title", "scenarios/app"]).stdout,
    ).toMatchFileSnapshot("../golden/diff.md");
  });

  it("compares a saved estimate with a scenario", () => {
    const saved = join(dir, "saved.json");
    writeFileSync(saved, runBuilt(["estimate", before, "--format", "json"]).stdout);
    expect(JSON.parse(runBuilt(["diff", saved, after, "--format", "json"]).stdout)).toEqual(
      JSON.parse(runBuilt(["diff", before, after, "--format", "json"]).stdout),
    );
  });

  it.each([
    ["499", 1],
    ["500", 0],
    ["11%", 1],
    ["12%", 0],
  ])("--fail-above %s exits %i (the total rises ¥500.00, 11.1%)", (threshold, status) => {
    const result = runBuilt(["diff", before, after, "--format", "json", "--fail-above", threshold]);
    expect(result.status).toBe(status);
    if (status)
      expect(result.stderr).toBe(`error: the total rises by 500.00 (11.1%), more than --fail-above ${threshold}\n`);
  });

  it("checks a saved estimate before it compares it: the sums, two decimals, each line once, one currency", () => {
    const saved = JSON.parse(runBuilt(["estimate", before, "--format", "json"]).stdout);
    const tampered = (name: string, change: (estimate: any) => void) => {
      const copy = structuredClone(saved);
      change(copy);
      writeFileSync(join(dir, name), JSON.stringify(copy));
      return runBuilt(["diff", join(dir, name), after]);
    };
    const edited = tampered("edited.json", (estimate) => (estimate.total = "1.00"));
    expect(edited.status).toBe(2);
    expect(edited.stderr).toBe(
      `error: ${join(dir, "edited.json")}: total: is 1.00, but its lines sum to 4499.00: the file was edited or is not an im-bill estimate\n`,
    );
    const line = tampered("line.json", (estimate) => (estimate.lines[1].amount = "2500.00"));
    expect(line.stderr).toContain("subtotals.overage: is 2000.00, but its lines sum to 2500.00");
    expect(line.stderr).toContain("total: is 4499.00, but its lines sum to 4999.00");
    const twice = tampered("twice.json", (estimate) => estimate.lines.push({ ...estimate.lines[2], amount: "0.00" }));
    expect(twice.stderr).toContain("lines[3].id: the line id addon.securityStrike is given twice (first at lines[2])");
    const decimals = tampered("decimals.json", (estimate) => (estimate.lines[0].unitPrice = "1499.0"));
    expect(decimals.stderr).toContain(
      'lines[0].unitPrice: must be a price with two decimals (four at most for a price per unit), such as "999.00" or "0.015", got "1499.0"',
    );
    const currencies = tampered("currencies.json", (estimate) => (estimate.currency = "USD"));
    expect(currencies.stderr).toContain(
      "currency: is USD, but its price list is in CNY: one estimate has one currency",
    );
    for (const result of [line, twice, decimals, currencies]) expect(result.status).toBe(2);
  });

  it("reads an estimate saved by an earlier im-bill (no edition name, no provenance, the old config)", () => {
    const saved = JSON.parse(runBuilt(["estimate", before, "--format", "json"]).stdout);
    const { planName: _name, pricing: _pricing, ...old } = saved;
    writeFileSync(
      join(dir, "old.json"),
      JSON.stringify({ ...old, config: { file: "im-bill.config.yaml", settings: [] } }),
    );
    const result = runBuilt(["diff", join(dir, "old.json"), after, "--format", "json"]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      before: { plan: "pro", planName: "pro", pricing: null },
      total: { before: "4499.00", after: "4999.00" },
    });
  });

  it("refuses two sides in different currencies unless a rate is given, and then converts line by line", () => {
    const usd = fixtureDir({
      "usd.json": JSON.stringify({
        extends: "tencent-im-cn-2024",
        id: "dollars",
        currency: "USD",
        sources: { usd: "a dollar price list" },
        editions: {
          trial: { packageFee: { price: "0.00", source: "usd" } },
          pro: {
            packageFee: { price: "210.00", source: "usd" },
            overage: { dau: { price: "140.00", source: "usd" }, groups: { price: "140.00", source: "usd" } },
            addons: Object.fromEntries(
              [
                "liveGroups",
                "groupMembers",
                "groupsPerUser",
                "securityStrike",
                "bandwidth.mainland",
                "bandwidth.international",
              ].map((key) => [key, { price: "10.00", source: "usd" }]),
            ),
          },
        },
      }),
    });
    // Every price the overlay inherits is restated: only Flagship's and the history tiers are missing here.
    const refused = runBuilt(["estimate", before, "--pricing", join(usd, "usd.json")]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("currency: is USD, but the figures it takes from tencent-im-cn-2024 are in CNY");
  });

  it("compares sides in two currencies at --rate, converting each line and summing again", () => {
    const saved = JSON.parse(runBuilt(["estimate", before, "--format", "json"]).stdout);
    // A saved estimate in dollars: every amount a seventh of the yuan one, as a USD list would give.
    const toUsd = (amount: string) => (Number(amount) / 7).toFixed(2);
    const lines = saved.lines.map((line: any) => ({
      ...line,
      amount: toUsd(line.amount),
      unitPrice: toUsd(line.unitPrice),
    }));
    const sum = (items: any[]) => items.reduce((total, line) => total + Math.round(Number(line.amount) * 100), 0) / 100;
    const usdEstimate = {
      ...saved,
      currency: "USD",
      catalog: { ...saved.catalog, id: "dollars", currency: "USD" },
      pricing: { ...saved.pricing, catalog: { ...saved.pricing.catalog, id: "dollars", currency: "USD" } },
      lines,
      subtotals: {
        base: sum(lines.filter((line: any) => line.category === "base")).toFixed(2),
        overage: sum(lines.filter((line: any) => line.category === "overage")).toFixed(2),
        addons: sum(lines.filter((line: any) => line.category === "addon")).toFixed(2),
        discount: "0.00",
      },
      total: sum(lines).toFixed(2),
    };
    writeFileSync(join(dir, "usd.json"), JSON.stringify(usdEstimate));
    const refused = runBuilt(["diff", join(dir, "usd.json"), after]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `error: ${join(dir, "usd.json")} is in USD and ${after} in CNY: give the rate between them (--rate USD:CNY=…) to compare them\n`,
    );
    const converted = JSON.parse(
      runBuilt(["diff", join(dir, "usd.json"), after, "--rate", "USD:CNY=7", "--format", "json"]).stdout,
    );
    // 214.14 × 7 = 1,498.98; 285.71 × 7 = 1,999.97; 142.86 × 7 = 1,000.02
    expect(converted.before).toMatchObject({ total: "4498.97", converted: { from: "USD", rate: "USD:CNY=7" } });
    expect(converted.lines[0]).toMatchObject({ id: "package", before: "1498.98", after: "1499.00" });
    // Either way round.
    const inverse = JSON.parse(
      runBuilt(["diff", join(dir, "usd.json"), after, "--rate", "CNY:USD=0.5", "--format", "json"]).stdout,
    );
    // 1 CNY = 0.5 USD: each dollar is two yuan.
    expect(inverse.before.total).toBe("1285.42");
    expect(runBuilt(["diff", join(dir, "usd.json"), after, "--rate", "EUR:CNY=7.8"]).stderr).toBe(
      "error: --rate EUR:CNY is not between USD and CNY, the currencies of the two sides\n",
    );
    expect(runBuilt(["diff", before, after, "--rate", "seven"]).stderr).toBe(
      'error: --rate: must be a rate such as USD:CNY=7.1 (one USD is 7.1 CNY), got "seven"\n',
    );
    const table = runBuilt(["diff", join(dir, "usd.json"), after, "--rate", "USD:CNY=7"]).stdout;
    expect(table).toContain("converted from USD at USD:CNY=7");
  });

  it("exits 2 for a bad threshold or a list file", () => {
    expect(runBuilt(["diff", before, after, "--fail-above", "a lot"]).status).toBe(2);
    const list = join(dir, "list.json");
    copyFileSync(join(root, "examples/small-chat-pro.json"), join(dir, "one.json"));
    writeFileSync(list, '[{"plan":"pro"},{"plan":"trial"}]');
    const result = runBuilt(["diff", list, join(dir, "one.json")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("holds a list of 2 scenarios; diff compares one with one");
  });
});

describe("examples/ci", () => {
  const commands = ["estimate", "batch", "check", "diff", "prices", "schema"];
  it.each(["github-actions.yml", "gitlab-ci.yml"])(
    "%s is valid YAML and calls only commands and flags that exist",
    (name) => {
      const text = readFileSync(join(root, "examples/ci", name), "utf8");
      expect(() => parseYaml(text)).not.toThrow();
      const calls = [...text.matchAll(/im-bill (\w+)([^\n|>]*)/g)];
      expect(calls.length).toBeGreaterThan(0);
      for (const [, command, rest] of calls) {
        if (command === "im") continue;
        expect(commands, `im-bill ${command}`).toContain(command);
        const help = imBillOnce([command!, "--help"]).stdout;
        for (const flag of rest!.match(/--[a-z-]+/g) ?? []) expect(help, `im-bill ${command} ${flag}`).toContain(flag);
      }
    },
  );
});
