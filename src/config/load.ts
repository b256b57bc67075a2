// Finding and reading the project config: from the current directory upward, to the
// repository's root (the folder that holds .git) or the home folder, whichever comes
// first, im-bill.config.json, im-bill.config.yaml (.yml), or an "im-bill" key in
// package.json, the nearest. Outside both (a shared temporary folder, say), only the
// current directory is searched: a file planted above it configures nobody.
//
// Each candidate goes through the one reader (a regular file, within the limits, UTF-8,
// duplicate keys, positions), never read whole before it is checked. A package.json is
// somebody else's file: one without an "im-bill" key is ignored, whatever else is wrong
// with it (empty, a duplicate key, thousands of dependencies, a folder of that name).
// Never JavaScript: a config is data, and loading code would run it.
//
// The files may be the disk's or a commit's (`findConfigIn`): a project diff finds each
// side's config as the side has it.
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { documentOfBytes, isYamlPath, type ReadContext } from "../document/read.js";
import { decodeText, lineAt, readFileBytes } from "../document/text.js";
import { parseJson } from "../document/json.js";
import { LIMITS } from "../document/limits.js";
import { InputError, say } from "../errors.js";
import { statOrUndefined } from "../util/stat.js";
import { CONFIG_FILES, PACKAGE_KEY } from "./files.js";
import type { ProjectConfig } from "./schema.js";

export type { ProjectConfig };

/** Where the search starts, and the home folder that bounds it. */
export interface ConfigContext extends ReadContext {
  home?: string;
}

/** Files a config may be found among: the disk's, or a commit's. */
export interface ConfigFiles {
  /** the folders searched, nearest first, absolute */
  folders: readonly string[];
  /** a file's bytes within `limit`, or undefined where there is none; `shown` names it in messages */
  read(path: string, shown: string, limit: number): Uint8Array | undefined | Promise<Uint8Array | undefined>;
}

/** The config of the current directory (or one above, within the project), or undefined where there is none. */
export async function findProjectConfig(context: ConfigContext): Promise<ProjectConfig | undefined> {
  return findConfigIn(
    {
      folders: searchedFolders(resolve(context.cwd), context.home),
      read: (path, shown, limit) => (statOrUndefined(path) ? readFileBytes(shown, path, limit) : undefined),
    },
    context.cwd,
  );
}

/** The nearest config among `files`; its paths (a price file) relative to `cwd`. */
export async function findConfigIn(files: ConfigFiles, cwd: string): Promise<ProjectConfig | undefined> {
  const shown = (path: string) => {
    const near = relative(cwd, path);
    return near === "" || isAbsolute(near) ? path : near;
  };
  for (const folder of files.folders) {
    for (const name of CONFIG_FILES) {
      const path = join(folder, name);
      const yaml = isYamlPath(name);
      const bytes = await files.read(path, shown(path), yaml ? LIMITS.yamlBytes : LIMITS.fileBytes);
      if (bytes === undefined) continue;
      const expected = say((t) => t.config.expected);
      const { data } = await documentOfBytes(bytes, shown(path), yaml ? "yaml" : "json", expected);
      return validated(data, shown(path), folder, cwd, false);
    }
    const packageFile = join(folder, "package.json");
    const inPackage = await packageConfig(files, packageFile, shown(packageFile));
    if (inPackage !== undefined) return validated(inPackage, shown(packageFile), folder, cwd, true);
  }
  return undefined;
}

/**
 * The folders searched, nearest first: up to the first that holds .git or is the home
 * folder; only the current one when neither is above it.
 */
function searchedFolders(start: string, home: string | undefined): string[] {
  const folders: string[] = [];
  for (let folder = start; ; folder = dirname(folder)) {
    folders.push(folder);
    if (statOrUndefined(join(folder, ".git")) || (home !== undefined && folder === resolve(home))) return folders;
    if (dirname(folder) === folder) return [start];
  }
}

/** The schema (zod) loads only when there is a config to check. */
async function validated(data: unknown, file: string, folder: string, cwd: string, inPackage: boolean) {
  const { validateConfig } = await import("./validate.js");
  return validateConfig(data, file, folder, cwd, inPackage);
}

/**
 * The "im-bill" value of a package.json, read strictly (limits, duplicate keys, positions
 * in the file), or undefined when the file is not there, is not a regular file, is not
 * JSON, or has no such key: then it is somebody else's, and none of our business.
 */
async function packageConfig(files: ConfigFiles, path: string, shown: string): Promise<unknown> {
  let text: string;
  let document: unknown;
  try {
    const bytes = await files.read(path, shown, LIMITS.fileBytes);
    if (bytes === undefined) return undefined;
    text = decodeText(bytes, shown);
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) return undefined;
  if (!Object.hasOwn(document, PACKAGE_KEY)) return undefined;
  // The file's tree, only now: most package.json files have no "im-bill" key.
  const { topLevelMembers } = await import("../document/json-tree.js");
  const ours = topLevelMembers(text).filter((member) => member.key === PACKAGE_KEY);
  if (ours.length > 1) {
    const [first, again] = ours.map((member) => lineAt(text, member.keyStart));
    throw new InputError([
      { source: shown, path: PACKAGE_KEY, message: say((t) => t.document.duplicateKey(first!, again!)) },
    ]);
  }
  // Only our key is read strictly: everything else of the file is blanked (newlines kept,
  // so that a position is the file's own line and column).
  const { valueStart, valueEnd } = ours[0]!;
  const blank = (part: string) => part.replace(/[^\n]/g, " ");
  const only = `${blank(text.slice(0, valueStart))}${text.slice(valueStart, valueEnd)}${blank(text.slice(valueEnd))}`;
  try {
    return parseJson(only, shown);
  } catch (error) {
    throw error instanceof InputError ? error.under(PACKAGE_KEY) : error;
  }
}
