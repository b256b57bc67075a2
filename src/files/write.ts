// Writing a file the way every im-bill output is written: whole or not at all, and
// checked before any work so that a run never fails at its end for a bad path.
import { chmodSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { say, UserError } from "../errors.js";
import type { Messages } from "../i18n/messages.js";
import { statOrUndefined } from "../util/stat.js";

type Reason = (t: Messages["output"]) => string;

/**
 * Write a whole file via a temp file beside it and a rename: never half-written. An
 * existing file keeps what it is: a symbolic link is written through (its target
 * changes, the link stays a link), and the file keeps its permissions (a 0600 file is
 * not made readable by others).
 */
export function writeFileAtomic(path: string, text: string): void {
  const existing = statOrUndefined(path);
  const target = existing ? realpathSync(path) : path;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, { flag: "wx", mode: 0o600 });
    // The mode set again after the write: the one given to writeFileSync is masked by the umask.
    if (existing) chmodSync(temp, existing.mode & 0o7777);
    else chmodSync(temp, 0o666 & ~process.umask());
    renameSync(temp, target);
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
