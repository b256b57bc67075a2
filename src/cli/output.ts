// Where a report goes: stdout, or a file written atomically (a temp file beside it,
// renamed over it on success), so that an interrupted or failed run never leaves a
// half-written report and an existing one survives; through a symbolic link to its
// target, keeping the target's mode, as every im-bill write (../files/write.ts). Where a file cannot be written is
// said before any work is done.
import { createWriteStream, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { OutStream } from "./io.js";
import { say, UserError } from "../errors.js";
import type { Messages } from "../i18n/messages.js";
import { atomicTarget, finishAtomic, outputProblem } from "../files/write.js";

export { outputProblem };

export interface Output {
  /** a promise only when the stream is full and must drain first */
  write: (text: string) => Promise<void> | undefined;
  /** the report is complete: make it visible */
  commit: () => Promise<void>;
  /** the run failed: leave nothing behind */
  abort: () => void;
}

const CHUNK = 256 * 1024;

/**
 * Writes encoded straight into a buffer that goes out when full: encoding many small
 * strings with buf.write measured 10–20× faster here than Buffer.from on their
 * concatenation (estimates hold ¥, ×, 专业版…), and memory stays flat.
 */
function buffered(stream: OutStream): {
  write: (text: string) => Promise<void> | undefined;
  flush: () => Promise<void>;
} {
  let buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const send = (chunk: Buffer): Promise<void> | undefined =>
    stream.write(chunk) ? undefined : new Promise<void>((done) => stream.once("drain", done));
  const flush = (): Promise<void> | undefined => {
    if (used === 0) return undefined;
    const full = buffer.subarray(0, used);
    buffer = Buffer.allocUnsafe(CHUNK); // the stream keeps the old one until written
    used = 0;
    return send(full);
  };
  return {
    write(text) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (used + text.length * 3 > CHUNK) {
        const pending = flush();
        if (text.length * 3 > CHUNK)
          return pending ? pending.then(() => send(Buffer.from(text))) : send(Buffer.from(text));
        if (pending) return pending.then(() => void (used += buffer.write(text, used)));
      }
      used += buffer.write(text, used);
      return undefined;
    },
    flush: async () => flush(),
  };
}

export function stdoutOutput(stdout: OutStream): Output {
  const out = buffered(stdout);
  return { write: out.write, commit: out.flush, abort: () => {} };
}

type Reason = (t: Messages["output"]) => string;

/** A reason from a failed write, in words. */
function writeReason(path: string, flag: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason: Reason =
    code === "EACCES" || code === "EPERM"
      ? (o) => o.permissionDenied
      : code === "EISDIR"
        ? (o) => o.isDirectory
        : code === "ENOENT"
          ? (o) => o.noFolder(dirname(path) || ".")
          : () => code ?? (error as Error).message;
  return new UserError(say((t) => t.output.cannotWrite(flag, path, reason(t.output))));
}

export async function fileOutput(path: string, cwd: string, flag = "--output"): Promise<Output> {
  const problem = outputProblem(path, cwd, flag);
  if (problem) throw problem;
  const atomic = atomicTarget(resolve(cwd, path));
  const { temp } = atomic;
  const stream = createWriteStream(temp, { flags: "wx", mode: 0o600 });
  await new Promise<void>((opened, failed) => {
    stream.once("open", () => opened());
    stream.once("error", (error) => failed(writeReason(path, flag, error)));
  });
  const out = buffered(stream);
  const close = () => new Promise<void>((closed) => stream.end(closed));
  const abort = () => {
    stream.destroy();
    rmSync(temp, { force: true });
  };
  return {
    write: out.write,
    commit: async () => {
      await out.flush();
      await close();
      try {
        finishAtomic(atomic);
      } catch (error) {
        abort();
        throw writeReason(path, flag, error);
      }
    },
    abort,
  };
}
