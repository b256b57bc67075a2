// The quick check: plain input held against a shape taken from a zod schema
// (./quick-shape.ts). Valid input, the common case, gets the data zod would return
// without zod being loaded: loading zod and building the scenario's schema took ~2.5 ms
// of every estimate's start, more than reading and pricing the scenario. Anything else (an
// error, or input unlike what JSON, YAML and the flags make) is "unsure", and the
// caller asks zod, which words every issue. The shape is plain data (the CLI's bundle
// holds it as a literal made at build time) and only a few levels deep: walking it
// follows the shape, never the depth of the input.

import type { Problem } from "../errors.js";

/** What a value must be, as zod's schema says it: the kinds the scenario's schema uses. */
export type QuickShape =
  | { kind: "object"; fields: Record<string, QuickField> }
  | { kind: "number"; integer: boolean; min?: number; max?: number }
  | { kind: "string"; minLength?: number; pattern?: { source: string; flags: string } }
  | { kind: "boolean" }
  | { kind: "enum"; values: string[] }
  | { kind: "array"; element: QuickShape }
  | { kind: "record"; value: QuickShape }
  /** the first that fits: only of kinds whose check is exact (a value, never an object), so that it is zod's first */
  | { kind: "union"; options: QuickShape[] };

/** A field of a strict object (unknown keys are refused). */
export interface QuickField {
  optional: boolean;
  shape: QuickShape;
}

/** Not known to be valid: zod decides, and words what is wrong. */
const UNSURE: unique symbol = Symbol("unsure");

/** The data zod would return for valid input; undefined when zod must look (invalid or unusual input). */
export function quickParse<T>(shape: QuickShape, input: unknown): { data: T } | undefined {
  const data = valueOf(shape, input);
  return data === UNSURE ? undefined : { data: data as T };
}

/**
 * `input` parsed: by the quick check where it is sure, else by `parse` (zod's, which words
 * every issue), the way every validator of plain input reads it.
 */
export function parseQuickly<T>(
  shape: QuickShape,
  input: unknown,
  parse: (input: unknown) => { data: T | undefined; problems: Problem[] },
): { data: T | undefined; problems: Problem[] } {
  const quick = quickParse<T>(shape, input);
  return quick ? { data: quick.data, problems: [] } : parse(input);
}

const patterns = new WeakMap<object, RegExp>();

function valueOf(shape: QuickShape, input: unknown): unknown {
  switch (shape.kind) {
    case "object":
      return objectOf(shape.fields, input);
    case "number":
      return typeof input === "number" &&
        Number.isFinite(input) &&
        (!shape.integer || Number.isSafeInteger(input)) &&
        (shape.min === undefined || input >= shape.min) &&
        (shape.max === undefined || input <= shape.max)
        ? input
        : UNSURE;
    case "string": {
      if (typeof input !== "string" || input.length < (shape.minLength ?? 0)) return UNSURE;
      if (shape.pattern === undefined) return input;
      let pattern = patterns.get(shape.pattern);
      if (!pattern) {
        pattern = new RegExp(shape.pattern.source, shape.pattern.flags);
        patterns.set(shape.pattern, pattern);
      }
      pattern.lastIndex = 0;
      return pattern.test(input) ? input : UNSURE;
    }
    case "boolean":
      return typeof input === "boolean" ? input : UNSURE;
    case "enum":
      return typeof input === "string" && shape.values.includes(input) ? input : UNSURE;
    case "array": {
      if (!Array.isArray(input) || Object.getPrototypeOf(input) !== Array.prototype) return UNSURE;
      const out: unknown[] = [];
      for (let index = 0; index < input.length; index++) {
        const value = valueOf(shape.element, input[index]);
        if (value === UNSURE) return UNSURE;
        out.push(value);
      }
      return out;
    }
    case "union":
      for (const option of shape.options) {
        const value = valueOf(option, input);
        if (value !== UNSURE) return value;
      }
      return UNSURE;
    case "record": {
      if (!isPlainObject(input)) return UNSURE;
      const keys = Object.keys(input);
      // Symbols, hidden keys and __proto__ (which an assignment would not copy): zod's call.
      if (Reflect.ownKeys(input).length !== keys.length) return UNSURE;
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        if (key === "__proto__") return UNSURE;
        const value = valueOf(shape.value, input[key]);
        if (value === UNSURE) return UNSURE;
        out[key] = value;
      }
      return out;
    }
  }
}

/** A strict object: every key known, the required ones there; the fields in the shape's order, as zod returns them. */
function objectOf(fields: Record<string, QuickField>, input: unknown): unknown {
  if (!isPlainObject(input)) return UNSURE;
  // zod reads the keys with for…in: an inherited one is an unknown field to it.
  for (const key in input) if (!Object.hasOwn(input, key) || !Object.hasOwn(fields, key)) return UNSURE;
  const out: Record<string, unknown> = {};
  for (const key in fields) {
    const field = fields[key]!;
    if (!Object.hasOwn(input, key)) {
      if (!field.optional) return UNSURE;
      continue;
    }
    const given = input[key];
    // Written as undefined (a flag not given): kept as such, as zod keeps it.
    if (given === undefined && field.optional) {
      out[key] = undefined;
      continue;
    }
    const value = valueOf(field.shape, given);
    if (value === UNSURE) return UNSURE;
    out[key] = value;
  }
  return out;
}

function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== "object" || input === null) return false;
  const prototype = Object.getPrototypeOf(input) as unknown;
  return prototype === Object.prototype || prototype === null;
}
