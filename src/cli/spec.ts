// A command as data: its arguments, its options (rows of options tables, in --help's
// order), its words, and what it runs. Nothing here loads commander: a run whose
// arguments are plain reads them from this definition (./quick-args.ts), and only
// another run (help, a usage error, anything the quick reader is unsure of) has
// commander make a program of the definitions (./program.ts). Both hand `run` the same call.
import type { Command } from "commander";
import type { Help } from "../i18n/help.js";
import type { CommandContext } from "./context.js";
import type { OptionSpec } from "./options.js";

/** A positional argument, as commander writes it: "[file]", "<paths...>". */
export interface ArgumentSpec {
  syntax: string;
  help: (h: Help) => string;
  choices?: readonly string[];
}

/** Where an option's value came from: typed (cli), its default, the project config. */
export type ValueSource = "cli" | "default" | "config" | undefined;

/** Where each option's value came from, by the key its flags store it under. */
export type SourceOf = (attribute: string) => ValueSource;

/** What a command's run gets: its arguments in order (a variadic one as a list), its flags, where each came from. */
export interface CommandCall<Args extends readonly unknown[], Flags> {
  args: Args;
  flags: Flags;
  source: SourceOf;
  /** the program commander made, for a command that describes it (completion); undefined in a quick run */
  program?: Command;
}

export interface CommandSpec<Args extends readonly unknown[] = readonly unknown[], Flags = Record<string, unknown>> {
  name: string;
  description: (h: Help) => string;
  arguments?: readonly ArgumentSpec[];
  /** in --help's order */
  options: readonly OptionSpec[];
  /** the text --help shows after the options: examples, a footer */
  after?: (h: Help) => string;
  /** a command of commands (usage pull): runs none itself */
  subcommands?: readonly AnyCommandSpec[];
  /** run only from the program commander makes (it describes that program) */
  needsProgram?: boolean;
  /** the exit code */
  run?: (call: CommandCall<Args, Flags>, context: CommandContext) => Promise<number>;
}

/** An argument of a definition, its syntax (and choices) kept as written, for the run's type (ArgsOf). */
export function argument<const S extends string>(
  syntax: S,
  help: (h: Help) => string,
): { syntax: S; help: (h: Help) => string };
export function argument<const S extends string, const C extends readonly string[]>(
  syntax: S,
  help: (h: Help) => string,
  choices: C,
): { syntax: S; help: (h: Help) => string; choices: C };
export function argument(syntax: string, help: (h: Help) => string, choices?: readonly string[]): ArgumentSpec {
  return choices === undefined ? { syntax, help } : { syntax, help, choices };
}

/** What commander hands for an argument: a list for `<x...>`, one of its choices, the text; undefined where `[x]` is left out. */
type ValueOfArgument<A extends ArgumentSpec> = A["syntax"] extends `${string}...${string}`
  ? string[]
  : | (A["choices"] extends readonly (infer Choice)[] ? Choice : string)
    | (A["syntax"] extends `<${string}` ? never : undefined);

/** The arguments a run gets, typed from the definition's (as FlagsOf types its flags from its options). */
export type ArgsOf<A extends readonly ArgumentSpec[]> = { -readonly [K in keyof A]: ValueOfArgument<A[K]> };

/**
 * A command's definition, its run typed by its flags (given: the type its option tables
 * make) and by its arguments (read from the definition's own).
 */
export const defineCommand =
  <Flags>() =>
  <const A extends readonly ArgumentSpec[] = []>(
    spec: Omit<CommandSpec<ArgsOf<A>, Flags>, "arguments"> & { arguments?: A },
  ): CommandSpec<ArgsOf<A>, Flags> =>
    spec;

/** What a command defines to the rest of the CLI, whatever its arguments and flags. */
export type AnyCommandSpec = CommandSpec<never, never>;
