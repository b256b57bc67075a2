// What `batch` reads: the paths, directories, glob patterns and `-` it is given, as a
// list of files in input order. Every path that does not exist is reported before any
// work is done.
import { readdirSync, realpathSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { say, textIn, UserError, type Text } from "../errors.js";
import { statOrUndefined } from "../util/stat.js";

export type InputFormat = "json" | "jsonl" | "yaml";

export type Input =
  | {
      kind: "file";
      path: string;
      absolute: string;
      format: InputFormat;
      /** found by walking a directory or matching a pattern, not named: skipped if it holds no scenarios */
      discovered: boolean;
    }
  | { kind: "stdin"; path: "-"; format: "jsonl" };

const FORMATS = new Map<string, InputFormat>([
  [".json", "json"],
  [".jsonl", "jsonl"],
  [".yaml", "yaml"],
  [".yml", "yaml"],
]);
const GLOB = /[*?[\]{}]/;

export const formatOf = (path: string): InputFormat | undefined => FORMATS.get(extname(path).toLowerCase());

export async function expandInputs(args: readonly string[], cwd: string): Promise<Input[]> {
  const inputs: Input[] = [];
  const problems: Text[] = [];
  const seen = new Set<string>();
  const addFile = (path: string, discovered: boolean) => {
    const absolute = resolve(cwd, path);
    const format = formatOf(path);
    if (!format) return problems.push(say((t) => t.batch.notScenarioFile(path)));
    // A file named twice (a directory and a pattern that overlap) is priced once.
    if (!seen.has(absolute)) inputs.push({ kind: "file", path, absolute, format, discovered });
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
      if (found.length === 0) problems.push(say((t) => t.batch.emptyDirectory(arg)));
      for (const file of found) addFile(file, true);
    } else if (stats) {
      addFile(arg, false);
    } else if (GLOB.test(arg)) {
      const { glob } = await import("tinyglobby");
      // Links are followed, as a folder's are. A pattern matches files that are there: not a
      // broken link, nor a named pipe (which a folder's walk names as it reads it).
      const matches = (await glob(arg, { cwd, onlyFiles: true, expandDirectories: false })).sort();
      const scenarios = matches.filter((match) => formatOf(match));
      if (scenarios.length === 0) problems.push(say((t) => t.batch.noMatch(arg)));
      for (const file of scenarios) addFile(file, true);
    } else {
      problems.push(say((t) => t.batch.noSuchPath(arg)));
    }
  }
  if (problems.length > 0) throw new UserError((lang) => problems.map((problem) => textIn(problem, lang)).join("\n"));
  if (inputs.length === 0) throw new UserError(say((t) => t.batch.noInput));
  return inputs;
}

/**
 * Scenario files under a directory, depth first, in name order (hidden entries
 * skipped). Symbolic links are followed, as a glob follows them (a folder reached twice
 * through links is walked once); anything else with a scenario file's name (a named
 * pipe, a broken link) is kept, so that reading it names it. A stack, not recursion: a
 * tree may be deep.
 */
function walk(directory: string): string[] {
  const files: string[] = [];
  const walked = new Set<string>();
  /** A folder's entries in name order, and how far they have been taken. */
  const open = (folder: string) => {
    walked.add(realOrSelf(folder));
    const entries = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith("."))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { folder, entries, next: 0 };
  };
  const stack = [open(directory)];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const entry = top.entries[top.next++];
    if (!entry) {
      stack.pop();
      continue;
    }
    const path = join(top.folder, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statOrUndefined(path)?.isDirectory());
    if (isFolder) {
      if (!walked.has(realOrSelf(path))) stack.push(open(path));
    } else if (formatOf(entry.name)) files.push(path);
  }
  return files;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
