// What a shell can complete, read from the commander program itself, so that the
// scripts cannot drift from the commands and options: each command's options, which
// take a value, and which values (a list, files, or anything).
import type { Argument, Command, Option } from "commander";

/** What a value may be: words to offer, and whether file paths are offered too. */
export interface Values {
  words: readonly string[];
  files: boolean;
}

export interface OptionSpec {
  /** "-p", "--plan" */
  names: string[];
  description: string;
  /** undefined: a switch that takes no value */
  value?: Values;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** what the words that are not options may be; undefined: none */
  operands?: Values;
}

export interface ProgramSpec {
  name: string;
  /** options valid before and after a command (commander reads them anywhere) */
  options: OptionSpec[];
  commands: CommandSpec[];
}

/** Values by an option's long name (`--addon`), else by the name of its value (`<plan>`, `[file]`). */
export type ValueSources = Record<string, Values>;

const ANYTHING: Values = { words: [], files: false };

export function programSpec(program: Command, sources: ValueSources): ProgramSpec {
  const help = program.createHelp();
  const commands = help.visibleCommands(program).map((command): CommandSpec => {
    const options = help.visibleOptions(command).map((option) => optionSpec(option, sources));
    return {
      name: command.name(),
      description: firstLine(command.description() || command.summary()),
      options,
      operands: operands(command, options, program, sources),
    };
  });
  return {
    name: program.name(),
    options: help.visibleOptions(program).map((option) => optionSpec(option, sources)),
    commands,
  };
}

function optionSpec(option: Option, sources: ValueSources): OptionSpec {
  const names = [option.short, option.long].filter((name): name is string => name !== undefined);
  const description = firstLine(option.description);
  if (!option.required && !option.optional) return { names, description };
  if (option.argChoices) return { names, description, value: { words: option.argChoices, files: false } };
  const value =
    option.long !== undefined && Object.hasOwn(sources, option.long)
      ? sources[option.long]!
      : valuesNamed(option.flags, sources);
  return { names, description, value };
}

function operands(
  command: Command,
  options: OptionSpec[],
  program: Command,
  sources: ValueSources,
): Values | undefined {
  // `help [command]`: commander's own help command.
  if (command.name() === "help") return { words: program.commands.map((each) => each.name()), files: false };
  const args: readonly Argument[] = command.registeredArguments;
  if (args.length > 0) {
    const all = args.map((arg) =>
      arg.argChoices ? { words: arg.argChoices, files: false } : valueNamed(arg.name(), sources),
    );
    return { words: [...new Set(all.flatMap((values) => values.words))], files: all.some((values) => values.files) };
  }
  // No arguments but an option with a list of values (`catalogs --diff A B`): the words
  // after it are its values.
  const variadic = command.options.find((option) => option.variadic);
  return variadic ? options.find((option) => option.names.includes(variadic.long ?? ""))?.value : undefined;
}

/** The values of `--plan <plan>`: by the name between the brackets. */
function valuesNamed(flags: string, sources: ValueSources): Values {
  const name = /[<[]([\w-]+)(?:\.\.\.)?[>\]]/.exec(flags)?.[1];
  return name === undefined ? ANYTHING : valueNamed(name, sources);
}

function valueNamed(name: string, sources: ValueSources): Values {
  return Object.hasOwn(sources, name) ? sources[name]! : ANYTHING;
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.trim();
}
