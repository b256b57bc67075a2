import type { Readable, Writable } from "node:stream";

export type OutStream = Writable & { isTTY?: boolean; columns?: number };

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
