// The scenarios of each input, as records that point back to their source: `file`,
// `file#n` (the n-th scenario of a JSON list or YAML file) or `file:line` (JSONL). A
// file or line that cannot be read becomes an error record; reading goes on.
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { InputError, UserError, type Text } from "../errors.js";
import { parseJson } from "../document/json.js";
import { LIMITS } from "../document/limits.js";
import { readLines } from "../document/lines.js";
import { formatOfText } from "../document/read.js";
import { decodeText, hasBom, openRegularFile, readFileBytes, SourceError } from "../document/text.js";
import { parseYaml } from "../document/yaml.js";
import type { Input } from "./inputs.js";
import { isJsonObject as isObject } from "../util/json.js";

export type ScenarioRecord =
  | { id: string; source: string; data: unknown; error?: undefined }
  | { id: string; source: string; data?: undefined; error: Text };

/** A scenario's source split: its file, and its place in it ("#n", ":line"; "" for a file's only one). */
export function splitSource(source: string): { file: string; locator: string } {
  const match = /^(.*?)((?:#\d+)|(?::\d+))?$/s.exec(source)!;
  return { file: match[1]!, locator: match[2] ?? "" };
}

/** The id of a scenario: its name, else where it comes from. */
export function idOf(data: unknown, source: string): string {
  const name =
    typeof data === "object" && data !== null && Object.hasOwn(data, "name")
      ? (data as { name?: unknown }).name
      : undefined;
  return typeof name === "string" && name !== "" ? name : source;
}

/** What a user error says, without the source that a record names already. */
export function errorText(error: UserError): Text {
  if (error instanceof InputError)
    return (lang) =>
      error
        .problemsIn(lang)
        .map((problem) => [problem.path, problem.message].filter(Boolean).join(": "))
        .join("; ");
  if (error instanceof SourceError) return error.reason;
  return error.text;
}

const errorRecord = (source: string, error: unknown): ScenarioRecord => {
  if (!(error instanceof UserError)) throw error;
  return { id: source, source, error: errorText(error) };
};

const SCENARIO_KEYS = new Set(["$schema", "name", "plan", "usage", "features", "expect"]);

/**
 * Whether a document found in a directory holds scenarios, rather than an estimate or
 * a report im-bill wrote, or a CI file: its (first) object has a plan, or only fields
 * a scenario has.
 */
export function holdsScenarios(data: unknown): boolean {
  const first = Array.isArray(data) ? data.find(isObject) : data;
  if (!isObject(first)) return false;
  const has = (key: string) => Object.hasOwn(first, key);
  if ((has("lines") && has("total")) || (has("error") && has("source"))) return false;
  if (has("plan")) return true;
  const keys = Object.keys(first);
  return keys.length > 0 && keys.every((key) => SCENARIO_KEYS.has(key));
}

export interface ReadOptions {
  /** a file found in a directory that holds no scenarios: skipped, and said */
  onSkip?(path: string): void;
}

/**
 * The scenarios of one input. `stdin` is asked for only when the input is `-`: creating
 * process.stdin costs a start milliseconds (src/cli/process-io.ts).
 */
export async function* readRecords(
  input: Input,
  stdin: () => Readable,
  options: ReadOptions = {},
): AsyncGenerator<ScenarioRecord> {
  if (input.kind === "stdin") {
    yield* stdinRecords(stdin());
    return;
  }
  yield* contentRecords(diskContent(input.path, input.absolute, true), input, options);
}

/** A file of the disk, `shown` in messages (`stdinWorks`: the command takes - for stdin too). */
export const diskContent = (shown: string, absolute: string, stdinWorks = false): FileContent => ({
  bytes: (limit) => readFileBytes(shown, absolute, limit, stdinWorks),
  chunks: () => {
    // A JSONL file has no size limit (it is read a line at a time), but it is a regular file.
    const { fd } = openRegularFile(shown, absolute, Number.POSITIVE_INFINITY, stdinWorks);
    return createReadStream(absolute, { fd });
  },
});

/** A file's content, however it is read: from the disk, or from a git commit's objects. */
export interface FileContent {
  /** the whole file; an error (naming it) past `limit` */
  bytes(limit: number): Uint8Array;
  /** its chunks in order, for JSONL (which has no total limit) */
  chunks(): AsyncIterable<Buffer | string>;
}

/**
 * The records of one file: its documents (JSON, YAML) or its lines (JSONL). A file
 * found in a directory (`discovered`) that holds no scenarios yields none, and is said.
 */
export async function* contentRecords(
  content: FileContent,
  file: { path: string; format: "json" | "jsonl" | "yaml"; discovered: boolean },
  options: ReadOptions = {},
): AsyncGenerator<ScenarioRecord> {
  const skip = () => options.onSkip?.(file.path);
  if (file.format === "jsonl") {
    let chunks: AsyncIterable<Buffer | string>;
    try {
      chunks = content.chunks();
    } catch (error) {
      {
        yield errorRecord(file.path, error);
        return;
      }
    }
    const records = lineRecords(chunks, file.path);
    const first = await records.next();
    if (first.done) return;
    if (file.discovered && first.value.data !== undefined && !holdsScenarios(first.value.data)) {
      await records.return(undefined);
      return skip();
    }
    yield first.value;
    {
      yield* records;
      return;
    }
  }
  let documents: unknown[];
  try {
    const limit = file.format === "yaml" ? LIMITS.yamlBytes : LIMITS.fileBytes;
    const text = decodeText(content.bytes(limit), file.path);
    documents = await parseDocuments(text, file.path, file.format);
  } catch (error) {
    {
      yield errorRecord(file.path, error);
      return;
    }
  }
  const first = documents.find((document) => document !== null && document !== undefined);
  if (file.discovered && first !== undefined && !holdsScenarios(first)) return skip();
  yield* documentRecords(documents, file.path);
}

/** The documents of a file's text: one for JSON, any number for YAML (empty ones as null). */
function parseDocuments(text: string, source: string, format: "json" | "yaml"): Promise<unknown[]> | unknown[] {
  if (text.trim() === "") return [];
  return format === "json"
    ? [parseJson(text, source, { rootItems: LIMITS.scenariosPerFile })]
    : parseYaml(text, source, { rootItems: LIMITS.scenariosPerFile });
}

function* documentRecords(documents: readonly unknown[], path: string): Generator<ScenarioRecord> {
  for (const scenario of scenariosOf(documents, path)) {
    yield { id: idOf(scenario.data, scenario.source), source: scenario.source, data: scenario.data };
  }
}

export interface LocatedScenario {
  source: string;
  data: unknown;
  /** the document of the file (YAML may hold several) and the item of its list, if any */
  document: number;
  item?: number;
}

/**
 * The scenarios of a file's documents: a document holds one, a list of them, or
 * nothing. Each is named as batch and check report it: `file`, or `file#n` counting
 * scenarios across the file when it holds several. `check --update` finds them by the
 * same walk.
 */
export function* scenariosOf(documents: readonly unknown[], path: string): Generator<LocatedScenario> {
  let count = 0;
  const several = documents.length > 1;
  for (const [document, data] of documents.entries()) {
    if (data === null || data === undefined) continue; // an empty YAML document
    if (Array.isArray(data)) {
      for (const [item, value] of data.entries()) yield { source: `${path}#${++count}`, data: value, document, item };
    } else {
      count++;
      yield { source: several ? `${path}#${count}` : path, data, document };
    }
  }
}

/** JSONL: a record per line; blank lines are skipped. */
async function* lineRecords(
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  path: string,
): AsyncGenerator<ScenarioRecord> {
  for await (const line of readLines(stream)) {
    const source = `${path}:${line.number}`;
    if (line.problem !== undefined) {
      yield { id: source, source, error: line.problem };
      continue;
    }
    if (line.text.trim() === "") continue;
    try {
      const data = parseJson(line.text, source);
      yield { id: idOf(data, source), source, data };
    } catch (error) {
      yield errorRecord(source, error);
    }
  }
}

/**
 * stdin: JSONL when its first line is a JSON object on its own, else one JSON or
 * YAML document (a scenario or a list) read whole within the limit. A first line that
 * starts an object but is not whole is tried as a document first, then as JSONL (a
 * JSONL stream whose first line is broken loses only that line).
 */
async function* stdinRecords(stdin: Readable): AsyncGenerator<ScenarioRecord> {
  const source = "stdin";
  const iterator = stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  /** Read one more chunk; whether it holds a newline. */
  const pull = async (): Promise<boolean> => {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      return false;
    }
    const bytes = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    head.push(bytes);
    headLength += bytes.length;
    return bytes.indexOf(0x0a) !== -1;
  };
  const joined = () => Buffer.concat(head, headLength);
  // The first line (or all of stdin, if it is shorter than a line).
  while (!ended && headLength <= LIMITS.lineBytes && !(await pull()));
  const firstLine = firstNonBlankLine(joined());
  const rest = async function* (): AsyncGenerator<Buffer | string> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  };
  if (firstLine === undefined || isJsonObjectLine(firstLine)) {
    yield* lineRecords(rest(), source);
    return;
  }

  // A document: read it whole, within the limit.
  while (!ended && headLength <= LIMITS.fileBytes) await pull();
  if (!ended) {
    // Too large for a document: only JSONL can be this long.
    if (firstLine.startsWith("{")) {
      yield* lineRecords(rest(), source);
      return;
    }
    stdin.destroy();
    {
      yield errorRecord(source, SourceError.tooLarge(source, headLength, LIMITS.fileBytes));
      return;
    }
  }
  let text: string;
  try {
    text = decodeText(joined(), source);
  } catch (error) {
    {
      yield errorRecord(source, error);
      return;
    }
  }
  const format = formatOfText(text);
  try {
    if (format === "yaml" && Buffer.byteLength(text) > LIMITS.yamlBytes)
      throw SourceError.tooLarge(source, Buffer.byteLength(text), LIMITS.yamlBytes);
    const documents = await parseDocuments(text, source, format);
    {
      yield* documentRecords(documents, source);
      return;
    }
  } catch (error) {
    // Not one document: if it starts like JSONL, read it line by line instead.
    if (firstLine.startsWith("{")) {
      yield* lineRecords(head, source);
      return;
    }
    {
      yield errorRecord(source, error);
      return;
    }
  }
}

function firstNonBlankLine(bytes: Buffer): string | undefined {
  let start = 0;
  if (hasBom(bytes)) start = 3;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const line = bytes.toString("utf8", start, Math.min(end, start + LIMITS.lineBytes)).trim();
    if (line !== "") return line;
    start = end + 1;
  }
  return undefined;
}

function isJsonObjectLine(line: string): boolean {
  if (!line.startsWith("{")) return false;
  try {
    parseJson(line, "stdin");
    return true;
  } catch {
    return false;
  }
}
