// --output on estimate, compare and forecast: the format from --format, else the file's
// extension; written whole or not at all; checked before any work.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const scenario = ["--plan", "pro", "--dau", "25000"];

describe("--output", () => {
  it.each([
    ["estimate", "bill.json", (text: string) => expect(JSON.parse(text).total).toBe("3499.00")],
    ["estimate", "bill.txt", (text: string) => expect(text).toMatch(/│ Total\s+│ ¥3,499\.00 │/)],
    ["compare", "editions.md", (text: string) => expect(text).toMatch(/^\| Line \| Trial \| Pro \| Flagship \|$/m)],
    ["compare", "editions.json", (text: string) => expect(JSON.parse(text).recommendation.plan).toBe("pro")],
    ["forecast", "months.csv", (text: string) => expect(text.split("\n")[0]).toMatch(/^month,/)],
    ["forecast", "months.txt", (text: string) => expect(text).toContain("Month")],
  ])("%s -o %s: the format from the extension, nothing on stdout", (command, file, check) => {
    const dir = fixtureDir({});
    const result = runBuilt([command, ...scenario, "-o", join(dir, file)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    const text = readFileSync(join(dir, file), "utf8");
    check(text);
    expect(text).not.toContain("\u001b["); // never colour in a file
    expect(readdirSync(dir)).toEqual([file]); // no temp file left
  });

  it("a --format given wins over the extension", () => {
    const dir = fixtureDir({});
    expect(runBuilt(["estimate", ...scenario, "--format", "json", "-o", join(dir, "bill.txt")]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "bill.txt"), "utf8")).total).toBe("3499.00");
  });

  it("writes the table at 80 columns whatever the terminal, and without colour", () => {
    const dir = fixtureDir({});
    const file = join(dir, "bill.txt");
    runBuilt(["estimate", ...scenario, "-o", file], { env: { COLUMNS: "200", FORCE_COLOR: "1" } });
    const widths = readFileSync(file, "utf8")
      .split("\n")
      .map((line) => line.length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(80);
    expect(readFileSync(file, "utf8")).not.toContain("\u001b[");
  });

  it.each([
    [
      ["estimate", ...scenario, "-o", "bill.xlsx"],
      "--output bill.xlsx: no report format has the extension .xlsx: use .csv, .json, .md, .markdown, .txt, .html, .htm, or give --format",
    ],
    [
      ["compare", ...scenario, "-o", "x.jsonl"],
      "--output x.jsonl: no report format has the extension .jsonl: use .csv, .json, .md, .markdown, .txt, .html, .htm, or give --format",
    ],
    [
      ["forecast", ...scenario, "-o", "no/such/dir/x.json"],
      "--output no/such/dir/x.json: cannot write there: the folder no/such/dir does not exist",
    ],
  ])("%j exits 2 before any work", (args, message) => {
    const result = runBuilt(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`error: ${message}\n`);
  });

  it("leaves an existing report as it was when the input is bad", () => {
    const dir = fixtureDir({ "bill.json": "old\n" });
    const result = runBuilt(["estimate", "--plan", "pro", "--dau", "-5", "-o", join(dir, "bill.json")]);
    expect(result.status).toBe(2);
    expect(readFileSync(join(dir, "bill.json"), "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["bill.json"]);
  });
});
