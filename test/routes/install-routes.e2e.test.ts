// The README's install routes that work before any publish, each run as a reader runs it,
// into a clean prefix or project, from a bare repository made of this checkout's HEAD
// (standing in for github.com/im-bill/im-bill) and from the release tarball:
// - a clone: `npm ci` (its prepare script builds), then `npm link`;
// - the release tarball: `npm install --global ./im-bill-<version>.tgz`;
// - the repository by git URL into a project: `npm install git+…` (npm builds it in a clone);
// - the repository by git URL, globally: `npm pack git+…`, then the tarball (a global
//   install of the URL itself is broken in npm: npm/cli#8440, #4148).
// Each then answers --version and prices an estimate from another folder.
//
// Not part of `npm test` (a clone's install and two builds take a minute): .ci/run runs it
// after the tests, with `npm run test:routes`. npm runs --offline, from the machine's npm
// cache, which the checkout's own `npm ci` filled: no network.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers/cli.js";
import { run, type Run } from "../helpers/run.js";

const work = mkdtempSync(join(tmpdir(), "im-bill-routes-"));
const bare = join(work, "im-bill.git");
const gitUrl = `git+file://${bare}`;
const elsewhere = join(work, "elsewhere");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const cache = execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim();
const nodeBinDir = dirname(process.execPath);

// npm as a stranger's machine has it: no user or global config, the cache only.
const npm = (args: string[], cwd: string, extraEnv: Record<string, string> = {}) =>
  run("npm", [...args, "--offline", "--cache", cache, "--no-audit", "--no-fund", "--no-update-notifier"], {
    cwd,
    env: {
      npm_config_userconfig: join(work, "npmrc"),
      npm_config_globalconfig: join(work, "npmrc-global"),
      ...extraEnv,
    },
  });

/** The `im-bill` a route put in `binDir`, run from a folder with no im-bill in it. */
const imBillFrom = (binDir: string, args: string[]) =>
  run(join(binDir, "im-bill"), args, {
    cwd: elsewhere,
    cleanEnv: true,
    env: { PATH: `${binDir}:${nodeBinDir}:/usr/bin:/bin`, LANG: "C", HOME: work },
  });

const ok = (step: Run) => expect(step.status, `${step.stdout}\n${step.stderr}`).toBe(0);

/** The route's im-bill knows its version and prices Pro with 25,000 DAU at ¥3,499.00. */
async function works(binDir: string) {
  const versionRun = await imBillFrom(binDir, ["--version"]);
  ok(versionRun);
  expect(versionRun.stdout.trim()).toBe(version);
  const estimate = await imBillFrom(binDir, ["estimate", "--plan", "pro", "--dau", "25000", "--format", "json"]);
  ok(estimate);
  expect((JSON.parse(estimate.stdout) as { total: string }).total).toBe("3499.00");
}

let tarball: string;

beforeAll(() => {
  for (const dir of [elsewhere]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(work, "npmrc"), "");
  writeFileSync(join(work, "npmrc-global"), "");
  execFileSync("git", ["clone", "--quiet", "--bare", root, bare]);
  // The release tarball, as the release workflow makes it (dist/ is built by `pretest`).
  const name = execFileSync(process.execPath, ["scripts/pack.mjs", "--no-build", "--pack-destination", work], {
    cwd: root,
    encoding: "utf8",
  }).trim();
  tarball = join(work, name);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.concurrent("install routes that work before the first publish", () => {
  it("from a clone: npm ci builds, npm link puts im-bill on PATH", async () => {
    const clone = join(work, "clone");
    const prefix = join(work, "clone-prefix");
    ok(await run("git", ["clone", "--quiet", bare, clone], { cwd: work }));
    ok(await npm(["ci"], clone));
    ok(await npm(["link"], clone, { npm_config_prefix: prefix }));
    await works(join(prefix, "bin"));
  }, 300_000);

  it("from the release tarball, globally: no script run, no warning", async () => {
    const prefix = join(work, "tarball-prefix");
    const install = await npm(["install", "--global", "--prefix", prefix, tarball], work);
    ok(install);
    expect(install.stderr).not.toMatch(/warn/i);
    await works(join(prefix, "bin"));
  }, 120_000);

  it("by git URL into a project: npm builds it in its clone, and the package has no lifecycle script left", async () => {
    const project = join(work, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true }));
    ok(await npm(["install", gitUrl], project));
    const installed = JSON.parse(readFileSync(join(project, "node_modules", "im-bill", "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    expect(installed.scripts?.prepare).toBeUndefined();
    await works(join(project, "node_modules", ".bin"));
  }, 300_000);

  it("by git URL, globally: npm pack the URL, then install that tarball with no warning", async () => {
    const folder = join(work, "git-pack");
    const prefix = join(work, "git-prefix");
    mkdirSync(folder);
    const packed = await npm(["pack", "--silent", gitUrl], folder);
    ok(packed);
    const install = await npm(["install", "--global", "--prefix", prefix, join(folder, packed.stdout.trim())], folder);
    ok(install);
    expect(install.stderr).not.toMatch(/warn/i);
    await works(join(prefix, "bin"));
  }, 300_000);
});
