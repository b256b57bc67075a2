// What im-bill reads of a git repository, by running git: its root, a commit, the files
// at a commit and in the working tree, the renames between them, and the bytes of files
// at a commit, read from git's objects (never by checking anything out). Paths are
// relative to the repository's root, with forward slashes, as git writes them.
import { spawn, spawnSync } from "node:child_process";
import { relative, resolve, sep } from "node:path";
import { say, UserError } from "../errors.js";
import { lstatOrUndefined } from "../util/stat.js";

export interface Repository {
  /** the working tree's root, absolute */
  root: string;
  /** the current folder, relative to the root ("" at the root) */
  prefix: string;
}

/** What git prints can be large (a listing of thousands of files, a batch of file bodies). */
const MAX_OUTPUT = 1024 * 1024 * 1024;

function git(cwd: string, args: readonly string[], input?: string | Buffer): Buffer {
  const result = spawnSync("git", args, { cwd, input, maxBuffer: MAX_OUTPUT, env: { ...process.env, LC_ALL: "C" } });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(say((t) => t.git.noGit));
    if (code === "ENOBUFS")
      throw new UserError(say((t) => t.git.failed(`git ${args[0]}`, `more than ${MAX_OUTPUT} bytes`)));
    throw result.error;
  }
  if (result.status !== 0) {
    const reason = result.stderr.toString("utf8").trim().split("\n")[0] ?? "";
    const command = `git ${args[0]}`;
    throw new UserError(say((t) => t.git.failed(command, reason)));
  }
  return result.stdout;
}

const lines = (output: Buffer): string[] => output.toString("utf8").split("\0").filter(Boolean);

/** The repository the folder is in; an error where it is in none. */
export function openRepository(cwd: string): Repository {
  const result = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd, env: { ...process.env, LC_ALL: "C" } });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT")
    throw new UserError(say((t) => t.git.noGit));
  if (result.status !== 0) throw new UserError(say((t) => t.git.notARepository(cwd)));
  const root = result.stdout.toString("utf8").trim();
  return { root, prefix: toGitPath(relative(root, cwd)) };
}

const toGitPath = (path: string) => path.split(sep).join("/");

/** A path or pattern as given (relative to the current folder) as one relative to the root ("" for the root). */
export function rootPath(repository: Repository, cwd: string, path: string): string {
  return toGitPath(relative(repository.root, resolve(cwd, path)));
}

/**
 * The commit a ref names (a branch, a tag, a hash, HEAD~1); `ref...` (as `git diff ref...`)
 * names the merge base of it and HEAD: what a branch started from. An error naming the
 * ref where it names none.
 */
export function resolveCommit(repository: Repository, ref: string): { commit: string; mergeBase: boolean } {
  const mergeBase = ref.endsWith("...") && ref.length > 3;
  const name = mergeBase ? ref.slice(0, -3) : ref;
  const result = spawnSync("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`], {
    cwd: repository.root,
  });
  if (result.status !== 0 || name.startsWith("-")) throw new UserError(say((t) => t.git.unknownRef(ref)));
  const commit = result.stdout.toString("utf8").trim();
  if (!mergeBase) return { commit, mergeBase };
  const base = spawnSync("git", ["merge-base", commit, "HEAD"], { cwd: repository.root });
  if (base.status !== 0) throw new UserError(say((t) => t.git.noMergeBase(name)));
  return { commit: base.stdout.toString("utf8").trim(), mergeBase };
}

/** A file of a commit: its object, and its size in bytes. */
export interface CommitFile {
  oid: string;
  size: number;
}

/**
 * The regular files of a commit, with their objects and sizes, in git's order (a
 * symbolic link or a submodule is not a file with content of its own).
 */
export function filesAt(repository: Repository, commit: string): Map<string, CommitFile> {
  const files = new Map<string, CommitFile>();
  for (const entry of lines(git(repository.root, ["ls-tree", "-r", "-z", "-l", "--full-tree", commit]))) {
    // <mode> <type> <object> <size>\t<path>
    const tab = entry.indexOf("\t");
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    if (type !== "blob" || mode === "120000") continue;
    files.set(entry.slice(tab + 1), { oid: oid!, size: Number(size) });
  }
  return files;
}

/** The commit HEAD is at, or null in a repository without one. */
export function headCommit(repository: Repository): string | null {
  const result = spawnSync("git", ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { cwd: repository.root });
  return result.status === 0 ? result.stdout.toString("utf8").trim() : null;
}

/** Whether a file of the working tree that `counts` differs from HEAD (or is new). */
export function changedSinceHead(repository: Repository, counts: (path: string) => boolean): boolean {
  const output = git(repository.root, ["status", "--porcelain", "-z", "--untracked-files=all", "--no-renames"]);
  // Each entry: XY <path>
  return lines(output).some((entry) => counts(entry.slice(3)));
}

/** The files of the working tree: tracked, and new ones git does not ignore. */
export function workingFiles(repository: Repository): string[] {
  const listed = lines(git(repository.root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]));
  // A tracked file deleted from the working tree (and not yet from the index) is gone; a
  // symbolic link is not followed (a commit holds the link, not what it points to).
  return [...new Set(listed)].filter((path) => lstatOrUndefined(resolve(repository.root, path))?.isFile());
}

/** Files the working tree has under another name than at the commit (git's rename detection): old → new. */
export function renamesSince(repository: Repository, commit: string): Map<string, string> {
  const fields = lines(git(repository.root, ["diff", "-z", "--name-status", "--find-renames", commit]));
  const renames = new Map<string, string>();
  for (let index = 0; index < fields.length;) {
    const status = fields[index]!;
    if (status.startsWith("R") || status.startsWith("C")) {
      if (status.startsWith("R")) renames.set(fields[index + 1]!, fields[index + 2]!);
      index += 3;
    } else index += 2;
  }
  return renames;
}

/**
 * The bodies of objects, in one run of git: at most as many bytes as their sizes sum to
 * (the caller keeps that bounded), each under its object id.
 */
export function readObjects(repository: Repository, oids: readonly string[]): Map<string, Buffer> {
  const bodies = new Map<string, Buffer>();
  if (oids.length === 0) return bodies;
  const output = git(repository.root, ["cat-file", "--batch"], oids.map((oid) => `${oid}\n`).join(""));
  let at = 0;
  for (const oid of oids) {
    // <oid> <type> <size>\n<body>\n
    const newline = output.indexOf(0x0a, at);
    const size = Number(output.toString("utf8", at, newline).split(" ")[2]);
    const start = newline + 1;
    bodies.set(oid, output.subarray(start, start + size));
    at = start + size + 1;
  }
  return bodies;
}

/** An object's body as a stream of chunks (a JSONL file, which has no total limit). */
export async function* streamObject(repository: Repository, oid: string): AsyncGenerator<Buffer> {
  const child = spawn("git", ["cat-file", "blob", oid], { cwd: repository.root, stdio: ["ignore", "pipe", "ignore"] });
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
