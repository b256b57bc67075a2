// A SHA-256 of every file the build reads (the sources, the lists, the build's scripts
// and its locked dependencies), names and contents: what the build skips on when nothing
// changed (scripts/build.mjs), and the key the Action caches a build under
// (action/source-digest.mjs).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const INPUTS = [
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

/** The digest of the build's inputs under `root`, in hex. */
export function sourceDigest(root) {
  const files = [];
  for (const input of INPUTS) {
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
  return hash.digest("hex");
}
