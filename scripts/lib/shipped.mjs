// What the package's tarball holds, and nothing else: read by `npm run release:check`
// (scripts/release-check.mjs) and by the package's end-to-end test.
import { createRequire } from "node:module";

const { chunks } = createRequire(import.meta.url)("./bundled.cjs");

/** The top-level entries of the tarball. */
export const TOP_LEVEL = [
  "LICENSE",
  "README.md",
  "README.zh-CN.md",
  "bin",
  "catalogs",
  "dist",
  "examples",
  "package.json",
  "schemas",
];

/** Files a working install needs: the command, its bundle and caches, the lazily read parts, the library and its types. */
export const REQUIRED = [
  "bin/im-bill.cjs",
  "dist/cli.cjs",
  "dist/cli.cjs.map",
  "dist/cli.cjs.data.cache",
  "dist/cli.cjs.table.cache",
  "dist/cli.cjs.check.cache",
  "dist/cli.cjs.help.cache",
  "dist/cli-rest.cjs",
  "dist/cli-rest.cjs.map",
  "dist/cli-rest.cjs.cache",
  "dist/made-lists.json",
  "dist/zh.cjs",
  ...chunks.map((chunk) => `dist/${chunk.file}`),
  "dist/echarts.cjs",
  "dist/LICENSES.txt",
  "dist/index.js",
  "dist/index.cjs",
  "dist/types/index.d.ts",
  "dist/types-cjs/index.d.ts",
  "dist/types-cjs/package.json",
];

/** Never shipped: sources, tests, build state, a standalone executable built on someone's machine. */
const FORBIDDEN = [/tsbuildinfo/, /\.test\./, /^src\//, /^test\//, /^dist\/im-bill(\.exe)?$/];

/** What is wrong with a tarball's list of files (paths under package/), as sentences; [] when nothing is. */
export function shippedProblems(files) {
  const problems = [];
  const tops = [...new Set(files.map((path) => path.split("/")[0]))].sort();
  for (const top of tops) if (!TOP_LEVEL.includes(top)) problems.push(`ships ${top}, which no user needs`);
  for (const top of TOP_LEVEL) if (!tops.includes(top)) problems.push(`lacks ${top}`);
  for (const file of REQUIRED) if (!files.includes(file)) problems.push(`lacks ${file}`);
  for (const file of files) if (FORBIDDEN.some((pattern) => pattern.test(file))) problems.push(`ships ${file}`);
  return problems;
}
