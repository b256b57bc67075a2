// Reading a scenario document from a file or stdin: JSON, or YAML by extension.
import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { Readable } from "node:stream";
import { UserError } from "../errors.js";
import { jsonErrorOffset } from "./json-error.js";

export interface LoadedDocument {
  /** how messages name the input: the path as given, or "stdin" */
  source: string;
  data: unknown;
}

const YAML_EXTENSIONS = new Set([".yaml", ".yml"]);

/**
 * Read and parse one document; `-` reads stdin. Errors name the file and what is wrong;
 * `expected` says what an empty one should have held.
 */
export async function loadDocument(
  path: string,
  context: { cwd: string; stdin: Readable },
  expected = 'a scenario such as {"plan": "pro"}',
): Promise<LoadedDocument> {
  const source = path === "-" ? "stdin" : path;
  const text = path === "-" ? await readStream(context.stdin) : readText(path, resolve(context.cwd, path));
  if (text.trim() === "") throw new UserError(`${source}: is empty; expected ${expected}`);
  const yaml = path === "-" ? !/^\s*[[{]/.test(text) : YAML_EXTENSIONS.has(extname(path).toLowerCase());
  const data = yaml ? await parseYaml(text, source) : parseJson(text, source);
  return { source, data };
}

/** A file's (or stdin's) text, for formats of their own (the usage CSV). */
export async function loadText(path: string, context: { cwd: string; stdin: Readable }): Promise<string> {
  return path === "-" ? readStream(context.stdin) : readText(path, resolve(context.cwd, path));
}

function readText(shown: string, absolute: string): string {
  try {
    // Sync: node:fs is loaded at start-up anyway, fs/promises would cost a module load.
    return readFileSync(absolute, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, not a file"
          : code === "EACCES"
            ? "permission denied"
            : (error as Error).message;
    throw new UserError(`${shown}: ${reason}`);
  }
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON.parse, with the place of a syntax error as a line and a column. */
export function parseJson(text: string, source: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(body);
  } catch (error) {
    // V8 quotes the whole input in some messages ("…" is not valid JSON): keep the reason.
    const reason = (error as Error).message
      .replace(/,? ".*" is not valid JSON$/s, "")
      .replace(/ (in JSON )?at position \d+.*$/s, "")
      .replace(/^Unexpected end of JSON input$/, "unexpected end of input");
    const offset = jsonErrorOffset(body);
    throw new UserError(`${source}: invalid JSON: ${reason}${offset >= 0 ? ` (${lineAndColumn(body, offset)})` : ""}`);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

async function parseYaml(text: string, source: string): Promise<unknown> {
  const { parseAllDocuments } = await import("yaml");
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return null; // an empty stream; caught above
  const [first, ...rest] = documents;
  if (rest.length > 0) throw new UserError(`${source}: holds ${documents.length} YAML documents; expected one`);
  const error = first?.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new UserError(`${source}: invalid YAML: ${reason}${at ? ` (line ${at.line}, column ${at.col})` : ""}`);
  }
  return first?.toJS();
}
