// `im-bill diff --base <ref>`: the project at a commit against the working tree, in
// temporary git repositories, one commit pair per cause of a change. Every run is the
// built CLI's (runBuilt); git is the machine's (the project diff needs it, as users' do).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { root, runBuilt } from "../helpers/cli.js";
import { gitRepository } from "../helpers/repository.js";

const hasGit = spawnSync("git", ["--version"]).status === 0;
const work = mkdtempSync(join(tmpdir(), "im-bill-project-diff-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A repository with `files` committed on main, and helpers to change its working tree and diff it. */
function repository(files: Record<string, string>) {
  const { dir, git, write } = gitRepository(work, files);
  const diff = (...args: string[]) => runBuilt(["diff", "--base", "main", ...args], { cwd: dir });
  const json = (...args: string[]) => {
    const result = diff("--format", "json", ...args);
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as ProjectJson;
  };
  return { dir, git, write, diff, json, remove: (path: string) => unlinkSync(join(dir, path)) };
}

interface ProjectJson {
  base: { ref: string; commit: string; mergeBase: boolean };
  head: { commit: string | null; dirty: boolean };
  totals: Record<string, { before: string; after: string; change: string; percent: string | null }>;
  counts: Record<string, number>;
  config: { before: string | null; after: string | null };
  scenarios: {
    status: string;
    id: string;
    file: string;
    previousFile: string | null;
    change: { before: string; after: string; change: string; percent: string | null } | null;
    causes: { kind: string; [key: string]: unknown }[];
    before: { source: string; total?: string; error?: string; pricing?: { discount: unknown } } | null;
    after: { source: string; total?: string; error?: string; pricing?: { discount: unknown } } | null;
  }[];
  prices: { before: { pricing: unknown[] }; after: { pricing: unknown[] } };
}

/** The total im-bill prices a scenario at, on its own (the same binary, the same day). */
const totalOf = (args: string[], cwd?: string) =>
  JSON.parse(runBuilt(["estimate", ...args, "--format", "json"], cwd ? { cwd } : {}).stdout).total as string;

const app = (peakDau: number, extra = "") => `name: Main app\nplan: pro\nusage:\n  peakDau: ${peakDau}\n${extra}`;
const overlay = (price: string) =>
  `extends: tencent-im-cn-2024\nid: acme\nversion: "2026-01"\nsources:\n  contract: "our contract"\neditions:\n  pro:\n    packageFee: { price: "${price}", source: contract }\n`;

describe.skipIf(!hasGit && !process.env.CI)("im-bill diff --base (needs git)", () => {
  it("prices a scenario edit on both sides, and names the field that moved", () => {
    const repo = repository({ "scenarios/app.yaml": app(25_000), "scenarios/chat.json": '{"plan": "pro"}' });
    repo.write("scenarios/app.yaml", app(40_000));
    const result = repo.json();
    const [changed] = result.scenarios.filter((each) => each.status === "changed");
    expect(changed).toMatchObject({ id: "Main app", file: "scenarios/app.yaml", previousFile: null });
    expect(changed!.causes).toEqual([{ kind: "input", path: "usage.peakDau", before: 25_000, after: 40_000 }]);
    const [before, after] = [
      totalOf(["--plan", "pro", "--dau", "25000"]),
      totalOf(["--plan", "pro", "--dau", "40000"]),
    ];
    expect(changed!.change).toMatchObject({ before, after });
    expect(result.counts).toMatchObject({ changed: 1, unchanged: 1, added: 0, removed: 0 });
    const chat = totalOf(["--plan", "pro"]);
    expect(Number(result.totals.CNY!.before)).toBeCloseTo(Number(before) + Number(chat), 2);
    expect(result.head.dirty).toBe(true);
    // The table says the same, in words.
    const table = repo.diff();
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("usage.peakDau: 25,000 → 40,000");
    expect(table.stdout).toContain("1 changed, 0 new, 0 removed, 1 unchanged");
  });

  it("sees a config's discount change move every bill, though no scenario file changed", () => {
    const repo = repository({
      "im-bill.config.yaml": "discount: 15%\n",
      "scenarios/a.json": '{"name": "a", "plan": "pro", "usage": {"peakDau": 30000}}',
      "scenarios/b.json": '{"name": "b", "plan": "flagship"}',
    });
    repo.write("im-bill.config.yaml", "discount: 0%\n");
    const result = repo.json();
    expect(result.scenarios.map((each) => each.status)).toEqual(["changed", "changed"]);
    for (const scenario of result.scenarios) {
      expect(scenario.causes).toEqual([
        { kind: "discount", before: { percent: "15", from: "config" }, after: { percent: "0", from: "config" } },
      ]);
      expect(Number(scenario.change!.change)).toBeGreaterThan(0);
    }
    const markdown = repo.diff("--format", "markdown");
    expect(markdown.stdout).toContain("| discount: 15% → 0% |");
    expect(markdown.stdout).toContain("Before: Discount: 15% (im-bill.config.yaml)");
    expect(markdown.stdout).toContain("After: Discount: 0% (im-bill.config.yaml)");
  });

  it("names the figure of a price file that moved a bill, old → new", () => {
    const repo = repository({
      "im-bill.config.yaml": "pricing: catalogs/acme.yaml\n",
      "catalogs/acme.yaml": overlay("1299.00"),
      "scenarios/app.json": '{"plan": "pro"}',
      "scenarios/big.json": '{"plan": "flagship"}',
    });
    repo.write("catalogs/acme.yaml", overlay("1399.00"));
    const result = repo.json();
    const pro = result.scenarios.find((each) => each.file === "scenarios/app.json")!;
    expect(pro.status).toBe("changed");
    expect(pro.causes).toEqual([
      {
        kind: "figure",
        file: "catalogs/acme.yaml",
        path: "editions.pro.packageFee.price",
        before: "1299.00",
        after: "1399.00",
      },
    ]);
    expect(pro.change).toMatchObject({ before: "1299.00", after: "1399.00", change: "100.00" });
    // The flagship's figures did not move: its bill is the same.
    expect(result.scenarios.find((each) => each.file === "scenarios/big.json")!.status).toBe("unchanged");
    expect(repo.diff("--format", "markdown").stdout).toContain(
      "| catalogs/acme.yaml: editions.pro.packageFee.price: 1299.00 → 1399.00 |",
    );
  });

  it("names a scenario's pin that changed the list", () => {
    const repo = repository({
      "scenarios/app.json": '{"plan": "pro", "catalog": "tencent-im-cn-2020", "usage": {"peakDau": 20000}}',
    });
    repo.write("scenarios/app.json", '{"plan": "pro", "catalog": "tencent-im-cn-2024", "usage": {"peakDau": 20000}}');
    const [scenario] = repo.json().scenarios;
    expect(scenario!.causes.map((cause) => cause.kind)).toEqual(["pin", "list"]);
    expect(scenario!.causes[0]).toEqual({ kind: "pin", before: "tencent-im-cn-2020", after: "tencent-im-cn-2024" });
    expect(repo.diff().stdout).toContain("pinned list: tencent-im-cn-2020 → tencent-im-cn-2024");
  });

  it("reports a new, a removed and a renamed file (git's rename detection)", () => {
    const repo = repository({
      "scenarios/old.json": '{"name": "old", "plan": "flagship"}',
      "scenarios/moved.yaml": app(25_000, "features:\n  historyDays: 30\n"),
    });
    repo.remove("scenarios/old.json");
    repo.git("mv", "scenarios/moved.yaml", "scenarios/renamed.yaml");
    repo.write("scenarios/new.json", '{"name": "new", "plan": "pro"}');
    const result = repo.json();
    const byStatus = Object.fromEntries(result.scenarios.map((each) => [each.status, each]));
    expect(byStatus.removed).toMatchObject({ id: "old", file: "scenarios/old.json", after: null });
    expect(byStatus.removed!.change).toMatchObject({ after: "0.00", before: totalOf(["--plan", "flagship"]) });
    expect(byStatus.added).toMatchObject({ id: "new", file: "scenarios/new.json", before: null });
    expect(byStatus.unchanged).toMatchObject({ file: "scenarios/renamed.yaml", previousFile: "scenarios/moved.yaml" });
    expect(result.counts).toMatchObject({ added: 1, removed: 1, renamed: 1, unchanged: 1, changed: 0 });
    const table = repo.diff().stdout;
    expect(table).toContain("renamed from scenarios/moved.yaml");
    expect(table).toContain("0 changed, 1 new, 1 removed, 1 renamed, 1 unchanged");
  });

  it("prices the base without a config and the working tree with the one it adds", () => {
    const repo = repository({ "scenarios/app.json": '{"plan": "pro"}' });
    repo.write("im-bill.config.yaml", "discount: 10%\n");
    const result = repo.json();
    expect(result.config).toEqual({ before: null, after: "im-bill.config.yaml" });
    const [scenario] = result.scenarios;
    expect(scenario!.causes.map((cause) => cause.kind)).toEqual(["discount", "config"]);
    expect(scenario!.before!.pricing!.discount).toBeNull();
    expect(repo.diff().stdout).toContain("project config: none → im-bill.config.yaml");
    // A config that only sets the language moves no bill: nothing changed.
    repo.write("im-bill.config.yaml", "lang: en\n");
    expect(repo.json().counts).toMatchObject({ changed: 0, unchanged: 1 });
  });

  it("reads the base's files from git's objects, without touching the working tree or the index", () => {
    const repo = repository({ "scenarios/app.yaml": app(25_000) });
    repo.write("scenarios/app.yaml", app(30_000));
    const status = repo.git("status", "--porcelain");
    repo.diff();
    expect(repo.git("status", "--porcelain")).toBe(status);
    expect(readFileSync(join(repo.dir, "scenarios/app.yaml"), "utf8")).toBe(app(30_000));
  });

  it("refuses a base ref that names no commit, and a folder outside any repository", () => {
    const repo = repository({ "scenarios/app.json": '{"plan": "pro"}' });
    const result = runBuilt(["diff", "--base", "no-such-branch"], { cwd: repo.dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: --base: no-such-branch names no commit of this repository/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // An option-like ref is a ref, not an option of git.
    expect(runBuilt(["diff", "--base=--output=/tmp/x"], { cwd: repo.dir }).stderr).toMatch(/names no commit/);
    const outside = mkdtempSync(join(tmpdir(), "im-bill-no-git-"));
    try {
      const none = runBuilt(["diff", "--base", "main"], { cwd: outside });
      expect(none.status).toBe(2);
      expect(none.stderr).toMatch(/is not in a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("compares with the merge base of `ref...`, as git diff does", () => {
    const repo = repository({ "scenarios/app.yaml": app(25_000) });
    repo.git("checkout", "--quiet", "-b", "feature");
    repo.write("scenarios/app.yaml", app(30_000));
    repo.git("commit", "--quiet", "-am", "more users");
    // main moves on: against its tip, the feature would seem to undo main's change.
    repo.git("checkout", "--quiet", "main");
    repo.write("scenarios/other.json", '{"plan": "pro"}');
    repo.git("add", "-A");
    repo.git("commit", "--quiet", "-m", "another app");
    repo.git("checkout", "--quiet", "feature");
    const result = runBuilt(["diff", "--base", "main...", "--format", "json"], { cwd: repo.dir });
    const json = JSON.parse(result.stdout) as ProjectJson;
    expect(json.base.mergeBase).toBe(true);
    expect(json.scenarios.map((each) => each.status)).toEqual(["changed"]);
    expect(runBuilt(["diff", "--base", "main"], { cwd: repo.dir }).stdout).toContain("1 removed");
    expect(runBuilt(["diff", "--base", "main..."], { cwd: repo.dir }).stdout).toMatch(
      /main \(merge base [0-9a-f]{7}\)/,
    );
  });

  it("fails --fail-above on the project total and --fail-above-each per scenario, with the reason", () => {
    const repo = repository({
      "scenarios/a.json": '{"name": "a", "plan": "pro", "usage": {"peakDau": 20000}}',
      "scenarios/b.json": '{"name": "b", "plan": "flagship"}',
    });
    repo.write("scenarios/a.json", '{"name": "a", "plan": "pro", "usage": {"peakDau": 40000}}');
    const loose = repo.diff("--fail-above", "1000000");
    expect(loose.status).toBe(0);
    const total = repo.diff("--fail-above", "5%");
    expect(total.status).toBe(1);
    expect(total.stderr).toMatch(
      /^error: the project total \(CNY\) rises by ¥[\d,.]+ \([\d.]+%\), more than --fail-above 5%$/m,
    );
    const each = repo.diff("--fail-above-each", "500", "--format", "json");
    expect(each.status).toBe(1);
    expect(JSON.parse(each.stdout).scenarios).toHaveLength(2);
    expect(each.stderr).toMatch(
      /^error: a \(scenarios\/a\.json\) rises by ¥[\d,.]+ \([\d.]+%\), more than --fail-above-each 500$/m,
    );
    expect(repo.diff("--fail-above", "ten").stderr).toMatch(/--fail-above: must be an amount/);
    // A new scenario raises the project total, not a scenario's own.
    repo.write("scenarios/c.json", '{"name": "c", "plan": "flagship"}');
    expect(repo.diff("--fail-above-each", "0%", "scenarios/c.json").status).toBe(0);
    expect(repo.diff("--fail-above", "0%", "scenarios/c.json").status).toBe(1);
  });

  it("exits 2 when a scenario of the working tree cannot be priced, and says which", () => {
    const repo = repository({ "scenarios/app.json": '{"plan": "pro"}' });
    repo.write("scenarios/app.json", '{"plan": "pro", "usage": {"peakDau": -5}}');
    const result = repo.diff();
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("usage.peakDau: must be a whole number ≥ 0, got -5");
    expect(result.stdout).toContain("1 invalid");
  });

  it("writes GitHub annotations on the changed lines: --format github, and on stderr under GitHub Actions", () => {
    const repo = repository({ "scenarios/app.yaml": `# the main app\n${app(25_000)}`, "scenarios/list.json": "[]" });
    repo.write("scenarios/app.yaml", `# the main app\n${app(40_000)}`);
    repo.write(
      "scenarios/list.json",
      JSON.stringify(
        [
          { name: "one", plan: "pro" },
          { name: "two, %new", plan: "pro" },
        ],
        null,
        2,
      ),
    );
    const github = repo.diff("--format", "github", "--fail-above-each", "10%");
    expect(github.status).toBe(1);
    const lines = github.stdout.trim().split("\n");
    expect(lines[0]).toMatch(
      /^::error file=scenarios\/app\.yaml,line=2,title=im-bill::Main app \(scenarios\/app\.yaml\) rises by/,
    );
    // The second item of the list starts on line 6; its name's "%" is escaped, as GitHub reads it.
    expect(lines).toContain(
      "::notice file=scenarios/list.json,line=6,title=im-bill::A new scenario: ¥1,499.00 a month",
    );
    const onStderr = runBuilt(["diff", "--base", "main"], { cwd: repo.dir, env: { GITHUB_ACTIONS: "true" } });
    expect(onStderr.stdout).toContain("Bill changes");
    expect(onStderr.stderr).toContain("::notice file=scenarios/app.yaml,line=2,title=im-bill::The bill rises by");
    const quiet = runBuilt(["diff", "--base", "main", "--no-annotations"], {
      cwd: repo.dir,
      env: { GITHUB_ACTIONS: "true" },
    });
    expect(quiet.stderr).toBe("");
  });

  it("keeps a stranger's names text in the markdown, and says which prices made each side", () => {
    const repo = repository({ "scenarios/app.json": '{"plan": "pro"}' });
    repo.write("scenarios/@team <!-- x.json", JSON.stringify({ name: "<img src=x onerror=alert(1)>", plan: "pro" }));
    const body = repo.diff("--format", "markdown").stdout;
    const markdown = new MarkdownIt({ html: true, linkify: true });
    markdown.linkify.set({ fuzzyLink: false });
    const tokens = markdown.parse(body, {});
    const inline = tokens.flatMap((token) => token.children ?? []);
    expect([...tokens, ...inline].filter((token) => token.type.startsWith("html"))).toEqual([]);
    expect(inline.filter((token) => token.type === "link_open" || token.type === "image")).toEqual([]);
    expect(body).toContain("scenarios/@&#8203;team \\<\\!-- x.json");
    // A line of its own (a hard break: two spaces), then the note that the list was checked long ago.
    expect(body).toMatch(/^Prices: tencent-im-cn-2024 .* \(CNY\), the list in effect today {2}$/m);
  });

  it("keeps a large diff's markdown to a comment's size: the largest changes, the rest counted", () => {
    const app = (index: number, peakDau: number) =>
      JSON.stringify({ name: `App ${index}`, plan: "pro", usage: { peakDau } });
    const files: Record<string, string> = {};
    for (let index = 1; index <= 130; index++) files[`scenarios/app-${index}.json`] = app(index, 10_000);
    const repo = repository(files);
    // each app grows by its number × 10,000 DAU: a larger number, a larger rise
    for (let index = 1; index <= 130; index++)
      repo.write(`scenarios/app-${index}.json`, app(index, 10_000 * (index + 1)));
    const body = repo.diff("--format", "markdown").stdout;
    const rows = body.split("\n").filter((line) => /^\| \\~ \| App \d+ \|/.test(line));
    expect(rows).toHaveLength(100);
    // apps 31 to 130 are shown, 1 to 30 counted
    expect(rows.some((line) => line.startsWith("| \\~ | App 30 |"))).toBe(false);
    expect(rows.some((line) => line.startsWith("| \\~ | App 31 |"))).toBe(true);
    expect(body).toContain("|  | …and 30 smaller changes (--format json lists every scenario) |");
    expect(body).toContain("130 changed, 0 new, 0 removed, 0 unchanged");
    expect(body.length).toBeLessThan(65_536);
    // line by line: the ten largest
    const details = [...body.matchAll(/^##### App (\d+) /gm)].map((match) => Number(match[1]));
    expect(details.sort((a, b) => a - b)).toEqual([121, 122, 123, 124, 125, 126, 127, 128, 129, 130]);
    expect(repo.json().scenarios).toHaveLength(130);
  });

  it("writes the project diff as an HTML page too, its totals the JSON's", () => {
    const repo = repository({ "im-bill.config.yaml": "discount: 15%\n", "scenarios/app.yaml": app(25_000) });
    repo.write("im-bill.config.yaml", "discount: 10%\n");
    const html = repo.diff("--format", "html").stdout;
    const { totals } = repo.json();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`data-value="${totals.CNY!.before}"`);
    expect(html).toContain(`data-value="${totals.CNY!.after}"`);
    expect(html).toContain("discount: 15% → 10%");
    expect(html).not.toMatch(/<script|<link/);
    // Its prices named as the table names them: the list, the config, each side's discount.
    const table = repo.diff().stdout;
    for (const line of [
      "Prices: tencent-im-cn-2024 2024.2 (CNY), the list in effect today",
      "Before: Discount: 15% (im-bill.config.yaml)",
      "After: Discount: 10% (im-bill.config.yaml)",
    ]) {
      expect(table).toContain(line);
      expect(html).toContain(`<p class="provenance">${line}</p>`);
    }
  });

  it("takes paths: files, folders and patterns, as check does; one that matches nothing is an error", () => {
    const repo = repository({
      "apps/a/app.yaml": app(25_000),
      "apps/b/app.yaml": app(25_000),
      "apps/.hidden/app.yaml": app(25_000),
      "ci.yml": "on: push\n",
    });
    for (const path of ["apps/a/app.yaml", "apps/b/app.yaml", "apps/.hidden/app.yaml"]) repo.write(path, app(30_000));
    const files = (...paths: string[]) => repo.json(...paths).scenarios.map((each) => each.file);
    expect(files()).toEqual(["apps/a/app.yaml", "apps/b/app.yaml"]);
    expect(files("apps/a")).toEqual(["apps/a/app.yaml"]);
    expect(files("apps/*/app.yaml")).toEqual(["apps/a/app.yaml", "apps/b/app.yaml"]);
    expect(files("apps/.hidden/app.yaml")).toEqual(["apps/.hidden/app.yaml"]);
    const none = repo.diff("nowhere/");
    expect(none.status).toBe(2);
    expect(none.stderr).toBe("error: nowhere/: no scenario files, at the base or in the working tree\n");
    // From a subfolder, paths are the subfolder's; the report names files from the root.
    const sub = runBuilt(["diff", "--base", "main", "a", "--format", "json"], { cwd: join(repo.dir, "apps") });
    expect(JSON.parse(sub.stdout).scenarios.map((each: { file: string }) => each.file)).toEqual(["apps/a/app.yaml"]);
  });

  it("reads a base file past its limit as an error of the base, not a crash", () => {
    const repo = repository({ "scenarios/big.yaml": `plan: pro\n#${"x".repeat(1024 * 1024)}\n` });
    repo.write("scenarios/big.yaml", "plan: pro\n");
    const result = repo.diff("--format", "markdown");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("| could not be priced at the base: is 1 MiB, more than the limit of 1 MiB |");
  });

  it("stops at the end of the two-file diff's arguments: two files, or --base", () => {
    const one = runBuilt(["diff", "examples/small-chat-pro.json"]);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/diff compares two files \(before and after\), or, with --base <ref>/);
    expect(runBuilt(["diff", "a.json", "b.json", "--fail-above-each", "5%"]).stderr).toMatch(
      /--fail-above-each goes with --base/,
    );
    expect(runBuilt(["diff", "--base", "HEAD", "--rate", "USD:CNY=7"]).stderr).toMatch(/--rate compares two files/);
  });
});

// The same diff over this repository's own examples, in a copy: what the README shows.
describe.skipIf(!hasGit && !process.env.CI)("the README's project diff", () => {
  it("is what im-bill prints for a config's discount change over the examples", () => {
    const repo = repository({});
    for (const file of ["small-chat-pro.json", "community-large-groups.yaml"])
      repo.write(`scenarios/${file}`, readFileSync(join(root, "examples", file), "utf8"));
    repo.write("im-bill.config.yaml", "discount: 15%\n");
    repo.git("add", "-A");
    repo.git("commit", "--quiet", "-m", "scenarios");
    repo.write("im-bill.config.yaml", "discount: 10%\n");
    repo.git("commit", "--quiet", "-am", "a smaller discount");
    const printed = runBuilt(["diff", "--base", "HEAD~1", "--format", "markdown", "--title", "im-bill: bill changes"], {
      cwd: repo.dir,
    });
    expect(printed.status).toBe(0);
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const shown = /<!-- project-diff -->\n```markdown\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown, "README.md shows the project diff's markdown").toBe(printed.stdout);
  });
});
