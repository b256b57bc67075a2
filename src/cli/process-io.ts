// The real process's Io, for the bin shim and the standalone executable. stdout and
// stderr are written with write(2) where they are not a terminal (a file, a pipe, a
// socket, /dev/null): Node's stream for them, and the stream modules it loads, cost
// ~3 ms of a start that is ~20 ms of work, and a report piped to jq or redirected to a
// file needs none of it. On a terminal, and after a write that would block (a pipe
// someone opened non-blocking), Node's own stream takes over.
import { fstatSync, statSync, writeSync } from "node:fs";
import type { Io, OutStream } from "./io.js";

/** Whether `fd` is written to as a file is: a file, a pipe, a socket, or /dev/null; not a terminal. */
function notATerminal(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() || stats.isFIFO() || stats.isSocket()) return true;
    if (!stats.isCharacterDevice()) return false;
    const devNull = statSync("/dev/null");
    return stats.rdev === devNull.rdev && stats.ino === devNull.ino;
  } catch {
    return false;
  }
}

/** Node's stream for fd 1 or 2; a closed pipe (`im-bill … | head -1`) ends the run quietly. */
function nodeStream(fd: 1 | 2): OutStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (fd === 1) stream.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));
  return stream;
}

/** Writes to a file descriptor as they come, whole; never waits for a drain. */
class DescriptorStream implements OutStream {
  readonly isTTY = false;
  #closed = false;
  #stream: OutStream | undefined;

  constructor(readonly fd: 1 | 2) {}

  write(chunk: string | Uint8Array): boolean {
    if (this.#stream) return this.#stream.write(chunk);
    if (this.#closed) return true;
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (let offset = 0; offset < bytes.length;) {
      try {
        offset += writeSync(this.fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // The reader is gone (`im-bill batch … | head -1`): the run ends quietly, as on Node's stream;
        // on stderr, what is left has nowhere to go.
        if (code === "EPIPE") {
          if (this.fd === 1) process.exit(0);
          this.#closed = true;
          return true;
        }
        if (code !== "EAGAIN") throw error;
        this.#stream = nodeStream(this.fd);
        return this.#stream.write(bytes.subarray(offset));
      }
    }
    return true;
  }

  once(event: "drain", listener: () => void): this {
    // Every write above has gone out (or to Node's stream, which says so itself).
    this.#stream?.once(event, listener);
    return this;
  }
}

/**
 * A terminal (or another device): Node's stream, made when first written to or measured.
 * Every run asks whether stderr is a terminal (for colour), few write to it, and Node's
 * stream for a terminal cost ~3 ms to make. Whether it is one is asked of node:tty
 * (process.getBuiltinModule, Node 20.16 and later) without making the stream.
 */
class DeviceStream implements OutStream {
  #stream: OutStream | undefined;
  #isTTY: boolean | undefined;

  constructor(readonly fd: 1 | 2) {}

  #node(): OutStream {
    return (this.#stream ??= nodeStream(this.fd));
  }

  get isTTY(): boolean {
    if (this.#isTTY === undefined) {
      const tty = this.#stream ? undefined : process.getBuiltinModule?.("node:tty");
      this.#isTTY = tty ? tty.isatty(this.fd) : Boolean(this.#node().isTTY);
    }
    return this.#isTTY;
  }

  get columns(): number | undefined {
    return this.#node().columns;
  }

  write(chunk: string | Uint8Array): boolean {
    return this.#node().write(chunk);
  }

  once(event: "drain", listener: () => void): this {
    this.#node().once(event, listener);
    return this;
  }
}

const outStream = (fd: 1 | 2): OutStream => (notATerminal(fd) ? new DescriptorStream(fd) : new DeviceStream(fd));

export function processIo(): Io {
  let stdout: OutStream | undefined;
  let stderr: OutStream | undefined;
  return {
    get stdout() {
      return (stdout ??= outStream(1));
    },
    get stderr() {
      return (stderr ??= outStream(2));
    },
    // Creating process.stdin costs milliseconds, and only `-` reads it.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    env: process.env,
    onInterrupt(handler) {
      process.once("SIGINT", handler).once("SIGTERM", handler);
      return () => process.off("SIGINT", handler).off("SIGTERM", handler);
    },
  };
}
