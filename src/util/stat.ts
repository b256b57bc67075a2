import { statSync, type Stats } from "node:fs";

/** What is at `path`, or undefined when nothing (or nothing readable) is there. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
