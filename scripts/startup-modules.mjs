// What a run of the CLI loads: the modules of src/ it initialises (with the bytes each
// takes in the bundle) and the packages, Node modules and files of dist/ it requires
// (dist/cli-rest.cjs among them when the run needs the rest of the CLI). The bundle is
// built as dist/cli.cjs and dist/cli-rest.cjs are (scripts/lib/cli-build.mjs), with one line at the top of each
// module of src/ that notes it when it runs: esbuild initialises a module reached by an
// import() only when that import runs, so the list is what the run needed, in order.
// The start-up test (test/startup.test.ts) holds the lists of the common runs.
//
// Usage: node scripts/startup-modules.mjs estimate --plan pro --dau 25000 --format json
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCli, bundledSource } from "./lib/cli-build.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** A bundled file as the lists name it: a module of src/, or the package it belongs to. */
const nameOf = (path) => {
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return inPackage ? `package ${inPackage[1]}` : path;
};

/** Each module (of src/ and of the bundled packages) notes itself when it initialises. */
const tracer = {
  name: "trace-modules",
  setup(build) {
    build.onLoad({ filter: /\.(ts|js|mjs|cjs)$/ }, (args) => {
      const path = relative(root, args.path).split("\\").join("/");
      // As the build bundles it (decimal.js's constants left as text), then noted.
      const text = bundledSource(args.path, readFileSync(args.path, "utf8"));
      // After a hashbang or "use strict", which must stay first.
      const [, head = "", body = text] = /^((?:#![^\n]*\n)?(?:\s*["']use strict["'];?)?)([\s\S]*)$/.exec(text) ?? [];
      const note = `globalThis.__imBillModules.push(${JSON.stringify(nameOf(path))});`;
      return { contents: `${head}${note}\n${body}`, loader: args.path.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

/** What each run loads, with one traced build for them all. */
export async function startupModules(...runs) {
  const dir = mkdtempSync(join(tmpdir(), "im-bill-startup-"));
  try {
    const outfile = join(dir, "cli.cjs");
    const bytes = {};
    for (const output of Object.values(await buildCli({ outdir: dir, plugins: [tracer] })))
      for (const [path, input] of Object.entries(output.inputs))
        bytes[nameOf(path)] = (bytes[nameOf(path)] ?? 0) + input.bytesInOutput;
    // The files of dist/ that runs read when they first need them (the Chinese, CSV, YAML), as built.
    for (const file of readdirSync(join(root, "dist")))
      if (/\.cjs$/.test(file) && !file.startsWith("cli")) copyFileSync(join(root, "dist", file), join(dir, file));
    // The run, in a process of its own; what it requires (outside the bundle) noted by a hook.
    const runner = join(dir, "run.cjs");
    writeFileSync(
      runner,
      `"use strict";
const Module = require("node:module");
const required = [];
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  if (request.startsWith("./")) required.push(\`dist/\${request.slice(2)}\`);
  else if (!request.startsWith("/")) required.push(request.replace(/^node:/, ""));
  return load.call(this, request, parent, ...rest);
};
globalThis.__imBillModules = [];
const { Writable } = require("node:stream");
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const cli = require(${JSON.stringify(outfile)});
// process.stdin costs milliseconds to create: a run that touches it says so in the list.
const io = { stdout: sink(), stderr: sink(), cwd: process.cwd(), env: { LANG: "C" } };
Object.defineProperty(io, "stdin", { get: () => (required.push("process.stdin"), process.stdin) });
cli.run(JSON.parse(process.argv[2]), io)
  .then((code) => {
    process.stdout.write(JSON.stringify({ code, modules: globalThis.__imBillModules, required: [...new Set(required)] }));
  });
`,
    );
    return runs.map((argv) => {
      const run = spawnSync(process.execPath, [runner, JSON.stringify(argv)], { cwd: root, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`the run failed: ${run.stderr}`);
      const { code, modules, required } = JSON.parse(run.stdout);
      return {
        code,
        modules: [...new Set(modules)].map((path) => ({ path, bytes: bytes[path] ?? 0 })),
        required,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [{ code, modules, required }] = await startupModules(process.argv.slice(2));
  for (const { path, bytes } of modules) console.log(`${path}\t${bytes}`);
  console.log(`required: ${required.join(", ")}`);
  console.log(`exit ${code}; ${modules.length} modules, ${modules.reduce((sum, each) => sum + each.bytes, 0)} bytes`);
}
