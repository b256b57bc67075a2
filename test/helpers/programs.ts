// Tests that need a program the README's install does not bring (tmux, zsh, fish, a
// browser): skipped where it is missing, with the reason in the test's name, so that
// `npm test` passes on a fresh machine. Under CI (`CI` set) nothing is skipped: `.ci/run`
// installs them, and a missing one fails loudly.
import { spawnSync } from "node:child_process";

const present = new Map<string, boolean>();

/** Whether `name` is on PATH. */
export function hasProgram(name: string): boolean {
  let found = present.get(name);
  if (found === undefined) {
    found = spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
    present.set(name, found);
  }
  return found;
}

/**
 * `{ skip, title }` for a describe block that needs `programs`: skipped (outside CI)
 * when one is missing, its title then saying which and why.
 */
export function needs(title: string, ...programs: string[]): { skip: boolean; title: string } {
  const missing = programs.filter((program) => !hasProgram(program));
  const skip = missing.length > 0 && !process.env.CI;
  return {
    skip,
    title: skip ? `${title} [skipped: ${missing.join(", ")} not installed here; .ci/run installs it]` : title,
  };
}

let cjkFonts: string[] | undefined;

/** The font families fontconfig knows for Chinese (Noto Sans CJK SC where Debian's fonts-noto-cjk is installed). */
export function chineseFonts(): string[] {
  if (cjkFonts === undefined) {
    const listed = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
    cjkFonts = listed.status === 0 ? [...new Set(listed.stdout.split("\n").filter(Boolean))] : [];
  }
  return cjkFonts;
}

/** As `needs`, for a test that needs a font with Chinese glyphs: skipped outside CI where there is none. */
export function needsChineseFont(title: string): { skip: boolean; title: string } {
  const skip = chineseFonts().length === 0 && !process.env.CI;
  return {
    skip,
    title: skip ? `${title} [skipped: no font with Chinese glyphs here; .ci/run installs fonts-noto-cjk]` : title,
  };
}
