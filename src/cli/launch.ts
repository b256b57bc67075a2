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

export const { run, processIo } = module_.exports;
/** Whether V8 took the code cache ("accepted"), for tests and --debug. */
export const codeCache = cache;

/** Build step: run a typical estimate so that its functions are compiled, then save the cache. */
export async function writeCodeCache(warmUp: (cli: Cli) => Promise<unknown>): Promise<number> {
  await warmUp(module_.exports);
  const data = script.createCachedData();
  writeFileSync(cacheFile, data);
  return data.length;
}
