import { spawn, spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
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

/** A clean environment: no colour variables or locale of the machine running the tests. */
const baseEnv = () => ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "C" });

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
