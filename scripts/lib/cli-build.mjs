// The CLI's esbuild options, for scripts/build.mjs and for the start-up test
// (scripts/startup-modules.mjs), which builds the same bundle with a tracer in it.
// - dist/cli.cjs: the CLI in one CommonJS file. One file to compile, and CommonJS,
//   is what keeps `im-bill estimate` close to a bare `node` start (ESM loading measured
//   ~10 ms slower here). What only some paths need stays out of the start-up path:
//   YAML (js-yaml, and yaml for check --update), CSV, @inquirer/prompts, the path
//   patterns and usage pull's signer are required from files of dist/ of their own, chalk is
//   bundled but initialised lazily, and commander's child_process (only for
//   executable subcommands, which im-bill has none of) is loaded on first access.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { build as esbuild } from "esbuild";

const require = createRequire(import.meta.url);
const { chunks } = require("./bundled.cjs");
const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));

const lazyChildProcess = {
  name: "lazy-child-process",
  setup(build) {
    // commander's only: im-bill's own use (git, for diff --base) is in modules that load when used.
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

/**
 * Modules initialised on first use, not at start-up: each import of one resolves to a
 * stand-in whose exports call into the module, required (and so initialised) then.
 * - string-width compiles its Unicode-property patterns when it loads (~20 ms), and the
 *   common text (ASCII, CJK) never needs it (src/render/text.ts).
 * - The scenario's zod parse (src/scenario/full-parse.ts) is asked only when the quick
 *   check is unsure, mostly of invalid input: zod and the schema (~2.5 ms) load then.
 */
const lazyModules = {
  name: "lazy-modules",
  setup(build) {
    // The exports of each, called through: the default export is the stand-in itself (ES
    // module interop takes module.exports as the default of a CommonJS module). A module
    // of src/ is named as its importer (given) names it.
    const lazy = {
      "string-width": { exports: ["default"] },
      "./full-parse.js": { exports: ["fullParse"], importer: join("src", "scenario", "validate.ts") },
    };
    const filter = new RegExp(
      `^(${Object.keys(lazy)
        .map((name) => name.replace(/[.]/g, "\\."))
        .join("|")})$`,
    );
    build.onResolve({ filter }, (args) =>
      args.namespace === "lazy-module" ||
      (lazy[args.path].importer !== undefined && !args.importer.endsWith(lazy[args.path].importer))
        ? undefined
        : { path: args.path, namespace: "lazy-module", pluginData: { resolveDir: args.resolveDir } },
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-module" }, (args) => ({
      contents: [
        `const load = () => require(${JSON.stringify(args.path)});`,
        "module.exports = (...args) => load().default(...args);",
        ...lazy[args.path].exports.map((name) => `module.exports.${name} = (...args) => load().${name}(...args);`),
      ].join("\n"),
      loader: "js",
      resolveDir: lazy[args.path].importer === undefined ? process.cwd() : args.pluginData.resolveDir,
    }));
  },
};

/**
 * Data made by the build: a module of src/ that computes plain data is run here, and the
 * bundle holds what it made as a literal. The scenario's shape for the quick check
 * (src/scenario/shape.ts) is read from its zod schema, which a run then need not build.
 */
const madeAtBuild = {
  name: "made-at-build",
  setup(build) {
    const modules = { "./shape.js": join("src", "scenario", "validate.ts") };
    build.onResolve({ filter: /^\.\/shape\.js$/ }, (args) =>
      args.importer.endsWith(modules[args.path])
        ? { path: join(args.resolveDir, args.path.replace(/\.js$/, ".ts")), namespace: "made-at-build" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "made-at-build" }, async (args) => {
      const made = await esbuild({
        entryPoints: [args.path],
        bundle: true,
        write: false,
        format: "cjs",
        platform: "node",
        target: "node20",
        logLevel: "warning",
      });
      const module = { exports: {} };
      new Function("module", "exports", "require", made.outputFiles[0].text)(module, module.exports, require);
      const lines = Object.entries(module.exports).map(([name, value]) => {
        const text = JSON.stringify(value);
        // Plain data only: what JSON would not carry (a function, a pattern) is a mistake here.
        if (!isDeepStrictEqual(JSON.parse(text), value)) throw new Error(`${args.path}: ${name} is not plain data`);
        return `export const ${name} = ${text};`;
      });
      return { contents: lines.join("\n"), loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

/**
 * The Chinese words (src/i18n/zh.ts) as a file of their own, dist/zh.cjs, read when a run
 * first speaks Chinese: the messages and --help import a stand-in whose exports are
 * getters that require it then. The 40 KB are not compiled by a run in English.
 */
const lazyChinese = {
  name: "lazy-chinese",
  setup(build) {
    const importers = [join("src", "i18n", "messages.ts"), join("src", "i18n", "help.ts")];
    build.onResolve({ filter: /^\.\/zh\.js$/ }, (args) =>
      importers.some((file) => args.importer.endsWith(file)) ? { path: "zh", namespace: "lazy-chinese" } : undefined,
    );
    build.onResolve({ filter: /^\.\/zh\.cjs$/ }, () => ({ path: "./zh.cjs", external: true }));
    build.onLoad({ filter: /.*/, namespace: "lazy-chinese" }, () => ({
      contents: [
        'const load = () => require("./zh.cjs");',
        "module.exports = {",
        "  get zhMessages() { return load().zhMessages; },",
        "  get zhHelp() { return load().zhHelp; },",
        "};",
      ].join("\n"),
      loader: "js",
    }));
  },
};

/**
 * The charts' parts of ECharts (src/render/html/echarts.ts) as a file of their own,
 * dist/echarts.cjs (scripts/build.mjs), required when a run first draws a chart: the
 * bundle stays as small as a run without charts needs, and an install needs no ECharts.
 */
const chartsApart = {
  name: "charts-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\/echarts\.js$/ }, (args) =>
      args.importer.endsWith(join("src", "render", "html", "charts.ts"))
        ? { path: "./echarts.cjs", external: true }
        : undefined,
    );
  },
};

/**
 * The packages bundled into files of their own (scripts/lib/bundled.cjs: the CSV packages,
 * js-yaml, yaml, @inquirer/prompts), each required from dist/ when a run first uses it,
 * as it was from node_modules before they became dev dependencies.
 */
const chunksApart = {
  name: "chunks-apart",
  setup(build) {
    const fileOf = new Map(chunks.flatMap(({ file, modules }) => modules.map((module) => [module, file])));
    build.onResolve({ filter: /^[@a-z]/ }, (args) =>
      fileOf.has(args.path) ? { path: `./${fileOf.get(args.path)}`, external: true } : undefined,
    );
  },
};

/** The options of the CLI's bundle: `outfile` and further plugins as the caller wants them. */
export const cliBuildOptions = ({ outfile = "dist/cli.cjs", plugins = [], metafile = false } = {}) => ({
  entryPoints: ["src/cli/main.ts"],
  outfile,
  metafile,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  // Read only under --debug (see bin/im-bill.cjs): frames name src/ files and lines.
  // Their text stays out of the package; the paths are what a bug report needs.
  sourcemap: "linked",
  sourcesContent: false,
  // import("yaml") becomes a lazy require(): the bundle runs as a vm.Script (bin/im-bill.cjs),
  // which has no loader for a real dynamic import.
  supported: { "dynamic-import": false },
  plugins: [lazyChildProcess, lazyModules, madeAtBuild, lazyChinese, chartsApart, chunksApart, ...plugins],
  // Its "main" is a UMD build that requires its parts by computed names: the ES module bundles.
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  define: { IM_BILL_VERSION: JSON.stringify(pkg.version) },
  logLevel: "warning",
});
