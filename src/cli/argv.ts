// What the run must know of its arguments before commander reads them (the language of
// help, colour, the config, --debug, which command to define). `--` ends the options,
// and a word that is an option's value stays that value (`--name --debug` is a name, not
// --debug). The run's own switches (--debug, --no-color, --no-config) are taken out
// here wherever they stand as options, so that commander (with positional options: the
// program's before the command, the command's after it) never reads one out of another
// option's value. Which options take a value is this one table; a test holds it against
// every command's definitions.

/** Every option of any command that takes a value, long and short. */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "--addon",
  "--admin",
  "--api-rate-pack-days",
  "--api-rate-packs",
  "--bandwidth-days",
  "--bandwidth-growth",
  "--bandwidth-intl",
  "--bandwidth-mainland",
  "--base",
  "--base-url",
  "--catalog",
  "--community-messages",
  "--data-center",
  "--dau",
  "--dau-growth",
  "--diff",
  "--discount",
  "--fail-above",
  "--fail-above-each",
  "--file",
  "--format",
  "--group-member-limit",
  "--groups",
  "--groups-growth",
  "--groups-per-user",
  "--headroom",
  "--history-days",
  "--lang",
  "--live-groups",
  "--mau",
  "--mau-growth",
  "--max-total",
  "--moderated-audio-minutes",
  "--moderated-images",
  "--moderated-texts",
  "--moderated-video-minutes",
  "--month",
  "--months",
  "--name",
  "--on",
  "--output",
  "--plan",
  "--pricing",
  "--rate",
  "--region",
  "--retries",
  "--sdkappid",
  "--secret-key-env",
  "--secret-key-file",
  "--site",
  "--start",
  "--timeout",
  "--title",
  "--usage-csv",
  "-f",
  "-o",
  "-p",
]);

export interface EarlyArgs {
  debug: boolean;
  /** --no-color given */
  noColor: boolean;
  /** --no-config given */
  noConfig: boolean;
  /** the last valid --lang given */
  lang: "en" | "zh" | undefined;
  /** the first word that is neither an option nor an option's value: the command */
  command: string | undefined;
  /** -h or --help, and where: before any command word */
  helpFirst: boolean;
  /** the arguments for commander: the run's switches taken out */
  rest: string[];
}

/** The switches of the run as a whole, read here and never passed on. */
const RUN_SWITCHES = new Set(["--debug", "--no-color", "--no-config"]);

export function earlyArgs(argv: readonly string[]): EarlyArgs {
  const early: EarlyArgs = {
    debug: false,
    noColor: false,
    noConfig: false,
    lang: undefined,
    command: undefined,
    helpFirst: false,
    rest: [],
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--") {
      // The rest as it is, however many (a spread of them all overflows the stack past ~120,000).
      for (let rest = index; rest < argv.length; rest++) early.rest.push(argv[rest]!);
      break;
    }
    if (RUN_SWITCHES.has(arg)) {
      if (arg === "--debug") early.debug = true;
      else if (arg === "--no-color") early.noColor = true;
      else early.noConfig = true;
      continue;
    }
    early.rest.push(arg);
    if (!arg.startsWith("-") || arg === "-") {
      early.command ??= arg;
      continue;
    }
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const attached = equals === -1 ? undefined : arg.slice(equals + 1);
    if (name === "--lang") {
      const value = attached ?? argv[index + 1];
      if (value === "en" || value === "zh") early.lang = value;
    }
    if (VALUE_OPTIONS.has(name)) {
      // The next word is its value, whatever it looks like.
      if (attached === undefined && index + 1 < argv.length) early.rest.push(argv[++index]!);
      continue;
    }
    if ((name === "-h" || name === "--help") && early.command === undefined) early.helpFirst = true;
  }
  return early;
}
