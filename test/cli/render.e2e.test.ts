// `im-bill render`, through the built CLI: a saved report laid out again as the
// command that made it would have, its shape and arithmetic checked first. That every
// kind and format renders the same text from its JSON is held in-process, by
// test/render/formats.golden.test.ts; here, the command's contract.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";

const work = mkdtempSync(join(tmpdir(), "im-bill-render-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ON = ["--on", "2026-11-29"];
const saved = (name: string, args: string[]) => {
  const result = runBuilt([...args, "--format", "json"]);
  expect(result.status, result.stderr).toBe(0);
  const path = join(work, name);
  writeFileSync(path, result.stdout);
  return { path, text: result.stdout, json: JSON.parse(result.stdout) as Record<string, unknown> };
};
const edited = (name: string, json: unknown) => {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
};

describe("im-bill render", () => {
  const estimate = saved("estimate.json", ["estimate", "examples/small-chat-pro.json", ...ON]);

  it("prints the table `estimate` prints, from the saved JSON", () => {
    const result = runBuilt(["render", estimate.path]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(runBuilt(["estimate", "examples/small-chat-pro.json", ...ON]).stdout);
  });

  it.each(["markdown", "csv", "json"])("prints --format %s as `estimate` does", (format) => {
    const result = runBuilt(["render", estimate.path, "--format", format]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      runBuilt(["estimate", "examples/small-chat-pro.json", ...ON, "--format", format]).stdout,
    );
  });

  it("reads stdin as -, and takes the format from -o's extension", () => {
    const out = join(work, "bill.html");
    const result = runBuilt(["render", "-", "-o", out], { input: estimate.text });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("keeps the words of the language the report was saved in", () => {
    const zh = saved("zh.json", ["estimate", "examples/small-chat-pro.json", ...ON, "--lang", "zh"]);
    const result = runBuilt(["render", zh.path]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(runBuilt(["estimate", "examples/small-chat-pro.json", ...ON, "--lang", "zh"]).stdout);
  });

  it("renders a check report as JUnit, and a compare report as markdown, as their commands do", () => {
    const check = saved("check.json", ["check", "examples/"]);
    expect(runBuilt(["render", check.path, "--format", "junit"]).stdout).toBe(
      runBuilt(["check", "examples/", "--format", "junit"]).stdout,
    );
    const compare = saved("compare.json", ["compare", "examples/small-chat-pro.json", ...ON]);
    expect(runBuilt(["render", compare.path, "--format", "md"]).stdout).toBe(
      runBuilt(["compare", "examples/small-chat-pro.json", ...ON, "--format", "markdown"]).stdout,
    );
  });

  it("refuses a report whose total is not the sum of its lines, naming the file and the field (exit 2)", () => {
    const path = edited("edited.json", { ...estimate.json, total: "1.00" });
    const result = runBuilt(["render", path]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`${path}: total: is 1.00, but its lines sum to`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("draws a forecast's chart of the months with --chart, as `forecast --chart` does", () => {
    const args = ["forecast", "examples/small-chat-pro.json", ...ON, "--months", "4", "--dau-growth", "20%"];
    const forecast = saved("chart.json", args);
    const result = runBuilt(["render", forecast.path, "--chart"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/┤/);
    expect(result.stdout).toBe(runBuilt([...args, "--chart"]).stdout);
  });

  it("refuses a forecast whose months do not add up to its total", () => {
    const forecast = saved("forecast.json", ["forecast", "examples/small-chat-pro.json", ...ON, "--months", "3"]);
    const path = edited("forecast-edited.json", { ...forecast.json, total: "0.00" });
    const result = runBuilt(["render", path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/forecast-edited\.json: total: is 0\.00, but its lines sum to [\d.]+/);
  });

  it("refuses what is not a report of a known kind and version, or a field the kind does not have", () => {
    const legacy = { ...estimate.json };
    delete legacy.kind;
    const noKind = runBuilt(["render", edited("legacy.json", legacy)]);
    expect(noKind.status).toBe(2);
    expect(noKind.stderr).toContain("kind: is missing: a saved report names its kind (estimate, usage, compare");
    const other = runBuilt(["render", edited("other.json", { ...estimate.json, kind: "invoice" })]);
    expect(other.stderr).toContain(
      'kind: must be one of estimate, usage, compare, forecast, batch, check, diff, project, got "invoice"',
    );
    const version = runBuilt(["render", edited("v2.json", { ...estimate.json, version: 2 })]);
    expect(version.stderr).toContain("version: must be 1, got 2");
    const extra = runBuilt(["render", edited("extra.json", { ...estimate.json, totl: "1.00" })]);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain("totl");
    const list = runBuilt(["render", edited("list.json", [estimate.json])]);
    expect(list.status).toBe(2);
    expect(list.stderr).toContain("is not a saved im-bill report");
  });

  it("refuses a format the report's kind has not (exit 2), before writing anything", () => {
    const out = join(work, "never.xml");
    const result = runBuilt(["render", estimate.path, "--format", "junit", "-o", out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("an estimate report has no junit format; it has table, json, csv, markdown, html");
    expect(() => readFileSync(out)).toThrow();
  });

  it("says in Chinese what is wrong, with --lang zh", () => {
    const path = edited("edited-zh.json", { ...estimate.json, total: "1.00" });
    const result = runBuilt(["render", path, "--lang", "zh"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("total: 为 1.00，但各计费项之和为");
  });
});

describe("im-bill render of a batch", () => {
  it("writes the CSV and the table `batch` writes, the scenarios that could not be priced in their places", () => {
    const dir = join(work, "apps");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "apps.jsonl"),
      '{"plan":"pro","usage":{"peakDau":25000}}\n{"plan":"gold"}\n{"plan":"trial"}\n',
    );
    const run = (format: string) => runBuilt(["batch", dir, "--on", "2026-11-29", "--format", format]);
    const json = run("json");
    expect(json.status).toBe(2);
    const path = join(work, "batch.json");
    writeFileSync(path, json.stdout);
    for (const format of ["csv", "table", "jsonl", "json"]) {
      const result = runBuilt(["render", path, "--format", format]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe(run(format).stdout);
    }
  });
});
