// `im-bill batch` through the built CLI: a directory of every kind of file with bad
// ones among the good, each report format read back, atomic --output.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { bin, runBuilt, root } from "../helpers/cli.js";
import { fixtureDir, mixedScenarios } from "../helpers/fixtures.js";
import { ESTIMATE_KEYS } from "../helpers/scenario.js";

const dir = fixtureDir(mixedScenarios);
/** The example scenarios (examples/ci/ holds CI files, not scenarios). */
const EXAMPLES = ["examples/*.json", "examples/*.yaml"];
const batch = (args: string[], options: { input?: string } = {}) => {
  const result = runBuilt(["batch", ...args], options);
  return result;
};
/** The fixture directory as the input, with these flags. */
const inDir = (flags: string[]) => batch([dir, ...flags]);

describe("im-bill batch", () => {
  it("prices every good scenario, reports every bad one with its source, exits 2", () => {
    const result = inDir(["--format", "json"]);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ kind: "batch", version: 1, lang: "en" });
    expect(report.summary).toEqual({
      scenarios: 11,
      priced: 7,
      failed: 4,
      violating: 1,
      total: expect.any(String),
      currency: "CNY",
      totals: { CNY: expect.any(String) },
      prices: {
        groups: [{ ref: expect.objectContaining({ chosenBy: "date" }), count: 7 }],
        // Said once for the seven bills it is true of.
        said: [
          expect.stringMatching(/^tencent-im-cn-2024 was last checked against Tencent's pages on 2025-11-04/),
          expect.stringMatching(/^Security strike service: Tencent no longer maintains the security strike service \(/),
        ],
      },
    });
    // Each error says where it was among the scenarios read, so that a report rendered again keeps the order.
    expect(report.errors.map((e: { at: number }) => e.at)).toEqual([4, 5, 8, 9]);
    // Every result names the prices that made it.
    for (const result of report.results)
      expect(result.pricing).toMatchObject({ chosenBy: "date", catalog: { id: "tencent-im-cn-2024" } });
    expect(report.results.map((r: { id: string }) => r.id)).toEqual([
      "single",
      "first of list",
      `${join(dir, "b-list.json")}#2`,
      "line one",
      `${join(dir, "c-lines.jsonl")}:5`,
      "yaml one",
      "nested",
    ]);
    const errors = report.errors.map((e: { source: string; error: string }) => [
      e.source.slice(dir.length + 1),
      e.error,
    ]);
    expect(errors).toEqual([
      ["c-lines.jsonl:3", expect.stringMatching(/^invalid JSON/)],
      ["c-lines.jsonl:4", 'usage.peakDAU: unknown field (did you mean "peakDau"?)'],
      ["d-docs.yaml#2", "usage.peakDau: must be a whole number ≥ 0, got -5"],
      ["e-bad.json", expect.stringMatching(/^invalid JSON: .*\(line 1, column 16\)$/)],
    ]);
    // each result is the estimate of the core format, plus id and source
    expect(Object.keys(report.results[0])).toEqual(["id", "source", ...ESTIMATE_KEYS]);
  });

  it("writes JSONL as it goes: a line per scenario, errors included, counts on stderr", () => {
    const result = inDir(["--format", "jsonl"]);
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(11);
    expect(lines.filter((line) => line.error)).toHaveLength(4);
    expect(result.stderr).toMatch(
      /^11 scenarios: 7 priced, 4 invalid, 1 with violations \(✗\); total of all priced scenarios: ¥[\d,]+\.00\n$/,
    );
  });

  it("writes CSV that a CSV parser reads back: a column per line id, subtotals, total", () => {
    const result = inDir(["--format", "csv", "--bom"]);
    expect(result.stdout.startsWith("\uFEFF")).toBe(true);
    const rows: Record<string, string>[] = parseCsv(result.stdout, { bom: true, columns: true });
    expect(rows).toHaveLength(11);
    const json = JSON.parse(inDir(["--format", "json"]).stdout);
    const single = rows.find((row) => row.id === "single")!;
    expect(single).toMatchObject({
      plan: "pro",
      package: "1499.00",
      "overage.dau": "2000.00",
      "subtotal.overage": "2000.00",
      total: "3499.00",
      currency: "CNY",
      catalog: "tencent-im-cn-2024 2024.2",
      error: "",
    });
    for (const result of json.results) {
      expect(rows.find((row) => row.source === result.source)?.total).toBe(result.total);
    }
    expect(rows.find((row) => row.source?.endsWith("c-lines.jsonl:4"))).toMatchObject({
      total: "",
      error: 'usage.peakDAU: unknown field (did you mean "peakDau"?)',
    });
    expect(Object.keys(single)).toContain("addon.securityStrike");
  });

  it("quotes CSV fields with commas, quotes and newlines", () => {
    const result = batch(["-", "--format", "csv"], {
      input: JSON.stringify({ name: 'A "big", app\nsecond line', plan: "pro" }),
    });
    const rows: Record<string, string>[] = parseCsv(result.stdout, { columns: true });
    expect(rows[0]?.id).toBe('A "big", app\nsecond line');
  });

  it("writes a markdown table with the same number of cells in every row", () => {
    const result = inDir(["--format", "markdown"]);
    const table = result.stdout.split("\n").filter((line) => line.startsWith("|"));
    expect(table).toHaveLength(2 + 7);
    const cells = table.map((row) => row.replace(/\\\|/g, "").split("|").length);
    expect(new Set(cells).size).toBe(1);
    expect(result.stdout).toContain("**Total of all priced scenarios: ¥");
    expect(result.stdout).toContain("- " + join(dir, "e-bad.json") + ": invalid JSON");
  });

  it("prints the summary table with a mark for violations", async () => {
    const result = batch([...EXAMPLES, "--format", "table"]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../golden/batch-examples.txt");
  });

  it("reads JSONL from stdin", () => {
    const input = ['{"plan":"pro","usage":{"peakDau":20001}}', '{"plan":"flagship"}'].join("\n");
    const lines = batch(["-", "--format", "jsonl"], { input })
      .stdout.trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.id, line.total])).toEqual([
      ["stdin:1", "3499.00"],
      ["stdin:2", "2999.00"],
    ]);
  });

  it("sums to what estimate gives for each file alone", () => {
    const files = readdirSync(join(root, "examples"))
      .filter((name) => /\.(json|ya?ml)$/.test(name))
      .map((name) => `examples/${name}`);
    const report = JSON.parse(batch([...files, "--format", "json"]).stdout);
    const fen = (amount: string) => Math.round(Number(amount) * 100);
    const alone = files.map((file) => fen(JSON.parse(runBuilt(["estimate", file, "--format", "json"]).stdout).total));
    expect(fen(report.summary.total)).toBe(alone.reduce((a, b) => a + b, 0));
    expect(report.results.map((result: { total: string }) => fen(result.total))).toEqual(alone);
  });

  it("exits 1 under --strict when an edition cannot serve its scenario", () => {
    expect(batch([...EXAMPLES, "--strict", "--format", "jsonl"]).status).toBe(1);
    expect(batch(["examples/small-chat-pro.json", "--strict", "--format", "jsonl"]).status).toBe(0);
  });

  it("exits 2 before any work when a path is missing", () => {
    const result = batch([...EXAMPLES, "nope/", "--format", "jsonl"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("error: nope/: no such file or directory\n");
  });

  it("takes glob patterns", () => {
    const lines = batch(["examples/*.json", "--format", "jsonl"]).stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
  });
});

describe("batch --output", () => {
  it("writes the report atomically, in the format of its extension", () => {
    const out = fixtureDir({ "report.csv": "old report\n" });
    const result = batch([...EXAMPLES, "--output", join(out, "report.csv")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(readFileSync(join(out, "report.csv"), "utf8")).toMatch(/^id,source,plan,package,/);
    expect(readdirSync(out)).toEqual(["report.csv"]);
  });

  it("leaves an existing report intact when the run fails", () => {
    const out = fixtureDir({ "report.json": "old report\n" });
    const result = batch([...EXAMPLES, "missing.json", "--output", join(out, "report.json")]);
    expect(result.status).toBe(2);
    expect(readFileSync(join(out, "report.json"), "utf8")).toBe("old report\n");
    expect(readdirSync(out)).toEqual(["report.json"]);
  });

  it("leaves an existing report intact, and no temp file, when interrupted", async () => {
    const out = fixtureDir({ "report.jsonl": "old report\n" });
    const input = join(out, "many.jsonl");
    const stream = createWriteStream(input);
    const line = `${JSON.stringify({ plan: "pro", usage: { peakDau: 25_000 } })}\n`;
    for (let i = 0; i < 300_000; i++)
      if (!stream.write(line)) await new Promise<void>((done) => stream.once("drain", () => done()));
    await new Promise<void>((done) => stream.end(() => done()));

    const child = spawn(process.execPath, [bin, "batch", input, "--output", join(out, "report.jsonl")], {
      stdio: "pipe",
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // Interrupt once the temp file exists, mid-run.
    const started = Date.now();
    while (!readdirSync(out).some((name) => name.endsWith(".tmp")) && Date.now() - started < 10_000) {
      await new Promise((done) => setTimeout(done, 20));
    }
    child.kill("SIGINT");
    const code = await new Promise((done) => child.on("close", done));
    expect(code).toBe(130);
    expect(stderr).toContain("interrupted: stopped before the end, no report file was written");
    expect(readFileSync(join(out, "report.jsonl"), "utf8")).toBe("old report\n");
    expect(readdirSync(out).sort()).toEqual(["many.jsonl", "report.jsonl"]);
  });

  it("refuses an output it cannot write", () => {
    const result = batch([...EXAMPLES, "--output", "/nonexistent-dir/report.csv"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--output /nonexistent-dir/report.csv: cannot write there");
    expect(existsSync("/nonexistent-dir")).toBe(false);
  });
});
