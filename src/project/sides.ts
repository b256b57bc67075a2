// The two sides of a project diff as one kind of tree, so that both are read alike: the
// commit's entries (from git's objects) and the working tree's (from the file system).
// A symbolic link resolves the same way on both: within the repository, component by
// component (a linked folder on the way too), at most 40 links deep; a link that leaves
// the repository, loops or points at nothing is named, never followed and never dropped.
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { missingObject, onDisk, readObjects, type CommitFile, type Repository } from "../git/repository.js";
import { lstatOrUndefined } from "../util/stat.js";

/** What a path of a side is, the path itself not followed. */
export type EntryKind = "file" | "link" | "dir";

export interface SideTree {
  kind(path: string): EntryKind | undefined;
  /** a link's target, as the link holds it */
  target(path: string): string;
}

/** Where a path leads: a file or folder of the repository (its real path), or why nowhere. */
export type Resolved =
  { kind: "file" | "dir"; path: string } | { kind: "outside"; target: string } | { kind: "missing" } | { kind: "loop" };

/** As Linux's SYMLOOP_MAX: past this many links, a path is a loop. */
const MAX_LINKS = 40;

/** A path of the side, followed through every link on the way (as the file system would, kept within `root`). */
export function resolvePath(tree: SideTree, root: string, path: string): Resolved {
  const queue = path.split("/");
  const resolved: string[] = [];
  let links = 0;
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (resolved.length === 0) return { kind: "outside", target: path };
      resolved.pop();
      continue;
    }
    const candidate = [...resolved, part].join("/");
    const kind = tree.kind(candidate);
    if (kind === undefined) return { kind: "missing" };
    if (kind !== "link") {
      resolved.push(part);
      continue;
    }
    if (++links > MAX_LINKS) return { kind: "loop" };
    const target = tree.target(candidate);
    let parts: string[];
    if (isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target)) {
      // An absolute link: within the repository only where it names the working tree's own root.
      const inside = relative(root, target);
      if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { kind: "outside", target };
      resolved.length = 0;
      parts = inside.split(sep);
    } else parts = target.split(/[\\/]/);
    queue.unshift(...parts);
  }
  const kind = resolved.length === 0 ? "dir" : tree.kind(resolved.join("/"));
  if (kind === "file" || kind === "dir") return { kind, path: resolved.join("/") };
  return { kind: "missing" };
}

/** The commit's entries as a tree: its folders are the prefixes of its paths; its links' targets read in one run of git. */
export async function commitTree(repository: Repository, files: Map<string, CommitFile>): Promise<SideTree> {
  const folders = new Set<string>();
  for (const path of files.keys())
    for (let at = path.indexOf("/"); at !== -1; at = path.indexOf("/", at + 1)) folders.add(path.slice(0, at));
  const links = [...files.values()].filter((file) => file.link && file.size >= 0 && file.size <= 4096);
  const targets = await readObjects(
    repository,
    links.map((file) => file.oid),
  );
  return {
    kind: (path) => {
      const file = files.get(path);
      if (file) return file.link ? "link" : "file";
      return folders.has(path) ? "dir" : undefined;
    },
    target: (path) => {
      const file = files.get(path)!;
      const target = targets.get(file.oid);
      if (target === undefined) {
        if (file.size < 0) throw missingObject(file.oid);
        return "\0"; // longer than any link: no such file
      }
      return target.toString("utf8");
    },
  };
}

/** The working tree as a tree: the file system, read without following the path itself. */
export function workingTree(root: string): SideTree {
  return {
    kind: (path) => {
      const stats = lstatOrUndefined(onDisk(root, path));
      if (!stats) return undefined;
      return stats.isSymbolicLink() ? "link" : stats.isDirectory() ? "dir" : "file";
    },
    target: (path) => readlinkSync(onDisk(root, path)),
  };
}

/** A file of a side: where it is named, and where its content is (or why it has none). */
export interface SideEntry {
  /** as the side names it (a link's own path, or a path through a linked folder) */
  path: string;
  /** the real file, or what is wrong with the link */
  resolved: Resolved;
  /** reached through a link to a folder: left out where the folder's own name is read too */
  throughFolder: boolean;
}

/**
 * A side's paths with every link resolved: a link to a file stands for that file under
 * its own name; a link to a folder for the folder's files under the link's name (each
 * file through one linked folder at most, as a walk reads each real folder once); a
 * link that leads nowhere or out of the repository is kept, to be named.
 */
export function sideEntries(tree: SideTree, root: string, paths: readonly string[]): SideEntry[] {
  const entries: SideEntry[] = [];
  const listed = [...new Set(paths)];
  // In code-unit order, so that a folder's files are one run found by a binary search (no scan per link).
  const sorted = [...listed].sort();
  // A real file reached through linked folders is listed once (a walk reads each real folder once): at most one entry a file.
  const reached = new Set<string>();
  for (const path of listed) {
    const kind = tree.kind(path);
    if (kind === "file") {
      entries.push({ path, resolved: { kind: "file", path }, throughFolder: false });
      continue;
    }
    if (kind !== "link") continue; // deleted from the working tree, not yet from the index
    const resolved = resolvePath(tree, root, path);
    if (resolved.kind !== "dir") {
      entries.push({ path, resolved, throughFolder: false });
      continue;
    }
    const prefix = resolved.path === "" ? "" : `${resolved.path}/`;
    for (let at = lowerBound(sorted, prefix); at < sorted.length && sorted[at]!.startsWith(prefix); at++) {
      const inner = sorted[at]!;
      if (reached.has(inner) || tree.kind(inner) !== "file") continue;
      reached.add(inner);
      entries.push({
        path: `${path}/${inner.slice(prefix.length)}`,
        resolved: { kind: "file", path: inner },
        throughFolder: true,
      });
    }
  }
  return entries;
}

/** The first index of a sorted list whose item is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The id git gives a blob of these bytes, in the repository's object format. */
export function blobId(bytes: Uint8Array, format: Repository["objectFormat"]): string {
  return createHash(format).update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

/** The blob id of a working-tree path as git would store it (a link: its target), or undefined where there is none. */
export function workingBlobId(root: string, path: string, format: Repository["objectFormat"]): string | undefined {
  const absolute = onDisk(root, path);
  try {
    const stats = lstatSync(absolute);
    if (stats.isSymbolicLink()) return blobId(Buffer.from(readlinkSync(absolute)), format);
    if (!stats.isFile()) return undefined;
    return blobId(readFileSync(absolute), format);
  } catch {
    return undefined;
  }
}
