// Builds dist/ with esbuild; tsc writes dist/types just before.
// - dist/cli.cjs: the CLI in one CommonJS file. One file to compile, and CommonJS,
//   is what keeps `im-bill estimate` close to a bare `node` start (ESM loading measured
//   ~10 ms slower here). What only some paths need stays out of the start-up path:
//   YAML (js-yaml, and yaml for check --update), CSV, tinyglobby and @inquirer/prompts are
//   required from node_modules when first used, chalk is
//   bundled but initialised lazily, and commander's child_process (only for
//   executable subcommands, which im-bill has none of) is loaded on first access.
// - dist/cli.cjs.*.cache: its V8 code caches, one for each kind of run (bin/im-bill.cjs).
// - dist/zh.cjs: the Chinese words, read when a run speaks Chinese.
// - dist/csv.cjs: csv-parse and csv-stringify, read when a run first reads or writes CSV.
// - dist/echarts.cjs: the parts of ECharts the HTML reports draw with, read when a run
//   draws a chart. Bundled here, so that ECharts is no dependency of the package.
// - dist/index.js and dist/index.cjs: the library, ESM and CommonJS (for `require("im-bill")`),
//   with its dependencies as imports, but for those bundled (scripts/lib/bundled.cjs).
import { build } from "esbuild";
import { cliBuildOptions } from "./lib/cli-build.mjs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
const { packages: bundledPackages } = createRequire(import.meta.url)("./lib/bundled.cjs");

for (const file of [
  "cli.cjs",
  "cli.cjs.map",
  "cli.cjs.data.cache",
  "cli.cjs.table.cache",
  "cli.cjs.help.cache",
  "zh.cjs",
  "csv.cjs",
  "echarts.cjs",
  "LICENSES.txt",
])
  await rm(new URL(`../dist/${file}`, import.meta.url), { force: true });
await build(cliBuildOptions());
for (const [entry, outfile] of [
  ["src/i18n/zh.ts", "dist/zh.cjs"],
  ["scripts/lib/csv.mjs", "dist/csv.cjs"],
  ["src/render/html/echarts.ts", "dist/echarts.cjs"],
])
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    minify: true,
    logLevel: "warning",
  });
// The licences of the packages bundled into dist/ travel with them, in one file.
{
  const texts = [];
  for (const { name, files, in: holders } of bundledPackages) {
    const { version } = JSON.parse(
      await readFile(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8"),
    );
    for (const file of files) {
      const text = await readFile(new URL(`../node_modules/${name}/${file}`, import.meta.url), "utf8");
      texts.push(
        `${name} ${version} (in ${holders.map((holder) => `dist/${holder}`).join(", ")}): ${file}\n\n${text.trim()}\n`,
      );
    }
  }
  await writeFile(
    new URL("../dist/LICENSES.txt", import.meta.url),
    `The files of dist/ bundle these packages, or parts of them, under these licences.\n\n${texts.join("\n\n")}`,
  );
}
// The bundle is ASCII: V8 then holds its 400 KB of source as one byte a character, not
// two, which measured 1–2 ms of every start. esbuild escapes what strings and templates
// hold; a regular expression keeps its characters as written, so write them as \u escapes.
{
  const text = await readFile(new URL("../dist/cli.cjs", import.meta.url), "utf8");
  const at = text.search(/[^\x00-\x7f]/);
  if (at !== -1)
    throw new Error(
      `dist/cli.cjs holds ${JSON.stringify(text[at])} (in ${JSON.stringify(text.slice(at - 40, at + 10))}): write it as a \\u escape in src/`,
    );
}
// A V8 code cache for each kind of run (scripts/code-cache.mjs), each made in a process
// of its own so that none holds another's functions.
const { KINDS } = createRequire(import.meta.url)("../bin/im-bill.cjs");
for (const kind of KINDS) {
  const script = fileURLToPath(new URL("code-cache.mjs", import.meta.url));
  const made = spawnSync(process.execPath, [script, kind], { stdio: "inherit" });
  if (made.status !== 0) throw new Error(`the ${kind} code cache was not made`);
}

// The library's types twice: dist/types as ES module declarations (the package is
// "type": "module"), dist/types-cjs as CommonJS ones, so that a CommonJS TypeScript
// project (`module: node16`) resolves `require("im-bill")` to types it may require.
await rm(new URL("../dist/types-cjs", import.meta.url), { recursive: true, force: true });
await cp(new URL("../dist/types", import.meta.url), new URL("../dist/types-cjs", import.meta.url), { recursive: true });
await writeFile(new URL("../dist/types-cjs/package.json", import.meta.url), '{ "type": "commonjs" }\n');

for (const [outfile, format] of [
  ["dist/index.js", "esm"],
  ["dist/index.cjs", "cjs"],
])
  await build({
    entryPoints: ["src/index.ts"],
    outfile,
    bundle: true,
    format,
    platform: "node",
    target: "node20",
    // The runtime dependencies stay imports (a subpath too: "yaml" covers "yaml/…"); the
    // dev dependencies it imports (zod, the CSV packages) are bundled in.
    external: Object.keys(pkg.dependencies),
    logLevel: "warning",
  });
