// Builds dist/ with esbuild; tsc writes dist/types just before.
// - dist/cli.cjs: the CLI in one CommonJS file. One file to compile, and CommonJS,
//   is what keeps `im-bill estimate` close to a bare `node` start (ESM loading measured
//   ~10 ms slower here). What only some paths need stays out of the start-up path:
//   YAML (js-yaml, and yaml for check --update), CSV, tinyglobby and @inquirer/prompts are
//   required from node_modules when first used, chalk is
//   bundled but initialised lazily, and commander's child_process (only for
//   executable subcommands, which im-bill has none of) is loaded on first access.
// - dist/launch.cjs and dist/cli.cjs.cache: the bin's loader and its V8 code cache.
// - dist/index.js and dist/index.cjs: the library, ESM and CommonJS (for `require("im-bill")`),
//   with its dependencies as imports.
import { build } from "esbuild";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Writable } from "node:stream";

const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));

const lazyChildProcess = {
  name: "lazy-child-process",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: "child_process", namespace: "lazy" }));
    build.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

for (const file of ["cli.cjs", "cli.cjs.map", "cli.cjs.cache", "launch.cjs"])
  await rm(new URL(`../dist/${file}`, import.meta.url), { force: true });
await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  // Read only under --debug (see src/cli/launch.ts): frames name src/ files and lines.
  // Their text stays out of the package; the paths are what a bug report needs.
  sourcemap: "linked",
  sourcesContent: false,
  external: ["yaml", "js-yaml", "csv-stringify", "csv-parse", "tinyglobby", "@inquirer/prompts"],
  // import("yaml") becomes a lazy require(): the bundle runs as a vm.Script (launch.ts),
  // which has no loader for a real dynamic import.
  supported: { "dynamic-import": false },
  plugins: [lazyChildProcess],
  // Its "main" is a UMD build that requires its parts by computed names: the ES module bundles.
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  define: { IM_BILL_VERSION: JSON.stringify(pkg.version) },
  logLevel: "warning",
});
// The bin shim's loader: compiles cli.cjs with a V8 code cache (see src/cli/launch.ts).
await build({
  entryPoints: ["src/cli/launch.ts"],
  outfile: "dist/launch.cjs",
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
const { writeCodeCache } = createRequire(import.meta.url)("../dist/launch.cjs");
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
await writeCodeCache((cli) =>
  cli.run(["estimate", "--plan", "pro", "--dau", "25000", "--groups", "150000", "--format", "json"], {
    stdout: sink(),
    stderr: sink(),
    stdin: undefined,
    cwd: process.cwd(),
    env: {},
  }),
);

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
    packages: "external",
    logLevel: "warning",
  });
