// The cache key of an im-bill built from the action's own files: a SHA-256 of every file
// the build reads (the sources, the lists, the build's scripts and its locked
// dependencies), names and contents, so that a ref that moves (`@v1`) builds again
// and one that does not is restored. Prints 16 hex digits.
//
// Usage: node action/source-digest.mjs <the action's folder>
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.argv[2] ?? ".";
const inputs = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "bin",
  "src",
  "scripts",
  "catalogs",
  "schemas",
  "examples",
];
const files = [];
for (const input of inputs) {
  const folders = [join(root, input)];
  for (let path = folders.pop(); path !== undefined; path = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      if (error.code === "ENOTDIR") files.push(path);
      else if (error.code !== "ENOENT") throw error;
      continue;
    }
    for (const entry of entries)
      if (entry.isDirectory()) folders.push(join(path, entry.name));
      else if (entry.isFile()) files.push(join(path, entry.name));
  }
}
const hash = createHash("sha256");
for (const file of files.map((path) => relative(root, path).split("\\").join("/")).sort())
  hash
    .update(`${file}\0`)
    .update(readFileSync(join(root, file)))
    .update("\0");
process.stdout.write(`${hash.digest("hex").slice(0, 16)}\n`);
