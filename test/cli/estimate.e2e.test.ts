// End-to-end: the built CLI, with golden files for the table; what is the process's
// (help and the version, colour in a pipe, --debug's stack) through the spawned binary. `npm test -- -u` rewrites the golden files after a deliberate change.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imBill, notesBesidesStale, root, runBuilt } from "../helpers/cli.js";

const examples = readdirSync(join(root, "examples")).filter((name) => /\.(json|ya?ml)$/.test(name));
const json = (args: string[], input?: string) => {
  const result = runBuilt([...args, "--format", "json"], { input });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
};

describe("im-bill estimate", () => {
  it("has at least four examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)("prints the table of examples/%s", async (name) => {
    const result = runBuilt(["estimate", "--file", `examples/${name}`]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    await expect(result.stdout).toMatchFileSnapshot(`../golden/examples/${name.replace(/\.\w+$/, "")}.txt`);
  });

  it("prints the table in Chinese with --lang zh", async () => {
    const result = runBuilt(["estimate", "--file", "examples/live-streaming-flagship.json", "--lang", "zh"]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../golden/examples/live-streaming-flagship.zh.txt");
  });

  it("prices flags and the equivalent file alike", () => {
    const fromFile = json(["estimate", "--file", "examples/live-streaming-flagship.json"]);
    const fromFlags = json([
      "estimate",
      "--name",
      "Live-streaming app with danmaku, March",
      "--plan",
      "flagship",
      "--dau",
      "86k",
      "--groups",
      "120,000",
      "--live-groups",
      "400",
      "--bandwidth-mainland",
      "120",
      "--bandwidth-intl",
      "12.5",
      "--bandwidth-days",
      "31",
      "--history-days",
      "90",
      "--security-strike",
    ]);
    // The same bill; the file pins the list it priced with (today's), the flags take the day's.
    const { pricing: pinned, ...fileBill } = fromFile;
    const { pricing: dated, ...flagBill } = fromFlags;
    expect(flagBill).toEqual(fileBill);
    expect([pinned.chosenBy, dated.chosenBy]).toEqual(["pin", "date"]);
    expect(dated.catalog).toEqual(pinned.catalog);
    expect(fromFile.total).toBe("22489.00");
  });

  it("lets flags override the file's values", () => {
    const base = json(["estimate", "--file", "examples/small-chat-pro.json"]);
    const more = json([
      "estimate",
      "--file",
      "examples/small-chat-pro.json",
      "--dau",
      "40000",
      "--plan",
      "flagship",
      "--no-security-strike",
    ]);
    expect(base).toMatchObject({ plan: "pro", total: "3499.00" });
    // flagship: 2,999 + 3 × 1,000 DAU overage; its 2,000 members and 30 days are included
    expect(more).toMatchObject({ plan: "flagship", total: "5999.00", name: "Small chat app on Pro" });
  });

  it("reads a scenario from stdin with --file -", () => {
    const input = readFileSync(join(root, "examples/small-chat-pro.json"), "utf8");
    expect(json(["estimate", "--file", "-"], input)).toEqual(
      json(["estimate", "--file", "examples/small-chat-pro.json"]),
    );
  });

  it("takes the file as an argument too", () => {
    expect(json(["estimate", "examples/small-chat-pro.json"])).toEqual(
      json(["estimate", "--file", "examples/small-chat-pro.json"]),
    );
    const both = runBuilt(["estimate", "examples/small-chat-pro.json", "--file", "examples/trial-outgrown.json"]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("two scenario files given");
  });

  it("reads YAML", () => {
    expect(json(["estimate", "--file", "examples/community-large-groups.yaml"]).total).toBe("20399.00");
  });

  it("prints the trial's violations with the cheapest edition that fits", () => {
    const estimate = json(["estimate", "--file", "examples/trial-outgrown.json"]);
    expect(estimate.violations.map((v: { code: string }) => v.code)).toEqual([
      "exceeds.peakDau",
      "exceeds.peakGroups",
      "exceeds.groupMemberLimit",
    ]);
    expect(notesBesidesStale(estimate.notes)).toEqual([
      { code: "hint.cheapest-fit", message: "The cheapest edition that fits is Pro: ¥1,499.00 a month" },
    ]);
  });

  it("exits 1 under --strict when the scenario does not fit, and 0 when it does", () => {
    expect(runBuilt(["estimate", "--file", "examples/trial-outgrown.json", "--strict"]).status).toBe(1);
    expect(runBuilt(["estimate", "--file", "examples/small-chat-pro.json", "--strict"]).status).toBe(0);
  });

  it("keeps colour out of a pipe whatever TERM says", () => {
    const result = imBill(["estimate", "--file", "examples/trial-outgrown.json"], { env: { TERM: "xterm-256color" } });
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it("shows help with examples, and the version", () => {
    const help = imBill(["estimate", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--group-member-limit <count>");
    expect(help.stdout).toContain("$ im-bill estimate --plan pro --dau 25000");
    const version = imBill(["--version"]);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  });

  it("prints help on stderr and exits 2 when run with no arguments and no terminal", () => {
    const result = imBill([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: im-bill");
  });
});

describe("invalid input: exit 2, one clear line on stderr, no stack trace", () => {
  it.each([
    [["--plan", "gold"], 'error: --plan: unknown plan "gold": expected trial, pro, flagship, enterprise'],
    [
      ["--plan", "prof"],
      'error: --plan: unknown plan "prof": expected trial, pro, flagship, enterprise (did you mean "pro"?)',
    ],
    [["--dau", "5"], "error: --plan: is required (trial, pro or flagship)"],
    [["--plan", "pro", "--dau", "-5"], "error: --dau: must be a whole number ≥ 0, got -5"],
    [["--plan", "pro", "--groups", "1.5"], "error: --groups: must be a whole number ≥ 0, got 1.5"],
    [["--plan", "pro", "--live-groups", "many"], 'error: --live-groups: must be a whole number ≥ 0, got "many"'],
    [
      ["--plan", "pro", "--bandwidth-days", "32"],
      "error: --bandwidth-days: must be a whole number from 1 to 31, got 32",
    ],
    [["--file", "examples/nope.json"], "error: examples/nope.json: no such file"],
    [["--file", "examples"], "error: examples: is a directory, not a regular file: give a file, or - to read stdin"],
    [
      ["--plan", "pro", "--format", "xml"],
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, csv, markdown, html, md.",
    ],
  ])("%j", (args, message) => {
    const result = runBuilt(["estimate", ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd()).toBe(message);
  });

  it.each([
    [
      '{"plan": "pro", "usage": {"peakDAU": 5}}',
      'error: stdin: usage.peakDAU: unknown field (did you mean "peakDau"?)',
    ],
    [
      '{"plan": "pro", "usage": {"peakDau": "5"}}',
      "error: stdin: usage.peakDau: must be a whole number ≥ 0, not a string: write 5 without quotes",
    ],
    ['{"plan": "pro", "feature": {}}', 'error: stdin: feature: unknown field (did you mean "features"?)'],
    ['{"plan": }', "error: stdin: invalid JSON: expected a value (line 1, column 10)"],
    ['{"plan": "pro",\n}', "error: stdin: invalid JSON: expected a key in double quotes (line 2, column 1)"],
    ["", 'error: stdin: is empty; expected a scenario such as {"plan": "pro"}'],
    ["[]", "error: stdin: must be an object, got a list"],
  ])("stdin %j", (input, message) => {
    const result = runBuilt(["estimate", "--file", "-"], { input });
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd()).toBe(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the file and the field for a file's error, and the flag for a flag's", () => {
    const result = runBuilt(["estimate", "--file", "-", "--dau", "-1"], {
      input: '{"plan": "pro", "usage": {"peakGroups": -2}}',
    });
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      "error: --dau: must be a whole number ≥ 0, got -1",
      "error: stdin: usage.peakGroups: must be a whole number ≥ 0, got -2",
    ]);
  });

  it("shows the stack with --debug, its frames in src/ through the source map", () => {
    const result = imBill(["estimate", "--plan", "gold", "--debug"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at validateScenario \(.*[/\\]src[/\\]scenario[/\\]validate\.ts:\d+:\d+\)/);
    expect(result.stderr).not.toMatch(/cli\.cjs:\d+/);
    // Without --debug, no stack and no source map read.
    expect(imBill(["estimate", "--plan", "gold"]).stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the library", () => {
  it('gives `import { estimate } from "im-bill"` the object the CLI prints', () => {
    const script = `
      import { estimate } from "im-bill";
      import { readFileSync } from "node:fs";
      console.log(JSON.stringify(estimate(JSON.parse(readFileSync("examples/small-chat-pro.json", "utf8")))));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(result.stderr).toBe("");
    // The library's runs are made today (it reads no SOURCE_DATE_EPOCH): the CLI's too, to compare.
    const cli = runBuilt(["estimate", "--file", "examples/small-chat-pro.json", "--format", "json"], {
      env: { SOURCE_DATE_EPOCH: "" },
    });
    // The same object, but that a note names the library's option where the CLI's names a flag.
    const { notes, ...library } = JSON.parse(result.stdout) as { notes: { code: string; message: string }[] };
    const { notes: cliNotes, ...printed } = JSON.parse(cli.stdout) as { notes: typeof notes };
    expect(library).toEqual(printed);
    expect(notes.map((note) => note.code)).toEqual(cliNotes.map((note) => note.code));
    expect(notes.find((note) => note.code === "catalog.unverified")?.message).toMatch(/\(the catalog option\)$/);
    expect(cliNotes.find((note) => note.code === "catalog.unverified")?.message).toMatch(/\(--pricing\)$/);
  });
});
