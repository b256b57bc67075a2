// The one place that decides whether output is coloured. chalk 5 ignores NO_COLOR and
// looks only at process.stdout, so each stream gets an explicit level here, and chalk
// is loaded only when some colour will be shown (never in a pipe).
import { plainStyles, type Styles } from "../render/styles.js";
import type { OutStream } from "./io.js";

type Level = 0 | 1 | 2 | 3;

/** The level the user asked for, 0 where colour is off, undefined to detect on a TTY. */
export function requestedLevel(
  stream: OutStream,
  env: Record<string, string | undefined>,
  flag?: boolean,
): Level | undefined {
  if (flag === false || env.NO_COLOR) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === "0" || force === "false") return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as Level) : 1;
  }
  if (!stream.isTTY || env.TERM === "dumb") return 0;
  return undefined;
}

export async function stylesFor(
  stream: OutStream,
  env: Record<string, string | undefined>,
  flag?: boolean,
): Promise<Styles> {
  const requested = requestedLevel(stream, env, flag);
  if (requested === 0) return plainStyles;
  const { Chalk, supportsColor } = await import("chalk");
  const chalk = new Chalk({ level: requested ?? ((supportsColor ? supportsColor.level : 1) || 1) });
  return {
    bold: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    error: (text) => chalk.red(text),
    warning: (text) => chalk.yellow(text),
    success: (text) => chalk.green(text),
  };
}
