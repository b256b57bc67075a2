// The program: commands wired to an Io, and the one error boundary. `run` never exits
// the process; the bin shim does, with the code `run` returns.
import {
  Command,
  CommanderError,
  Help,
  Option,
  type HelpConfiguration,
  type Option as CommanderOption,
  type Argument,
} from "commander";
import { EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, UserError } from "../errors.js";
import { langFromEnv, type Lang } from "../i18n/lang.js";
import { plainStyles, type Styles } from "../render/styles.js";
import { localizeCommanderError } from "../i18n/commander.js";
import { help, type Help as HelpWords } from "../i18n/help.js";
import { messages } from "../i18n/messages.js";
import { printable } from "../util/printable.js";
import { displayWidth, wrapText } from "../render/text.js";
import { stylesFor } from "./color.js";
import { Interruption } from "./interrupt.js";
import type { CommandContext } from "./context.js";
import { findProjectConfig, type ConfigContext, type ProjectConfig } from "../config/load.js";
import type { Io } from "./io.js";
import { earlyArgs, type EarlyArgs } from "./argv.js";
import { dayOfEpoch, fixToday } from "../util/today.js";

declare const IM_BILL_VERSION: string | undefined;
/** Set by the build from package.json. */
const VERSION = typeof IM_BILL_VERSION === "string" ? IM_BILL_VERSION : "0.0.0-dev";

/** Exit code for a bug (EX_SOFTWARE): anything thrown that is not a user error. */
export const EXIT_BUG = 70;

type Define = (context: CommandContext) => Command;

/**
 * The commands, in the order of --help, each loaded when it is defined: a run defines
 * only the command it runs (its module, and what that imports, are not even
 * initialised otherwise), --help and `completion` all of them.
 */
export const COMMANDS: Record<string, () => Promise<Define>> = {
  estimate: async () => (await import("./commands/estimate.js")).estimateCommand,
  batch: async () => (await import("./commands/batch.js")).batchCommand,
  compare: async () => (await import("./commands/compare.js")).compareCommand,
  forecast: async () => (await import("./commands/forecast.js")).forecastCommand,
  check: async () => (await import("./commands/check.js")).checkCommand,
  diff: async () => (await import("./commands/diff.js")).diffCommand,
  prices: async () => (await import("./commands/prices.js")).pricesCommand,
  catalogs: async () => (await import("./commands/catalogs.js")).catalogsCommand,
  usage: async () => (await import("./commands/usage.js")).usageCommand,
  render: async () => (await import("./commands/render.js")).renderCommand,
  schema: async () => (await import("./commands/schema.js")).schemaCommand,
  completion: async () => (await import("./commands/completion.js")).completionCommand,
};

/** The commands' names, in the order of --help (the README and the tests name them from here). */
export const COMMAND_NAMES = Object.keys(COMMANDS);

/**
 * What the program's --help shows of each command: its arguments and its description.
 * A run that shows only that help (or names commands: a mistyped one) defines each
 * command as a stand-in made of this, not from its module: defining all twelve cost
 * that help ~4 ms. test/cli/stand-ins.test.ts holds each to its command.
 */
export const COMMAND_SUMMARIES: Record<string, { args?: string; description: (h: HelpWords) => string }> = {
  estimate: { args: "[file]", description: (h) => h.estimate.description },
  batch: { args: "<paths...>", description: (h) => h.batch.description },
  compare: { args: "[file]", description: (h) => h.compare.description },
  forecast: { args: "[file]", description: (h) => h.forecast.description },
  check: { args: "<paths...>", description: (h) => h.check.description },
  diff: { args: "[files...]", description: (h) => h.diff.description },
  prices: { description: (h) => h.prices.description },
  catalogs: { description: (h) => h.catalogs.description },
  usage: { description: (h) => h.usage.description },
  render: { args: "<file>", description: (h) => h.render.description },
  schema: { args: "<kind>", description: (h) => h.schema.description },
  completion: { args: "<shell>", description: (h) => h.completion.description },
};

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

/**
 * The program, run: the exit code, never a throw. What a command throws is said by the
 * boundary in runProgram; a bug before it is reached (finding the project config, the
 * colours) is said here, in the same words.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await runProgram(argv, io);
  } catch (caught) {
    // What the arguments say of the language and --debug, if even they cannot be read: English, no stack.
    let early: Pick<EarlyArgs, "lang" | "debug"> = { lang: undefined, debug: false };
    try {
      early = earlyArgs(argv);
    } catch {
      // the bug is said all the same
    }
    return reportBug(caught, io, early.lang ?? langFromEnv(io.env), plainStyles, early.debug);
  }
}

/** A bug, said as one: its message, and how to report it (with --debug, its stack). */
function reportBug(caught: unknown, io: Io, lang: Lang, styles: Styles, debug: boolean): number {
  const bug = messages[lang].bug;
  // No space after a full-width colon (zh).
  const gap = bug.title.endsWith("\uff1a") ? "" : " ";
  io.stderr.write(
    `${styles.error(bug.title)}${gap}${caught instanceof Error ? printable(caught.message) : String(caught)}\n${bug.report(debug)}\n`,
  );
  if (debug && caught instanceof Error) io.stderr.write(`${caught.stack}\n`);
  return EXIT_BUG;
}

async function runProgram(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  const early = earlyArgs(argv);
  const debug = early.debug;
  const colorFlag = early.noColor ? false : undefined;
  const [stdoutStyles, stderrStyles] = await Promise.all([
    stylesFor(io.stdout, io.env, colorFlag),
    stylesFor(io.stderr, io.env, colorFlag),
  ]);
  // The project config, unless --no-config: found before anything else, since it may set
  // the language. A broken one fails the command that would use it, not --help.
  const found = early.noConfig ? undefined : await projectConfig(io);
  const config = found instanceof UserError ? undefined : found;
  const lang = early.lang ?? config?.lang ?? langFromEnv(io.env);
  const error = (message: string) => {
    // The colour covers the word only, not the space after it.
    const prefix = messages[lang].errorPrefix;
    const word = stderrStyles.error(prefix.trimEnd()) + prefix.slice(prefix.trimEnd().length);
    for (const line of message.split("\n")) io.stderr.write(`${word}${printable(line)}\n`);
  };
  const interruption = new Interruption();
  const h = help[lang];
  const context: CommandContext = {
    io,
    language: lang,
    help: h,
    interruption,
    width: terminalWidth(io),
    // A command's --lang, else one given before the command (a global option), else the locale's.
    lang: (flag) => (flag === "en" || flag === "zh" ? flag : (early.lang ?? langFromEnv(io.env))),
    project: config,
    useConfig: !early.noConfig,
    configTaken: [],
    styles: (stream) => (stream === io.stderr ? stderrStyles : stdoutStyles),
    plainStyles,
    error,
    setExitCode: (code) => {
      exitCode = code;
    },
  };

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
  // `im-bill` alone: the guided estimate on a terminal; never waiting on a pipe.
  const guided = argv.length === 0 && Boolean(io.stdin.isTTY && io.stdout.isTTY);
  for (const { name, whole } of commandsFor(early, guided))
    program.addCommand(whole ? (await COMMANDS[name]!())(context) : standIn(name, h));
  routeOutput(program, io, lang, { out: stdoutStyles !== plainStyles, err: stderrStyles !== plainStyles });
  program.hook("preAction", (_program, command) => {
    if (found instanceof UserError) throw found;
    if (config) context.configTaken = applyConfig(command, config);
  });

  if (argv.length === 0 && !guided) {
    io.stderr.write(program.helpInformation());
    // Said last, where a reader of a CI log looks: why it printed help instead of asking.
    io.stderr.write(`\n${messages[lang].noCommand}\n`);
    return EXIT_INVALID;
  }
  // SOURCE_DATE_EPOCH: the day this run is made, as the reproducible-builds convention gives it.
  const epoch = io.env.SOURCE_DATE_EPOCH || undefined;
  const fixedDay = epoch === undefined ? undefined : dayOfEpoch(epoch.trim());
  if (epoch !== undefined && fixedDay === undefined) {
    error(messages[lang].sourceDateEpoch(JSON.stringify(printable(epoch.slice(0, 40)))));
    return EXIT_INVALID;
  }
  fixToday(fixedDay);
  const work = (async () => {
    await program.parseAsync(guided ? ["estimate", "--interactive"] : early.rest, { from: "user" });
    return exitCode;
  })();
  // Ctrl-C or SIGTERM ends the run at once, whatever the work is waiting for.
  const stopListening = io.onInterrupt?.((signal) => interruption.interrupt(signal));
  try {
    return await Promise.race([work, interruption.interrupted.then((code) => interrupted(code))]);
  } catch (caught) {
    if (caught instanceof CommanderError) {
      // commander printed its message already; --help and --version are successes.
      return caught.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    }
    if (caught instanceof UserError) {
      error(caught.messageIn(lang));
      if (debug) io.stderr.write(`${caught.stack}\n`);
      return caught.exitCode;
    }
    // Ctrl-C at a prompt is the user's choice, not a crash.
    if (caught instanceof Error && caught.name === "ExitPromptError") {
      io.stderr.write(`${messages[lang].interactive.cancelled}\n`);
      return EXIT_INTERRUPTED;
    }
    return reportBug(caught, io, lang, stderrStyles, debug);
  } finally {
    fixToday(undefined);
    stopListening?.();
    // The work may still be unwinding after an interrupt: its end is not a new error.
    work.catch(() => undefined);
  }

  function interrupted(code: number): number {
    error(messages[lang].interrupted);
    return code;
  }
}

/** The width tables fit: the terminal's, else $COLUMNS, else 80 (never under 40). */
export function terminalWidth(io: Io): number {
  const fromEnv = Number(io.env.COLUMNS);
  const width =
    io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(40, width);
}

/** The project config, or the error that a broken one is (said when a command would use it). */
async function projectConfig(io: Io): Promise<ProjectConfig | UserError | undefined> {
  try {
    // A config is a file, never stdin: the stream is not touched (creating process.stdin costs milliseconds).
    const context = { cwd: io.cwd, home: io.env.HOME ?? io.env.USERPROFILE };
    return await findProjectConfig(Object.defineProperty(context, "stdin", { get: () => io.stdin }) as ConfigContext);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

/**
 * The config's language as the value of the command's --lang, where the command has the
 * option and the command line did not give it (commander's "config" source). Its prices
 * and discount are taken where a command prices (`pricingFor`), so that whatever a flag
 * replaces is named. Returns what was taken, for the estimate to name.
 */
function applyConfig(command: Command, config: ProjectConfig): string[] {
  const has = command.options.some((option) => option.attributeName() === "lang");
  // A --lang given anywhere (commander gives one after the command to the program's own) wins.
  let given = false;
  for (let at: Command | null = command; at; at = at.parent) given ||= at.getOptionValueSource("lang") === "cli";
  if (config.lang === undefined || !has || given) return [];
  command.setOptionValueWithSource("lang", config.lang, "config");
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

export { processIo } from "./process-io.js";
