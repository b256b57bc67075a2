// The words of `--help`, in English and Chinese: each command's and option's
// description, the examples' explanations, and commander's own titles. Flags, file
// names and commands stay as they are typed.
import { enHelp, type Help } from "./en.js";
import type { Lang } from "./lang.js";
import { zhHelp } from "./zh.js";

export type { Help };

/** The words of --help in each language; the Chinese are read when first asked for (./zh.ts says why). */
export const help: Record<Lang, Help> = {
  en: enHelp,
  get zh() {
    return zhHelp;
  },
};

/** A command's examples block for `--help` (after its options): a note beside its command, or under a long one. */
export function examplesText(h: Help, examples: readonly [string, string][], footer: string): string {
  const SHORT = 48;
  const width = examples.reduce(
    (widest, [command]) => (command.length <= SHORT ? Math.max(widest, command.length) : widest),
    0,
  );
  const lines = examples.map(([command, note]) =>
    !note
      ? `  $ ${command}`
      : command.length <= SHORT
        ? `  $ ${command.padEnd(width)}   (${note})`
        : `  $ ${command}\n      (${note})`,
  );
  return `\n${h.examples}\n${lines.join("\n")}\n${footer ? `\n${footer}` : ""}`;
}
