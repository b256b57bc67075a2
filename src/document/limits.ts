// What im-bill reads at most, checked before the work that each limit protects: input
// comes from people who did not write it (a pull request, a shared file, a generated
// stream). The README's "Limits" section states these; an input past one is an error
// that names the limit, never a hang or a crash.

const MiB = 1024 * 1024;

export const LIMITS = {
  /** a JSON document, a usage CSV, stdin read whole */
  fileBytes: 16 * MiB,
  /**
   * a YAML file: parsing YAML takes ~100 times its size in memory (a 1 MiB list of
   * one-letter items peaked at 180 MB), so YAML files are kept smaller; JSONL has no
   * total limit, only a per-line one
   */
  yamlBytes: 1 * MiB,
  /** one line of JSONL */
  lineBytes: 4 * MiB,
  /** levels of nested lists and objects; a scenario needs 4, a catalog 7 */
  depth: 32,
  /** items of one list, keys of one object */
  items: 1_000,
  /** scenarios in one file's list (or YAML documents in one file) */
  scenariosPerFile: 100_000,
  /** values of one file (a 16 MiB list of 77,000 scenarios holds 1.4 million), YAML aliases expanded */
  values: 2_000_000,
  /** rows of a usage CSV (a day each: 270 years) */
  csvRows: 100_000,
  /**
   * words of a command line: commander copies them onto the stack (a spread), which
   * overflows past ~120,000; a folder or a quoted pattern stands for any number of files
   */
  arguments: 50_000,
} as const;

/** Numbers users give, bounded so that every amount stays exact (see calculator/decimal.ts). */
export const MAGNITUDES = {
  /** counts: peak DAU, groups, members…: what a double holds exactly */
  count: Number.MAX_SAFE_INTEGER,
  /** danmaku bandwidth of one day, Mbps */
  mbps: 1_000_000_000,
  /** daily peaks summed over a month, Mbps·day */
  mbpsDays: 31_000_000_000,
  /** digits before the decimal point of a catalog price (under a trillion) */
  priceDigits: 12,
} as const;
