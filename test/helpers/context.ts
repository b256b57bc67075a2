// A command's context for tests that define commands (commander's program of them, the
// quick reading of their flags) without running one: the words of a language, no config.
import type { CommandContext } from "../../src/cli/context.js";
import { Interruption } from "../../src/cli/interrupt.js";
import { help } from "../../src/i18n/help.js";
import type { Lang } from "../../src/i18n/lang.js";
import { plainStyles } from "../../src/render/styles.js";

export const definingContext = (lang: Lang = "en"): CommandContext => ({
  io: { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: {} },
  language: lang,
  help: help[lang],
  lang: () => lang,
  project: undefined,
  useConfig: true,
  configTaken: [],
  styles: () => plainStyles,
  plainStyles,
  width: 80,
  error: () => undefined,
  interruption: new Interruption(),
});
