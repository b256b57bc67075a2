// Loads dist/cli.cjs with a V8 code cache made at build time: compiling the bundle is
// the largest part of start-up left (Node 20 has no module.enableCompileCache). The
// cache is only a speed-up: when V8 rejects it (another Node version) or it is
// missing, the bundle is compiled as usual, and the cache is never trusted for more.
import { readFileSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import type { Io } from "./io.js";

type Cli = { run(argv: readonly string[], io: Io): Promise<number>; processIo(): Io };

const bundle = join(__dirname, "cli.cjs");
const cacheFile = `${bundle}.cache`;

function compile(): { script: Script; cache: "accepted" | "rejected" | "missing" } {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compile as usual
  }
  const wrapped = (Module as unknown as { wrap(source: string): string }).wrap(readFileSync(bundle, "utf8"));
  const script = new Script(wrapped, { filename: bundle, cachedData });
  return { script, cache: cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted" };
}

function load(): { cli: Cli; script?: Script; cache: "accepted" | "rejected" | "missing" | "debug" } {
  // --debug: stack frames point into src/ through cli.cjs.map. Node applies source maps
  // to what its own loader reads, not to a vm.Script, so the bundle is required instead,
  // without the cache; a run without --debug pays nothing for the map.
  if (process.argv.includes("--debug")) {
    process.setSourceMapsEnabled(true);
    return { cli: createRequire(bundle)(bundle) as Cli, cache: "debug" };
  }
  const { script, cache } = compile();
  const module_ = { exports: {} as Cli };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module_.exports,
    module_.exports,
    createRequire(bundle),
    module_,
    bundle,
    dirname(bundle),
  );
  return { cli: module_.exports, script, cache };
}

const loaded = load();
export const { run, processIo } = loaded.cli;
/** Whether V8 took the code cache ("accepted"), for tests and --debug. */
export const codeCache = loaded.cache;

/** Build step: run a typical estimate so that its functions are compiled, then save the cache. */
export async function writeCodeCache(warmUp: (cli: Cli) => Promise<unknown>): Promise<number> {
  if (loaded.script === undefined) throw new Error("no code cache under --debug");
  await warmUp(loaded.cli);
  const data = loaded.script.createCachedData();
  writeFileSync(cacheFile, data);
  return data.length;
}
