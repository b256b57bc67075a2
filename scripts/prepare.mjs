// The `prepare` script: builds dist/. npm runs it after `npm ci` or `npm install` in a
// checkout, and when it installs im-bill from a git URL into a project: in a temporary
// clone (under its cache, named git-clone…), after installing the clone's dependencies
// there, before packing the clone. In that clone the build is followed by taking the
// lifecycle scripts out of package.json (scripts/lib/lifecycle.mjs), as the release
// tarball has them out (scripts/pack.mjs): else npm would warn on every install of the
// packed clone that its prepare script is "not yet covered by allowScripts".
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { withoutLifecycle } from "./lib/lifecycle.mjs";
import { npmInvocation } from "./lib/npm.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const npm = npmInvocation(["run", "build"]);
const built = spawnSync(npm.file, npm.args, { cwd: root, stdio: "inherit", shell: npm.shell });
if (built.status !== 0) process.exit(built.status ?? 1);

if (basename(root).startsWith("git-clone")) {
  const file = join(root, "package.json");
  writeFileSync(file, withoutLifecycle(readFileSync(file, "utf8")));
}
