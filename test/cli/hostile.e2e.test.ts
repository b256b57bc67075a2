// Input nobody planned for, through the built CLI (signals: the spawned binary): every
// example of issue 10 ends in a right bill or a clear error (exit 2), never a crash (70),
// a hang or a wrong bill, and one bad scenario never takes a batch down.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { imBill, runBuilt } from "../helpers/cli.js";
import { LIMITS } from "../../src/document/limits.js";
import { fixtureDir } from "../helpers/fixtures.js";

const bomb = [
  "plan: pro",
  "a: &a [x,x,x,x,x,x,x,x,x,x]",
  ...["b", "c", "d", "e", "f", "g"].map((key, i) => `${key}: &${key} [${Array(10).fill(`*${"abcdef"[i]}`).join(",")}]`),
].join("\n");
const deep = `{"plan":"pro","x":${"[".repeat(5000)}1${"]".repeat(5000)}}`;
const hostile = {
  "bomb.yaml": `${bomb}\n`,
  "unresolved.yaml": "plan: pro\nusage: *nothere\n",
  "merge.yaml": "plan: pro\nfeatures:\n  historyDays: !!merge <<\n",
  "omap.yaml": "plan: pro\nusage: !!omap [peakDau: 50000, peakGroups: 900000]\n",
  "deep.json": deep,
  "addons.json": JSON.stringify({ plan: "pro", features: { addons: Array(130_000).fill(5) } }),
  "violations.json": JSON.stringify({ plan: "pro", expect: { violations: Array(130_000).fill(5) } }),
  "dup.json": '{"plan":"pro","plan":"flagship"}',
  "dup.yaml": "plan: pro\nplan: flagship\n",
  "proto.json": '{"plan":"pro","expect":{"lines":{"__proto__":{"package":"1.00"}}}}',
};
const good = { "good.json": JSON.stringify({ name: "good", plan: "pro", usage: { peakDau: 25_000 } }) };

/** The first line of stderr: what a user reads. */
const said = (result: { stderr: string }) => result.stderr.split("\n")[0] ?? "";

describe("hostile files: exit 2 with the file and the field, in every command", () => {
  const dir = fixtureDir({ ...hostile, ...good });
  const messages: Record<keyof typeof hostile, RegExp> = {
    "bomb.yaml":
      /bomb\.yaml: more than 2,000,000 values in one file \(the limit; a YAML alias counts its values each time it is used\)/,
    "unresolved.yaml": /unresolved\.yaml: the alias \*nothere refers to no anchor .*\(line 2, column 9\)/,
    "merge.yaml": /merge\.yaml: features\.historyDays: the YAML tag !!merge is not supported here/,
    "omap.yaml": /omap\.yaml: usage: the YAML tag !!omap is not supported here/,
    "deep.json": /deep\.json: x\[0\]\[0\]…\[0\]\[0\]\[0\]: nested deeper than 32 levels \(the limit\)/,
    "addons.json": /addons\.json: features\.addons: a list of more than 1,000 items \(the limit\)/,
    "violations.json": /violations\.json: expect\.violations: a list of more than 1,000 items \(the limit\)/,
    "dup.json": /dup\.json: plan: is given twice on line 1/,
    "dup.yaml": /dup\.yaml: the key "plan" is given twice \(line 2, column 1\)/,
    "proto.json": /proto\.json: expect\.lines\.__proto__: "__proto__" is not allowed as a key/,
  };

  it.each(Object.keys(hostile) as (keyof typeof hostile)[])("%s", (name) => {
    const path = join(dir, name);
    for (const args of [
      ["estimate", path, "--format", "json"],
      ["compare", path],
      ["forecast", path, "--months", "3"],
      ["diff", path, join(dir, "good.json")],
      ["prices", "--pricing", path],
    ]) {
      const result = runBuilt(args);
      expect(result.status, `${args.join(" ")}: ${result.stderr}`).toBe(2);
      if (args[0] !== "prices") expect(said(result)).toMatch(messages[name]);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it("batch and check over the directory: one error record per bad file, the good one priced", () => {
    const batch = runBuilt(["batch", dir, "--format", "json"]);
    expect(batch.status).toBe(2);
    const report = JSON.parse(batch.stdout);
    expect(report.results.map((result: { id: string }) => result.id)).toEqual(["good"]);
    expect(report.errors).toHaveLength(Object.keys(hostile).length);
    const check = runBuilt(["check", dir, "--format", "json"]);
    expect(check.status).toBe(2);
    expect(JSON.parse(check.stdout).summary).toMatchObject({ invalid: Object.keys(hostile).length, noExpectations: 1 });
  });

  it("a JSONL line of 130,000 invalid add-ons is one error; the other lines are priced", () => {
    const lines = [good["good.json"], hostile["addons.json"], JSON.stringify({ plan: "flagship" })].join("\n");
    const result = runBuilt(["batch", "-", "--format", "jsonl"], { input: lines });
    expect(result.status).toBe(2);
    const records = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.map((record) => record.error ?? record.total)).toEqual([
      "3499.00",
      "features.addons: a list of more than 1,000 items (the limit) (line 1, column 2037)",
      "2999.00",
    ]);
  });
});

describe("no wrong bill with exit 0", () => {
  const dir = fixtureDir({
    "appliesTo.yaml": "extends: tencent-im-cn-2020\ndiscounts:\n  appliesTo: [base, base, addon]\n",
    "alias.yaml": "extends: tencent-im-cn-2020\neditions:\n  trial:\n    aliases: [体验版, pro]\n",
    "source.yaml":
      'extends: tencent-im-cn-2020\neditions:\n  pro:\n    packageFee: { price: "1.00", source: toString }\n',
    "proto.json": '{"extends":"tencent-im-cn-2020","editions":{"pro":{"__proto__":{"packageFee":{"price":"1.00"}}}}}',
    "price41.yaml": `extends: tencent-im-cn-2020\neditions:\n  pro:\n    packageFee: { price: "${"9".repeat(41)}.00" }\n`,
  });
  it.each([
    ["appliesTo.yaml", /appliesTo\.yaml: discounts\.appliesTo\[1\]: "base" is listed twice \(first as item 1\)/],
    [
      "alias.yaml",
      /alias\.yaml: editions\.trial\.aliases\[1\]: "pro" already names Pro: each name may name one edition/,
    ],
    ["source.yaml", /source\.yaml: editions\.pro\.packageFee\.source: unknown source "toString": not a key of sources/],
    ["proto.json", /proto\.json: editions\.pro\.__proto__: "__proto__" is not allowed as a key/],
    [
      "price41.yaml",
      /price41\.yaml: editions\.pro\.packageFee\.price: must be an amount ≥ 0 as a string with at most two decimals/,
    ],
  ])("a catalog with %s is refused", (name, message) => {
    const result = runBuilt(["estimate", "--plan", "pro", "--discount", "50%", "--pricing", join(dir, name)]);
    expect(result.status).toBe(2);
    expect(said(result)).toMatch(message);
  });

  it("an add-on named like an inherited property (toString) is just a name", () => {
    const dir = fixtureDir({
      "inherited.yaml": [
        "extends: tencent-im-cn-2020",
        "editions:",
        "  pro:",
        "    addons:",
        '      toString: { kind: switch, price: "10.00", billing: prepaid, source: price-list }',
        "addonNames:",
        "  toString: { en: Inherited name, zh: 继承的名字 }",
      ].join("\n"),
    });
    const pricing = ["--pricing", join(dir, "inherited.yaml")];
    expect(runBuilt(["prices", ...pricing]).status).toBe(0);
    const pro = JSON.parse(
      runBuilt(["estimate", "--plan", "pro", "--addon", "toString", "--format", "json", ...pricing]).stdout,
    );
    expect(pro.total).toBe("1009.00");
    const trial = runBuilt(["estimate", "--plan", "trial", "--addon", "toString", "--format", "json", ...pricing]);
    expect(JSON.parse(trial.stdout).violations.map((v: { code: string }) => v.code)).toEqual(["unavailable.toString"]);
  });

  it.each([
    [["--dau", "9007199254740993"], "error: --dau: is too large: at most 9,007,199,254,740,991"],
    [
      ["--bandwidth-mainland", "1e40"],
      'error: --bandwidth-mainland: must be a number from 0 to 1,000,000,000, got "1e40"',
    ],
  ])("flags past the magnitudes: %j", (args, message) => {
    const result = runBuilt(["estimate", "--plan", "pro", ...args]);
    expect(result.status).toBe(2);
    expect(said(result)).toBe(message);
  });

  it("refuses a command line of more words than the limit, and reads one at the limit (commander overflowed past ~120,000)", () => {
    const words = (count: number) => Array.from({ length: count }, (_, index) => `x${index}`);
    const over = imBill(["estimate", "--", ...words(LIMITS.arguments - 1)]);
    expect(over).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "error: the command line has 50,001 words, more than the limit of 50,000: name a folder, or a pattern in quotes ('scenarios/*.json'), instead of every file\n",
    });
    const at = imBill(["estimate", "--", ...words(LIMITS.arguments - 2)]);
    expect(at.status).toBe(2);
    expect(at.stderr).toBe("error: too many arguments for 'estimate'. Expected 1 argument but got 49998.\n");
  });

  it("says a string is not a number, and where", () => {
    const result = runBuilt(["estimate", "-", "--format", "json"], {
      input: '{"plan":"pro","usage":{"peakDau":"25000"}}',
    });
    expect(said(result)).toBe(
      "error: stdin: usage.peakDau: must be a whole number ≥ 0, not a string: write 25000 without quotes",
    );
  });

  it("the largest values accepted still give total = Σ lines, to the fen", () => {
    const scenario = {
      plan: "flagship",
      usage: {
        peakDau: Number.MAX_SAFE_INTEGER,
        peakGroups: Number.MAX_SAFE_INTEGER,
        bandwidth: { mainlandMbps: 999_999_999.99, internationalMbps: 1e9, days: 31 },
      },
    };
    const result = runBuilt(["estimate", "-", "--format", "json", "--discount", "33.3333%"], {
      input: JSON.stringify(scenario),
    });
    expect(result.status).toBe(0);
    const estimate = JSON.parse(result.stdout) as { lines: { amount: string }[]; total: string };
    const fen = estimate.lines.reduce((sum, line) => sum + BigInt(line.amount.replace(".", "")), 0n);
    expect(BigInt(estimate.total.replace(".", ""))).toBe(fen);
    // ceil((2^53 − 1 − 10,000 free) / 10,000) blocks: counted exactly, not in floating point.
    expect(estimate.lines.find((line) => (line as { id?: string }).id === "overage.dau")).toMatchObject({
      quantity: "900719925474",
      amount: "900719925474000.00",
    });
  });
});

describe("output and terminal safety", () => {
  it("CSV neutralises formulas but keeps amounts numbers", () => {
    const input = [
      JSON.stringify({ name: '=HYPERLINK("http://x")', plan: "pro" }),
      JSON.stringify({ name: "+1", plan: "pro" }),
      JSON.stringify({ name: "@SUM(A1)", plan: "pro" }),
      JSON.stringify({ name: "-2+3", plan: "pro" }),
      JSON.stringify({ name: "\tTab", plan: "pro" }),
    ].join("\n");
    const result = runBuilt(["batch", "-", "--format", "csv", "--discount", "15%"], { input });
    const rows: Record<string, string>[] = parseCsv(result.stdout, { columns: true });
    expect(rows.map((row) => row.id)).toEqual(['\'=HYPERLINK("http://x")', "'+1", "'@SUM(A1)", "'-2+3", "'\tTab"]);
    // 15% of today's Pro package, ¥1,499.00
    expect(rows[0]!["subtotal.discount"]).toBe("-224.85");
  });

  it("never sends a user's control characters raw to the terminal; JSON escapes them", () => {
    const input = JSON.stringify({ name: "a\u001b[2J\u009b", plan: "pro" });
    for (const args of [
      ["estimate", "-"],
      ["batch", "-", "--format", "table"],
      ["check", "-"],
      ["check", "-", "--format", "junit"],
    ]) {
      const result = runBuilt(args, { input });
      expect(result.stdout + result.stderr, args.join(" ")).not.toMatch(/[\u001b\u009b]/);
      expect(result.stdout, args.join(" ")).toContain("a\\u001b[2J");
    }
    expect(runBuilt(["estimate", "-", "--format", "json"], { input }).stdout).toContain('"a\\u001b[2J\u009b"');
    const field = runBuilt(["estimate", "-"], { input: '{"plan":"pro","usage":{"a\\u001b[2J":1}}' });
    expect(field.stderr).toBe('error: stdin: usage["a\\u001b[2J"]: unknown field\n');
  });

  it("a UTF-8 BOM before JSONL or stdin is ignored; Latin-1 and UTF-16 are refused by name", () => {
    const dir = fixtureDir({
      "bom.jsonl": '\uFEFF{"plan":"pro"}\n{"plan":"trial"}\n',
    });
    writeFileSync(
      join(dir, "latin1.jsonl"),
      Buffer.from('{"name":"caf\xe9","plan":"pro"}\n{"plan":"pro"}\n', "latin1"),
    );
    writeFileSync(
      join(dir, "utf16.json"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"plan":"pro"}', "utf16le")]),
    );
    expect(runBuilt(["batch", join(dir, "bom.jsonl"), "--format", "jsonl"]).status).toBe(0);
    expect(runBuilt(["batch", "-", "--format", "jsonl"], { input: '\uFEFF{"plan":"pro"}\n' }).status).toBe(0);
    const latin = runBuilt(["batch", join(dir, "latin1.jsonl"), "--format", "jsonl"]);
    expect(latin.status).toBe(2);
    expect(latin.stdout).toContain("is not UTF-8 text: save the file as UTF-8");
    expect(latin.stdout).toContain('"total":"1499.00"');
    expect(said(runBuilt(["estimate", join(dir, "utf16.json")]))).toMatch(
      /utf16\.json: is UTF-16 text: save it as UTF-8$/,
    );
  });

  it("a 1 MB name: cut with an ellipsis in tables, whole in JSON", () => {
    const name = "n".repeat(1_000_000);
    const input = JSON.stringify({ name, plan: "pro" });
    const table = runBuilt(["estimate", "-"], { input });
    expect(table.status).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^n+… — Pro, monthly estimate$/);
    const batch = runBuilt(["batch", "-", "--format", "table"], { input });
    expect(batch.stdout).toMatch(/│ n+… │/);
    expect(batch.stdout.split("\n").every((line) => line.length <= 80)).toBe(true);
    expect(JSON.parse(runBuilt(["estimate", "-", "--format", "json"], { input }).stdout).name).toBe(name);
  });
});

describe("where reports go", () => {
  it.each([
    [["--output", "."], "error: --output .: cannot write there: it is a directory"],
    [["--output", ""], "error: --output: needs a file name"],
    [
      ["--output", "no/such/folder/bills.csv"],
      "error: --output no/such/folder/bills.csv: cannot write there: the folder no/such/folder does not exist",
    ],
    [
      ["--output", "bills.xlsx"],
      "error: --output bills.xlsx: no report format has the extension .xlsx: use .csv, .json, .jsonl, .md, .markdown, .txt, .html, .htm, or give --format",
    ],
  ])("batch %j is a usage error before any work", (args, message) => {
    const result = runBuilt(["batch", "examples/small-chat-pro.json", ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${message}\n`);
  });

  it("check --output into a directory is refused the same way", () => {
    expect(said(runBuilt(["check", "examples/small-chat-pro.json", "--output", "examples"]))).toBe(
      "error: --output examples: cannot write there: it is a directory",
    );
  });
});

describe("directories and stdin", () => {
  it("check examples/ and batch examples/ pass on the repository's own examples (the CI files are skipped, and said)", () => {
    for (const command of ["check", "batch"]) {
      const result = runBuilt([command, "examples/"]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /skipped 2 files that hold no scenarios .*examples\/ci\/github-actions\.yml, examples\/ci\/gitlab-ci\.yml/,
      );
    }
  });

  it("a report batch wrote is not read back as scenarios by the next batch", () => {
    const dir = fixtureDir({ "app.json": good["good.json"] });
    for (const report of ["report.json", "report.jsonl"]) {
      expect(runBuilt(["batch", dir, "--output", join(dir, report)]).status).toBe(0);
    }
    const again = runBuilt(["batch", dir, "--format", "json"]);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).summary.scenarios).toBe(1);
  });

  it.each([
    ["one JSON document", readFileSync("examples/small-chat-pro.json", "utf8")],
    ["one YAML document", readFileSync("examples/community-large-groups.yaml", "utf8")],
  ])("check - and batch - accept %s on stdin", (_, input) => {
    const check = runBuilt(["check", "-"], { input });
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toMatch(
      /^✓ .*\n\n1 scenario: 1 passed, 0 failed\nPrices: tencent-im-cn-2024 2024.2 \(CNY\), pinned by the scenario\ntencent-im-cn-2024 was last checked [^]*\(--pricing\)\n$/,
    );
    expect(runBuilt(["batch", "-", "--format", "json"], { input }).status).toBe(0);
  });
});

describe("Ctrl-C and SIGTERM at any moment", () => {
  // A run long enough to be caught pricing, drawing the table or writing it.
  const dir = fixtureDir({});
  const scenarios = Array.from({ length: 30_000 }, (_, i) =>
    JSON.stringify({ name: `app-${i}`, plan: i % 3 ? "pro" : "flagship", usage: { peakDau: i * 7 } }),
  );
  writeFileSync(join(dir, "many.jsonl"), `${scenarios.join("\n")}\n`);
  mkdirSync(join(dir, "out"));

  it.each([
    ["SIGINT", 300, 130],
    ["SIGTERM", 1200, 143],
    ["SIGINT", 2500, 130],
  ] as const)("%s after %i ms: exit %i, the old report intact, no temp file", async (signal, delay, code) => {
    const report = join(dir, "out", "report.txt");
    writeFileSync(report, "the previous report\n");
    const { spawn } = await import("node:child_process");
    const { bin, root } = await import("../helpers/cli.js");
    const child = spawn(
      process.execPath,
      [bin, "batch", join(dir, "many.jsonl"), "--format", "table", "--output", report],
      {
        cwd: root,
        stdio: "ignore",
      },
    );
    const exit = new Promise<number | null>((done) => child.on("exit", (status) => done(status)));
    await new Promise((done) => setTimeout(done, delay));
    child.kill(signal);
    const status = await exit;
    if (status === 0) {
      // Finished before the signal: the whole report, never a part of one.
      expect(readFileSync(report, "utf8")).toMatch(/30,000 scenarios: 30,000 priced/);
    } else {
      expect(status).toBe(code);
      expect(readFileSync(report, "utf8")).toBe("the previous report\n");
    }
    expect(readdirSync(join(dir, "out"))).toEqual(["report.txt"]);
  });

  it("ends at once while the work waits on stdin", async () => {
    const { spawn } = await import("node:child_process");
    const { bin, root } = await import("../helpers/cli.js");
    const child = spawn(process.execPath, [bin, "batch", "-", "--format", "jsonl"], {
      cwd: root,
      stdio: ["pipe", "ignore", "pipe"],
    });
    child.stdin.write('{"plan":"pro"}\n');
    const exit = new Promise<number | null>((done) => child.on("exit", (status) => done(status)));
    await new Promise((done) => setTimeout(done, 700));
    child.kill("SIGINT");
    expect(await exit).toBe(130);
    expect(existsSync(join(dir, "never"))).toBe(false);
  });
});
