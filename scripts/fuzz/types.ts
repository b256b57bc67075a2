// What the fuzz's parts share: the random choices a case is made of (drawn by fast-check),
// a case, and the result of running it.

/** The choices a case is made of: each drawn from the case's fast-check generator. */
export interface Mutator {
  /** a number in [0, 1), unbiased: for choices with odds */
  next(): number;
  /** one of `list`, each as likely */
  pick<T>(list: readonly T[]): T;
  /** a whole number in [0, max) */
  int(max: number): number;
  /** a scenario changed so that it stays valid: the invariants of its bill get checked */
  vary(scenario: any): any;
  /** a value changed in its structure: types, keys, sizes, depth */
  mutateValue(value: any): any;
  /** text changed as a parser sees it: a BOM, CRLF, cut short, a stray character */
  mutateText(text: string, format: string): string;
}

/** A run of the CLI, as the judge sees it. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  hung: boolean;
  /** how long it took to end once signalled, in ms */
  endedAfterSignal: number | undefined;
}

/** The CLI again, for a judge's follow-up (an estimate of a pulled file, batch on a tree). */
export type RunAgain = (
  command: string[],
  options?: { cwd?: string; env?: Record<string, string> },
) => Promise<RunResult>;

/** A case: its surface, files, the command run on them, and what its surface's rule needs. */
export interface TestCase {
  index: number;
  surface: string;
  command: string[];
  cwd?: string;
  env?: Record<string, string>;
  files?: string[];
  holdStdin?: boolean;
  signal?: { name: NodeJS.Signals; after: number };
  /** a usage case: the file the bill was written to */
  output?: string;
  /** an update case: the file before, and its format */
  before?: string;
  format?: string;
  /** a JUnit case: how many test cases the XML must hold */
  testcases?: number;
  pull?: { file: string; before: string | undefined; sdkappid: string; output: string };
  gitdiff?: { repo: string; clean: boolean; leaves: boolean; home: string };
}
