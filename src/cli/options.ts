// A command's options as one table, and the type of the flags its action gets derived
// from that table: no interface of flags written beside the options, to drift from them.
// Each key must be the name commander stores the option's value under (`--secret-key-file`
// → secretKeyFile, `--no-chart` → chart), checked when the table is written; a value's
// type is its parser's result, else one of its choices, else the text typed, else a switch.
import { Option, type Command } from "commander";
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

/** The table's options on a command, in the table's order. */
export function addOptions(command: Command, table: Record<string, OptionSpec>, h: Help): Command {
  for (const spec of Object.values(table)) {
    const option = new Option(spec.flags, spec.help(h));
    if (spec.choices) option.choices(spec.choices);
    if (spec.default !== undefined) option.default(spec.default);
    const parse = spec.parse as ((value: string, previous: unknown) => unknown) | undefined;
    // With choices, the choice is checked first (commander's words, the choices listed), then parsed.
    const check = option.parseArg;
    if (parse)
      option.argParser(
        check ? (value: string, previous: unknown) => parse(check(value, previous) as string, previous) : parse,
      );
    command.addOption(option);
  }
  return command;
}
