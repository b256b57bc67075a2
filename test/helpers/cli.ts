import { spawn, spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { MessageChannel, receiveMessageOnPort, type Worker } from "node:worker_threads";
import { startCliWorker } from "../../scripts/lib/cli-worker.mjs";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const bin = fileURLToPath(new URL("../../bin/im-bill.cjs", import.meta.url));

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The day the tests' runs are made (RUN_DAY), as SOURCE_DATE_EPOCH gives it: what a run
 * prints of its own day ("the list in effect today", how long ago a list was checked)
 * is the same whenever the tests run.
 */
export const RUN_EPOCH = String(Date.UTC(2026, 11, 4) / 1000);

/** A clean environment: no colour variables or locale of the machine running the tests, and a fixed day. */
const baseEnv = () => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  LANG: "C",
  SOURCE_DATE_EPOCH: RUN_EPOCH,
});

/** Spawn the built binary, as a user's shell would. */
export function imBill(
  args: string[],
  options: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): Result {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? "",
    env: { ...baseEnv(), ...options.env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let builtWorker: Worker | undefined;

/** The worker thread this test process keeps the built CLI loaded in (scripts/lib/cli-worker.mjs). */
function cliWorker(): Worker {
  if (builtWorker === undefined) {
    builtWorker = startCliWorker(root);
    // Never what keeps a test process alive.
    builtWorker.unref();
  }
  return builtWorker;
}

/** What runBuilt asks the worker: a spawn's arguments, environment, folder and stdin. */
const request = (args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string }) => ({
  args,
  input: options.input ?? "",
  env: { ...baseEnv(), ...options.env },
  cwd: options.cwd ?? root,
});

/**
 * The built CLI (dist/cli.cjs, what the binary loads) run in-process: its `run` called
 * with the arguments, environment, folder and stdin a spawn would get, and in-memory
 * streams that are not a terminal. For tests of what a command prints and does; the
 * process around it (the bin shim, exit, signals, a terminal, a closed pipe) is
 * `imBill`'s, which spawns (test/cli/contract.e2e.test.ts holds the two alike). It runs
 * in a worker thread and blocks as a spawn would: a run costs milliseconds, not a Node
 * start (~65 ms of CPU).
 */
export function runBuilt(
  args: string[],
  options: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): Result {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  cliWorker().postMessage({ ...request(args, options), port: port2, flag }, [port2]);
  if (Atomics.wait(flag, 0, 0, 20_000) === "timed-out") {
    void builtWorker?.terminate();
    builtWorker = undefined;
    return { status: null, stdout: "", stderr: "runBuilt: no answer in 20 s" };
  }
  const answer = receiveMessageOnPort(port1)?.message as Result;
  port1.close();
  return answer;
}

/** runBuilt without blocking this thread: for a run that talks to a server the test holds. */
export function runBuiltAsync(
  args: string[],
  options: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<Result> {
  const { port1, port2 } = new MessageChannel();
  cliWorker().postMessage({ ...request(args, options), port: port2 }, [port2]);
  return new Promise((resolve) =>
    port1.once("message", (answer: Result) => {
      port1.close();
      resolve(answer);
    }),
  );
}

const answered = new Map<string, Result>();

/**
 * The built binary's answer to a run that reads nothing but its arguments and environment
 * (help, a completion script): spawned once a worker, however many tests ask for it.
 */
export function imBillOnce(args: string[], options: { env?: Record<string, string> } = {}): Result {
  const key = JSON.stringify([args, options.env ?? {}]);
  let result = answered.get(key);
  if (result === undefined) answered.set(key, (result = imBill(args, options)));
  return result;
}

/** Spawn the built binary without blocking this process: for a server the test runs beside it. */
export function imBillAsync(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      env: { ...baseEnv(), ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Call the CLI's `run` in-process with in-memory streams. */
export async function runInProcess(
  args: string[],
  options: { input?: string; env?: Record<string, string>; tty?: boolean; columns?: number; cwd?: string } = {},
): Promise<Result> {
  const capture = () => {
    const stream = Object.assign(new PassThrough(), { isTTY: options.tty, columns: options.columns });
    let text = "";
    stream.on("data", (chunk) => (text += chunk));
    return { stream, text: () => text };
  };
  const stdout = capture();
  const stderr = capture();
  const io: Io = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Object.assign(PassThrough.from([options.input ?? ""]), { isTTY: false }),
    cwd: options.cwd ?? root,
    env: { ...baseEnv(), ...options.env },
  };
  const status = await run(args, io);
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * A report's notes but the one that its list was last checked long ago: at the tests' day
 * (RUN_EPOCH) every built-in list has it, and tests of the other notes leave it out
 * (test/cli/certainty.e2e.test.ts is about it).
 */
export const notesBesidesStale = <T extends { code: string }>(notes: readonly T[]): T[] =>
  notes.filter((note) => note.code !== "catalog.unverified");

/** The note that tencent-im-cn-2024 was last checked long ago, as an 80-column footer says it at the tests' day. */
export const STALE_CN_2024 = [
  "tencent-im-cn-2024 was last checked against Tencent's pages on 2025-11-04,",
  "  more than 180 days ago: its prices may have changed. im-bill prices gives each",
  "  figure's source; a price you know better goes in a price file that extends the",
  "  list (--pricing)",
];
