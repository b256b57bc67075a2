// The quick check's shape (./quick.ts), read from a zod schema's definition, so that
// the schema stays the one definition of a valid input (a scenario, a project config). Whatever the quick check does
// not know (a refinement, an exclusive bound, a union) stops here with an error: the
// build that makes the shape fails, rather than the check passing what zod refuses.
import type * as z from "zod/mini";
import type { QuickField, QuickShape } from "./quick.js";

/** The parts of `_zod.def` the shapes use (zod/mini keeps a schema's structure there). */
interface Def {
  type: string;
  format?: string;
  coerce?: boolean;
  shape?: Record<string, z.ZodMiniType>;
  catchall?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  keyType?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  entries?: Record<string, unknown>;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  format?: string;
  value?: unknown;
  inclusive?: boolean;
  minimum?: unknown;
  pattern?: RegExp;
}

/** The kinds whose quick check says exactly what zod says, whatever the input. */
const EXACT = new Set<QuickShape["kind"]>(["number", "string", "boolean", "enum"]);

const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The shape of `schema`; throws on what the quick check cannot hold to zod's rules. */
export function quickShapeOf(schema: z.ZodMiniType, at = "(root)"): QuickShape {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const refuse = (what: string): never => {
    throw new Error(`the quick check cannot hold ${at} to zod's rules: ${what}`);
  };
  switch (def.type) {
    case "object": {
      if (checks.length > 0 || !def.catchall || defOf(def.catchall).type !== "never")
        refuse("an object that is not strict, or has checks");
      const fields: Record<string, QuickField> = {};
      for (const [key, value] of Object.entries(def.shape ?? {})) {
        const optional = defOf(value).type === "optional";
        const inner = optional ? defOf(value).innerType! : value;
        fields[key] = { optional, shape: quickShapeOf(inner, `${at}.${key}`) };
      }
      return { kind: "object", fields };
    }
    case "number": {
      if (def.coerce || (def.format !== undefined && def.format !== "safeint"))
        refuse(`the number format ${def.format ?? "coerced"}`);
      const shape: QuickShape & { kind: "number" } = { kind: "number", integer: def.format === "safeint" };
      for (const check of checks) {
        if (typeof check.value !== "number" || check.inclusive !== true) refuse(`the check ${check.check}`);
        if (check.check === "greater_than") shape.min = check.value as number;
        else if (check.check === "less_than") shape.max = check.value as number;
        else refuse(`the check ${check.check}`);
      }
      return shape;
    }
    case "string": {
      const shape: QuickShape & { kind: "string" } = { kind: "string" };
      for (const check of checks) {
        if (check.check === "min_length" && typeof check.minimum === "number") shape.minLength = check.minimum;
        else if (check.check === "string_format" && check.format === "regex" && check.pattern instanceof RegExp)
          shape.pattern = { source: check.pattern.source, flags: check.pattern.flags };
        else refuse(`the check ${check.check}`);
      }
      return shape;
    }
    case "boolean":
      if (checks.length > 0) refuse("a boolean with checks");
      return { kind: "boolean" };
    case "enum": {
      const values = Object.values(def.entries ?? {});
      if (checks.length > 0 || !values.every((value) => typeof value === "string")) refuse("an enum of non-strings");
      return { kind: "enum", values: values as string[] };
    }
    case "array":
      if (checks.length > 0) refuse("an array with checks");
      return { kind: "array", element: quickShapeOf(def.element!, `${at}[]`) };
    case "record": {
      const key = defOf(def.keyType!);
      if (checks.length > 0 || key.type !== "string" || (key.checks ?? []).length > 0)
        refuse("a record whose keys are not any string");
      return { kind: "record", value: quickShapeOf(def.valueType!, `${at}{}`) };
    }
    case "union": {
      // zod returns the first option that fits: the quick check may try them in turn only
      // where its answer for each is exactly zod's (a value's kind and bounds, not an object).
      const options = (def.options ?? []).map((option, index) => quickShapeOf(option, `${at}|${index}`));
      if (checks.length > 0 || !options.every((option) => EXACT.has(option.kind)))
        refuse("a union of anything but strings, numbers, booleans and enums");
      return { kind: "union", options };
    }
    default:
      return refuse(`a schema of type ${def.type}`);
  }
}
