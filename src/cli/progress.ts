// A progress line on stderr for long batch runs: only on a terminal, never in CI, and
// only once a run has taken a while. The total is unknown (inputs stream), so it
// counts and gives the rate.
import type { OutStream } from "./io.js";
import { formatNumber } from "../util/format.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";

export interface Progress {
  tick(priced: number, failed: number): void;
  done(): void;
}

const SHOW_AFTER_MS = 500;
const EVERY_MS = 100;

export function createProgress(
  stream: OutStream,
  env: Record<string, string | undefined>,
  lang: Lang = "en",
): Progress {
  if (!stream.isTTY || env.CI) return { tick: () => {}, done: () => {} };
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(priced, failed) {
      const now = Date.now();
      if (now - start < SHOW_AFTER_MS || now - last < EVERY_MS) return;
      last = now;
      shown = true;
      const rate = Math.round(((priced + failed) * 1000) / (now - start));
      stream.write(
        `\r\u001b[2K${messages[lang].progress(formatNumber(priced), formatNumber(failed), formatNumber(rate))}`,
      );
    },
    done() {
      if (shown) stream.write("\r\u001b[2K");
    },
  };
}
