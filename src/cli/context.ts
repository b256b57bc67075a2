import type { ProjectConfig } from "../config/load.js";
import type { Help } from "../i18n/help.js";
import type { Lang } from "../i18n/lang.js";
import type { Styles } from "../render/styles.js";
import type { Interruption } from "./interrupt.js";
import type { Io, OutStream } from "./io.js";

/** What every command gets from the program: the outside world and the global choices. */
export interface CommandContext {
  io: Io;
  /** the run's language (--lang, else the locale's): help, usage errors, prompts */
  language: Lang;
  /** the words of --help, in that language */
  help: Help;
  /** the --lang given (or the project config's), else the locale's */
  lang(flag: string | undefined): Lang;
  /** the project config found (unless --no-config), valid */
  project: ProjectConfig | undefined;
  /** false: --no-config was given (the project diff reads no config on either side) */
  useConfig: boolean;
  /** settings of the project config the running command took as option values (lang), set before its action */
  configTaken: string[];
  /** styles for a stream: coloured only where colour is wanted */
  styles(stream: OutStream): Styles;
  /** no colour, for files */
  plainStyles: Styles;
  /** the width tables fit: the terminal's, else COLUMNS, else 80 */
  width: number;
  /** a message on stderr, prefixed like every error of the program */
  error(message: string): void;
  /** Ctrl-C and SIGTERM: cleanups to run, and checkpoints for long work */
  interruption: Interruption;
}
