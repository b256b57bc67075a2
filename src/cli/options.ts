// A command's options as one table, and the type of the flags its action gets derived
// from that table: no interface of flags written beside the options, to drift from them.
// Each key must be the name commander stores the option's value under (`--secret-key-file`
// → secretKeyFile, `--no-chart` → chart), checked when the table is written; a value's
// type is its parser's result, else one of its choices, else the text typed, else a switch.
import type { Help } from "../i18n/help.js";

/** One option: its flags, its words in --help, and what commander makes of its value. */
export interface OptionSpec {
  flags: string;
  help: (h: Help) => string;
  choices?: readonly string[];
  /** the value when the flag is not given (commander's default, shown in --help) */
  default?: string;
  parse?: (value: string, previous: never) => unknown;
}

type LongName<F extends string> = F extends `${string}--${infer Rest}`
  ? Rest extends `${infer Name} ${string}`
    ? Name
    : Rest
  : never;
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** The key commander stores an option's value under: `--secret-key-file` → secretKeyFile, `--no-chart` → chart. */
export type AttributeOf<F extends string> = LongName<F> extends `no-${infer Name}` ? Camel<Name> : Camel<LongName<F>>;

type ValueOf<S extends OptionSpec> = S extends { parse: (...args: never[]) => infer T }
  ? T
  : S extends { choices: readonly (infer C)[] }
    ? C
    : S["flags"] extends `${string}<${string}...>`
      ? string[]
      : S["flags"] extends `${string}<${string}>`
        ? string
        : boolean;

/** The flags a table of options gives the action: a value for each option with a default, maybe one for the rest. */
export type FlagsOf<T extends Record<string, OptionSpec>> = {
  -readonly [K in keyof T as T[K] extends { default: string } ? AttributeOf<T[K]["flags"]> : never]: ValueOf<T[K]>;
} & {
  -readonly [K in keyof T as T[K] extends { default: string } ? never : AttributeOf<T[K]["flags"]>]?: ValueOf<T[K]>;
};

/** A `--no-` flag's row may be keyed `noChart` where `--chart` has the key `chart`: both set `chart`. */
type NegationKey<F extends string> = LongName<F> extends `no-${infer Name}` ? `no${Capitalize<Camel<Name>>}` : never;

/** Each row whose key is not the attribute commander uses: a type error (its flags no longer fit). */
type Checked<T extends Record<string, OptionSpec>> = {
  [K in keyof T]: K extends AttributeOf<T[K]["flags"]> | NegationKey<T[K]["flags"]>
    ? T[K]
    : { flags: `the key must be ${AttributeOf<T[K]["flags"]>}` };
};

/** A table of options, its keys checked against their flags. */
export function optionTable<const T extends Record<string, OptionSpec>>(table: T & Checked<T>): T {
  return table;
}

/** The rows of option tables, in order: a command's options as its definition lists them. */
export const rowsOf = (...tables: Record<string, OptionSpec>[]): OptionSpec[] =>
  tables.flatMap((table) => Object.values(table));

/** An option's flags read: its long and short flag, whether it is a `--no-` flag, the value it takes. */
export interface FlagParts {
  long: string;
  short: string | undefined;
  negate: boolean;
  /** "<x>", "[x]" or a list ("<x...>"); none for a switch */
  value: "required" | "optional" | undefined;
  variadic: boolean;
  /** the key commander stores the value under (AttributeOf, at run time) */
  attribute: string;
}

/** What commander reads of an option's flags ("-o, --output <file>", "--no-explain"), read once per row. */
export function flagParts(flags: string): FlagParts {
  let parts = partsOf.get(flags);
  if (parts === undefined) partsOf.set(flags, (parts = readFlags(flags)));
  return parts;
}

const partsOf = new Map<string, FlagParts>();

function readFlags(flags: string): FlagParts {
  // Words split by spaces, a short flag's comma dropped: every table writes its flags so.
  const words = flags.split(" ").map((word) => (word.endsWith(",") ? word.slice(0, -1) : word));
  const long = words.find((word) => word.startsWith("--"))!;
  const short = words.find((word) => word.length === 2 && word.startsWith("-"));
  const value = words.find((word) => word.startsWith("<") || word.startsWith("["));
  const negate = long.startsWith("--no-");
  const name = negate ? long.slice(5) : long.slice(2);
  return {
    long,
    short,
    negate,
    value: value === undefined ? undefined : value.startsWith("<") ? "required" : "optional",
    variadic: value?.endsWith("...>") === true || value?.endsWith("...]") === true,
    attribute: name.split("-").reduce((camel, word) => camel + word.charAt(0).toUpperCase() + word.slice(1)),
  };
}
