// The package as users get it: `npm pack`, then installed from the tarball into a fresh
// global prefix and a fresh project (from a local registry of our dependencies: no
// network), and used from another folder, from ESM, CommonJS and TypeScript.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imBill, root, RUN_EPOCH } from "../helpers/cli.js";
import { startRegistry, type Registry } from "../helpers/registry.js";
import { run, type Run } from "../helpers/run.js";
import { shippedProblems } from "../../scripts/lib/shipped.mjs";
import { builtinCatalogs, editionNames } from "../../src/catalog/index.js";
import { PLAN_NAMES } from "../../src/scenario/schema.js";

const { bundled } = createRequire(import.meta.url)("../../scripts/lib/bundled.cjs") as { bundled: string[] };
const work = mkdtempSync(join(tmpdir(), "im-bill-package-"));
const prefix = join(work, "global");
const project = join(work, "project");
const elsewhere = join(work, "elsewhere");
const npmCache = join(work, "npm-cache");
let registry: Registry;
let packed: { filename: string; size: number; entryCount: number; files: { path: string }[] };
let globalInstall: Run;
let projectInstall: Run;

// npm with a cache of its own and this registry; nothing from the machine's npm config.
const npm = (args: string[], cwd: string) =>
  run(
    "npm",
    [...args, "--registry", registry.url, "--cache", npmCache, "--no-audit", "--no-fund", "--no-update-notifier"],
    {
      cwd,
      env: { npm_config_userconfig: join(work, "npmrc"), npm_config_globalconfig: join(work, "npmrc-global") },
    },
  );
const nodeBinDir = dirname(process.execPath);
const installedBin = join(prefix, "bin", "im-bill");
/** The installed command, run from a folder with no im-bill in it, as a user's shell would. */
const installed = (args: string[]) =>
  run(installedBin, args, {
    cwd: elsewhere,
    env: { PATH: `${join(prefix, "bin")}:${nodeBinDir}:/usr/bin:/bin`, LANG: "C", SOURCE_DATE_EPOCH: RUN_EPOCH },
  });

beforeAll(async () => {
  for (const dir of [prefix, project, elsewhere]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(work, "npmrc"), "");
  writeFileSync(join(work, "npmrc-global"), "");
  registry = await startRegistry(root, work);
  // dist/ is built by `pretest`; packed as a release is (scripts/pack.mjs), with no script.
  const pack = await run(process.execPath, ["scripts/pack.mjs", "--no-build", "--json", "--pack-destination", work], {
    cwd: root,
  });
  expect(pack.status, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  const tarball = join(work, packed.filename);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, version: "1.0.0" }));
  // The two installs share nothing but the registry and npm's cache, which takes concurrent writers.
  [globalInstall, projectInstall] = await Promise.all([
    npm(["install", "--global", "--prefix", prefix, tarball], work),
    npm(["install", tarball], project),
  ]);
  cpSync(join(root, "examples"), join(elsewhere, "scenarios"), { recursive: true });
}, 240_000);

afterAll(async () => {
  await registry?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("ships what users need and nothing else", () => {
    const files = packed.files.map((file) => file.path);
    expect(shippedProblems(files)).toEqual([]);
    // The rule sees what it is for: a file too many, a file missing.
    expect(shippedProblems([...files.filter((path) => path !== "dist/zh.cjs"), "src/index.ts"])).toEqual([
      "ships src, which no user needs",
      "lacks dist/zh.cjs",
      "ships src/index.ts",
    ]);
  });
});

describe("npm install --global", () => {
  it("runs no script and warns about nothing", () => {
    expect(globalInstall.status, globalInstall.stderr).toBe(0);
    expect(globalInstall.stderr).not.toMatch(/warn|allowScripts|deprecated/i);
    expect(globalInstall.stdout).toMatch(/added \d+ packages/);
  });

  it("prices from another folder what the checkout prices", async () => {
    const args = ["estimate", "--plan", "pro", "--dau", "25000", "--groups", "150000", "--format", "json"];
    const result = await installed(args);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(imBill(args).stdout));
  });

  it("reads YAML and batches over a glob", async () => {
    const yaml = await installed(["estimate", "--file", "scenarios/community-large-groups.yaml", "--format", "json"]);
    expect(yaml.status, yaml.stderr).toBe(0);
    expect(JSON.parse(yaml.stdout)).toEqual(
      JSON.parse(imBill(["estimate", "--file", "examples/community-large-groups.yaml", "--format", "json"]).stdout),
    );
    const batch = await installed(["batch", "scenarios/*.json", "--format", "jsonl"]);
    expect(batch.status, batch.stderr).toBe(0);
    const rows = batch.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { source: string });
    expect(rows.map((row) => row.source).sort()).toEqual(
      readdirSync(join(root, "examples"))
        .filter((name) => name.endsWith(".json"))
        .map((name) => `scenarios/${name}`)
        .sort(),
    );
  });

  it("draws an HTML report's chart with the ECharts parts it ships, no ECharts installed", async () => {
    const args = ["compare", "--dau", "25000", "--groups", "150000", "--format", "html"];
    const result = await installed(args);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("<svg");
    expect(result.stdout).toBe(imBill(args).stdout);
    const installedPackages = readdirSync(join(prefix, "lib", "node_modules", "im-bill", "node_modules"));
    expect(installedPackages).not.toContain("echarts");
    expect(installedPackages).not.toContain("zrender");
  });

  it("prints the price sheet, its version, and --debug stacks in src/", async () => {
    const prices = await installed(["prices"]);
    expect(prices.status, prices.stderr).toBe(0);
    expect(prices.stdout).toBe(imBill(["prices"]).stdout);
    const debug = await installed(["estimate", "--plan", "gold", "--debug"]);
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/node_modules\/im-bill\/src\/scenario\/validate\.ts:\d+:\d+/);
    const version = await installed(["--version"]);
    expect(version.stdout.trim()).toBe(imBill(["--version"]).stdout.trim());
  });
});

describe("npm install im-bill (a project)", () => {
  const scenario = `{ plan: "pro", usage: { peakDau: 25000 } }`;
  // The library's runs are made today (it reads no SOURCE_DATE_EPOCH): the CLI's too, to compare.
  const expected = () =>
    JSON.parse(
      imBill(["estimate", "--plan", "pro", "--dau", "25000", "--format", "json"], { env: { SOURCE_DATE_EPOCH: "" } })
        .stdout,
    );

  it("installs quietly, without Node's types", () => {
    expect(projectInstall.status, projectInstall.stderr).toBe(0);
    expect(projectInstall.stderr).not.toMatch(/warn/i);
    expect(readdirSync(join(project, "node_modules"))).not.toContain("@types");
  });

  it("takes at most 15 MB of node_modules, with nothing the build bundles into dist/", () => {
    // The bytes of every file, as `du --apparent-size` counts them (blocks differ by file system).
    let bytes = 0;
    const folders = [join(project, "node_modules")];
    for (let folder = folders.pop(); folder !== undefined; folder = folders.pop())
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) folders.push(path);
        else if (entry.isFile()) bytes += statSync(path).size;
      }
    expect(bytes).toBeLessThanOrEqual(15 * 1024 * 1024);
    const installed = readdirSync(join(project, "node_modules"));
    for (const name of bundled) expect(installed).not.toContain(name);
  });

  it("imports from ESM and requires from CommonJS", async () => {
    writeFileSync(
      join(project, "esm.mjs"),
      `import { estimate } from "im-bill";\nconsole.log(JSON.stringify(estimate(${scenario})));\n`,
    );
    writeFileSync(
      join(project, "cjs.cjs"),
      `const { estimate } = require("im-bill");\nconsole.log(JSON.stringify(estimate(${scenario})));\n`,
    );
    for (const file of ["esm.mjs", "cjs.cjs"]) {
      const result = await run(process.execPath, [file], { cwd: project });
      expect(result.status, result.stderr).toBe(0);
      // The CLI's object, but that a note names the library's option where the CLI's names a flag.
      const { notes, ...library } = JSON.parse(result.stdout) as { notes: { code: string; message: string }[] };
      const { notes: cliNotes, ...printed } = expected() as { notes: typeof notes };
      expect(library).toEqual(printed);
      expect(notes.map((note) => note.code)).toEqual(cliNotes.map((note) => note.code));
      expect(notes.map((note) => note.message).join("\n")).not.toMatch(/--\w/);
    }
  });

  it("chooses the list as the CLI does: by id, by day, never a silent fallback; notes name the option", async () => {
    writeFileSync(
      join(project, "lists.mjs"),
      [
        `import { estimate, InputError } from "im-bill";`,
        `const scenario = ${scenario};`,
        `const tried = (options) => { try { return estimate(scenario, options); } catch (error) {`,
        `  return { error: error instanceof InputError, problems: error.problems }; } };`,
        `console.log(JSON.stringify({`,
        `  today: estimate(scenario).total,`,
        `  byId: tried({ catalog: "tencent-im-cn-2024" }).total,`,
        `  old: tried({ catalog: "tencent-im-cn-2020" }),`,
        `  byDay: estimate(scenario, { on: "2023-06-01" }).pricing,`,
        `  unknown: tried({ catalog: "tencent-im-cn-2O24" }),`,
        `  badDay: tried({ on: "yesterday" }),`,
        `}));`,
      ].join("\n"),
    );
    const result = await run(process.execPath, ["lists.mjs"], { cwd: project });
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.today).toBe(expected().total);
    expect(out.byId).toBe("3499.00");
    expect(out.old.total).toBe("2999.00");
    expect(out.old.notes).toEqual([
      {
        code: "catalog.superseded",
        message:
          'tencent-im-cn-2020 ended on 2023-12-31: Pro costs ¥1,499.00/month since 2024-01-01 ({ catalog: "tencent-im-cn-2024" })',
      },
      {
        code: "catalog.unverified",
        message:
          "tencent-im-cn-2020 was last checked against Tencent's pages on 2025-11-04, more than 180 days ago: its prices may have changed. Each figure's source is in the list; a price you know better goes in a list that extends it (the catalog option)",
      },
    ]);
    expect(out.byDay).toMatchObject({ on: "2023-06-01", chosenBy: "date", catalog: { id: "tencent-im-cn-2020" } });
    expect(out.unknown).toEqual({
      error: true,
      problems: [
        {
          source: "options",
          path: "catalog",
          message:
            'unknown catalog "tencent-im-cn-2O24": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024, tencent-im-cn-overseas-2023, tencent-im-intl-2020, tencent-im-intl-2021, tencent-im-intl-2022, tencent-im-intl-2025 (did you mean "tencent-im-cn-2024"?)',
        },
      ],
    });
    expect(out.badDay).toEqual({
      error: true,
      problems: [{ source: "options", path: "on", message: 'must be a day such as 2024-01-01, got "yesterday"' }],
    });
  });

  // An ES module and a CommonJS one (.mts, .cts), each under both module settings: node16
  // has no require() of ES modules, so the CommonJS file needs CommonJS declarations. The
  // consumers that must pass and those that must fail are one program: one tsc run a setting.
  it.each(["node16", "nodenext"])(
    "type-checks strict TypeScript consumers (ESM and CommonJS, module %s) with no @types/node, and rejects an unknown plan",
    async (module) => {
      const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
      const consumers = ["consumer.mts", "consumer.cts"];
      const rejected = ["rejected.mts", "rejected.cts"];
      writeFileSync(
        join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { strict: true, skipLibCheck: false, types: [], module, target: "es2022", noEmit: true },
          files: [...consumers, ...rejected],
        }),
      );
      const typed = [
        `import { estimate, parseScenario, PLAN_NAMES, type Estimate, type ScenarioInput } from "im-bill";`,
        `const scenario: ScenarioInput = ${scenario};`,
        `const bill: Estimate = estimate(scenario, { lang: "zh", catalog: "tencent-im-cn-2020", on: "2023-06-01", discount: "15%" });`,
        `export const chosen: string = bill.pricing.chosenBy;`,
        `const parsed = parseScenario(JSON.parse('{"plan":"flagship"}') as unknown);`,
        `export const totals: string[] = [bill.total, estimate(parsed).total, String(PLAN_NAMES.length)];`,
      ].join("\n");
      for (const file of consumers) writeFileSync(join(project, file), typed);
      const bad = `import { estimate } from "im-bill";\nestimate({ plan: "enterprize" });\n`;
      for (const file of rejected) writeFileSync(join(project, file), bad);

      const checked = await run(process.execPath, [tsc, "-p", "."], { cwd: project });
      expect(checked.status).not.toBe(0);
      const errors = checked.stdout.trim().split("\n");
      // The consumers type-check; the two rejected files get one error each.
      expect(errors.filter((line) => line.startsWith("consumer."))).toEqual([]);
      expect(errors).toHaveLength(2);
      for (const file of rejected)
        expect(errors).toContainEqual(
          expect.stringMatching(
            new RegExp(
              `^${file.replace(".", "\\.")}\\(2,\\d+\\): error TS2(322|820): Type '"enterprize"' is not assignable`,
            ),
          ),
        );
    },
  );
});

describe("PLAN_NAMES", () => {
  it("are the built-in catalog's edition names and aliases, in order", () => {
    expect([...PLAN_NAMES].sort()).toEqual([...new Set(builtinCatalogs().flatMap(editionNames))].sort());
  });
});
