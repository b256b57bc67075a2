import type { Readable } from "node:stream";

/** Where output goes: what of a Node stream im-bill uses (a test's stream, process.stdout, or a descriptor). */
export interface OutStream {
  /** false: wait for "drain" before the next write */
  write(chunk: string | Uint8Array): boolean;
  once(event: "drain", listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything a command touches of the outside world, so that tests can supply it. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: Readable & { isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
  /** listen for Ctrl-C (SIGINT) and SIGTERM while the program runs; returns the unsubscribe */
  onInterrupt?(handler: (signal: string) => void): () => void;
}
