import type { Worker } from "node:worker_threads";

/** A worker thread with the built CLI of the checkout at `root` (its dist/cli.cjs) loaded. */
export function startCliWorker(root: string): Worker;
