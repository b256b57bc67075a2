// The packages the build bundles into dist/ so that an install does not bring them: dev
// dependencies that src/ may import (the dependency check, .dependency-cruiser.cjs, allows
// these and no other). Each is large installed and small bundled, and none appears in the
// library's types: zod and decimal.js do, and they are the package's only dependencies
// (docs/architecture.md, "What an install brings"). What only some runs need, the CLI
// reads from a file of its own in dist/ when a run first needs it, as it read it from
// node_modules before; the library (dist/index.js, dist/index.cjs) has what it uses inside.
// Installed (apparent size) → bundled:
// - csv-parse and csv-stringify: 2.5 MB (ESM, CommonJS, UMD and browser builds) → dist/csv.cjs, 39 KB;
// - js-yaml (with argparse): 1.8 MB → dist/js-yaml.cjs;
// - yaml: 0.8 MB → dist/yaml.cjs (check --update, and where a YAML problem is);
// - @inquirer/prompts (with its editor's chardet and iconv-lite): 1.4 MB → dist/prompts.cjs;
// - tinyglobby (with fdir), picomatch, tls-sig-api-v2: 0.2 MB → a file each;
// - undici (usage pull through a proxy): 1.4 MB → dist/undici.cjs;
// - echarts (with zrender and tslib): 67 MB → the parts the pages draw with, dist/echarts.cjs
//   (built from src/render/html/echarts.ts).
// Their licences travel in dist/LICENSES.txt, made from what esbuild put in each file.
"use strict";
/** Each file of dist/ made of packages alone: the module specifiers src/ imports, each file's exports all of theirs. */
const chunks = [
  { file: "csv.cjs", modules: ["csv-parse/sync", "csv-stringify/sync"] },
  { file: "js-yaml.cjs", modules: ["js-yaml"] },
  { file: "yaml.cjs", modules: ["yaml"] },
  { file: "prompts.cjs", modules: ["@inquirer/prompts"] },
  { file: "tinyglobby.cjs", modules: ["tinyglobby"] },
  // A CommonJS function, which `import()` of it gives as the default export: the file's
  // module.exports is the function itself, as picomatch's own is.
  { file: "picomatch.cjs", modules: ["picomatch"], entry: 'module.exports = require("picomatch");' },
  // usage pull through a proxy: undici's fetch and ProxyAgent (Node 20's fetch takes no proxy).
  { file: "undici.cjs", modules: ["undici"], entry: 'export { fetch, ProxyAgent } from "undici";' },
  // Its package.json names "main" twice, the first a file it lacks: Node takes the last, esbuild the first.
  {
    file: "tls-sig-api-v2.cjs",
    modules: ["tls-sig-api-v2"],
    entry: 'export { Api } from "tls-sig-api-v2/TLSSigAPIv2.js";',
  },
];
/**
 * Every dev dependency src/ imports, bundled: into those files, into dist/echarts.cjs, or
 * into dist/cli.cjs itself (commander, chalk, jsonc-parser, the text widths, asciichart).
 */
const bundled = [
  ...new Set(
    chunks.flatMap((chunk) =>
      chunk.modules.map((module) =>
        module
          .split("/")
          .slice(0, module.startsWith("@") ? 2 : 1)
          .join("/"),
      ),
    ),
  ),
  "echarts",
  "zrender",
  "tslib",
  "commander",
  "chalk",
  "jsonc-parser",
  "string-width",
  "get-east-asian-width",
  "asciichart",
];
module.exports = { chunks, bundled };
