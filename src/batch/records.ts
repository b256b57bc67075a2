// The scenarios of each input, as records that point back to their source: `file`,
// `file#n` (the n-th scenario of a JSON list or YAML file) or `file:line` (JSONL). A
// file or line that cannot be parsed becomes an error record; reading goes on.
import { createReadStream, readFileSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import { UserError } from "../errors.js";
import { parseJson } from "../scenario/load.js";
import type { Document } from "yaml";
import type { Input } from "./inputs.js";

export type ScenarioRecord =
  | { id: string; source: string; data: unknown; error?: undefined }
  | { id: string; source: string; data?: undefined; error: string };

/** The id of a scenario: its name, else where it comes from. */
export function idOf(data: unknown, source: string): string {
  const name = typeof data === "object" && data !== null ? (data as { name?: unknown }).name : undefined;
  return typeof name === "string" && name !== "" ? name : source;
}

export async function* readRecords(input: Input, stdin: Readable): AsyncGenerator<ScenarioRecord> {
  if (input.kind === "stdin") return yield* readLines(stdin, "stdin");
  if (input.format === "jsonl") return yield* readLines(createReadStream(input.absolute), input.path);
  let text: string;
  try {
    text = readFileSync(input.absolute, "utf8");
  } catch (error) {
    return yield { id: input.path, source: input.path, error: (error as Error).message };
  }
  if (input.format === "json") return yield* jsonRecords(text, input.path);
  yield* yamlRecords(text, input.path);
}

/** The lines of a stream, without a trailing \r (faster than node:readline). */
async function* lines(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk));
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest !== "") yield rest;
}

async function* readLines(stream: Readable, path: string): AsyncGenerator<ScenarioRecord> {
  let line = 0;
  for await (const text of lines(stream)) {
    line++;
    if (text.trim() === "") continue;
    const source = `${path}:${line}`;
    try {
      const data: unknown = JSON.parse(text);
      yield { id: idOf(data, source), source, data };
    } catch (error) {
      yield {
        id: source,
        source,
        error: `invalid JSON: ${(error as Error).message.replace(/,? ".*" is not valid JSON$/s, "")}`,
      };
    }
  }
}

function* jsonRecords(text: string, path: string): Generator<ScenarioRecord> {
  let data: unknown;
  try {
    data = parseJson(text, path);
  } catch (error) {
    // parseJson names the file; the record says where already.
    return yield { id: path, source: path, error: (error as UserError).message.slice(path.length + 2) };
  }
  yield* listRecords(data, path);
}

/** One scenario, or each of a list of them as `path#n`. */
function* listRecords(data: unknown, path: string): Generator<ScenarioRecord> {
  if (!Array.isArray(data)) return yield { id: idOf(data, path), source: path, data };
  for (const [index, item] of data.entries()) {
    const source = `${path}#${index + 1}`;
    yield { id: idOf(item, source), source, data: item };
  }
}

async function* yamlRecords(text: string, path: string): AsyncGenerator<ScenarioRecord> {
  // Loaded here, not at start-up: most batch runs are JSON.
  const { parseAllDocuments } = await import("yaml");
  const parsed = parseAllDocuments(text);
  for (const item of yamlScenarios(Array.isArray(parsed) ? parsed : [], path)) {
    yield item.error === undefined
      ? { id: idOf(item.data, item.source), source: item.source, data: item.data }
      : { id: item.source, source: item.source, error: item.error };
  }
}

/**
 * The scenarios of a YAML file's documents: a document holds one, a list of them, or
 * nothing. Each is named as batch and check report it (`file`, or `file#n` counting
 * scenarios across the file) and located in its document, for `check --update`.
 */
export function* yamlScenarios(
  documents: readonly Document[],
  path: string,
): Generator<
  | { source: string; data: unknown; document: Document; at: number[]; error?: undefined }
  | { source: string; error: string }
> {
  let count = 0;
  for (const [index, document] of documents.entries()) {
    const error = document.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      const where = documents.length > 1 ? `${path}#${index + 1}` : path;
      yield { source: where, error: `invalid YAML: ${reason}${at ? ` (line ${at.line}, column ${at.col})` : ""}` };
      continue;
    }
    const data: unknown = document.toJS();
    if (data === null || data === undefined) continue; // an empty document
    if (Array.isArray(data)) {
      for (const [item, value] of data.entries())
        yield { source: `${path}#${++count}`, data: value, document, at: [item] };
    } else {
      count++;
      yield { source: documents.length > 1 ? `${path}#${count}` : path, data, document, at: [] };
    }
  }
}
