// `npm run tarball`: the package's tarball, as it is published and attached to a release.
// npm's own `npm pack` would ship package.json with its `prepare` script, which this
// repository needs (npm builds a git dependency with it, and only with it) and an
// install of the tarball does not run, yet npm 11 warns of it on every install of a
// tarball ("install scripts not yet covered by allowScripts"). So the package is staged
// in a folder of its own, the files npm would pack (`npm pack --dry-run`) with a
// package.json without the lifecycle scripts, and packed there with no script.
//
// Usage: node scripts/pack.mjs [--no-build] [--pack-destination DIR] [--json]   (--refuse: the root's prepack)
// Prints the tarball's file name (its path under --pack-destination), or with --json
// what `npm pack --json` prints. The root's `prepack` refuses a plain `npm pack` or
// `npm publish`: publish this tarball (`npm publish im-bill-<version>.tgz`).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { withoutLifecycle } from "./lib/lifecycle.mjs";
import { npmInvocation } from "./lib/npm.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
if (args.includes("--refuse")) {
  // The root's prepack: `npm pack` or `npm publish` run in the repository itself.
  process.stderr.write(
    "im-bill: make the tarball with `npm run tarball` (its package.json leaves out the prepare script), " +
      "then publish that file: `npm publish im-bill-<version>.tgz`.\n",
  );
  process.exit(1);
}
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const destination = resolve(option("pack-destination") ?? root);
const npm = (npmArgs, cwd) => {
  const { file, args: fileArgs, shell } = npmInvocation(npmArgs);
  const result = spawnSync(file, fileArgs, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], shell });
  if (result.status !== 0) {
    process.stderr.write(`pack: npm ${npmArgs.join(" ")} failed\n`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
};

if (!args.includes("--no-build")) npm(["run", "build"], root);

const [listed] = JSON.parse(npm(["pack", "--dry-run", "--json", "--ignore-scripts"], root));
const stage = mkdtempSync(join(tmpdir(), "im-bill-pack-"));
try {
  for (const { path } of listed.files) {
    if (path === "package.json") continue;
    mkdirSync(dirname(join(stage, path)), { recursive: true });
    cpSync(join(root, path), join(stage, path));
  }
  writeFileSync(join(stage, "package.json"), withoutLifecycle(readFileSync(join(root, "package.json"), "utf8")));
  mkdirSync(destination, { recursive: true });
  const packed = npm(["pack", "--json", "--ignore-scripts", "--pack-destination", destination], stage);
  process.stdout.write(args.includes("--json") ? packed : `${JSON.parse(packed)[0].filename}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
