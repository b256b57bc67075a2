// Runs a TypeScript script of this repository with its arguments (`node scripts/run-ts.mjs
// scripts/fuzz/fuzz.ts --cases 300`): esbuild bundles it, its packages left to
// node_modules, into node_modules/.cache/im-bill/ (where they resolve), then it is
// imported. Node 20 runs no TypeScript itself; the types are checked by `npm run typecheck`.
import { mkdirSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/run-ts.mjs <script.ts> [arguments]");
  process.exit(2);
}
const entry = resolve(script);
const cache = join(root, "node_modules", ".cache", "im-bill");
mkdirSync(cache, { recursive: true });
// A file of its own for each run: two runs at once (a test, a long fuzz) never share one.
const outfile = join(cache, `${basename(entry, ".ts")}-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  // The script's own folder, as where it was written (import.meta.dirname is Node 20.11+'s).
  define: { "import.meta.dirname": JSON.stringify(dirname(entry)) },
  logLevel: "warning",
});
process.argv = [process.argv[0], entry, ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
