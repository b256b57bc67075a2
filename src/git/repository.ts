// What im-bill reads of a git repository, by running git: its root, a commit, the files
// (and symbolic links) of a commit, and the bytes of objects, read from git's object
// store (never by checking anything out). Paths are relative to the repository's root,
// with forward slashes, as git writes them.
//
// A repository is a stranger's: git must run none of its programs. Every git child runs
// with its fsmonitor, hooks and untracked cache switched off, no optional locks (so no
// index refresh and no post-index-change hook), every transport forbidden (so a partial
// clone fetches nothing lazily and no remote.*.uploadpack runs), and a minimal
// environment (no IM_SECRET_KEY, GITHUB_TOKEN or other secret). Blobs are read by
// `cat-file --batch`, which applies no filter; the working tree is read from the file
// system, never through `git status` or `git diff` (which run clean filters and textconv).
import { spawn, type StdioOptions } from "node:child_process";
import { join, relative, resolve, sep } from "node:path";
import { say, UserError } from "../errors.js";

export interface Repository {
  /** the working tree's root, absolute */
  root: string;
  /** the current folder, relative to the root ("" at the root) */
  prefix: string;
  /** how the repository names its objects: blob ids of the working tree are computed alike */
  objectFormat: "sha1" | "sha256";
  /** aborts the git child running (Ctrl-C): none is left behind */
  signal?: AbortSignal | undefined;
  /** the environment of every git child: the run's, made minimal (gitEnvironment) */
  env: Record<string, string>;
}

/** Where a git child runs, and with what: a repository, or a folder before it is one. */
type GitPlace = Pick<Repository, "root" | "signal" | "env">;

/** What git prints can be large (a listing of thousands of files, a batch of file bodies). */
const MAX_OUTPUT = 1024 * 1024 * 1024;

/** Where hooks are looked for: nowhere (a path that is not a folder). */
const NO_HOOKS = process.platform === "win32" ? "NUL" : "/dev/null";

/** The settings every git child runs with, whatever the repository's config says. */
export const SAFE_GIT_CONFIG: readonly string[] = [
  "core.fsmonitor=false",
  `core.hooksPath=${NO_HOOKS}`,
  "core.untrackedCache=false",
  "protocol.allow=never",
  "core.sshCommand=false",
  "diff.external=",
  "core.pager=cat",
];

/** The environment variables a git child is given: what finding git and the user's own config need, nothing else. */
const PASSED_ENV = ["PATH", "HOME", "XDG_CONFIG_HOME", "SYSTEMROOT", "USERPROFILE", "TMPDIR", "TEMP", "TMP", "Path"];

/** The environment of a git child: the few variables it needs, and git told to fetch nothing and ask nothing. */
export function gitEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const minimal: Record<string, string> = {};
  for (const name of PASSED_ENV) {
    const value = env[name];
    if (value !== undefined) minimal[name] = value;
  }
  return {
    ...minimal,
    LC_ALL: "C",
    GIT_NO_LAZY_FETCH: "1",
    GIT_TERMINAL_PROMPT: "0",
    GIT_OPTIONAL_LOCKS: "0",
    GIT_PAGER: "cat",
  };
}

/** git's arguments with the safe settings before them. */
export const safeArgs = (args: readonly string[]): string[] => [
  "--no-optional-locks",
  ...SAFE_GIT_CONFIG.flatMap((setting) => ["-c", setting]),
  ...args,
];

interface GitResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** git as every child runs it: the settings that run nothing of the repository's, and the minimal environment. */
const spawnGit = (at: GitPlace, args: readonly string[], stdio: StdioOptions) =>
  spawn("git", safeArgs(args), { cwd: at.root, env: at.env, stdio, windowsHide: true });

/** Runs git with the safe settings; the child is killed if `at.signal` aborts (and then never resolves an error of its own). */
function runGit(at: GitPlace, args: readonly string[], input?: string): Promise<GitResult> {
  const abort = at.signal;
  return new Promise((done, failed) => {
    if (abort?.aborted) return;
    const child = spawnGit(at, args, [input === undefined ? "ignore" : "pipe", "pipe", "pipe"]);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const stop = () => child.kill("SIGTERM");
    abort?.addEventListener("abort", stop, { once: true });
    child.stdout!.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) {
        tooLarge = true;
        child.kill("SIGTERM");
      } else out.push(chunk);
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      if (err.length < 64) err.push(chunk);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      abort?.removeEventListener("abort", stop);
      if (error.code === "ENOENT") failed(new UserError(say((t) => t.git.noGit)));
      else failed(error);
    });
    if (input !== undefined) {
      child.stdin!.on("error", () => undefined); // git may exit before reading it all
      child.stdin!.end(input);
    }
    child.on("close", (status, signal) => {
      abort?.removeEventListener("abort", stop);
      // Interrupted: the run ends with its own message, not a git error.
      if (abort?.aborted) return;
      if (tooLarge) {
        const command = `git ${args[0]}`;
        return failed(new UserError(say((t) => t.git.failed(command, `more than ${MAX_OUTPUT} bytes`))));
      }
      if (signal !== null) {
        // Killed by a signal (Ctrl-C reaches the whole process group): let a pending
        // interrupt of this process be delivered first, so the run ends as interrupted.
        setTimeout(() => {
          const command = `git ${args[0]}`;
          failed(new UserError(say((t) => t.git.failed(command, signal))));
        }, 200);
        return;
      }
      done({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

async function git(repository: GitPlace, args: readonly string[], input?: string): Promise<Buffer> {
  const result = await runGit(repository, args, input);
  if (result.status !== 0) {
    const reason = result.stderr.trim().split("\n")[0] ?? "";
    const command = `git ${args[0]}`;
    throw new UserError(say((t) => t.git.failed(command, reason)));
  }
  return result.stdout;
}

const lines = (output: Buffer): string[] => output.toString("utf8").split("\0").filter(Boolean);

/**
 * The repository the folder is in; an error where it is in none. `env` is the run's
 * environment (its Io's): git children get the few variables of it they need.
 */
export async function openRepository(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  signal?: AbortSignal,
): Promise<Repository> {
  const childEnv = gitEnvironment(env);
  const result = await runGit({ root: cwd, signal, env: childEnv }, [
    "rev-parse",
    "--show-toplevel",
    "--show-object-format",
  ]);
  if (result.status !== 0) throw new UserError(say((t) => t.git.notARepository(cwd)));
  const [root = "", format = "sha1"] = result.stdout.toString("utf8").trim().split("\n");
  return {
    root: resolve(root),
    prefix: toGitPath(relative(resolve(root), cwd)),
    objectFormat: format.trim() === "sha256" ? "sha256" : "sha1",
    signal,
    env: childEnv,
  };
}

const toGitPath = (path: string) => path.split(sep).join("/");

/** A path as git writes it (relative to the root, forward slashes) as one on this machine's disk. */
export const onDisk = (root: string, gitPath: string): string => join(root, ...gitPath.split("/"));

/** A path or pattern as given (relative to the current folder) as one relative to the root ("" for the root). */
export function rootPath(repository: Repository, cwd: string, path: string): string {
  return toGitPath(relative(repository.root, resolve(cwd, path)));
}

/**
 * The commit a ref names (a branch, a tag, a hash, HEAD~1); `ref...` (as `git diff ref...`)
 * names the merge base of it and HEAD: what a branch started from. An error naming the
 * ref where it names none.
 */
export async function resolveCommit(
  repository: Repository,
  ref: string,
): Promise<{ commit: string; mergeBase: boolean }> {
  const mergeBase = ref.endsWith("...") && ref.length > 3;
  const name = mergeBase ? ref.slice(0, -3) : ref;
  if (name.startsWith("-") || name.includes("\0")) throw new UserError(say((t) => t.git.unknownRef(ref)));
  const result = await runGit(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`]);
  if (result.status !== 0) throw new UserError(say((t) => t.git.unknownRef(ref)));
  const commit = result.stdout.toString("utf8").trim();
  if (!mergeBase) return { commit, mergeBase };
  const base = await runGit(repository, ["merge-base", "--end-of-options", commit, "HEAD"]);
  if (base.status !== 0) throw new UserError(say((t) => t.git.noMergeBase(name)));
  return { commit: base.stdout.toString("utf8").trim(), mergeBase };
}

/** An entry of a commit: a file (its object and size) or a symbolic link (its object holds the target). */
export interface CommitFile {
  oid: string;
  /** -1 where the object is not in this clone (a partial clone's; its size is not fetched either) */
  size: number;
  link: boolean;
}

/** The error for an object this clone does not have: a partial clone's, which im-bill never fetches. */
export const missingObject = (oid: string): UserError => new UserError(say((t) => t.git.missingObject(oid)));

/**
 * The files and symbolic links of a commit, with their objects and sizes, in git's
 * order (a submodule is not a file with content of its own).
 */
export async function filesAt(repository: Repository, commit: string): Promise<Map<string, CommitFile>> {
  const files = new Map<string, CommitFile>();
  for (const entry of lines(await git(repository, ["ls-tree", "-r", "-z", "-l", "--full-tree", commit]))) {
    // <mode> <type> <object> <size>\t<path>
    const tab = entry.indexOf("\t");
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    if (type !== "blob") continue;
    // "-" for a size: the object is not here (git was told to fetch nothing).
    const bytes = /^\d+$/.test(size ?? "") ? Number(size) : -1;
    files.set(entry.slice(tab + 1), { oid: oid!, size: bytes, link: mode === "120000" });
  }
  return files;
}

/** The commit HEAD is at, or null in a repository without one. */
export async function headCommit(repository: Repository): Promise<string | null> {
  const result = await runGit(repository, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  return result.status === 0 ? result.stdout.toString("utf8").trim() : null;
}

/**
 * The paths of the working tree git knows of: tracked, and new ones it does not ignore.
 * Only the index and the folders are read (no file's content, no filter).
 */
export async function workingPaths(repository: Repository): Promise<string[]> {
  const listed = lines(await git(repository, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]));
  // In byte order, as a commit lists its files: ls-files puts new files apart.
  return [...new Set(listed)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/**
 * The bodies of objects, in one run of git: at most as many bytes as their sizes sum to
 * (the caller keeps that bounded), each under its object id.
 */
export async function readObjects(repository: Repository, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const bodies = new Map<string, Buffer>();
  if (oids.length === 0) return bodies;
  const output = await git(repository, ["cat-file", "--batch"], oids.map((oid) => `${oid}\n`).join(""));
  let at = 0;
  for (const oid of oids) {
    // <oid> <type> <size>\n<body>\n, or <oid> missing\n (a partial clone's object, never fetched here)
    const newline = output.indexOf(0x0a, at);
    const [, type, sizeText] = output.toString("utf8", at, newline).split(" ");
    if (type === "missing" || newline === -1) throw missingObject(oid);
    const size = Number(sizeText);
    const start = newline + 1;
    bodies.set(oid, output.subarray(start, start + size));
    at = start + size + 1;
  }
  return bodies;
}

/** An object's body as a stream of chunks (a JSONL file, which has no total limit). */
export async function* streamObject(repository: Repository, oid: string): AsyncGenerator<Buffer> {
  const child = spawnGit(repository, ["cat-file", "blob", oid], ["ignore", "pipe", "ignore"]);
  const stop = () => child.kill("SIGTERM");
  repository.signal?.addEventListener("abort", stop, { once: true });
  try {
    for await (const chunk of child.stdout!) yield chunk as Buffer;
  } finally {
    repository.signal?.removeEventListener("abort", stop);
    if (child.exitCode === null) child.kill();
  }
}
