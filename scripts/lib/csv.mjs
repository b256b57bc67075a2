// The entry of dist/csv.cjs (scripts/build.mjs): what the CLI uses of the CSV packages.
export { parse } from "csv-parse/sync";
export { stringify } from "csv-stringify/sync";
