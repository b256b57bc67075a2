// The program: the commands wired to an Io, and the one error boundary. `run` never exits
// the process; the bin shim does, with the code `run` returns. A run whose arguments are
// plain (./quick-args.ts) runs its command from the command's definition; any other has
// commander make the program (./program.ts), which loads only then.
import { EXIT_INTERRUPTED, EXIT_INVALID, UserError } from "../errors.js";
import { langFromEnv, type Lang } from "../i18n/lang.js";
import { plainStyles, type Styles } from "../render/styles.js";
import { help } from "../i18n/help.js";
import { messages } from "../i18n/messages.js";
import { printable } from "../util/printable.js";
import { stylesFor } from "./color.js";
import { Interruption } from "./interrupt.js";
import type { CommandContext } from "./context.js";
import { findProjectConfig, type ConfigContext, type ProjectConfig } from "../config/load.js";
import type { Io } from "./io.js";
import { earlyArgs, type EarlyArgs } from "./argv.js";
import { dayOfEpoch, fixToday } from "../util/today.js";
import { COMMANDS } from "./commands/index.js";
import { quickArgs } from "./quick-args.js";
import { configLang } from "./config-lang.js";
import { flagParts } from "./options.js";
import type { ProgramRun } from "./program.js";
import { terminalWidth } from "./width.js";
import { LIMITS } from "../document/limits.js";

export { COMMAND_NAMES, COMMANDS } from "./commands/index.js";

/** Exit code for a bug (EX_SOFTWARE): anything thrown that is not a user error. */
export const EXIT_BUG = 70;

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
  if (argv.length > LIMITS.arguments) {
    error(messages[lang].tooManyArguments(argv.length, LIMITS.arguments));
    return EXIT_INVALID;
  }
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
  };

  // `im-bill` alone: the guided estimate on a terminal; never waiting on a pipe.
  const guided = argv.length === 0 && Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const programRun: ProgramRun = {
    early,
    guided,
    context,
    found,
    colours: { out: stdoutStyles !== plainStyles, err: stderrStyles !== plainStyles },
  };
  if (argv.length === 0 && !guided) {
    const { programHelp } = await import("./program.js");
    io.stderr.write(await programHelp(programRun));
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
  const words = guided ? ["estimate", "--interactive"] : early.rest;
  const work = (async () => {
    const code = await runQuickly(words, context, found);
    if (code !== undefined) return code;
    const { runThroughProgram } = await import("./program.js");
    return runThroughProgram(words, programRun);
  })();
  // Ctrl-C or SIGTERM ends the run at once, whatever the work is waiting for.
  const stopListening = io.onInterrupt?.((signal) => interruption.interrupt(signal));
  try {
    return await Promise.race([work, interruption.interrupted.then((code) => interrupted(code))]);
  } catch (caught) {
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
 * The command the words name, run from its definition when they are plain: its exit
 * code, or undefined where commander must read them (./quick-args.ts). The config is
 * taken as the program's preAction hook takes it.
 */
async function runQuickly(
  words: readonly string[],
  context: CommandContext,
  found: ProjectConfig | UserError | undefined,
): Promise<number | undefined> {
  const name = words[0];
  if (name === undefined || !Object.hasOwn(COMMANDS, name)) return undefined;
  const spec = await COMMANDS[name]!();
  const call = quickArgs(spec, words.slice(1));
  if (call === undefined) return undefined;
  if (found instanceof UserError) throw found;
  const hasLang = spec.options.some((row) => flagParts(row.flags).attribute === "lang");
  const lang = found && configLang(found, hasLang, call.sources.get("lang") === "cli");
  if (lang !== undefined) {
    call.flags.lang = lang;
    call.sources.set("lang", "config");
    context.configTaken = ["lang"];
  }
  const run = spec.run as (call: unknown, context: CommandContext) => Promise<number>;
  return run(
    { args: call.args, flags: call.flags, source: (attribute: string) => call.sources.get(attribute) },
    context,
  );
}

export { processIo } from "./process-io.js";
