import { lstatSync, statSync, type Stats } from "node:fs";

/** What is at `path`, or undefined when nothing (or nothing readable) is there. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** What `path` itself is (a link, not what it points to), or undefined when nothing is there. */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
