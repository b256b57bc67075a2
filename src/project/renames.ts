// Scenario files the working tree has under another name than the commit: what git's
// rename detection finds, worked out here from the two sides' contents (git diff against
// the working tree would run the repository's clean filters and textconv). The same
// content is a rename; otherwise the closest pair at least half alike (by lines, as git
// scores it: the bytes in common over the larger file), best pairs first.
import { readFileSync } from "node:fs";
import { onDisk, readObjects, type CommitFile, type Repository } from "../git/repository.js";
import { blobId, type Resolved } from "./sides.js";

interface Named {
  path: string;
  resolved: Resolved;
}

/** How alike two files must be to be one file renamed, as git's default (-M50%). */
const SIMILAR = 0.5;
/** Files compared for an inexact rename: at most this large, and this many pairs (git's renameLimit keeps it bounded too). */
const MAX_COMPARED_BYTES = 256 * 1024;
const MAX_PAIRS = 100_000;

export async function findRenames(
  repository: Repository,
  commitFiles: Map<string, CommitFile>,
  before: readonly Named[],
  after: readonly Named[],
): Promise<Map<string, string>> {
  const renames = new Map<string, string>();
  const afterPaths = new Set(after.map((file) => file.path));
  const beforePaths = new Set(before.map((file) => file.path));
  const gone = before.filter((file) => !afterPaths.has(file.path) && file.resolved.kind === "file");
  const added = after.filter((file) => !beforePaths.has(file.path) && file.resolved.kind === "file");
  if (gone.length === 0 || added.length === 0) return renames;
  const oidOf = (file: Named) => commitFiles.get((file.resolved as { path: string }).path)!;
  const bytesOf = (file: Named): Buffer | undefined => {
    try {
      return readFileSync(onDisk(repository.root, (file.resolved as { path: string }).path));
    } catch {
      return undefined;
    }
  };
  const addedBytes = new Map(added.map((file) => [file, bytesOf(file)]));
  // The same content: a rename, whatever the names.
  const byId = new Map<string, Named[]>();
  for (const file of added) {
    const bytes = addedBytes.get(file);
    if (!bytes) continue;
    const id = blobId(bytes, repository.objectFormat);
    const list = byId.get(id);
    if (list) list.push(file);
    else byId.set(id, [file]);
  }
  const taken = new Set<Named>();
  const left: Named[] = [];
  for (const file of gone) {
    const match = byId.get(oidOf(file).oid)?.find((candidate) => !taken.has(candidate));
    if (match) {
      renames.set(file.path, match.path);
      taken.add(match);
    } else left.push(file);
  }
  const open = added.filter((file) => !taken.has(file));
  const small = (size: number) => size <= MAX_COMPARED_BYTES;
  const olds = left.filter((file) => small(oidOf(file).size));
  const news = open.filter((file) => small(addedBytes.get(file)?.length ?? Infinity));
  if (olds.length === 0 || news.length === 0 || olds.length * news.length > MAX_PAIRS) return renames;
  const bodies = await readObjects(
    repository,
    olds.map((file) => oidOf(file).oid),
  );
  const newLines = news.map((file) => ({
    file,
    lines: lineCounts(addedBytes.get(file)!),
    size: addedBytes.get(file)!.length,
  }));
  const pairs: { old: Named; now: Named; score: number }[] = [];
  for (const old of olds) {
    const body = bodies.get(oidOf(old).oid)!;
    const oldLines = lineCounts(body);
    for (const now of newLines) {
      const score = common(oldLines, now.lines) / Math.max(body.length, now.size, 1);
      if (score >= SIMILAR) pairs.push({ old, now: now.file, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || (a.old.path < b.old.path ? -1 : 1));
  const used = new Set<Named>();
  for (const { old, now } of pairs) {
    if (renames.has(old.path) || used.has(now)) continue;
    renames.set(old.path, now.path);
    used.add(now);
  }
  return renames;
}

/** A file's lines (with their line end) and how often each comes. */
function lineCounts(bytes: Buffer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of bytes.toString("utf8").split(/(?<=\n)/)) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

/** The bytes two files have in common, line by line. */
function common(a: Map<string, number>, b: Map<string, number>): number {
  let bytes = 0;
  for (const [line, count] of a) {
    const other = b.get(line);
    if (other !== undefined) bytes += Buffer.byteLength(line) * Math.min(count, other);
  }
  return bytes;
}
