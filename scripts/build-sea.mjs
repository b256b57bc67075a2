// `npm run build:sea`: im-bill as one executable file for this machine's platform, with
// Node's single executable applications: the CLI and every dependency bundled into one
// script (lazy imports included: nothing is looked up in node_modules), injected with
// postject into a copy of the node that runs this script. Output: dist/im-bill (.exe on
// Windows), or the path given with --out.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
  mkdirSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const outFlag = process.argv.indexOf("--out");
const output = resolve(
  outFlag > 0
    ? process.argv[outFlag + 1]
    : join(root, "dist", process.platform === "win32" ? "im-bill.exe" : "im-bill"),
);
const work = mkdtempSync(join(tmpdir(), "im-bill-sea-"));

try {
  const script = join(work, "im-bill.cjs");
  await build({
    entryPoints: [join(root, "src/cli/sea.ts")],
    outfile: script,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    minify: true,
    // An executable's main script may only require Node's own modules, and
    // import() is not available with a code cache: lazy imports become bundled requires.
    supported: { "dynamic-import": false },
    // Its package.json names "main" twice, the first a file it lacks: Node takes the last, esbuild the first.
    alias: { "tls-sig-api-v2": "tls-sig-api-v2/TLSSigAPIv2.js" },
    // ES modules bundled into CommonJS lose import.meta.url (fdir's createRequire needs one).
    banner: { js: 'var __imBillUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { IM_BILL_VERSION: JSON.stringify(pkg.version), "import.meta.url": "__imBillUrl" },
    logLevel: "warning",
  });
  const blob = join(work, "sea-prep.blob");
  writeFileSync(
    join(work, "sea-config.json"),
    JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }),
  );
  run(process.execPath, ["--experimental-sea-config", join(work, "sea-config.json")]);

  mkdirSync(dirname(output), { recursive: true });
  rmSync(output, { force: true });
  copyFileSync(process.execPath, output);
  chmodSync(output, 0o755);
  // A signed node (macOS) must lose its signature before the blob goes in, and be signed again after.
  if (process.platform === "darwin") run("codesign", ["--remove-signature", output]);
  const postject = join(root, "node_modules", "postject", "dist", "cli.js");
  run(process.execPath, [
    postject,
    output,
    "NODE_SEA_BLOB",
    blob,
    "--sentinel-fuse",
    "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2",
    ...(process.platform === "darwin" ? ["--macho-segment-name", "NODE_SEA"] : []),
  ]);
  if (process.platform === "darwin") run("codesign", ["--sign", "-", output]);
  const megabytes = (statSync(output).size / 2 ** 20).toFixed(1);
  console.error(`${output}: ${megabytes} MiB, node ${process.version} ${process.platform}-${process.arch}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Run a step quietly (postject warns about ELF notes it leaves alone); its output only when it fails. */
function run(file, args) {
  const result = spawnSync(file, args, { encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(
      `${file} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
}
