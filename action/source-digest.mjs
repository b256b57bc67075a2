// The cache key of an im-bill built from the action's own files: a digest of every file
// the build reads (scripts/lib/source-digest.mjs), so that a ref that moves (`@v1`)
// builds again and one that does not is restored. Prints 16 hex digits.
//
// Usage: node action/source-digest.mjs <the action's folder>
import { resolve } from "node:path";
import { sourceDigest } from "../scripts/lib/source-digest.mjs";

process.stdout.write(`${sourceDigest(resolve(process.argv[2] ?? ".")).slice(0, 16)}\n`);
