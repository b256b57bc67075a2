// The notes of a GitHub release: CHANGELOG.md's section for the version of package.json
// (or the one given), printed. The release workflow passes them to `gh release create`.
//
// Usage: node scripts/release-notes.mjs [version]
import { readFileSync } from "node:fs";
import { changelogSection } from "./lib/changelog.mjs";

const root = new URL("..", import.meta.url);
const version = process.argv[2] ?? JSON.parse(readFileSync(new URL("package.json", root), "utf8")).version;
const section = changelogSection(readFileSync(new URL("CHANGELOG.md", root), "utf8"), version);
if (section === undefined) {
  process.stderr.write(`CHANGELOG.md has no section for ${version}\n`);
  process.exit(1);
}
process.stdout.write(`${section}\n`);
