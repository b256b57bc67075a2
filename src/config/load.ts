// Finding and reading the project config: lilconfig looks from the current directory
// upward (to the home directory) for im-bill.config.json, im-bill.config.yaml (.yml) or
// an "im-bill" key in package.json. Each file it finds is read again by the one reader
// (limits, encodings, duplicate keys, positions), and the config is validated like
// every input: unknown keys are errors, with the file named. Never JavaScript: a config
// is data, and loading code would run it.
import { basename, dirname, isAbsolute, relative } from "node:path";
import { readDocument, type ReadContext } from "../document/read.js";
import { say, UserError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";

export const CONFIG_FILES = ["im-bill.config.json", "im-bill.config.yaml", "im-bill.config.yml"] as const;
export const PACKAGE_KEY = "im-bill";

/** A config found and validated: each setting as the flag it stands for would give it. */
export interface ProjectConfig {
  /** the file, as messages and footers name it: relative to the current directory */
  file: string;
  /** the catalog file, as a path from the current directory (the config's own is relative to the config) */
  pricing?: string;
  catalog?: string;
  /** the percentage, as --discount parses it ("15") */
  discount?: string;
  lang?: Lang;
}

/** The config of the current directory (or one above), or undefined where there is none. */
export async function findProjectConfig(context: ReadContext): Promise<ProjectConfig | undefined> {
  const { lilconfig } = await import("lilconfig");
  const shown = (path: string) => {
    const near = relative(context.cwd, path);
    return near === "" || isAbsolute(near) ? path : near;
  };
  const load = async (path: string) =>
    (
      await readDocument(
        shown(path),
        context,
        say((t) => t.config.expected),
      )
    ).data;
  let found: { filepath: string; config: unknown } | null;
  try {
    found = await lilconfig(PACKAGE_KEY, {
      searchPlaces: [...CONFIG_FILES, "package.json"],
      loaders: { ".json": load, ".yaml": load, ".yml": load },
      packageProp: PACKAGE_KEY,
      cache: false,
    }).search(context.cwd);
  } catch (error) {
    if (error instanceof UserError) throw error;
    // What lilconfig met before the reader did: a file it could not read, or too large to hold.
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(say((t) => t.config.unreadable(reason)));
  }
  if (!found || found.config === undefined) return undefined;
  const inPackage = basename(found.filepath) === "package.json";
  // The schema (zod) loads only when there is a config to check.
  const { validateConfig } = await import("./validate.js");
  return validateConfig(found.config, shown(found.filepath), dirname(found.filepath), context.cwd, inPackage);
}
