// JSON text to a value, checked before JSON.parse builds anything: syntax (with a line
// and a column), duplicate keys (JSON.parse would keep the last silently), "__proto__"
// keys, nesting depth, list and object sizes and the number of values, all within the
// limits. One pass, no recursion: the text may be 16 MiB of "[[[[…".
import { say, type Text } from "../errors.js";
import type { Messages } from "../i18n/messages.js";
import { LIMITS } from "./limits.js";
import { documentError, limitMessage, positionOf } from "./problem.js";

export interface TreeOptions {
  /** how many items the root may hold when it is a list (a file's list of scenarios) */
  rootItems?: number;
}

/** Parse a JSON document, or throw an InputError naming `source`, the field and the place. */
export function parseJson(text: string, source: string, options: TreeOptions = {}): unknown {
  scanJson(text, source, options);
  return JSON.parse(text);
}

type Syntax = (t: Messages["document"]["json"]) => string;

const OBJECT = 1;
const ARRAY = 2;

// The scanner's state lives in the module, not in closures: batch scans a line per
// scenario, and plain functions over module variables measured about twice as fast.
let text = "";
let length = 0;
let at = 0;
let source = "";
/** whether the last string scanned held an escape */
let escaped = false;
const kinds: number[] = [];
const counts: number[] = [];
const path: (string | number)[] = [];
// The keys of the open objects, one after the other; each object's begin at firstKey[level].
// A linear search for duplicates beats a Map per object: objects are small, and at most
// LIMITS.items keys long.
const keys: string[] = [];
const keyOffsets: number[] = [];
const firstKey: number[] = [];

function fail(message: Text, offset: number, pathLength: number = path.length): never {
  throw documentError(source, path.slice(0, pathLength), message, positionOf(text, offset));
}

function syntax(reason: Syntax, offset: number): never {
  throw documentError(
    source,
    [],
    say((t) => t.document.invalidJson(reason(t.document.json))),
    positionOf(text, offset),
  );
}

function space(): void {
  let c = text.charCodeAt(at);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++at);
}

/** Scan the string that starts at `at`; `at` ends after its closing quote. */
function string(): void {
  const start = at;
  let i = at + 1;
  escaped = false;
  for (;;) {
    const c = text.charCodeAt(i); // NaN past the end
    if (c === 34) {
      at = i + 1;
      return;
    }
    if (c >= 32 && c !== 92) {
      i++;
      continue;
    }
    if (i >= length) syntax((j) => j.unterminatedString, start);
    if (c !== 92) syntax((j) => j.controlCharacter, i);
    escaped = true;
    const next = text.charCodeAt(i + 1);
    if (next === 117) {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) syntax((j) => j.badEscape, i);
      i += 6;
    } else if (
      next === 34 ||
      next === 92 ||
      next === 47 ||
      next === 98 ||
      next === 102 ||
      next === 110 ||
      next === 114 ||
      next === 116
    ) {
      i += 2;
    } else {
      syntax((j) => j.badEscape, i);
    }
  }
}

function digits(): number {
  const start = at;
  let c = text.charCodeAt(at);
  while (c >= 48 && c <= 57) c = text.charCodeAt(++at);
  return at - start;
}

function number(): void {
  const start = at;
  if (text.charCodeAt(at) === 45) at++;
  const first = text.charCodeAt(at);
  if (first === 48) at++;
  else if (first >= 49 && first <= 57) digits();
  else syntax((j) => j.badNumber, start);
  let plain = true;
  if (text.charCodeAt(at) === 46) {
    at++;
    if (digits() === 0) syntax((j) => j.badNumber, start);
  }
  const e = text.charCodeAt(at);
  if (e === 101 || e === 69) {
    plain = false;
    at++;
    const sign = text.charCodeAt(at);
    if (sign === 43 || sign === 45) at++;
    if (digits() === 0) syntax((j) => j.badNumber, start);
  }
  // JSON.parse turns 1e400 into Infinity: a number no field can hold.
  if ((!plain || at - start > 15) && !Number.isFinite(Number(text.slice(start, at))))
    fail(
      say((t) => t.document.numberTooLarge),
      start,
    );
}

function literal(word: string): void {
  if (!text.startsWith(word, at)) syntax((j) => j.expectedValue, at);
  at += word.length;
}

function open(kind: number): void {
  if (kinds.length >= LIMITS.depth) fail(limitMessage.depth, at);
  kinds.push(kind);
  counts.push(0);
  firstKey.push(keys.length);
  path.push(kind === OBJECT ? "" : 0);
}

function close(): void {
  kinds.pop();
  counts.pop();
  keys.length = keyOffsets.length = firstKey.pop()!;
  path.pop();
}

/** Count an item of the list on top; the root list of a scenario file may be longer. */
function item(rootItems: number | undefined): void {
  const top = kinds.length - 1;
  const limit = top === 0 && rootItems !== undefined ? rootItems : LIMITS.items;
  if (++counts[top]! > limit) fail(limitMessage.items(limit), at, top);
  path[top] = counts[top]! - 1;
}

/** A key of the object on top: a string, not "__proto__", not seen before in this object. */
function key(): void {
  const top = kinds.length - 1;
  if (text.charCodeAt(at) !== 34) syntax(at >= length ? (j) => j.unexpectedEnd : (j) => j.expectedKey, at);
  const start = at;
  string();
  const name = escaped ? (JSON.parse(text.slice(start, at)) as string) : text.slice(start + 1, at - 1);
  path[top] = name;
  if (name === "__proto__") fail(limitMessage.proto, start);
  for (let k = firstKey[top]!; k < keys.length; k++) {
    if (keys[k] !== name) continue;
    const [was, is] = [positionOf(text, keyOffsets[k]!).line, positionOf(text, start).line];
    throw documentError(
      source,
      path.slice(),
      say((t) => t.document.duplicateKey(was, is)),
    );
  }
  keys.push(name);
  keyOffsets.push(start);
  if (++counts[top]! > LIMITS.items) fail(limitMessage.keys, start, top);
  space();
  if (text.charCodeAt(at) !== 58) syntax(at >= length ? (j) => j.unexpectedEnd : (j) => j.expectedColon, at);
  at++;
  space();
}

/** Check `text` as JSON within the limits; throws the first problem found. */
export function scanJson(input: string, name: string, options: TreeOptions = {}): void {
  text = input;
  length = input.length;
  source = name;
  at = 0;
  kinds.length = counts.length = path.length = keys.length = keyOffsets.length = firstKey.length = 0;
  try {
    scan(options.rootItems);
  } finally {
    text = ""; // do not keep a large input alive
  }
}

function scan(rootItems: number | undefined): void {
  let values = 0;
  space();
  for (;;) {
    // A value.
    if (at >= length) syntax((j) => j.unexpectedEnd, at);
    if (++values > LIMITS.values) fail(limitMessage.values, at, 0);
    const c = text.charCodeAt(at);
    if (c === 123 || c === 91) {
      const kind = c === 123 ? OBJECT : ARRAY;
      open(kind);
      at++;
      space();
      if (text.charCodeAt(at) !== (kind === OBJECT ? 125 : 93)) {
        if (kind === OBJECT) key();
        else item(rootItems);
        continue;
      }
      at++;
      close();
    } else if (c === 34) string();
    else if (c === 45 || (c >= 48 && c <= 57)) number();
    else if (c === 116) literal("true");
    else if (c === 102) literal("false");
    else if (c === 110) literal("null");
    else syntax((j) => j.expectedValue, at);

    // After a value: a comma, the end of containers, or the end of the text.
    for (;;) {
      space();
      const top = kinds.length - 1;
      if (top < 0) {
        if (at < length) syntax((j) => j.trailing, at);
        return;
      }
      const next = text.charCodeAt(at);
      if (next === 44) {
        at++;
        space();
        if (kinds[top] === OBJECT) key();
        else item(rootItems);
        break;
      }
      if ((next === 125 && kinds[top] === OBJECT) || (next === 93 && kinds[top] === ARRAY)) {
        at++;
        close();
        continue;
      }
      if (at >= length) syntax((j) => j.unexpectedEnd, at);
      syntax(kinds[top] === OBJECT ? (j) => j.expectedCommaOrBrace : (j) => j.expectedCommaOrBracket, at);
    }
  }
}
