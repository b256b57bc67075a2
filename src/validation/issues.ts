// zod issues as the messages a user reads: the field path, what the field must be
// (its `expects` rule), what it got, and for an unknown field the closest known one.
import * as z from "zod/mini";
import type { Problem } from "../errors.js";
import { closest } from "../util/suggest.js";
import { expects } from "./fields.js";

type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

/** A value as a message quotes it: numbers as written, strings quoted, the rest by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** Parse with `root` and describe every issue, or return the data. */
export function parseWith<T extends z.ZodMiniType>(
  root: T,
  input: unknown,
): { data: z.infer<T> | undefined; problems: Problem[] } {
  // Valid input is the common case (batch parses millions): parse plainly, and only
  // parse again to quote the offending values when something is wrong.
  const result = root.safeParse(input);
  if (result.success) return { data: result.data, problems: [] };
  const detailed = root.safeParse(input, { reportInput: true });
  return { data: undefined, problems: (detailed.error?.issues ?? []).flatMap((issue) => describeIssue(root, issue)) };
}

export function describeIssue(root: z.ZodMiniType, issue: z.core.$ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(objectShape(schemaAt(root, issue.path)) ?? {});
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return {
        path: formatPath([...issue.path, key]),
        message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
      };
    });
  }
  if (issue.code === "custom") return [{ path, message: issue.message }];
  if (issue.code === "invalid_union" && "discriminator" in issue) {
    // A discriminated union whose tag matched no option: name the tags it knows.
    const { options, discriminator, input } = issue as unknown as {
      options: unknown[];
      discriminator: string;
      input: unknown;
    };
    const got = typeof input === "object" && input !== null ? (input as Record<string, unknown>)[discriminator] : input;
    const known = options.map((option) => JSON.stringify(option)).join(", ");
    return [{ path, message: `must be one of ${known}, got ${got === undefined ? "nothing" : describeValue(got)}` }];
  }
  const schema = schemaAt(root, issue.path);
  const rule = schema && expects.get(schema)?.expects;
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return [{ path, message: `is required${rule ? ` (${rule})` : ""}` }];
  const what = rule ?? describeKind(schema);
  return [{ path, message: `must be ${what}, got ${describeValue(input)}` }];
}

// zod/mini keeps a schema's structure in `_zod.def`; these helpers walk it to find the
// schema of a field (for its rule) or the fields of an object (for "did you mean").
interface Def {
  type: string;
  innerType?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  discriminator?: string;
  values?: unknown[];
}
const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (
    let def = defOf(current);
    def.innerType && ["optional", "nullable", "default"].includes(def.type);
    def = defOf(current)
  ) {
    current = def.innerType;
  }
  return current;
}

/** The fields of an object schema; for a union, the fields of all its options. */
function objectShape(schema: z.ZodMiniType | undefined): Record<string, z.ZodMiniType> | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  if (def.type === "union") return Object.assign({}, ...(def.options ?? []).map((option) => objectShape(option) ?? {}));
  return def.shape;
}

function describeKind(schema: z.ZodMiniType | undefined): string {
  const def = schema && defOf(unwrap(schema));
  if (!def) return "valid";
  if (def.type === "object" || def.type === "record") return "an object";
  if (def.type === "array") return "a list";
  if (def.type === "enum" || def.type === "literal")
    return `one of ${(def.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
  return `a ${def.type}`;
}

function schemaAt(root: z.ZodMiniType, path: Path): z.ZodMiniType | undefined {
  let schema: z.ZodMiniType | undefined = root;
  for (const key of path) {
    if (!schema) return undefined;
    const def = defOf(unwrap(schema));
    if (def.type === "array") schema = def.element;
    else if (def.type === "record") schema = def.valueType;
    else if (def.type === "union") schema = def.options?.find((option) => objectShape(option)?.[String(key)]);
    else if (def.type === "nullable") schema = def.innerType;
    else schema = def.shape?.[String(key)];
  }
  return schema && unwrap(schema);
}
