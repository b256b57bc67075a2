// The CLI's build, for scripts/build.mjs and for the start-up test
// (scripts/startup-modules.mjs), which builds the same files with a tracer in them.
// - dist/cli.cjs: the CLI as the commands people start most need it, in one CommonJS
//   file; dist/cli-rest.cjs: what only other commands and formats need (REST_ENTRIES).
//   One file to compile, and CommonJS,
//   is what keeps `im-bill estimate` close to a bare `node` start (ESM loading measured
//   ~10 ms slower here). What only some paths need stays out of the start-up path:
//   YAML (js-yaml, and yaml for check --update), CSV, @inquirer/prompts, the path
//   patterns and usage pull's signer are required from files of dist/ of their own, chalk is
//   bundled but initialised lazily, and commander's child_process (only for
//   executable subcommands, which im-bill has none of) is loaded on first access.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, sep } from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { build as esbuild } from "esbuild";

const require = createRequire(import.meta.url);
const { chunks } = require("./bundled.cjs");
const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));

/**
 * decimal.js makes two 1,025-digit constants (ln 10 and pi) decimals as it loads
 * (~0.2 ms of every start, measured), for ln(), exp() and the trigonometry, which no
 * bill uses. Left as the strings they are written as, each is made a decimal where it
 * is used (`new Ctor(LN10)` takes a string as well as a decimal): the same results
 * (test/build/decimal-constants.test.ts). The build stops if the lines change.
 */
const DECIMAL_MODULE = /[\\/]decimal\.js[\\/]decimal\.mjs$/;

/** A module's text as the CLI bundles it: decimal.js's constants left as text; any other as it is. */
export function bundledSource(path, text) {
  if (!DECIMAL_MODULE.test(path)) return text;
  const made = /^LN10 = new Decimal\(LN10\);\r?\nPI = new Decimal\(PI\);\r?$/gm;
  if (text.match(made)?.length !== 1) throw new Error(`${path}: its constants are no longer made as expected`);
  return text.replace(made, "");
}

export const decimalConstantsAsText = {
  name: "decimal-constants-as-text",
  setup(build) {
    build.onLoad({ filter: DECIMAL_MODULE }, async (args) => ({
      contents: bundledSource(args.path, await readFile(args.path, "utf8")),
      loader: "js",
    }));
  },
};

/**
 * The file esbuild resolves an import to, asked from a plugin's own onResolve: the
 * question carries `mark` in its pluginData, for the plugin to let it through rather
 * than ask again without end (which hung the build once). Undefined where it is no file.
 */
async function resolvedFile(build, args, mark) {
  const { path, namespace, errors } = await build.resolve(args.path, {
    kind: args.kind,
    importer: args.importer,
    resolveDir: args.resolveDir,
    pluginData: { [mark]: true },
  });
  return errors.length > 0 || namespace !== "file" ? undefined : path;
}

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
 * - The zod parses of a scenario and of a project config (src/scenario/full-parse.ts,
 *   src/config/full-parse.ts) are asked only when the quick check is unsure, mostly of
 *   invalid input: zod and the schemas load then, from dist/cli-rest.cjs (REST_ENTRIES).
 */
const lazyModules = {
  name: "lazy-modules",
  setup(build) {
    // The exports of each, called through: the default export is the stand-in itself (ES
    // module interop takes module.exports as the default of a CommonJS module). A module
    // of src/ is named as its importers name it; its stand-in by the file it resolves to.
    const lazy = {
      "string-width": { exports: ["default"] },
      "./full-parse.js": {
        exports: ["fullParse"],
        importers: [join("src", "scenario", "validate.ts"), join("src", "config", "validate.ts")],
      },
    };
    const filter = new RegExp(
      `^(${Object.keys(lazy)
        .map((name) => name.replace(/[.]/g, "\\."))
        .join("|")})$`,
    );
    build.onResolve({ filter }, async (args) => {
      const { importers, exports } = lazy[args.path];
      if (args.namespace === "lazy-module" || args.pluginData?.lazyModule) return undefined;
      if (importers === undefined) return { path: args.path, namespace: "lazy-module", pluginData: { exports } };
      if (!importers.some((importer) => args.importer.endsWith(importer))) return undefined;
      const path = await resolvedFile(build, args, "lazyModule");
      return path && { path, namespace: "lazy-module", pluginData: { exports } };
    });
    build.onLoad({ filter: /.*/, namespace: "lazy-module" }, (args) => ({
      contents: [
        `const load = () => require(${JSON.stringify(args.path)});`,
        "module.exports = (...args) => load().default(...args);",
        ...args.pluginData.exports.map((name) => `module.exports.${name} = (...args) => load().${name}(...args);`),
      ].join("\n"),
      loader: "js",
      resolveDir: root,
    }));
  },
};

/**
 * Data made by the build: a module of src/ that computes plain data is run here, and the
 * bundle holds what it made as a literal. A function of no arguments in it is called here
 * too, and what it returned is written as JSON to a file beside the bundle
 * (made-<module>.json, one text after another): the function becomes one that reads and
 * parses its own bytes of that file, so that the bundle neither holds nor builds the data
 * before it is asked for. The shapes of a scenario and of a project config for the quick
 * check (src/scenario/shape.ts, src/config/shape.ts) are read from their zod schemas,
 * which a run then need not build; the built-in lists
 * (src/catalog/lists.ts) are made with their overlays laid, and read when first made.
 * A module is run once for the three steps of buildCli, and its file written by the step
 * that writes.
 */
const madeAtBuild = () => {
  /** What each module made (make, once): its text for the bundle, and its file's name and texts. */
  const made = new Map();
  return {
    name: "made-at-build",
    setup(build) {
      const modules = [
        [join("src", "scenario", "validate.ts"), "./shape.js"],
        [join("src", "config", "validate.ts"), "./shape.js"],
        [join("src", "catalog", "index.ts"), "./lists.js"],
      ];
      build.onResolve({ filter: /^\.\/(shape|lists)\.js$/ }, (args) =>
        modules.some(([importer, path]) => args.importer.endsWith(importer) && args.path === path)
          ? { path: join(args.resolveDir, args.path.replace(/\.js$/, ".ts")), namespace: "made-at-build" }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "made-at-build" }, async (args) => {
        if (!made.has(args.path)) made.set(args.path, make(args.path));
        const { contents, file, texts } = await made.get(args.path);
        if (texts.length > 0 && build.initialOptions.write !== false) {
          const outdir = dirname(build.initialOptions.outfile);
          mkdirSync(outdir, { recursive: true });
          writeFileSync(join(outdir, file), texts.join(""));
        }
        return { contents, loader: "js", resolveDir: dirname(args.path) };
      });
    },
  };
};

/** The module at `path` run, and what it made as a module's text (madeAtBuild). */
async function make(path) {
  const built = await esbuild({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  const module = { exports: {} };
  new Function("module", "exports", "require", built.outputFiles[0].text)(module, module.exports, require);
  // The texts of its functions' data, in made-<module>.json beside the bundle.
  const file = `made-${basename(path, ".ts")}.json`;
  const texts = [];
  let bytes = 0;
  /** `value` as JavaScript; plain data only (what JSON would not carry is a mistake here). */
  const literal = (value, at) => {
    if (typeof value === "function") {
      if (value.length !== 0) throw new Error(`${path}: ${at} takes arguments`);
      // ASCII (the rest as \u escapes): read as one byte a character, and parsed as such.
      const text = `${json(value(), `${at}()`).replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
      const length = text.length;
      texts.push(text);
      bytes += length;
      return `() => made(${bytes - length}, ${length})`;
    }
    if (Array.isArray(value)) return `[${value.map((each, index) => literal(each, `${at}[${index}]`)).join(", ")}]`;
    if (typeof value === "object" && value !== null && Object.values(value).some((each) => typeof each === "function"))
      return `{ ${Object.entries(value)
        .map(([key, each]) => `${JSON.stringify(key)}: ${literal(each, `${at}.${key}`)}`)
        .join(", ")} }`;
    return json(value, at);
  };
  const json = (value, at) => {
    const text = JSON.stringify(value);
    if (text === undefined || !isDeepStrictEqual(JSON.parse(text), value))
      throw new Error(`${path}: ${at} is not plain data`);
    return text;
  };
  const lines = Object.entries(module.exports).map(
    ([name, value]) => `export const ${name} = ${literal(value, name)};`,
  );
  if (texts.length > 0) {
    lines.unshift(
      'import { closeSync, openSync, readSync } from "node:fs";',
      'import { join } from "node:path";',
      `/** The bytes of ${file} from \`start\`, parsed. */`,
      "function made(start, length) {",
      `  const fd = openSync(join(__dirname, ${JSON.stringify(file)}), "r");`,
      "  try {",
      "    const buffer = Buffer.alloc(length);",
      "    for (let read = 0; read < length; ) read += readSync(fd, buffer, read, length - read, start + read) || length;",
      '    return JSON.parse(buffer.toString("latin1"));',
      "  } finally {",
      "    closeSync(fd);",
      "  }",
      "}",
    );
  }
  return { contents: lines.join("\n"), file, texts };
}

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

/**
 * What only some commands and formats reach, each through an import(): the formats
 * beside an estimate's JSON and table (HTML, markdown, CSV, the charts), the diffs, the
 * forecast, usage pull, the prompts' flow, the JSON Schemas, the completion spec, check
 * --update, price files, zod's parse of an input the quick check was unsure of. They are bundled into dist/cli-rest.cjs, apart from the commands
 * people start most (estimate, compare, check, --help), which then compile and read half
 * the code. A module also reached without an import() from those stays in dist/cli.cjs.
 */
export const REST_ENTRIES = [
  "node_modules/asciichart/asciichart.js",
  "src/advisor/forecast.ts",
  "src/advisor/usage.ts",
  "src/catalog/file.ts",
  "src/check/update.ts",
  "src/cli/annotations.ts",
  "src/cli/completion/spec.ts",
  "src/cli/interactive.ts",
  "src/estimate-diff/diff.ts",
  "src/git/repository.ts",
  "src/json-schema/generate.ts",
  "src/project/project-diff.ts",
  "src/pull/merge.ts",
  "src/render/annotations.ts",
  "src/render/batch/totals.ts",
  "src/render/batch/writers.ts",
  "src/render/catalogs.ts",
  "src/render/csv-reports.ts",
  "src/render/estimate-diff.ts",
  "src/render/estimate-formats.ts",
  "src/render/forecast.ts",
  "src/render/html/reports.ts",
  "src/render/price-sheet.ts",
  "src/render/prices.ts",
  "src/render/project-diff.ts",
  "src/render/usage.ts",
  "src/report/read.ts",
  "src/scenario/full-parse.ts",
  "src/config/full-parse.ts",
  "src/scenario/usage-csv.ts",
  "src/tencent/appinfo.ts",
  "src/tencent/proxy.ts",
  "src/tencent/usersig.ts",
];

const root = fileURLToPath(new URL("../..", import.meta.url));
/** A bundled file as a key: its path from the checkout's root, with forward slashes. */
const keyOf = (path) => relative(root, path).split(sep).join("/");

/**
 * Each file of the CLI is its own module function. Required (the tests' runs, --debug), it
 * calls itself as Node's loader hands it the module; run as a script (at the top, `this`
 * is the global object), its value is the function, which the bin's loader calls: it
 * compiles the text as read, where Module.wrap(text) made a second 430 KB copy in V8's
 * young heap, and a start paid a garbage collection for it (~1.4 ms).
 */
const SELF_WRAPPED = {
  banner: {
    js: "(this === globalThis ? (body) => body : (body) => body(exports, require, module, __filename, __dirname))(function (exports, require, module, __filename, __dirname) {",
  },
  footer: { js: "})" },
};

/** The options of either file of the CLI, with buildCli's made-at-build plugin. */
const options = (plugins, madeHere) => ({
  ...SELF_WRAPPED,
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
  // The caller's plugins before the decimal.js change: the start-up tracer makes it itself (bundledSource).
  plugins: [
    lazyChildProcess,
    lazyModules,
    madeHere,
    lazyChinese,
    chartsApart,
    chunksApart,
    ...plugins,
    decimalConstantsAsText,
  ],
  // Its "main" is a UMD build that requires its parts by computed names: the ES module bundles.
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  define: { IM_BILL_VERSION: JSON.stringify(pkg.version) },
  metafile: true,
  absWorkingDir: root,
  logLevel: "warning",
});

/**
 * dist/cli.cjs: an import() of a rest entry (not otherwise in this file) becomes a
 * require of dist/cli-rest.cjs, handed the modules of this file that the rest imports
 * (`linked`, by key), so that both share one instance of each (one UserError, one day).
 */
const restApart = (core, linked) => ({
  name: "rest-apart",
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      // Only what the CLI reaches lazily: an import(), or a stand-in's require (lazyModules).
      if ((args.kind !== "dynamic-import" && args.kind !== "require-call") || args.pluginData?.restApart)
        return undefined;
      const path = await resolvedFile(build, args, "restApart");
      if (path === undefined) return undefined;
      const key = keyOf(path);
      const index = REST_ENTRIES.indexOf(key);
      return index === -1 || core?.has(key) ? undefined : { path: String(index), namespace: "rest-entry" };
    });
    build.onLoad({ filter: /.*/, namespace: "rest-entry" }, (args) => ({
      contents: `module.exports = require("./cli-rest.cjs").load(require("im-bill:core"), ${args.path});`,
      loader: "js",
      resolveDir: root,
    }));
    build.onResolve({ filter: /^\.\/cli-rest\.cjs$/ }, () => ({ path: "./cli-rest.cjs", external: true }));
    build.onResolve({ filter: /^im-bill:core$/ }, () => ({ path: "core", namespace: "core-modules" }));
    // Each module the rest imports, by key, as it is here: required, so initialised on first use.
    build.onLoad({ filter: /.*/, namespace: "core-modules" }, () => ({
      contents: [
        "module.exports = (key) => {",
        "  switch (key) {",
        ...[...linked]
          .sort()
          .map((key) => `    case ${JSON.stringify(key)}: return require(${JSON.stringify(join(root, key))});`),
        "  }",
        "};",
      ].join("\n"),
      loader: "js",
      resolveDir: root,
    }));
  },
});

/**
 * dist/cli-rest.cjs: the rest entries, each loaded by its index; a module of
 * dist/cli.cjs imported here is taken from there (noted in `linked`), not bundled again.
 */
const coreLinked = (core, linked) => ({
  name: "core-linked",
  setup(build) {
    build.onResolve({ filter: /^im-bill:(rest|link)$/ }, (args) => ({ path: args.path, namespace: "rest-modules" }));
    build.onLoad({ filter: /.*/, namespace: "rest-modules" }, (args) => ({
      contents:
        args.path === "im-bill:link"
          ? "module.exports = { core: undefined };"
          : [
              'const link = require("im-bill:link");',
              "const entries = [",
              ...REST_ENTRIES.map((key) => `  () => require(${JSON.stringify(join(root, key))}),`),
              "];",
              "exports.load = (core, index) => {",
              "  link.core ??= core;",
              "  return entries[index]();",
              "};",
            ].join("\n"),
      loader: "js",
      resolveDir: root,
    }));
    // A rest entry the CLI holds anyway is linked too (its import() is not sent here). A
    // package is bundled again instead: linked, the CLI would hold each of its modules
    // whole, where it holds what it uses (zod's, whole, are 150 KB). The rest's packages
    // (zod for the JSON Schemas) keep no state of their own: zod's registry is global.
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.coreLinked || args.namespace !== "file") return undefined;
      const path = await resolvedFile(build, args, "coreLinked");
      const key = path && keyOf(path);
      if (key === undefined || !core.has(key) || key.startsWith("node_modules/")) return undefined;
      linked.add(key);
      return { path: key, namespace: "linked" };
    });
    build.onLoad({ filter: /.*/, namespace: "linked" }, (args) => ({
      contents: `module.exports = require("im-bill:link").core(${JSON.stringify(args.path)});`,
      loader: "js",
      resolveDir: root,
    }));
  },
});

/**
 * Builds the CLI: dist/cli.cjs (what the commands people start most need) and
 * dist/cli-rest.cjs (REST_ENTRIES and what only they import), into `outdir`, with
 * `plugins` after the build's own in both (the start-up test's tracer). Three steps: the CLI without its
 * rest, to learn which modules it holds; the rest, linking to those; the CLI again, able to
 * hand the rest what it links to. Returns each file's metafile output.
 */
export async function buildCli({ outdir = join(root, "dist"), plugins = [] } = {}) {
  const entry = { entryPoints: [join(root, "src/cli/main.ts")], outfile: join(outdir, "cli.cjs") };
  const linked = new Set();
  const madeHere = madeAtBuild();
  const first = await esbuild({
    ...options([restApart(undefined, linked), ...plugins], madeHere),
    ...entry,
    write: false,
  });
  const core = new Set(Object.keys(outputOf(first).inputs).filter((key) => !key.includes(":")));
  const rest = await esbuild({
    ...options([coreLinked(core, linked), ...plugins], madeHere),
    stdin: { contents: 'module.exports = require("im-bill:rest");', resolveDir: root, sourcefile: "cli-rest" },
    outfile: join(outdir, "cli-rest.cjs"),
  });
  const cli = await esbuild({ ...options([restApart(core, linked), ...plugins], madeHere), ...entry });
  return { cli: outputOf(cli), rest: outputOf(rest) };
}

/** The output of a build of one file (its metafile's entry, beside the source map's), without what it links to. */
const outputOf = (result) => {
  const [file, output] = Object.entries(result.metafile.outputs).find(([name]) => !name.endsWith(".map"));
  const inputs = Object.fromEntries(Object.entries(output.inputs).filter(([key]) => !key.startsWith("linked:")));
  return { file, ...output, inputs };
};
