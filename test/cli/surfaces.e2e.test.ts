// Hostile input, round 3, through the built CLI: special files, markdown and JUnit
// that strangers' names reach, display spoofing, check --update on anchored, linked,
// private and CRLF files, numbers past the limits, and what must never be skipped silently.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { bin, runBuilt, root } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

/** Characters a terminal acts on or that hide what is shown: none may reach it raw. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const HOSTILE_NAME =
  "x <!-- @team <img src=x onerror=alert(1)> [link](https://evil.example) ![i](http://t/i.png) a|b\nc \u202eevil\u200b\u2066 `code` **bold** # h";

describe("special files: refused at once, never waited on", () => {
  const dir = fixtureDir({ "ok.json": '{"plan": "pro"}' });
  const fifo = join(dir, "pipe.json");
  spawnSync("mkfifo", [fifo]);
  spawnSync("mkfifo", [join(dir, "pipe.csv")]);
  const said = "is a named pipe (FIFO), not a regular file: give a file, or - to read stdin";

  it.each([
    [["estimate", fifo]],
    [["estimate", "--plan", "pro", "--pricing", fifo]],
    [["estimate", "--plan", "pro", "--usage-csv", join(dir, "pipe.csv")]],
    [["catalogs", "--diff", fifo, "tencent-im-cn-2024"]],
    [["diff", fifo, join(dir, "ok.json")]],
    [["check", fifo]],
  ])("%j exits 2 naming it", (args) => {
    const result = runBuilt(args);
    expect(result.status).toBe(2);
    expect(result.stderr + result.stdout).toContain(said);
  });

  it("in a folder, a named pipe is an error record naming it; the rest is priced", () => {
    const result = runBuilt(["batch", dir, "--format", "jsonl"]);
    expect(result.status).toBe(2);
    const records = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.find((record) => record.source.endsWith("pipe.json"))?.error).toBe(said);
    expect(records.find((record) => record.source.endsWith("ok.json"))?.total).toBe("1499.00");
  });

  it.each([
    ["/dev/zero", "is a device, not a regular file"],
    [root, "is a directory, not a regular file"],
  ])("a link to %s, or the thing itself, is refused by what it is", (target, words) => {
    const link = join(dir, `link-${words.length}.json`);
    symlinkSync(target, link);
    expect(runBuilt(["estimate", link]).stderr).toContain(words);
    expect(runBuilt(["estimate", target]).stderr).toContain(words);
  });

  it("stdin (-) is the one stream read as it comes: SIGTERM ends a run that waits on it", async () => {
    const child = spawn(process.execPath, [bin, "estimate", "--file", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    await new Promise((done) => setTimeout(done, 500));
    const sent = Date.now();
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((done) => child.on("close", (status) => done(status)));
    expect(code).toBe(143);
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(stderr).toContain("interrupted");
  });
});

describe("markdown that reaches a pull request: user text stays text", () => {
  // As GitHub reads it: links from "www." and a scheme, and e-mail addresses; a bare domain stays text.
  const markdown = new MarkdownIt({ html: true, linkify: true });
  markdown.linkify.set({ fuzzyLink: false });
  const dir = fixtureDir({
    "a.json": JSON.stringify({ name: HOSTILE_NAME, plan: "pro" }),
    "b.json": JSON.stringify({ name: "plain", plan: "flagship" }),
  });
  /** What a markdown renderer makes of it: html, links, images, and the table's rows and cells. */
  const structure = (text: string) => {
    const tokens = markdown.parse(text, {});
    const inline = tokens.flatMap((token) => token.children ?? []);
    return {
      html: [...tokens, ...inline].filter((token) => token.type.startsWith("html")).length,
      links: inline.filter((token) => token.type === "link_open" || token.type === "image").length,
      rows: tokens.filter((token) => token.type === "tr_open").length,
      cells: tokens.filter((token) => token.type === "td_open" || token.type === "th_open").length,
      headings: tokens.filter((token) => token.type === "heading_open").length,
      text: inline
        .filter((token) => token.type === "text")
        .map((token) => token.content)
        .join(""),
    };
  };

  it.each([
    ["batch", ["batch", join(dir, "a.json"), join(dir, "b.json"), "--format", "markdown"], 3],
    ["compare", ["compare", join(dir, "a.json"), "--format", "markdown"], undefined],
    [
      "diff",
      ["diff", join(dir, "a.json"), join(dir, "b.json"), "--format", "markdown", "--title", HOSTILE_NAME],
      undefined,
    ],
  ])("%s: no HTML, link, image, mention or extra row or heading, whatever the name", (_, args, rows) => {
    const text = runBuilt(args).stdout;
    const rendered = structure(text);
    expect(rendered.html).toBe(0);
    expect(rendered.links).toBe(0);
    if (rows !== undefined) expect(rendered.rows).toBe(rows);
    expect(rendered.headings).toBeLessThanOrEqual(1); // diff's own title
    // The same structure as with a plain name: every row the same number of cells.
    const plain = structure(runBuilt(args.map((arg) => (arg === HOSTILE_NAME ? "plain" : arg))).stdout);
    expect(rendered.cells).toBe(plain.cells);
    expect(rendered.rows).toBe(plain.rows);
    // A mention is broken by a zero-width space: the text keeps "@", never "@team".
    expect(markdown.render(text)).not.toMatch(/@team/);
    expect(text).not.toMatch(RAW);
  });
});

describe("JUnit that any parser reads", () => {
  it("is well-formed XML 1.0 whatever the names hold (U+FFFE, U+FFFF, lone surrogates, controls, ]]>)", () => {
    const names = ["\uFFFE", "\uFFFF", "\uD800", "a\uDC00b", "\u0001\u001b[2J", "]]>", "<\"&'>", "\u202e"];
    const dir = fixtureDir({
      "x.jsonl": names.map((name) => JSON.stringify({ name, plan: "pro", expect: { total: "1.00" } })).join("\n"),
    });
    const xml = runBuilt(["check", dir, "--format", "junit"]).stdout;
    const parser = new SaxesParser({ xmlns: false });
    const errors: string[] = [];
    const seen: string[] = [];
    parser.on("error", (error) => errors.push(error.message));
    parser.on("opentag", (tag) => {
      if (tag.name === "testcase") seen.push(String(tag.attributes.name));
    });
    parser.write(xml).close();
    expect(errors).toEqual([]);
    expect(seen).toHaveLength(names.length);
    expect(seen[0]).toBe("\\ufffe");
    expect(xml).not.toMatch(RAW);
  });
});

describe("display spoofing: escaped wherever user text is shown", () => {
  it("in check's failures: an expected violation code from the file (fuzz, seed 27, case 7045)", () => {
    const dir = fixtureDir({
      "app.yaml":
        'plan: trial\nusage:\n  peakDau: 800\nexpect:\n  violations:\n    - exceeds.peakDau\n    - "\\e[2J"\n',
    });
    const result = runBuilt(["check", "app.yaml"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("violations: expected \\u001b[2J, exceeds.peakDau, got exceeds.peakDau");
    expect(result.stdout).not.toContain("\u001b");
  });

  const dir = fixtureDir({
    "s.json": JSON.stringify({ name: "pay\u202eevil\u200b\u2066", plan: "pro", expect: { total: "1.00" } }),
  });
  it.each([
    [["estimate", join(dir, "s.json")]],
    [["batch", join(dir, "s.json"), "--format", "table"]],
    [["check", join(dir, "s.json")]],
    [["compare", join(dir, "s.json")]],
    [["estimate", "--plan", "pro\u202e"]],
    [["estim\u001b[31mate"]],
    [["estimate", "--plan", "pro", "--format", "js\u202eon"]],
  ])("%j", (args) => {
    const result = runBuilt(args);
    expect(result.stdout + result.stderr).not.toMatch(RAW);
  });

  it("shows what was escaped as \\u…", () => {
    expect(runBuilt(["estimate", join(dir, "s.json")]).stdout).toContain("pay\\u202eevil\\u200b\\u2066");
    expect(runBuilt(["estim\u001b[31mate"]).stderr).toContain("estim\\u001b[31mate");
  });

  it("escapes them in CSV too, which a terminal may show as well as a spreadsheet", () => {
    const csv = runBuilt(["batch", join(dir, "s.json"), "--format", "csv"]).stdout;
    expect(csv.replaceAll("\r\n", "\n")).not.toMatch(RAW);
    expect(csv).toContain("pay\\u202eevil\\u200b\\u2066,");
  });

  it("keeps an emoji whole: its joiners are part of what is shown", () => {
    const dir = fixtureDir({ "e.json": JSON.stringify({ name: "👩‍💻 team \u200d", plan: "pro" }) });
    expect(runBuilt(["estimate", join(dir, "e.json")]).stdout).toContain("👩‍💻 team \\u200d — Pro");
  });
});

describe("check --update keeps the file what it was", () => {
  it("leaves an anchored value alone and says why, rather than breaking its alias", () => {
    const dir = fixtureDir({ "a.yaml": 'plan: pro\nexpect:\n  total: &t "1.00"\n  maxTotal: *t\n' });
    const before = readFileSync(join(dir, "a.yaml"), "utf8");
    const result = runBuilt(["check", "--update", dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(
      "--update leaves this scenario alone: expect.total is a YAML anchor (&t) that other places may share; edit it by hand",
    );
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(before);
    const shared = fixtureDir({
      "b.yaml": '- plan: pro\n  expect: &e {total: "1.00"}\n- plan: flagship\n  expect: *e\n',
    });
    const both = runBuilt(["check", "--update", shared]).stdout;
    expect(both).toContain("expect is a YAML anchor (&e)");
    expect(both).toContain("expect is a YAML alias (*e)");
  });

  it("writes through a symbolic link, keeps the file's mode and its CRLF line ends", () => {
    const dir = fixtureDir({
      "real.yaml": 'plan: pro\r\nusage:\r\n  peakDau: 25000\r\nexpect:\r\n  total: "1.00"\r\n',
    });
    chmodSync(join(dir, "real.yaml"), 0o600);
    symlinkSync("real.yaml", join(dir, "link.yaml"));
    expect(runBuilt(["check", "--update", join(dir, "link.yaml")]).status).toBe(0);
    expect(lstatSync(join(dir, "link.yaml")).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, "real.yaml")).mode & 0o777).toBe(0o600);
    const text = readFileSync(join(dir, "real.yaml"), "utf8");
    expect(text).toBe(
      'plan: pro\r\ncatalog: tencent-im-cn-2024\r\nusage:\r\n  peakDau: 25000\r\nexpect:\r\n  total: "3499.00"\r\n',
    );
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  });
});

describe("numbers past the limits, from every source", () => {
  const csv = (rows: string[]) => `date,dau,groups\n${rows.join("\n")}\n`;
  it("refuses a count in a usage CSV past 2^53 − 1, as a flag is refused", () => {
    const dir = fixtureDir({ "u.csv": csv(["2026-03-01,100000000000000000001,1"]) });
    const result = runBuilt(["estimate", "--plan", "pro", "--usage-csv", join(dir, "u.csv")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("u.csv:2: dau: is too large: at most 9,007,199,254,740,991");
  });

  it("takes 100,000 rows (the header is not one), and refuses 100,001", () => {
    const day = (index: number) => {
      const date = new Date(Date.UTC(2000, 0, 1) + index * 86_400_000);
      return date.toISOString().slice(0, 10);
    };
    const rows = Array.from({ length: 100_000 }, (_, index) => `${day(index)},1,1`);
    const dir = fixtureDir({ "full.csv": csv(rows), "over.csv": csv([...rows, `${day(100_000)},1,1`]) });
    // 274 months: the report goes to a file (a pipe's buffer here holds less).
    const full = runBuilt([
      "estimate",
      "--plan",
      "pro",
      "--usage-csv",
      join(dir, "full.csv"),
      "-o",
      join(dir, "bill.json"),
      "--catalog",
      "tencent-im-cn-2024",
    ]);
    expect(full.status, full.stderr).toBe(0);
    const over = runBuilt(["estimate", "--plan", "pro", "--usage-csv", join(dir, "over.csv")]);
    expect(over.stderr).toContain("has more than 100,000 rows of daily usage (the limit)");
  });

  it("refuses a column given twice", () => {
    const dir = fixtureDir({ "u.csv": "date,dau,groups,date\n2026-03-01,1,1,2026-03-02\n" });
    expect(runBuilt(["estimate", "--plan", "pro", "--usage-csv", join(dir, "u.csv")]).stderr).toContain(
      'u.csv:1: the column "date" is given twice (columns 1 and 4): keep one',
    );
  });

  it("refuses dates past the year 9999 or before the year 1", () => {
    expect(runBuilt(["forecast", "--plan", "pro", "--start", "9999-06-01", "--months", "12"]).stderr).toBe(
      "error: the months run past the year 9999: start earlier or give fewer --months\n",
    );
    expect(runBuilt(["estimate", "--plan", "pro", "--on", "0000-06-01"]).status).toBe(2);
    const dir = fixtureDir({ "u.csv": csv(["0000-03-01,1,1"]) });
    expect(runBuilt(["estimate", "--plan", "pro", "--usage-csv", join(dir, "u.csv")]).status).toBe(2);
  });
});

describe("nothing skipped silently", () => {
  it("a folder's symbolic links are followed, as a pattern's are: the same total either way", () => {
    const dir = fixtureDir({ "a.json": '{"plan": "pro"}' });
    symlinkSync("a.json", join(dir, "b.json"));
    mkdirSync(join(dir, "sub"));
    symlinkSync("..", join(dir, "sub", "loop")); // a cycle: walked once
    const total = (input: string) =>
      JSON.parse(runBuilt(["batch", input, "--format", "json"], { cwd: dir }).stdout).summary.total;
    expect(total(dir)).toBe("2998.00");
    expect(total("*.json")).toBe("2998.00");
  });

  it("a broken link in a folder is named, not skipped", () => {
    const dir = fixtureDir({ "a.json": '{"plan": "pro"}' });
    symlinkSync("nowhere.json", join(dir, "broken.json"));
    const result = runBuilt(["batch", dir, "--format", "jsonl"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('"error":"no such file"');
  });
});

describe("messages that say what to write", () => {
  const dir = fixtureDir({});
  const said = (yaml: string) => {
    writeFileSync(join(dir, "s.yaml"), yaml);
    return runBuilt(["estimate", join(dir, "s.yaml")]).stderr;
  };
  it.each([
    ["plan: pro\nusage:\n  peakDau: 25_000\n", 'usage.peakDau: must be a whole number ≥ 0, got "25_000": write 25000'],
    ["plan: pro\nusage:\n  peakDau: 25k\n", 'usage.peakDau: must be a whole number ≥ 0, got "25k": write 25000'],
    [
      'plan: pro\nusage:\n  peakDau: "25000"\n',
      "usage.peakDau: must be a whole number ≥ 0, not a string: write 25000 without quotes",
    ],
    ["plan: pro\nusage:\n  ? [a, b]\n  : 1\n", "a key must be plain text, not a list or a mapping (line 3, column 3)"],
  ])("%j", (yaml, message) => {
    expect(said(yaml)).toContain(message);
  });

  it("a flag's value that is no number is quoted as typed", () => {
    expect(runBuilt(["estimate", "--plan", "pro", "--dau", "25,000,0"]).stderr).toBe(
      'error: --dau: must be a whole number ≥ 0, got "25,000,0"\n',
    );
  });
});
