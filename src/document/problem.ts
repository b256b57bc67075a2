// A problem found while reading a document: where (file, field path, line and column)
// and what, as an InputError so that every command reports it the same way.
import { InputError, say, textIn, type Text } from "../errors.js";
import { formatPath } from "../util/path.js";
import { LIMITS } from "./limits.js";

export type Path = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** Line and column (from 1) of an offset in a text. */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    start = at + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Deeper paths are shown abbreviated: `x[0][0][0].…[0][0][0]`. */
const MAX_SHOWN_DEPTH = 8;

function shownPath(path: Path): string {
  if (path.length <= MAX_SHOWN_DEPTH) return formatPath(path);
  const tail = formatPath(path.slice(-3));
  return `${formatPath(path.slice(0, 3))}…${typeof path.at(-3) === "string" ? "." : ""}${tail}`;
}

/** One problem of a document, as an error naming the file, the field and the place. */
export function documentError(source: string, path: Path, message: Text, at?: Position): InputError {
  const where = at && say((t) => t.document.at(at.line, at.column));
  return new InputError([
    {
      source,
      path: shownPath(path),
      message: where ? (lang) => `${textIn(message, lang)} (${textIn(where, lang)})` : message,
    },
  ]);
}

/** The limit messages, shared by the JSON and the YAML readers. */
export const limitMessage = {
  depth: say((t) => t.document.tooDeep(LIMITS.depth)),
  items: (limit: number) => say((t) => t.document.tooManyItems(limit)),
  keys: say((t) => t.document.tooManyKeys(LIMITS.items)),
  values: say((t) => t.document.tooManyValues(LIMITS.values)),
  proto: say((t) => t.document.protoKey),
} satisfies Record<string, Text | ((limit: number) => Text)>;
