// The errors a user can cause. The CLI's one boundary prints their message and exits
// with their code; anything else that is thrown is a bug and reported as such.

export const EXIT_OK = 0;
/** a check failed: budget, expectation, violation under --strict */
export const EXIT_CHECK_FAILED = 1;
/** invalid input or usage */
export const EXIT_INVALID = 2;
/** interrupted by the user (Ctrl-C) */
export const EXIT_INTERRUPTED = 130;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INVALID,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** One thing wrong with an input, at a field path such as `usage.peakDau`. */
export interface Problem {
  path: string;
  message: string;
}

/** Invalid input: each problem on its own line, prefixed by where it came from (a file). */
export class InputError extends UserError {
  constructor(readonly problems: readonly (Problem & { source?: string })[]) {
    super(problems.map((p) => [p.source, p.path, p.message].filter(Boolean).join(": ")).join("\n"));
    this.name = "InputError";
  }
}
