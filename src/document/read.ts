// The one reader of documents: files and stdin, JSON and YAML, within the limits.
// Scenarios, catalogs, saved estimates, batch inputs and usage CSVs all come through
// here, so that a limit or a check is written once.
import { extname, resolve } from "node:path";
import type { Readable } from "node:stream";
import { say, textIn, type Text } from "../errors.js";
import { parseJson } from "./json.js";
import { LIMITS } from "./limits.js";
import { decodeText, readFileBytes, readStreamBytes, SourceError } from "./text.js";
import { parseYaml } from "./yaml.js";

export interface ReadContext {
  cwd: string;
  stdin: Readable;
}

export interface LoadedDocument {
  /** how messages name the input: the path as given, or "stdin" */
  source: string;
  data: unknown;
  /** SHA-256 of the bytes read, hex (when asked for): a report names the price file it used by it */
  sha256?: string;
}

export type DocumentFormat = "json" | "yaml";

const YAML_EXTENSIONS = new Set([".yaml", ".yml"]);

export const isYamlPath = (path: string): boolean => YAML_EXTENSIONS.has(extname(path).toLowerCase());

/** JSON unless the text starts like YAML: for stdin, which has no extension. */
export const formatOfText = (text: string): DocumentFormat => (/^\s*[[{]/.test(text) ? "json" : "yaml");

/** A file's (or stdin's, for `-`) bytes, within `limit`. */
async function readBytes(path: string, context: ReadContext, limit: number): Promise<Uint8Array> {
  const source = path === "-" ? "stdin" : path;
  return path === "-"
    ? await readStreamBytes(source, context.stdin, limit)
    : readFileBytes(source, resolve(context.cwd, path), limit, true);
}

/** A file's (or stdin's, for `-`) text: UTF-8, within `limit` bytes. */
export async function readText(path: string, context: ReadContext, limit: number = LIMITS.fileBytes): Promise<string> {
  return decodeText(await readBytes(path, context, limit), path === "-" ? "stdin" : path);
}

/**
 * Read and parse one document; `-` reads stdin (JSON or YAML by its first character).
 * `expected` says what an empty one should have held.
 */
export async function readDocument(
  path: string,
  context: ReadContext,
  expected: Text,
  options: { hash?: boolean } = {},
): Promise<LoadedDocument> {
  const source = path === "-" ? "stdin" : path;
  const yamlFile = path !== "-" && isYamlPath(path);
  const bytes = await readBytes(path, context, yamlFile ? LIMITS.yamlBytes : LIMITS.fileBytes);
  return documentOfBytes(bytes, source, path === "-" ? undefined : yamlFile ? "yaml" : "json", expected, options);
}

/**
 * One document of a file's bytes, however they were read (a file, stdin, a commit's
 * object); `format` undefined: JSON or YAML by the first character.
 */
export async function documentOfBytes(
  bytes: Uint8Array,
  source: string,
  format: DocumentFormat | undefined,
  expected: Text,
  options: { hash?: boolean } = {},
): Promise<LoadedDocument> {
  const text = decodeText(bytes, source);
  if (text.trim() === "") throw emptyError(source, expected);
  const data = await parseDocument(text, source, format ?? formatOfText(text), expected);
  if (!options.hash) return { source, data };
  // node:crypto loads only for the files that are named by their hash (price files).
  const { createHash } = await import("node:crypto");
  return { source, data, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** One document of a text; a YAML text with several documents is an error. */
export async function parseDocument(
  text: string,
  source: string,
  format: DocumentFormat,
  expected: Text,
): Promise<unknown> {
  if (format === "json") return parseJson(text, source);
  if (text.length > LIMITS.yamlBytes) checkYamlSize(text, source);
  const documents = (await parseYaml(text, source)).filter((document) => document !== null && document !== undefined);
  if (documents.length === 0) throw emptyError(source, expected);
  if (documents.length > 1)
    throw new SourceError(
      source,
      say((t) => t.document.severalDocuments(documents.length)),
    );
  return documents[0];
}

/** stdin read whole may hold YAML past the YAML limit; refused before parsing. */
export function checkYamlSize(text: string, source: string): void {
  const size = Buffer.byteLength(text);
  if (size > LIMITS.yamlBytes) throw SourceError.tooLarge(source, size, LIMITS.yamlBytes);
}

export const emptyError = (source: string, expected: Text): SourceError =>
  new SourceError(
    source,
    say((t) => t.document.empty(textIn(expected, t.lang))),
  );
