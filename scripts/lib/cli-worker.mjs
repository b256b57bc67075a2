// A worker thread that runs the built CLI in-process: it loads dist/cli.cjs (what the bin
// shim loads) once, then runs each request through its `run` with in-memory streams that
// are not a terminal, as a spawn with stdin from a string and stdout and stderr to pipes
// would. For the tests (test/helpers/cli.ts's runBuilt, which waits on `flag`) and the
// fuzz (scripts/fuzz/fuzz.ts): a run costs milliseconds, not a Node start. What is the
// process's own (the shim, exit, signals, a terminal, a closed pipe) is only a spawn's.
//
// Request: { args, input, env, cwd, port, flag? }; the answer { status, stdout, stderr }
// is posted on `port`, then `flag` (an Int32Array on a SharedArrayBuffer) set to 1 and notified.
import { createRequire } from "node:module";
import { join } from "node:path";
import { Readable } from "node:stream";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/**
 * A worker thread with the built CLI of the checkout at `root` loaded (its dist/cli.cjs).
 * Its stack is held to 1 MB, about the main thread's (a worker's is 4 MB by default), so
 * that input nested deep enough to overflow the binary's stack overflows here too
 * (measured: 8,666 frames of a simple recursion against the main thread's 10,741). The
 * worker's file is named from `root`, not from this module's URL: a script that bundles
 * this module (scripts/run-ts.mjs) would otherwise start itself again.
 */
export const startCliWorker = (root) =>
  new Worker(join(root, "scripts", "lib", "cli-worker.mjs"), {
    workerData: { cliBundle: join(root, "dist", "cli.cjs") },
    resourceLimits: { stackSizeMb: 1 },
  });

if (!isMainThread && workerData?.cliBundle) serve(createRequire(import.meta.url)(workerData.cliBundle));

/** A non-terminal output stream that keeps what is written. */
function capture() {
  let text = "";
  const stream = {
    isTTY: false,
    write(chunk) {
      text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    },
    once() {},
  };
  return { stream, text: () => text };
}

/**
 * Runs each request through the CLI's `run`, one after another (a run sets module state,
 * such as the day it prices on, that a run beside it would see), and answers it.
 */
function serve(cli) {
  let last = Promise.resolve();
  parentPort.on("message", (request) => (last = last.then(() => answer(cli, request))));
}

/** One run: its answer posted on the request's port, and its flag set, if it has one. */
async function answer(cli, { args, input, env, cwd, port, flag }) {
  const stdout = capture();
  const stderr = capture();
  const stdin = Object.assign(Readable.from(input ? [Buffer.from(input)] : []), { isTTY: false });
  let result;
  try {
    const status = await cli.run(args, { stdout: stdout.stream, stderr: stderr.stream, stdin, cwd, env });
    result = { status, stdout: stdout.text(), stderr: stderr.text() };
  } catch (error) {
    // run never throws: reaching here is a bug of run itself, as a crash of the binary would be.
    result = { status: 70, stdout: stdout.text(), stderr: `${stderr.text()}${error?.stack ?? error}\n` };
  }
  port.postMessage(result);
  port.close();
  if (flag) {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
}
