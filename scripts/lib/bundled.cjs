// The packages the build bundles into dist/, so that an install does not bring them: they
// are dev dependencies, and src/ may import them (the dependency check, .dependency-cruiser.cjs,
// allows these and no other dev dependency). Each is large installed and small bundled:
// - zod: 8.4 MB installed (its sources and four builds); the library's types name none of its types;
// - csv-parse and csv-stringify: 2.5 MB installed (ESM, CommonJS, UMD and browser builds),
//   39 KB in dist/csv.cjs, read when a run first reads or writes CSV;
// - echarts (with zrender and tslib): 67 MB installed, 0.6 MB of parts in dist/echarts.cjs.
// Their licences travel with them in dist/LICENSES.txt (scripts/build.mjs): `files` are the
// licence texts of each package, `in` the files of dist/ that hold it.
"use strict";
const packages = [
  { name: "zod", files: ["LICENSE"], in: ["cli.cjs", "index.js", "index.cjs"] },
  { name: "csv-parse", files: ["LICENSE"], in: ["csv.cjs", "index.js", "index.cjs"] },
  { name: "csv-stringify", files: ["LICENSE"], in: ["csv.cjs", "index.js", "index.cjs"] },
  // Apache-2.0, with its NOTICE and the licence of the d3 code it includes
  { name: "echarts", files: ["LICENSE", "NOTICE", "licenses/LICENSE-d3"], in: ["echarts.cjs"] },
  { name: "zrender", files: ["LICENSE"], in: ["echarts.cjs"] },
  { name: "tslib", files: ["LICENSE.txt"], in: ["echarts.cjs"] },
];
module.exports = { packages, bundled: packages.map((entry) => entry.name) };
