// A program run without blocking (a loopback server the test holds may be what it talks to).
import { execFile, type ExecFileException } from "node:child_process";

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `file` with `args`; `env` adds to this process's environment unless `cleanEnv`. */
export function run(
  file: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; cleanEnv?: boolean },
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.cleanEnv ? options.env : { ...process.env, ...options.env },
        encoding: "utf8",
        maxBuffer: 64 << 20,
      },
      (error: ExecFileException | null, stdout, stderr) =>
        resolve({ status: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
    );
  });
}
