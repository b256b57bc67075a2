#!/usr/bin/env node
// The im-bill command. It loads dist/cli.cjs (the CLI as the commands people start most
// need it, one CommonJS file; what only other commands and formats need is dist/cli-rest.cjs,
// loaded the same way when a run first needs it) with the
// V8 code cache the build made for it: compiling the bundle is the largest part of a
// start, and Node 20 has no module.enableCompileCache. The cache is only a speed-up:
// when V8 rejects it (another Node version) or it is missing, the bundle is compiled as
// usual. There is a cache for each kind of run (data, a table, --help), each holding what
// such a run compiles: one cache of all of them measured 1–2 ms slower to load for every
// run. The loader lives here, in the one file Node resolves anyway: a second module to
// find and read measured a millisecond of every start. Required (by the build, by a
// test), this file runs nothing and hands out its loader.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");

const dist = join(__dirname, "..", "dist");
const bundle = join(dist, "cli.cjs");

/** The kinds of run with a code cache of their own, each made by the build with a run of its kind. */
const KINDS = ["data", "table", "check", "help"];

/**
 * The kind of run the arguments ask for: help, data (JSON, CSV: --format or --output
 * names it), or a table: a check's, or another (an estimate's, a comparison's). A check
 * has a cache of its own: in the table's, its code (reading files, the expectations)
 * was compiled at every start (~4 ms).
 */
function kindOf(argv) {
  if (argv.length === 0 || argv[0] === "help" || argv.includes("--help") || argv.includes("-h")) return "help";
  const at = argv.indexOf("--format");
  const format = at === -1 ? argv.find((arg) => arg.startsWith("--format="))?.slice(9) : argv[at + 1];
  if (/^(json|jsonl|csv)$/.test(format ?? "")) return "data";
  return argv[0] === "check" ? "check" : "table";
}

const cacheFile = (kind) => `${bundle}.${kind}.cache`;
/** What only some commands and formats need (scripts/lib/cli-build.mjs), with one code cache of its own. */
const rest = join(dist, "cli-rest.cjs");
const restCache = `${rest}.cache`;

/** A file of the CLI compiled with its code cache, where V8 takes it. */
function compile(file, cache) {
  let cachedData;
  try {
    cachedData = readFileSync(cache);
  } catch {
    // no cache: compiled as usual
  }
  // The build keeps the bundle ASCII: read as one byte a character. Its text is already a
  // module function (scripts/lib/cli-build.mjs): compiled as read, not copied into Module.wrap.
  const script = new Script(readFileSync(file, "latin1"), { filename: file, cachedData });
  return { script, cache: cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted" };
}

/** Runs a compiled file as CommonJS runs a module, with `require` for its own requires. */
function evaluate(script, file, require) {
  const loaded = { exports: {} };
  script.runInThisContext().call(loaded.exports, loaded.exports, require, loaded, file, dist);
  return loaded.exports;
}

/** The CLI's exports, and how its code cache fared: "accepted", "rejected", "missing" or "debug". */
function loadCli(kind = kindOf(process.argv.slice(2))) {
  // --debug: stack frames point into src/ through cli.cjs.map. Node applies source maps
  // to what its own loader reads, not to a vm.Script: the bundle is required instead,
  // without the cache, and a run without --debug pays nothing for the map.
  if (process.argv.includes("--debug")) {
    process.setSourceMapsEnabled(true);
    return { cli: require(bundle), cache: "debug" };
  }
  const { script, cache } = compile(bundle, cacheFile(kind));
  const nodeRequire = Module.createRequire(bundle);
  // The rest of the CLI, when a run first needs it, compiled as the bundle is.
  let restLoaded;
  const requireHere = Object.assign((id) => {
    if (id !== "./cli-rest.cjs") return nodeRequire(id);
    if (!restLoaded) {
      const compiled = compile(rest, restCache);
      restLoaded = { ...compiled, exports: evaluate(compiled.script, rest, nodeRequire) };
    }
    return restLoaded.exports;
  }, nodeRequire);
  return { cli: evaluate(script, bundle, requireHere), script, cache, rest: () => restLoaded };
}

/**
 * The build's step, for one kind of run (or the rest's cache, "rest"): `warmUp` runs such
 * runs, then what they compiled is saved.
 */
async function writeCodeCache(kind, warmUp) {
  const { cli, script, rest } = loadCli(kind === "rest" ? "data" : kind);
  await warmUp(cli);
  const data = kind === "rest" ? rest().script.createCachedData() : script.createCachedData();
  writeFileSync(kind === "rest" ? restCache : cacheFile(kind), data);
  return data.length;
}

if (require.main !== module) module.exports = { KINDS, kindOf, loadCli, writeCodeCache };
else {
  // Node 22.1 and later keep what they compile of the packages required on the way (YAML,
  // CSV, the charts) between runs; the bundle has its own cache above. Node 20 has none.
  Module.enableCompileCache?.();
  let cli;
  try {
    ({ cli } = loadCli());
  } catch (error) {
    if (error.code !== "ENOENT" || error.path !== bundle) throw error;
    // A checkout that was installed but not built (an installed package always has dist/).
    const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "");
    process.stderr.write(
      zh
        ? "im-bill 尚未构建：请在其目录中运行 `npm run build`。\n"
        : "im-bill is not built: run `npm run build` in its folder.\n",
    );
    process.exit(2);
  }
  // A closed pipe (`im-bill … | head -1`) ends the run quietly: see src/cli/process-io.ts.
  cli.run(process.argv.slice(2), cli.processIo()).then((code) => {
    process.exitCode = code;
    // Interrupted (Ctrl-C 130, SIGTERM 143): the work may still be waiting on stdin.
    if (code === 130 || code === 143) process.exit(code);
  });
}
