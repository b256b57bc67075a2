import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { say, UserError } from "../errors.js";
import type { Messages } from "../i18n/messages.js";
import { statOrUndefined } from "./stat.js";

type Reason = (t: Messages["output"]) => string;

/** Write a whole file via a temp file beside it and a rename: never half-written. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, { flag: "wx" });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Why `path` cannot be written, checked before any work; undefined when it can. */
export function outputProblem(path: string, cwd: string, flag = "--output"): UserError | undefined {
  const fail = (reason: Reason) => new UserError(say((t) => t.output.cannotWrite(flag, path, reason(t.output))));
  if (path.trim() === "") return new UserError(say((t) => t.output.needsName(flag)));
  const target = resolve(cwd, path);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory() || /[/\\]$/.test(path)) return fail((o) => o.isDirectory);
  const folder = statOrUndefined(dirname(target));
  if (!folder?.isDirectory()) return fail((o) => o.noFolder(dirname(path) || "."));
  return undefined;
}
