// zod issues as the messages a user reads, in their language: the field path, what the
// field must be (its `expects` rule), what it got, and for an unknown field the closest
// known one.
import type { JsonObject } from "../util/json.js";
import * as z from "zod/mini";
import type { Problem, Text } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatNumber } from "../util/format.js";
import { parseQuantity } from "../util/quantity.js";
import { formatPath } from "../util/path.js";
import { closest } from "../util/suggest.js";
import { describeValue } from "./quote.js";
import { expects, type Rule } from "./fields.js";

type Path = readonly PropertyKey[];

export { formatPath };

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
  const problems: Problem[] = [];
  // A loop, not flatMap(…spread): an input may have thousands of issues.
  for (const issue of detailed.error?.issues ?? [])
    for (const problem of describeIssue(root, issue)) problems.push(problem);
  return { data: undefined, problems };
}

export function describeIssue(root: z.ZodMiniType, issue: z.core.$ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  const say = (make: (lang: Lang) => string): Text => make;
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(objectShape(schemaAt(root, issue.path)) ?? {});
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return {
        path: formatPath([...issue.path, key]),
        message: say((lang) => messages[lang].validation.unknownField(suggestion)),
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
    const got =
      typeof input === "object" && input !== null && Object.hasOwn(input, discriminator)
        ? (input as JsonObject)[discriminator]
        : undefined;
    const known = options.map((option) => JSON.stringify(option)).join(", ");
    return [
      {
        path,
        message: say((lang) =>
          messages[lang].validation.oneOf(
            known,
            got === undefined ? messages[lang].validation.nothing : describeValue(got, lang),
          ),
        ),
      },
    ];
  }
  const schema = schemaAt(root, issue.path);
  const rule: Rule | undefined = schema && expects.get(schema)?.expects;
  const ruleIn = (lang: Lang) => (rule ? rule(messages[lang].rules) : describeKind(schema, lang));
  const input = (issue as { input?: unknown }).input;
  if (input === undefined)
    return [{ path, message: say((lang) => messages[lang].validation.required(rule && rule(messages[lang].rules))) }];
  // Past what a count can hold: the value itself was rounded on reading, so give the maximum.
  if (issue.code === "too_big" && typeof input === "number" && Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) {
    const max = formatNumber(String(issue.maximum));
    return [{ path, message: say((lang) => messages[lang].validation.tooLarge(max)) }];
  }
  if (issue.code === "invalid_type" && issue.expected === "number" && typeof input === "string") {
    // "25000" in quotes: a number written as text. Say so, rather than "must be a number, got "25000"".
    if (/^\s*-?\d+(\.\d+)?\s*$/.test(input))
      return [{ path, message: say((lang) => messages[lang].validation.quotedNumber(ruleIn(lang), input.trim())) }];
    // 25_000, 25,000, 25k, 2.5万: how a flag or the prompt takes a count, not a file: say what to write.
    const value = parseQuantity(input);
    if (value !== undefined) {
      const got = describeValue(input);
      const plain = formatNumber(value).replace(/,/g, "");
      return [{ path, message: say((lang) => messages[lang].validation.writtenNumber(ruleIn(lang), got, plain)) }];
    }
  }
  return [{ path, message: say((lang) => messages[lang].validation.mustBe(ruleIn(lang), describeValue(input, lang))) }];
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
  if (def.type === "union")
    return Object.assign({}, ...(def.options ?? []).map((option) => objectShape(option) ?? {})) as Record<
      string,
      z.ZodMiniType
    >;
  return def.shape;
}

function describeKind(schema: z.ZodMiniType | undefined, lang: Lang): string {
  const def = schema && defOf(unwrap(schema));
  const rules = messages[lang].rules;
  if (!def) return rules.kind("valid");
  if (def.type === "enum" || def.type === "literal")
    return rules.oneOf((def.values ?? []).map((v) => JSON.stringify(v)).join(", "));
  return rules.kind(def.type);
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
    else schema = def.shape && Object.hasOwn(def.shape, String(key)) ? def.shape[String(key)] : undefined;
  }
  return schema && unwrap(schema);
}
