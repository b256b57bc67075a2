// `npm run release:check`: what a release would ship, checked here before a tag is pushed
// (the release workflow runs it too). It builds, packs the tarball as a release does
// (scripts/pack.mjs) and checks:
// - the package's metadata and exports: publint, warnings failing too;
// - its types, from CommonJS, ESM and bundlers: "are the types wrong" (attw);
// - its files: what users need and nothing else (scripts/lib/shipped.mjs);
// - its size: the tarball at most 3 MB and its files at most 9 MB unpacked (an install,
//   with the dependencies, is held to 15 MB by test/routes/package.e2e.test.ts);
// - the version: a section of CHANGELOG.md, and the one the GitLab template pins;
//   with --tag vX.Y.Z (the workflow's), that tag.
// Prints each check, and exits 1 when one fails. Keeps the tarball with --keep DIR.
//
// Usage: node scripts/release-check.mjs [--no-build] [--keep DIR] [--tag vX.Y.Z]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { shippedProblems } from "./lib/shipped.mjs";
import { changelogSection } from "./lib/changelog.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const MB = 1024 * 1024;
const LIMITS = { packed: 3 * MB, unpacked: 9 * MB };

const keep = option("keep");
const destination = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "im-bill-release-"));
const tool = (name) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const run = (file, fileArgs) =>
  spawnSync(file, fileArgs, { cwd: root, encoding: "utf8", shell: process.platform === "win32" });

let failed = 0;
const report = (ok, what, detail = "") => {
  if (!ok) failed++;
  process.stdout.write(`${ok ? "✓" : "✗"} ${what}${detail ? `\n${detail.trimEnd().replace(/^/gm, "    ")}` : ""}\n`);
};

try {
  const packArgs = ["scripts/pack.mjs", "--json", "--pack-destination", destination];
  if (args.includes("--no-build")) packArgs.push("--no-build");
  const packed = run(process.execPath, packArgs);
  if (packed.status !== 0) {
    report(false, "pack", packed.stderr);
    process.exit(1);
  }
  const [tarball] = JSON.parse(packed.stdout);
  const file = join(destination, tarball.filename);
  report(true, `packed ${tarball.filename}: ${tarball.entryCount} files`);

  const publint = run(tool("publint"), ["run", "--strict", file]);
  report(
    publint.status === 0,
    "publint: metadata and exports",
    publint.status === 0 ? "" : publint.stdout + publint.stderr,
  );

  const attw = run(tool("attw"), ["--format", "ascii", file]);
  report(
    attw.status === 0,
    "are the types wrong: node10, node16 (CommonJS and ESM), bundler",
    attw.status === 0 ? "" : attw.stdout + attw.stderr,
  );

  const problems = shippedProblems(tarball.files.map((entry) => entry.path));
  report(problems.length === 0, "files: what users need and nothing else", problems.join("\n"));

  const size = (bytes) => `${(bytes / MB).toFixed(2)} MB`;
  report(
    tarball.size <= LIMITS.packed && tarball.unpackedSize <= LIMITS.unpacked,
    `size: ${size(tarball.size)} packed (at most ${size(LIMITS.packed)}), ${size(tarball.unpackedSize)} unpacked (at most ${size(LIMITS.unpacked)})`,
  );

  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const section = changelogSection(readFileSync(join(root, "CHANGELOG.md"), "utf8"), version);
  report(section !== undefined && section.trim() !== "", `CHANGELOG.md: a section for ${version}`);
  const pinned = /IM_BILL_VERSION: "([^"]+)"/.exec(readFileSync(join(root, "examples/ci/gitlab-ci.yml"), "utf8"))?.[1];
  report(
    pinned === version,
    `examples/ci/gitlab-ci.yml pins ${version}`,
    pinned === version ? "" : `it pins ${pinned}`,
  );
  const tag = option("tag");
  if (tag !== undefined) report(tag === `v${version}`, `the tag ${tag} is v${version}`);
  if (keep) process.stdout.write(`kept ${file}\n`);
} finally {
  if (!keep) rmSync(destination, { recursive: true, force: true });
}
process.stdout.write(failed === 0 ? "release check: ready to ship\n" : `release check: ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
