// What `batch` reads: the paths, directories, glob patterns and `-` it is given, as a
// list of files in input order. Every path that does not exist is reported before any
// work is done.
import { readdirSync, statSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { UserError } from "../errors.js";

export type InputFormat = "json" | "jsonl" | "yaml";

export type Input =
  { kind: "file"; path: string; absolute: string; format: InputFormat } | { kind: "stdin"; path: "-"; format: "jsonl" };

const FORMATS: Record<string, InputFormat> = { ".json": "json", ".jsonl": "jsonl", ".yaml": "yaml", ".yml": "yaml" };
const GLOB = /[*?[\]{}]/;

export const formatOf = (path: string): InputFormat | undefined => FORMATS[extname(path).toLowerCase()];

export async function expandInputs(args: readonly string[], cwd: string): Promise<Input[]> {
  const inputs: Input[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const addFile = (path: string) => {
    const absolute = resolve(cwd, path);
    const format = formatOf(path);
    if (!format) return problems.push(`${path}: not a scenario file (expected .json, .jsonl, .yaml or .yml)`);
    // A file named twice (a directory and a pattern that overlap) is priced once.
    if (!seen.has(absolute)) inputs.push({ kind: "file", path, absolute, format });
    seen.add(absolute);
  };

  for (const arg of args) {
    if (arg === "-") {
      if (!seen.has("-")) inputs.push({ kind: "stdin", path: "-", format: "jsonl" });
      seen.add("-");
      continue;
    }
    const stats = statOrUndefined(resolve(cwd, arg));
    if (stats?.isDirectory()) {
      const found = walk(resolve(cwd, arg)).map((file) => join(arg, relative(resolve(cwd, arg), file)));
      if (found.length === 0) problems.push(`${arg}: a directory with no .json, .jsonl, .yaml or .yml files`);
      found.forEach(addFile);
    } else if (stats) {
      addFile(arg);
    } else if (GLOB.test(arg)) {
      const { glob } = await import("tinyglobby");
      const matches = (await glob(arg, { cwd, onlyFiles: true, expandDirectories: false })).sort();
      const scenarios = matches.filter((match) => formatOf(match));
      if (scenarios.length === 0) problems.push(`${arg}: no scenario files match this pattern`);
      scenarios.forEach(addFile);
    } else {
      problems.push(`${arg}: no such file or directory`);
    }
  }
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  if (inputs.length === 0) throw new UserError("no input: give files, directories, patterns or - for stdin");
  return inputs;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Scenario files under a directory, depth first, in name order (hidden entries skipped). */
function walk(directory: string): string[] {
  const entries = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() && formatOf(entry.name) ? [path] : [];
  });
}
