import type { ProjectConfig } from "../config/load.js";
import type { Lang } from "../i18n/lang.js";

/**
 * The project config's language as a command's --lang (commander's "config" source):
 * where the command has the option and the command line gave none. One rule for a
 * quick run and for the program commander makes.
 */
export const configLang = (config: ProjectConfig, hasOption: boolean, given: boolean): Lang | undefined =>
  config.lang !== undefined && hasOption && !given ? config.lang : undefined;
