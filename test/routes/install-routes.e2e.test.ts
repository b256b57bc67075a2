// The README's install routes that work before any publish, each run as a reader runs it,
// into a clean prefix or project, from a bare repository made of this checkout's HEAD
// (standing in for github.com/im-bill/im-bill) and from the release tarball:
// - a clone: `npm ci` (its prepare script builds), then `npm link`;
// - the release tarball: `npm install --global ./im-bill-<version>.tgz`;
// - the repository by git URL into a project: `npm install git+…` (npm builds it in a clone);
// - the repository by git URL, globally: `npm pack git+…`, then the tarball (a global
//   install of the URL itself is broken in npm: npm/cli#8440, #4148).
// Each then answers --version and prices an estimate from another folder. So do the CI
// installs, where im-bill is not in the registry: the GitHub Action's install steps, cold
// from the action's own files (a fresh clone, as a runner downloads the action) and then
// from its cache, and the GitLab template's before_script, packed from the repository.
//
// Not part of `npm test` (a clone's install and two builds take a minute): .ci/run runs it
// after the tests, with `npm run test:routes`. npm runs --offline, from the machine's npm
// cache, which the checkout's own `npm ci` filled: no network.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { load } from "js-yaml";
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
    // npm ci built: the test command's build (pretest) then has nothing to do, until an input changes.
    const again = await npm(["run", "build"], clone);
    ok(again);
    expect(again.stdout).toContain("dist/ is up to date: no input changed since its build");
    writeFileSync(
      join(clone, "src", "index.ts"),
      `${readFileSync(join(clone, "src", "index.ts"), "utf8")}\n// edited\n`,
    );
    const edited = await npm(["run", "build"], clone);
    ok(edited);
    expect(edited.stdout).not.toContain("up to date");
    expect((await npm(["run", "build"], clone)).stdout).toContain("dist/ is up to date");
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

/** A bash script run as a CI runner runs one: `-eo pipefail`, a clean environment but for `env`. */
const bash = (script: string, cwd: string, env: Record<string, string>) =>
  run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
    cwd,
    cleanEnv: true,
    env: {
      PATH: `${nodeBinDir}:/usr/bin:/bin`,
      HOME: work,
      LANG: "C",
      npm_config_userconfig: join(work, "npmrc"),
      npm_config_globalconfig: join(work, "npmrc-global"),
      npm_config_cache: cache,
      npm_config_offline: "true",
      npm_config_update_notifier: "false",
      ...env,
    },
  });

describe.concurrent("CI installs where im-bill is not in the registry", () => {
  it("the GitHub Action builds from its own files when cold, and takes them from its cache next", async () => {
    const actionPath = join(work, "action");
    const toolCache = join(work, "tool-cache");
    const runnerTemp = join(work, "runner-temp");
    mkdirSync(runnerTemp, { recursive: true });
    ok(await run("git", ["clone", "--quiet", bare, actionPath], { cwd: work }));
    const outputFile = join(runnerTemp, "output");
    const githubPath = join(runnerTemp, "path");
    writeFileSync(outputFile, "");
    const runner = {
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: elsewhere,
      GITHUB_OUTPUT: outputFile,
      GITHUB_PATH: githubPath,
      RUNNER_TEMP: runnerTemp,
      RUNNER_TOOL_CACHE: toolCache,
    };
    const chosen = await bash('"$GITHUB_ACTION_PATH/action/version.sh"', elsewhere, runner);
    ok(chosen);
    const outputs = Object.fromEntries(
      readFileSync(outputFile, "utf8")
        .trim()
        .split("\n")
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    ) as Record<string, string>;
    expect(chosen.stdout).toContain(
      `im-bill ${version} is not in the npm registry: building it from the action's own files`,
    );
    expect(outputs).toMatchObject({ source: "checkout", version });
    expect(outputs.key).toMatch(new RegExp(`^im-bill-${version.replaceAll(".", "\\.")}-checkout-[0-9a-f]{16}$`));
    expect(outputs.prefix).toBe(join(toolCache, "im-bill", outputs.key!));
    // A version asked for that the registry lacks is not the action's files: an error, not a build.
    const other = await bash('"$GITHUB_ACTION_PATH/action/version.sh"', elsewhere, {
      ...runner,
      INPUT_VERSION: "9.9.9",
    });
    expect(other.status).toBe(2);
    expect(other.stdout).toContain(
      `::error title=im-bill::version: im-bill 9.9.9 is not in the npm registry; leave \`version\` empty to build the action's own (${version})`,
    );
    const install = '"$GITHUB_ACTION_PATH/action/install.sh"';
    const env = {
      ...runner,
      IM_BILL_SOURCE: outputs.source!,
      IM_BILL_VERSION: outputs.version!,
      IM_BILL_PREFIX: outputs.prefix!,
    };
    const started = Date.now();
    const cold = await bash(install, elsewhere, env);
    const coldSeconds = (Date.now() - started) / 1000;
    ok(cold);
    expect(cold.stderr).not.toMatch(/npm warn/i);
    await works(readFileSync(githubPath, "utf8").trim());
    const cachedStart = Date.now();
    const cached = await bash(install, elsewhere, env);
    ok(cached);
    expect(cached.stdout).toContain(`im-bill ${version} restored from the cache`);
    process.stdout.write(
      `the Action's install step: cold ${coldSeconds.toFixed(1)} s, cached ${((Date.now() - cachedStart) / 1000).toFixed(1)} s\n`,
    );
  }, 300_000);

  it("the GitLab template's before_script packs the repository's ref, and its cache serves the next job", async () => {
    const template = load(readFileSync(join(root, "examples/ci/gitlab-ci.yml"), "utf8")) as {
      variables: Record<string, string>;
      ".im-bill": { before_script: string[] };
    };
    expect(template.variables.IM_BILL_VERSION).toBe(version);
    const projectDir = join(work, "gitlab-project");
    mkdirSync(projectDir);
    const env = {
      CI_PROJECT_DIR: projectDir,
      IM_BILL_VERSION: version,
      IM_BILL_REPOSITORY: `file://${bare}`,
      // The bare repository has no release tag yet: its branch.
      IM_BILL_REF: "main",
    };
    const script = template[".im-bill"].before_script.join("\n");
    ok(await bash(script, projectDir, env));
    await works(join(projectDir, ".im-bill", "bin"));
    const again = await bash(script, projectDir, env);
    ok(again);
    expect(again.stdout).toContain(`im-bill@${version} restored from the cache`);
  }, 300_000);
});
