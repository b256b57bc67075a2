// Builds dist/: tsc writes dist/types, then esbuild the rest. Skipped when no input changed
// since the last build in this checkout (scripts/lib/source-digest.mjs, with the Node
// version, which the code caches belong to) and its files are all there: `npm ci` has
// built, and `npm test`'s build then takes no time. `npm run build -- --force` builds anyway.
// - dist/cli.cjs and dist/cli-rest.cjs: the CLI in two CommonJS files (scripts/lib/cli-build.mjs):
//   what the commands people start most need, and the rest, read when a run needs it. CommonJS
//   is what keeps `im-bill estimate` close to a bare `node` start (ESM loading measured
//   ~10 ms slower here). What only some paths need stays out of the start-up path:
//   tinyglobby is required from node_modules when first used, YAML, CSV and the prompts
//   from the files below, chalk is
//   bundled but initialised lazily, and commander's child_process (only for
//   executable subcommands, which im-bill has none of) is loaded on first access.
// - dist/cli.cjs.*.cache: its V8 code caches, one for each kind of run (bin/im-bill.cjs);
//   dist/cli-rest.cjs.cache, the rest's.
// - dist/made-lists.json: the built-in price lists, made by the build, each read when a run
//   first prices with it (scripts/lib/cli-build.mjs).
// - dist/zh.cjs: the Chinese words, read when a run speaks Chinese.
// - dist/csv.cjs, js-yaml.cjs, yaml.cjs, prompts.cjs: packages the build bundles (dev
//   dependencies, scripts/lib/bundled.cjs), each read when a run first needs it.
// - dist/echarts.cjs: the parts of ECharts the HTML reports draw with, read when a run
//   draws a chart. Bundled here, so that ECharts is no dependency of the package.
// - dist/index.js and dist/index.cjs: the library, ESM and CommonJS (for `require("im-bill")`),
//   with its dependencies as imports, but for those bundled (scripts/lib/bundled.cjs).
import { build } from "esbuild";
import { buildCli } from "./lib/cli-build.mjs";
import { sourceDigest } from "./lib/source-digest.mjs";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
const { chunks } = createRequire(import.meta.url)("./lib/bundled.cjs");

const CHUNK_FILES = chunks.map((chunk) => chunk.file);
const { KINDS } = createRequire(import.meta.url)("../bin/im-bill.cjs");
/** The files of dist/ the esbuild steps below write whole (taken away first, so that none is left from before). */
const BUNDLED = [
  "cli.cjs",
  ...KINDS.map((kind) => `cli.cjs.${kind}.cache`),
  "cli-rest.cjs",
  "cli-rest.cjs.cache",
  "made-lists.json",
  "zh.cjs",
  "echarts.cjs",
  ...CHUNK_FILES,
  "LICENSES.txt",
];
/** What a build leaves in dist/ (beside the source map and the types' folders' other files). */
const OUTPUTS = [...BUNDLED, "index.js", "index.cjs", "types/index.d.ts", "types-cjs/index.d.ts"];
const cache = `${root}node_modules/.cache/im-bill`;
const stampFile = `${cache}/build-inputs`;
const stamp = `${sourceDigest(root)} node ${process.version}\n`;
const stamped = (() => {
  try {
    return readFileSync(stampFile, "utf8");
  } catch {
    return undefined;
  }
})();
if (
  !process.argv.includes("--force") &&
  stamped === stamp &&
  OUTPUTS.every((file) => existsSync(`${root}dist/${file}`))
) {
  console.log("dist/ is up to date: no input changed since its build (npm run build -- --force builds anyway)");
  process.exit(0);
}
// Built from here on: the stamp goes first, and is written again only once all is done.
rmSync(stampFile, { force: true });

const tsc = spawnSync(
  process.execPath,
  [
    `${root}node_modules/typescript/bin/tsc`,
    "-p",
    "tsconfig.build.json",
    "--incremental",
    "--tsBuildInfoFile",
    `${cache}/types.tsbuildinfo`,
  ],
  { cwd: root, stdio: "inherit" },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const file of [...BUNDLED, "cli.cjs.map", "cli-rest.cjs.map"])
  await rm(new URL(`../dist/${file}`, import.meta.url), { force: true });
/** Each file of dist/ esbuild made, and the inputs it took (its metafile's). */
const made = [];
const built = async (options) => {
  const result = await build({ ...options, metafile: true });
  for (const [file, output] of Object.entries(result.metafile.outputs))
    if (!file.endsWith(".map")) made.push({ file, inputs: Object.keys(output.inputs) });
};
/** The CLI's two files (dist/cli.cjs, dist/cli-rest.cjs), each with its inputs. */
const cliFiles = Object.values(await buildCli());
for (const output of cliFiles) made.push({ file: output.file, inputs: Object.keys(output.inputs) });
const lazyFile = { bundle: true, format: "cjs", platform: "node", target: "node20", minify: true, logLevel: "warning" };
for (const [entry, outfile] of [
  ["src/i18n/zh.ts", "dist/zh.cjs"],
  ["src/render/html/echarts.ts", "dist/echarts.cjs"],
])
  await built({ ...lazyFile, entryPoints: [entry], outfile });
for (const { file, modules, entry } of chunks)
  await built({
    ...lazyFile,
    stdin: {
      contents: entry ?? modules.map((module) => `export * from ${JSON.stringify(module)};`).join("\n"),
      resolveDir: ".",
    },
    outfile: `dist/${file}`,
    // ES modules bundled into CommonJS lose import.meta.url (fdir's createRequire needs one).
    banner: { js: 'var __imBillUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { "import.meta.url": "__imBillUrl" },
  });
// The bundle is ASCII: V8 then holds its 400 KB of source as one byte a character, not
// two, which measured 1–2 ms of every start. esbuild escapes what strings and templates
// hold; a regular expression keeps its characters as written, so write them as \u escapes.
for (const { file } of cliFiles) {
  const text = await readFile(`${root}${file}`, "utf8");
  const at = text.search(/[^\x00-\x7f]/);
  if (at !== -1)
    throw new Error(
      `${file} holds ${JSON.stringify(text[at])} (in ${JSON.stringify(text.slice(at - 40, at + 10))}): write it as a \\u escape in src/`,
    );
}
// A V8 code cache for each kind of run (scripts/code-cache.mjs), each made in a process
// of its own so that none holds another's functions; and one for the rest of the CLI.
for (const kind of [...KINDS, "rest"]) {
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
  await built({
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

// The licences of every package bundled into dist/ travel with it, in one file: each
// package's own licence files (and ECharts' licence of the d3 code it includes), with
// the files of dist/ that hold it.
{
  const EXTRA = { echarts: ["licenses/LICENSE-d3"] };
  const holders = new Map();
  for (const { file, inputs } of made)
    for (const input of inputs) {
      const at = input.lastIndexOf("node_modules/");
      if (at === -1) continue;
      const rest = input.slice(at + "node_modules/".length).split("/");
      const dir =
        input.slice(0, at + "node_modules/".length) + rest.slice(0, rest[0].startsWith("@") ? 2 : 1).join("/");
      if (!holders.has(dir)) holders.set(dir, new Set());
      holders.get(dir).add(file);
    }
  const texts = [];
  for (const [dir, files] of [...holders].sort(([a], [b]) => a.localeCompare(b))) {
    const { name, version, license } = JSON.parse(await readFile(`${dir}/package.json`, "utf8"));
    const licenceFiles = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /^(licen[cs]e|notice|copying)/i.test(entry.name))
      .map((entry) => entry.name)
      .concat(EXTRA[name] ?? []);
    if (licenceFiles.length === 0) throw new Error(`${name} ${version} ships no licence file for dist/LICENSES.txt`);
    const where = [...files].sort().join(", ");
    for (const licenceFile of licenceFiles) {
      const text = await readFile(`${dir}/${licenceFile}`, "utf8");
      texts.push(`${name} ${version} (${license}; in ${where}): ${licenceFile}\n\n${text.trim()}\n`);
    }
  }
  await writeFile(
    new URL("../dist/LICENSES.txt", import.meta.url),
    `The files of dist/ bundle these packages, or parts of them, under these licences.\n\n${texts.join("\n\n")}`,
  );
}

mkdirSync(cache, { recursive: true });
writeFileSync(stampFile, stamp);
