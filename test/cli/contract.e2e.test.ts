// Most command tests run the built CLI in-process (runBuilt in test/helpers/cli.ts): the
// bundle the binary loads, its `run` given what a spawn would give it. This file holds that
// stand-in to the real thing: for a run of every command, each exit code, stdin, an output
// file and Chinese, the spawned binary and runBuilt answer byte for byte alike.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "../../src/cli/main.js";
import { imBill, runBuilt } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const scenario = JSON.stringify({ plan: "pro", usage: { peakDau: 25_000 } });
const out = fixtureDir({});

const RUNS: { args: string[]; input?: string; env?: Record<string, string>; status: number }[] = [
  { args: ["estimate", "--plan", "pro", "--dau", "25000"], status: 0 },
  { args: ["estimate", "examples/small-chat-pro.json", "--format", "json"], status: 0 },
  { args: ["estimate", "--file", "-", "--format", "csv"], input: scenario, status: 0 },
  { args: ["estimate", "--file", "examples/trial-outgrown.json", "--strict"], status: 1 },
  { args: ["estimate", "--plan", "pro", "--dau", "-5"], status: 2 },
  { args: ["estimate", "--plan", "prof"], env: { LANG: "zh_CN.UTF-8" }, status: 2 },
  { args: ["batch", "examples", "--format", "markdown"], status: 0 },
  { args: ["compare", "--dau", "25000"], status: 0 },
  { args: ["forecast", "--plan", "pro", "--dau", "25000", "--dau-growth", "10%", "--months", "3"], status: 0 },
  { args: ["check", "-"], input: JSON.stringify({ plan: "pro", expect: { total: "1.00" } }), status: 1 },
  { args: ["diff", "examples/small-chat-pro.json", "examples/trial-outgrown.json", "--format", "json"], status: 0 },
  { args: ["prices", "--lang", "zh"], status: 0 },
  { args: ["catalogs", "--format", "json"], status: 0 },
  { args: ["estimate", "--plan", "pro", "--usage-csv", "examples/daily-usage.csv"], status: 0 },
  // No app id: refused before any request is made.
  { args: ["usage", "pull"], status: 2 },
  { args: ["schema", "scenario"], status: 0 },
  { args: ["completion", "bash"], status: 0 },
  { args: ["render", "nowhere.json"], status: 2 },
  { args: ["estimat", "--plan", "pro"], status: 2 },
];

describe("runBuilt answers as the spawned binary does", () => {
  it("names a run of every command", () => {
    const named = new Set(RUNS.map(({ args }) => args[0]));
    expect(COMMAND_NAMES.filter((name) => !named.has(name))).toEqual([]);
  });

  it.each(RUNS.map((run) => [run.args.join(" "), run] as const))("%s", (_, { args, input, env, status }) => {
    const spawned = imBill(args, { input, env });
    expect(spawned.status).toBe(status);
    expect(spawned.stdout + spawned.stderr).not.toBe("");
    expect(runBuilt(args, { input, env })).toEqual(spawned);
  });

  it("writes the same file with --output", () => {
    const args = (file: string) => ["estimate", "examples/small-chat-pro.json", "--output", join(out, file)];
    const spawned = imBill(args("spawned.md"));
    const built = runBuilt(args("built.md"));
    expect(spawned.status).toBe(0);
    expect(built).toEqual({ ...spawned, stderr: spawned.stderr.replace("spawned.md", "built.md") });
    expect(readFileSync(join(out, "built.md"), "utf8")).toBe(readFileSync(join(out, "spawned.md"), "utf8"));
    expect(readFileSync(join(out, "built.md"), "utf8")).toMatch(/¥/);
  });
});
