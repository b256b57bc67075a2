import type { Io } from "./io.js";

/** The width tables fit: the terminal's, else $COLUMNS, else 80 (never under 40). */
export function terminalWidth(io: Io): number {
  const fromEnv = Number(io.env.COLUMNS);
  const width =
    io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(40, width);
}
