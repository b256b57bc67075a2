// `im-bill diff --base` on repositories a stranger controls: git runs none of the
// repository's programs (fsmonitor, hooks, filters, textconv, a partial clone's fetch),
// its children see no secret, both sides read symbolic links alike, and Ctrl-C ends the
// run (and its git child) with the interrupt message. The built CLI (for Ctrl-C, the
// spawned binary), in temporary repositories.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, runBuilt } from "../helpers/cli.js";
import { gitRepository } from "../helpers/repository.js";

const hasGit = spawnSync("git", ["--version"]).status === 0;
const work = mkdtempSync(join(tmpdir(), "im-bill-hostile-git-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const repository = (files: Record<string, string>, links: Record<string, string> = {}) =>
  gitRepository(work, files, links);

const app = (peakDau: number) => `plan: pro\nusage:\n  peakDau: ${peakDau}\n`;

/** A program that, when run, leaves a mark: that it ran, with its arguments. */
function spyProgram(): { path: string; ran: () => string } {
  const folder = mkdtempSync(join(work, "spy-"));
  const log = join(folder, "ran.log");
  const path = join(folder, "spy");
  writeFileSync(path, `#!/bin/sh\necho "$0 $*" >> '${log}'\ncat >/dev/null 2>&1\nexit 0\n`);
  chmodSync(path, 0o755);
  return { path, ran: () => (existsSync(log) ? readFileSync(log, "utf8") : "") };
}

interface ProjectJson {
  totals: Record<string, { before: string; after: string; change: string }>;
  scenarios: {
    status: string;
    id: string;
    file: string;
    before: { error?: string } | null;
    after: { error?: string; total?: string } | null;
  }[];
}

describe.skipIf(!hasGit && !process.env.CI)("diff --base on a stranger's repository (needs git)", () => {
  it("runs none of the repository's programs: fsmonitor, hooks, filters, textconv, pager, a partial clone's fetch", () => {
    const spy = spyProgram();
    const repo = repository({
      "scenarios/app.yaml": app(25_000),
      "scenarios/old-name.yaml": app(40_000),
      "scenarios/chat.json": '{"plan": "pro"}',
    });
    // Every setting through which a repository can make git run a program, pointing at the spy.
    const hooks = join(repo.dir, "hooks");
    mkdirSync(hooks);
    for (const hook of [
      "post-index-change",
      "pre-commit",
      "post-checkout",
      "reference-transaction",
      "fsmonitor-watchman",
      "pre-auto-gc",
      "post-rewrite",
    ]) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\nexec '${spy.path}' ${hook} "$@"\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    for (const [key, value] of [
      ["core.fsmonitor", spy.path],
      ["core.hooksPath", hooks],
      ["filter.spy.clean", `${spy.path} clean`],
      ["filter.spy.smudge", `${spy.path} smudge`],
      ["filter.spy.process", `${spy.path} process`],
      ["filter.spy.required", "true"],
      ["diff.spy.textconv", `${spy.path} textconv`],
      ["diff.external", `${spy.path} external`],
      ["core.pager", `${spy.path} pager`],
      ["core.sshCommand", `${spy.path} ssh`],
      ["core.alternateRefsCommand", `${spy.path} alternate`],
      ["gpg.program", `${spy.path} gpg`],
      ["remote.origin.url", join(work, "nowhere.git")],
      ["remote.origin.uploadpack", `${spy.path} uploadpack`],
      ["remote.origin.promisor", "true"],
      ["remote.origin.partialclonefilter", "blob:none"],
      ["core.repositoryformatversion", "1"],
      ["extensions.partialClone", "origin"],
    ] as const)
      repo.git("config", key, value);
    repo.write(".gitattributes", "* filter=spy diff=spy\n");
    // A dirty tree: an edit, a rename, a new file; the index stale (so git status would refresh it).
    repo.write("scenarios/app.yaml", app(35_000));
    renameSync(join(repo.dir, "scenarios/old-name.yaml"), join(repo.dir, "scenarios/new-name.yaml"));
    repo.write("scenarios/new.yaml", app(5_000));
    const result = runBuilt(["diff", "--base", "main", "--format", "json"], {
      cwd: repo.dir,
      env: { IM_SECRET_KEY: "s3cret", GITHUB_TOKEN: "t0ken" },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout) as ProjectJson;
    expect(diff.scenarios.map((scenario) => [scenario.file, scenario.status])).toEqual([
      ["scenarios/app.yaml", "changed"],
      ["scenarios/chat.json", "unchanged"],
      ["scenarios/new-name.yaml", "unchanged"],
      ["scenarios/new.yaml", "added"],
    ]);
    expect(spy.ran()).toBe("");

    // A partial clone missing a blob: git would fetch it from the promisor remote (its uploadpack runs); here, nothing is fetched.
    const chat = repo.git("rev-parse", "main:scenarios/chat.json").trim();
    unlinkSync(join(repo.dir, ".git/objects", chat.slice(0, 2), chat.slice(2)));
    const partial = runBuilt(["diff", "--base", "main"], { cwd: repo.dir });
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(
      /^error: (at main \([0-9a-f]{7}\): )?the object [0-9a-f]{12} is not in this clone \(a partial clone\): im-bill fetches nothing; run git fetch first\n$/,
    );
    expect(spy.ran()).toBe("");
  });

  it("gives git children a minimal environment: no secret, no token", () => {
    const repo = repository({ "app.yaml": app(25_000) });
    // A git in front of the real one, which writes down the environment it was given.
    const folder = mkdtempSync(join(work, "git-"));
    const log = join(folder, "env.log");
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(folder, "git"), `#!/bin/sh\nenv >> '${log}'\necho "--- $*" >> '${log}'\nexec '${real}' "$@"\n`);
    chmodSync(join(folder, "git"), 0o755);
    const result = runBuilt(["diff", "--base", "main"], {
      cwd: repo.dir,
      env: {
        PATH: `${folder}:${process.env.PATH ?? ""}`,
        IM_SECRET_KEY: "s3cret-key",
        GITHUB_TOKEN: "ghp_token",
        AWS_SECRET_ACCESS_KEY: "aws-secret",
        GIT_DIR: "/tmp/elsewhere",
      },
    });
    expect(result.status, result.stderr).toBe(0);
    const seen = readFileSync(log, "utf8");
    expect(seen).toContain("--- --no-optional-locks -c core.fsmonitor=false -c core.hooksPath=/dev/null");
    expect(seen).toContain("GIT_NO_LAZY_FETCH=1");
    expect(seen).toContain("LC_ALL=C");
    expect(seen).not.toMatch(/s3cret-key|ghp_token|aws-secret|GIT_DIR=/);
    const names = new Set(
      seen
        .split("\n")
        .filter((line) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(line))
        .map((line) => line.slice(0, line.indexOf("="))),
    );
    // What sh itself adds (PWD, SHLVL, _) aside, only what git needs.
    for (const name of ["PWD", "SHLVL", "_", "OLDPWD"]) names.delete(name);
    expect([...names].sort()).toEqual(
      ["GIT_NO_LAZY_FETCH", "GIT_OPTIONAL_LOCKS", "GIT_PAGER", "GIT_TERMINAL_PROMPT", "HOME", "LC_ALL", "PATH"].sort(),
    );
  });

  describe("both sides read symbolic links alike", () => {
    /** A monorepo: a shared config (a 20% discount) linked into the app's folder, scenario files linked too. */
    function monorepo() {
      return repository(
        {
          "shared/im-bill.config.yaml": "discount: 20%\n",
          "shared/base.yaml": app(45_000),
          "common/team.yaml": app(15_000),
          "app/scenarios/own.yaml": app(25_000),
        },
        {
          "app/im-bill.config.yaml": "../shared/im-bill.config.yaml",
          "app/scenarios/linked.yaml": "../../shared/base.yaml",
          "app/scenarios/team": "../../common",
        },
      );
    }

    it("an unchanged tree diffed against its own commit shows no change, and prices what check prices", () => {
      const repo = monorepo();
      const cwd = join(repo.dir, "app");
      const result = runBuilt(["diff", "--base", "HEAD", "scenarios", "--format", "json"], { cwd });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const diff = JSON.parse(result.stdout) as ProjectJson;
      expect(diff.scenarios.map((scenario) => [scenario.file, scenario.status])).toEqual([
        ["app/scenarios/linked.yaml", "unchanged"],
        ["app/scenarios/own.yaml", "unchanged"],
        ["app/scenarios/team/team.yaml", "unchanged"],
      ]);
      expect(diff.totals.CNY!.change).toBe("0.00");
      // The same files and config, priced by check: the same total.
      const check = runBuilt(["batch", "scenarios", "--format", "json"], { cwd });
      expect(check.status, check.stderr).toBe(0);
      const batch = JSON.parse(check.stdout) as { results: { total: string }[] };
      // In fen, so that the sum is exact.
      const fen = (amount: string) => Math.round(Number(amount) * 100);
      const sum = batch.results.reduce((total, entry) => total + fen(entry.total), 0);
      expect(batch.results).toHaveLength(3);
      expect(fen(diff.totals.CNY!.after)).toBe(sum);
      expect(fen(diff.totals.CNY!.before)).toBe(sum);
    });

    it("a change behind a link is seen on both sides; a link out of the repository is refused on both, named", () => {
      const repo = monorepo();
      const cwd = join(repo.dir, "app");
      repo.write("shared/base.yaml", app(65_000));
      const moved = JSON.parse(
        runBuilt(["diff", "--base", "HEAD", "scenarios", "--format", "json"], { cwd }).stdout,
      ) as ProjectJson;
      expect(moved.scenarios.find((scenario) => scenario.file === "app/scenarios/linked.yaml")!.status).toBe("changed");

      const outside = join(work, "outside.yaml");
      writeFileSync(outside, app(99_000));
      const evil = repository({ "own.yaml": app(25_000) }, { "evil.yaml": outside });
      const result = runBuilt(["diff", "--base", "HEAD", "--format", "json"], { cwd: evil.dir });
      expect(result.status).toBe(2);
      const diff = JSON.parse(result.stdout) as ProjectJson;
      const named = diff.scenarios.find((scenario) => scenario.file === "evil.yaml")!;
      expect(named.status).toBe("invalid");
      const said = `is a symbolic link to ${JSON.stringify(outside)}, outside the repository`;
      expect(named.after!.error).toContain(said);
      expect(named.before!.error).toContain(said);

      // A config linked out of the repository: refused, named, on both sides.
      const config = repository(
        { "own.yaml": app(25_000) },
        { "im-bill.config.yaml": join(work, "no-such-config.yaml") },
      );
      writeFileSync(join(work, "no-such-config.yaml"), "discount: 50%\n");
      const refused = runBuilt(["diff", "--base", "HEAD"], { cwd: config.dir });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain("im-bill.config.yaml: is a symbolic link to");
      expect(refused.stderr).toContain("outside the repository");
    });
  });

  it("Ctrl-C while git runs: exit 130 with the interrupt message, and no git child left", async () => {
    const repo = repository({ "app.yaml": app(25_000) });
    const folder = mkdtempSync(join(work, "slow-git-"));
    const pids = join(folder, "pids");
    // A git that hangs (as one on a huge repository, or waiting on a lock, would): it writes its pid, then waits.
    writeFileSync(join(folder, "git"), `#!/bin/sh\necho $$ >> '${pids}'\nexec sleep 30\n`);
    chmodSync(join(folder, "git"), 0o755);
    const child = spawn(process.execPath, [bin, "diff", "--base", "main"], {
      cwd: repo.dir,
      env: { PATH: `${folder}:${process.env.PATH ?? ""}`, HOME: process.env.HOME ?? "", LANG: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // Wait for git to start, then interrupt.
    for (let waited = 0; !existsSync(pids) && waited < 10_000; waited += 50)
      await new Promise((done) => setTimeout(done, 50));
    child.kill("SIGINT");
    const status = await new Promise<number | null>((done) => child.on("close", done));
    expect(status).toBe(130);
    expect(stderr).toMatch(/^error: interrupted/);
    expect(stderr).not.toContain("git");
    await new Promise((done) => setTimeout(done, 200));
    for (const pid of readFileSync(pids, "utf8").trim().split("\n").map(Number)) {
      // Running: the process exists and is not a zombie (one that ended, waiting for its parent to reap it).
      let alive = true;
      try {
        process.kill(pid, 0);
        const state = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
        if (/^State:\s+Z/m.test(state)) alive = false;
      } catch {
        alive = false;
      }
      expect(alive, `git child ${pid} is still running`).toBe(false);
    }
  });
});
