// The errors a user can cause. The CLI's one boundary prints their message and exits
// with their code; anything else that is thrown is a bug and reported as such.
import type { Lang } from "./i18n/lang.js";
import { messages, type Messages } from "./i18n/messages.js";

export const EXIT_OK = 0;
/** a check failed: budget, expectation, violation under --strict */
export const EXIT_CHECK_FAILED = 1;
/** invalid input or usage */
export const EXIT_INVALID = 2;
/** interrupted by the user (Ctrl-C) */
export const EXIT_INTERRUPTED = 130;

/**
 * Words a user reads: fixed text, or made in the user's language at the boundary
 * (the library and `message` use English).
 */
export type Text = string | ((lang: Lang) => string);

export const textIn = (text: Text, lang: Lang): string => (typeof text === "string" ? text : text(lang));

/** Text from the message catalog: `say((t) => t.document.duplicateKey(key))`. */
export const say =
  (pick: (t: Messages) => string): Text =>
  (lang) =>
    pick(messages[lang]);

export class UserError extends Error {
  readonly text: Text;
  constructor(
    text: Text,
    readonly exitCode: number = EXIT_INVALID,
  ) {
    super(textIn(text, "en"));
    this.text = text;
    this.name = "UserError";
  }

  /** The message in the user's language. */
  messageIn(lang: Lang): string {
    return textIn(this.text, lang);
  }
}

/** One thing wrong with an input, at a field path such as `usage.peakDau`. */
export interface Problem {
  path: string;
  message: Text;
}

export type SourcedProblem = Problem & { source?: string };

/** How many problems of one input are listed before "… and N more". */
export const SHOWN_PROBLEMS = 20;

/** Problems as lines ("file: path: message"), the first SHOWN_PROBLEMS of them. */
export function formatProblems(problems: readonly SourcedProblem[], lang: Lang, separator = "\n"): string {
  const lines: string[] = [];
  for (const problem of problems.slice(0, SHOWN_PROBLEMS)) {
    lines.push([problem.source, problem.path, textIn(problem.message, lang)].filter(Boolean).join(": "));
  }
  if (problems.length > SHOWN_PROBLEMS)
    lines.push(messages[lang].document.moreProblems(problems.length - SHOWN_PROBLEMS));
  return lines.join(separator);
}

/** A problem as a library caller reads it: the message in words. */
export interface ProblemText {
  source?: string;
  path: string;
  message: string;
}

/** Invalid input: each problem on its own line, prefixed by where it came from (a file). */
export class InputError extends UserError {
  readonly #problems: readonly SourcedProblem[];
  /** each problem, its message in English (`problemsIn` for another language) */
  readonly problems: readonly ProblemText[];

  /** `lang`: the language of `message` and `problems` (the library's caller's; the CLI words each where it prints). */
  constructor(problems: readonly SourcedProblem[], lang: Lang = "en") {
    super((lang) => formatProblems(problems, lang));
    this.name = "InputError";
    this.#problems = problems;
    this.problems = this.problemsIn(lang);
    if (lang !== "en") this.message = this.messageIn(lang);
  }

  /** The same problems, said in `lang`. */
  in(lang: Lang): InputError {
    return lang === "en" ? this : new InputError(this.#problems, lang);
  }

  /** Each problem with its message in `lang`. */
  problemsIn(lang: Lang): ProblemText[] {
    return this.#problems.map((problem) => ({ ...problem, message: textIn(problem.message, lang) }));
  }

  /** The same problems, their paths under `key` (a value read out of a larger document). */
  under(key: string): InputError {
    return new InputError(
      this.#problems.map((problem) => ({ ...problem, path: problem.path ? `${key}.${problem.path}` : key })),
    );
  }
}
