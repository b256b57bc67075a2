// Writing a file the way every im-bill output is written: whole or not at all, and
// checked before any work so that a run never fails at its end for a bad path.
import { chmodSync, readlinkSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { say, UserError } from "../errors.js";
import type { Messages } from "../i18n/messages.js";
import { lstatOrUndefined, specialKind, statOrUndefined } from "../util/stat.js";

type Reason = (t: Messages["output"]) => string;

/** Where an atomic write of `path` goes: the file a link points to (the link stays a link), a temp file beside it, and the mode to keep. */
export interface AtomicTarget {
  target: string;
  temp: string;
  mode: number;
}

export function atomicTarget(path: string): AtomicTarget {
  const existing = statOrUndefined(path);
  let target = path;
  if (existing) target = realpathSync(path);
  else if (lstatOrUndefined(path)?.isSymbolicLink()) target = resolve(dirname(path), readlinkSync(path)); // a link to a file not yet there
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  // An existing file keeps its permissions (a 0600 file is not made readable by others); a new one gets the umask's.
  return { target, temp, mode: existing ? existing.mode & 0o7777 : 0o666 & ~process.umask() };
}

/** The temp file made whole: its mode set (the one given at creation is masked by the umask), then renamed over the target. */
export function finishAtomic({ target, temp, mode }: AtomicTarget): void {
  chmodSync(temp, mode);
  renameSync(temp, target);
}

/**
 * Write a whole file via a temp file beside it and a rename: never half-written. An
 * existing file keeps what it is: a symbolic link is written through (its target
 * changes, the link stays a link), and the file keeps its permissions.
 */
export function writeFileAtomic(path: string, text: string): void {
  const atomic = atomicTarget(path);
  try {
    writeFileSync(atomic.temp, text, { flag: "wx", mode: 0o600 });
    finishAtomic(atomic);
  } catch (error) {
    rmSync(atomic.temp, { force: true });
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
  // A named pipe, a device or a socket is not replaced by a file (nor written into, which could block).
  const kind = existing && specialKind(existing);
  if (kind) return fail((o) => o.notRegular(kind));
  const folder = statOrUndefined(dirname(existing ? realpathSync(target) : target));
  if (!folder?.isDirectory()) return fail((o) => o.noFolder(dirname(path) || "."));
  return undefined;
}
