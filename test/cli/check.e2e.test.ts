// `im-bill check`, `diff` and `estimate --max-total` through the built binary.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { imBill, root } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const scenario = (name: string, expect?: object) =>
  JSON.stringify({ name, plan: "pro", usage: { peakDau: 20_001, peakGroups: 300_000 }, ...(expect ? { expect } : {}) });
const checks = {
  "pass.json": scenario("passes", {
    total: "4999.00",
    maxTotal: "6000.00",
    lines: { "overage.dau": "2000.00" },
    violations: [],
  }),
  "fail.jsonl": [
    scenario("wrong total", { total: "4000.00" }),
    scenario("over budget", { maxTotal: "4998.99" }),
    scenario("wrong line", { lines: { "overage.groups": "1000.00" } }),
    scenario("unexpected fit", { violations: ["exceeds.peakDau"] }),
  ].join("\n"),
  "none.json": scenario("no expectations"),
};

describe("im-bill check", () => {
  const dir = fixtureDir(checks);

  it("passes a scenario whose expectations hold, exit 0", () => {
    const result = imBill(["check", join(dir, "pass.json")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`✓ passes (${join(dir, "pass.json")}): ¥4,999.00\n\n1 scenario: 1 passed, 0 failed\n`);
  });

  it("says what differed, expected against actual, and exits 1", () => {
    const result = imBill(["check", dir]);
    expect(result.status).toBe(1);
    const lines = result.stdout.split("\n").map((line) => line.replace(dir + "/", ""));
    expect(lines).toEqual([
      "✗ wrong total (fail.jsonl:1)",
      "    total: expected ¥4,000.00, got ¥4,999.00",
      "✗ over budget (fail.jsonl:2)",
      "    maxTotal: expected ≤ ¥4,998.99, got ¥4,999.00",
      "✗ wrong line (fail.jsonl:3)",
      "    line overage.groups: expected ¥1,000.00, got ¥2,000.00",
      "✗ unexpected fit (fail.jsonl:4)",
      "    violations: expected exceeds.peakDau, got none",
      "– no expectations (none.json): ¥4,999.00, no expectations",
      "✓ passes (pass.json): ¥4,999.00",
      "",
      "6 scenarios: 1 passed, 4 failed, 1 without expectations",
      "",
    ]);
  });

  it("fails a scenario without expectations under --require-expect", () => {
    const result = imBill(["check", join(dir, "none.json"), "--require-expect"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `✗ no expectations (${join(dir, "none.json")})\n    expected an expect block (--require-expect), got none`,
    );
  });

  it("exits 2 on invalid input, and rejects a misspelt expect key", () => {
    const bad = fixtureDir({ "bad.json": JSON.stringify({ plan: "pro", expect: { totl: "1.00" } }) });
    const result = imBill(["check", bad]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('invalid: expect.totl: unknown field (did you mean "total"?)');
  });

  it("writes JUnit XML: a test case per scenario, failures and skips counted", () => {
    const result = imBill(["check", dir, "--format", "junit"]);
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
      "total: expected ¥4,000.00, got ¥4,999.00",
    );
  });

  it("writes JSON results and summary", () => {
    const report = JSON.parse(imBill(["check", dir, "--format", "json"]).stdout);
    expect(report.summary).toEqual({ scenarios: 6, passed: 1, failed: 4, noExpectations: 1, invalid: 0 });
    expect(report.results[0]).toMatchObject({ id: "wrong total", status: "failed", total: "4999.00" });
  });

  it("--update writes the current bill into expect, keeps maxTotal and YAML comments; then check passes", () => {
    const work = fixtureDir({
      "app.yaml":
        '# The app\'s main scenario\nname: app # inline comment\nplan: pro\nusage:\n  peakDau: 25000\nexpect:\n  maxTotal: "9000.00" # budget\n  total: "1.00"\n',
      "list.json": JSON.stringify([JSON.parse(scenario("one")), { plan: "trial", usage: { peakDau: 500 } }], null, 4),
    });
    expect(imBill(["check", work]).status).toBe(1);
    const update = imBill(["check", "--update", work]);
    expect(update.status).toBe(0);
    const after = imBill(["check", work]);
    expect(after.status).toBe(0);
    expect(after.stdout).toContain("3 scenarios: 3 passed, 0 failed");
    const yaml = readFileSync(join(work, "app.yaml"), "utf8");
    expect(yaml).toContain("# The app's main scenario");
    expect(yaml).toContain("# inline comment");
    expect(yaml).toContain("# budget");
    expect(parseYaml(yaml).expect).toEqual({
      maxTotal: "9000.00",
      total: "2999.00",
      lines: { package: "999.00", "overage.dau": "2000.00" },
      violations: [],
    });
    const list = readFileSync(join(work, "list.json"), "utf8");
    expect(list).toMatch(/^\[\n {4}\{/); // its own indentation kept
    expect(JSON.parse(list)[1].expect).toEqual({
      total: "0.00",
      lines: { package: "0.00" },
      violations: ["exceeds.peakDau"],
    });
  });

  it("--update changes only the expect block, byte for byte elsewhere, and only what changed", () => {
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
    const lines = '{"plan":"pro"}\r\n{"plan":"pro","expect":{"total":"9.00"}}\r\n';
    const work = fixtureDir({ "app.yaml": yaml, "one.json": oneLine, "pretty.json": pretty, "lines.jsonl": lines });
    expect(imBill(["check", "--update", work]).status).toBe(0);
    const read = (name: string) => readFileSync(join(work, name), "utf8");
    expect(read("app.yaml")).toBe(
      yaml
        .replace('total: "1.00"', 'total: "4999.00"')
        .replace(
          '    overage.dau: "2000.00"',
          '    package: "999.00"\n    overage.dau: "2000.00"\n    overage.groups: "2000.00"',
        ),
    );
    expect(read("one.json")).toBe(
      '{"name": "one", "plan": "pro", "usage": {"peakDau": 30000}, "expect": {"total": "2999.00", "lines": {"package": "999.00", "overage.dau": "2000.00"}, "violations": []}}\n',
    );
    // total and violations held already: only the missing lines were added, in the block's own style.
    expect(read("pretty.json")).toBe(
      pretty.replace(
        '"violations": []',
        '"violations": [],\n    "lines": {\n      "package": "999.00",\n      "overage.dau": "2000.00"\n    }',
      ),
    );
    expect(read("lines.jsonl")).toBe(
      '{"plan":"pro","expect":{"total":"999.00","lines":{"package":"999.00"},"violations":[]}}\r\n{"plan":"pro","expect":{"total":"999.00","lines":{"package":"999.00"},"violations":[]}}\r\n',
    );
    // Nothing to change: nothing written.
    expect(imBill(["check", "--update", work]).status).toBe(0);
    expect(read("one.json")).toContain('"expect": {"total": "2999.00"');
  });

  it("--update reports a budget the new bill breaks, as the next check would (exit 1)", () => {
    const work = fixtureDir({ "app.yaml": 'plan: pro\nusage: {peakDau: 80000}\nexpect:\n  maxTotal: "6000.00"\n' });
    const update = imBill(["check", "--update", work]);
    expect(update.status).toBe(1);
    expect(update.stdout).toContain("maxTotal: expected ≤ ¥6,000.00, got ¥7,999.00");
    expect(imBill(["check", work]).status).toBe(1);
  });

  it("--update refuses stdin", () => {
    const result = imBill(["check", "--update", "-"], { input: scenario("x") });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("error: --update writes files: it cannot update stdin\n");
  });

  it("passes the examples, whose expectations are kept up to date", () => {
    const result = imBill(["check", "examples/*.json", "examples/*.yaml", "--require-expect"]);
    expect(result.stdout).toContain("4 scenarios: 4 passed, 0 failed");
    expect(result.status).toBe(0);
  });
});

describe("im-bill estimate --max-total", () => {
  // examples/small-chat-pro.json totals ¥2,999.00
  it.each([
    ["3000", 0],
    ["2999.00", 0],
    ["2,999", 0],
    ["2998.99", 1],
    ["1000", 1],
  ])("--max-total %s exits %i", (max, status) => {
    const result = imBill(["estimate", "examples/small-chat-pro.json", "--format", "json", "--max-total", max]);
    expect(result.status).toBe(status);
    expect(JSON.parse(result.stdout).total).toBe("2999.00");
    if (status) expect(result.stderr).toMatch(/^error: the total ¥2,999.00 is above --max-total ¥[\d,.]+\n$/);
  });

  it("rejects a budget that is not an amount", () => {
    const result = imBill(["estimate", "--plan", "pro", "--max-total", "lots"]);
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
    const result = imBill(["diff", before, after]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../golden/diff.txt");
  });

  it("writes markdown for a PR comment (golden)", async () => {
    await expect(
      imBill(["diff", before, after, "--format", "markdown", "--title", "scenarios/app"]).stdout,
    ).toMatchFileSnapshot("../golden/diff.md");
  });

  it("compares a saved estimate with a scenario", () => {
    const saved = join(dir, "saved.json");
    writeFileSync(saved, imBill(["estimate", before, "--format", "json"]).stdout);
    expect(JSON.parse(imBill(["diff", saved, after, "--format", "json"]).stdout)).toEqual(
      JSON.parse(imBill(["diff", before, after, "--format", "json"]).stdout),
    );
  });

  it.each([
    ["499", 1],
    ["500", 0],
    ["12%", 1],
    ["13%", 0],
  ])("--fail-above %s exits %i (the total rises ¥500.00, 12.5%)", (threshold, status) => {
    const result = imBill(["diff", before, after, "--format", "json", "--fail-above", threshold]);
    expect(result.status).toBe(status);
    if (status)
      expect(result.stderr).toBe(`error: the total rises by 500.00 (12.5%), more than --fail-above ${threshold}\n`);
  });

  it("exits 2 for a bad threshold or a list file", () => {
    expect(imBill(["diff", before, after, "--fail-above", "a lot"]).status).toBe(2);
    const list = join(dir, "list.json");
    copyFileSync(join(root, "examples/small-chat-pro.json"), join(dir, "one.json"));
    writeFileSync(list, '[{"plan":"pro"},{"plan":"trial"}]');
    const result = imBill(["diff", list, join(dir, "one.json")]);
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
        const help = imBill([command!, "--help"]).stdout;
        for (const flag of rest!.match(/--[a-z-]+/g) ?? []) expect(help, `im-bill ${command} ${flag}`).toContain(flag);
      }
    },
  );
});
