// What the run must know of its arguments before commander reads them (the language of
// help, colour, the config, --debug, which command to define): read as commander will
// read them. `--` ends the options, and a word that is an option's value stays that
// value (`--title --debug` is a title, not --debug). Which options take a value is this
// one table; a test holds it against every command's definitions.

/** Every option of any command that takes a value, long and short. */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "--addon",
  "--admin",
  "--bandwidth-days",
  "--bandwidth-growth",
  "--bandwidth-intl",
  "--bandwidth-mainland",
  "--base",
  "--base-url",
  "--catalog",
  "--community-messages",
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
}

export function earlyArgs(argv: readonly string[]): EarlyArgs {
  const early: EarlyArgs = {
    debug: false,
    noColor: false,
    noConfig: false,
    lang: undefined,
    command: undefined,
    helpFirst: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--") break;
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
      if (attached === undefined) index++; // the next word is its value, whatever it looks like
      continue;
    }
    if (name === "--debug") early.debug = true;
    else if (name === "--no-color") early.noColor = true;
    else if (name === "--no-config") early.noConfig = true;
    else if ((name === "-h" || name === "--help") && early.command === undefined) early.helpFirst = true;
  }
  return early;
}
