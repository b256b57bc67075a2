// The program commander makes of the commands' definitions: for --help, for usage
// errors and suggestions, for the completion script, and for any arguments the quick
// reader (./quick-args.ts) is unsure of. Loaded only by such a run: commander is not
// initialised by a run whose arguments are plain.
import {
  Argument,
  Command,
  CommanderError,
  Help,
  Option,
  type HelpConfiguration,
  type Option as CommanderOption,
} from "commander";
import { EXIT_INVALID, EXIT_OK, UserError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { localizeCommanderError } from "../i18n/commander.js";
import { help, type Help as HelpWords } from "../i18n/help.js";
import { printable } from "../util/printable.js";
import { displayWidth, wrapText } from "../render/text.js";
import type { ProjectConfig } from "../config/load.js";
import type { EarlyArgs } from "./argv.js";
import type { CommandContext } from "./context.js";
import type { Io } from "./io.js";
import type { OptionSpec } from "./options.js";
import type { AnyCommandSpec, CommandCall, ValueSource } from "./spec.js";
import { COMMAND_NAMES, COMMAND_SUMMARIES, COMMANDS } from "./commands/index.js";
import { configLang } from "./config-lang.js";
import { terminalWidth } from "./width.js";

declare const IM_BILL_VERSION: string | undefined;
/** Set by the build from package.json. */
const VERSION = typeof IM_BILL_VERSION === "string" ? IM_BILL_VERSION : "0.0.0-dev";

/** What the program is made for: the run's arguments, context, config and colours. */
export interface ProgramRun {
  early: EarlyArgs;
  /** `im-bill` alone on a terminal: the guided estimate */
  guided: boolean;
  context: CommandContext;
  /** the project config, or the error a broken one is (said when a command would use it) */
  found: ProjectConfig | UserError | undefined;
  colours: { out: boolean; err: boolean };
}

/** The options of a definition, in its order, on a command. */
export function addOptions(command: Command, options: readonly OptionSpec[], h: HelpWords): Command {
  for (const spec of options) {
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

/** A command as its definition says, its run given what commander parsed; its exit code handed to `finished`. */
export function commandOf(
  spec: AnyCommandSpec,
  context: CommandContext,
  finished: (code: number) => void = () => undefined,
): Command {
  const h = context.help;
  const command = new Command(spec.name).description(spec.description(h));
  for (const argument of spec.arguments ?? []) {
    const made = new Argument(argument.syntax, argument.help(h));
    command.addArgument(argument.choices ? made.choices(argument.choices) : made);
  }
  addOptions(command, spec.options, h);
  if (spec.after) command.addHelpText("after", spec.after(h));
  if (spec.subcommands) {
    command.helpCommand("help [command]", h.program.helpCommand);
    for (const sub of spec.subcommands) command.addCommand(commandOf(sub, context, finished));
  }
  const run = spec.run;
  if (run)
    command.action(async (...params: unknown[]) => {
      // commander hands the arguments, then the flags, then the command.
      const call: CommandCall<readonly unknown[], Record<string, unknown>> = {
        args: params.slice(0, -2),
        flags: command.opts(),
        source: (attribute) => command.getOptionValueSource(attribute) as ValueSource,
        program: command.parent ?? undefined,
      };
      finished(await run(call as never, context));
    });
  return command;
}

/** A command as the program's --help lists it: its name, arguments and description, and an option (every command has some). */
export function standIn(name: string, h: HelpWords): Command {
  const summary = COMMAND_SUMMARIES[name]!;
  const command = new Command(name).description(summary.description(h));
  if (summary.args) command.argument(summary.args);
  return command.addOption(new Option("--stand-in").hideHelp());
}

/**
 * The commands a run defines, each whole or as a stand-in: the one it runs (and the one
 * `help <command>` shows) whole; for the program's own help, or a name that is no
 * command (commander suggests one), stand-ins; for the completion script, which is made
 * from the whole program, every one whole.
 */
function commandsFor(early: EarlyArgs, guided: boolean): { name: string; whole: boolean }[] {
  const every = (whole: (name: string) => boolean) => COMMAND_NAMES.map((name) => ({ name, whole: whole(name) }));
  // No argument at all: the guided estimate on a terminal, else the help that lists every command.
  if (early.rest.length === 0) return guided ? [{ name: "estimate", whole: true }] : every(() => false);
  const named = early.command ?? "estimate";
  if (named === "completion") return every(() => true);
  if (early.helpFirst || !Object.hasOwn(COMMANDS, named)) {
    // `help estimate`: the help of that command, its definition whole.
    const shown = named === "help" ? early.rest.filter((word) => Object.hasOwn(COMMANDS, word)) : [];
    return every((name) => shown.includes(name));
  }
  return [{ name: named, whole: true }];
}

/** The program: its options, and the commands this run needs, wired to the run's streams and config. */
async function makeProgram(
  { early, guided, context, found, colours }: ProgramRun,
  finished?: (code: number) => void,
): Promise<Command> {
  const h = context.help;
  const program = new Command("im-bill")
    .description(h.program.description)
    .version(VERSION, "-v, --version", h.program.version)
    .option("--no-color", h.program.noColor)
    .option("--debug", h.program.debug)
    .option("--no-config", h.program.noConfig)
    // Also each command's own: given before the command (im-bill --lang zh estimate) it is the run's.
    .addOption(new Option("--lang <lang>", h.lang).choices(["en", "zh"]))
    // The program's options before the command, the command's after it: a command's option
    // value is never read as the program's (the run's switches are taken out by earlyArgs).
    .enablePositionalOptions()
    .showSuggestionAfterError()
    .helpCommand("help [command]", h.program.helpCommand)
    .addHelpText("after", h.program.after);
  for (const { name, whole } of commandsFor(early, guided))
    program.addCommand(whole ? commandOf(await COMMANDS[name]!(), context, finished) : standIn(name, h));
  routeOutput(program, context.io, context.language, colours);
  program.hook("preAction", (_program, command) => {
    if (found instanceof UserError) throw found;
    if (found) context.configTaken = applyConfig(command, found);
  });
  return program;
}

/** The help that lists every command: `im-bill` alone, where no prompt can be shown. */
export async function programHelp(run: ProgramRun): Promise<string> {
  return (await makeProgram(run)).helpInformation();
}

/** The words run through the program: the command's exit code, or commander's (its own errors said, as usage errors). */
export async function runThroughProgram(words: readonly string[], run: ProgramRun): Promise<number> {
  let code = EXIT_OK;
  const program = await makeProgram(run, (finished) => (code = finished));
  try {
    await program.parseAsync(words, { from: "user" });
    return code;
  } catch (caught) {
    // commander printed its message already; --help and --version are successes.
    if (caught instanceof CommanderError) return caught.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    throw caught;
  }
}

/**
 * The config's language as the value of the command's --lang, where the command has the
 * option and the command line did not give it (commander's "config" source). Returns
 * what was taken, for the estimate to name.
 */
function applyConfig(command: Command, config: ProjectConfig): string[] {
  const has = command.options.some((option) => option.attributeName() === "lang");
  // A --lang given anywhere (commander gives one after the command to the program's own) wins.
  let given = false;
  for (let at: Command | null = command; at; at = at.parent) given ||= at.getOptionValueSource("lang") === "cli";
  const lang = configLang(config, has, given);
  if (lang === undefined) return [];
  command.setOptionValueWithSource("lang", lang, "config");
  return ["lang"];
}

/**
 * On every command: commander writes to the Io's streams, in the run's language (its
 * titles, its usage errors), and throws instead of exiting.
 */
function routeOutput(command: Command, io: Io, lang: Lang, colours: { out: boolean; err: boolean }): void {
  const h = help[lang];
  command.exitOverride().helpOption("-h, --help", h.program.help).configureHelp(helpIn(lang));
  command.configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    // Commander quotes the arguments it refuses: an argument may hold an escape sequence.
    outputError: (text, write) => write(printable(localizeCommanderError(text, lang))),
    getOutHelpWidth: () => terminalWidth(io),
    getErrHelpWidth: () => terminalWidth(io),
    // Colour as decided once (./color.ts), not by commander's own look at process.stdout,
    // which would create the stream (~3 ms) where output goes to a pipe.
    getOutHasColors: () => colours.out,
    getErrHasColors: () => colours.err,
  });
  for (const sub of command.commands) routeOutput(sub, io, lang, colours);
}
/** Commander's help in `lang`: its titles, and what it adds to descriptions (choices, defaults). */
function helpIn(lang: Lang): HelpConfiguration {
  const h = help[lang];
  const extra = (description: string, parts: string[]) =>
    parts.length === 0
      ? description
      : lang === "zh"
        ? `${description}（${parts.join("；")}）`
        : `${description} (${parts.join(", ")})`;
  const choices = (list: readonly string[] | undefined) =>
    list ? [h.choices(list.map((choice) => JSON.stringify(choice)).join(", "))] : [];
  const placeholders = (usage: string) =>
    usage.replace(/\[(options|command)\]/g, (word) =>
      Object.hasOwn(h.placeholders, word) ? h.placeholders[word]! : word,
    );
  return {
    styleTitle: (title: string) => (Object.hasOwn(h.titles, title) ? h.titles[title]! : title),
    commandUsage: (command: Command) => placeholders(Help.prototype.commandUsage.call(new Help(), command)),
    subcommandTerm: (command: Command) => placeholders(Help.prototype.subcommandTerm.call(new Help(), command)),
    // Measured and wrapped by display width: CJK characters take two columns and text
    // without spaces still wraps.
    displayWidth: (text: string) => displayWidth(text),
    boxWrap: (text: string, width: number) =>
      text
        .split("\n")
        .flatMap((line) => (line === "" ? [""] : wrapText(line, width)))
        .join("\n"),
    optionDescription: (option: CommanderOption) => {
      const showDefault =
        option.defaultValue !== undefined &&
        (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean")) &&
        !option.negate;
      return extra(option.description, [
        ...choices(option.argChoices),
        ...(showDefault ? [h.default(option.defaultValueDescription ?? JSON.stringify(option.defaultValue))] : []),
      ]);
    },
    argumentDescription: (argument: Argument) =>
      extra(argument.description, [
        ...choices(argument.argChoices),
        ...(argument.defaultValue !== undefined
          ? [h.default(argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue))]
          : []),
      ]),
  };
}
