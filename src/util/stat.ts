import { lstatSync, statSync, type Stats } from "node:fs";

// Nothing there is said by undefined, not by a thrown error: a start looks for files that
// are mostly absent (the project config's), and each error's stack costs.
/** What is at `path`, or undefined when nothing (or nothing readable) is there. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** What `path` itself is (a link, not what it points to), or undefined when nothing is there. */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** What a file that is not a regular one is, for a message (a read's or a write's); undefined for a regular file. */
export function specialKind(stats: Stats): "directory" | "fifo" | "socket" | "device" | "other" | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "fifo";
  if (stats.isSocket()) return "socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "device";
  return "other";
}
