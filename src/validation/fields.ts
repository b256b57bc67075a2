// Field helpers shared by the schemas of every input format (scenario, catalog): each
// field carries a description (for its JSON Schema) and a rule in words (for errors).
import * as z from "zod/mini";

/** What a valid value looks like, in words, for error messages ("must be …"). */
export const expects = z.registry<{ expects: string }>();

export function field<T extends z.ZodMiniType>(schema: T, description: string, rule: string): T {
  expects.add(schema, { expects: rule });
  z.globalRegistry.add(schema, { description });
  return schema;
}

export const count = (description: string) => field(z.int().check(z.minimum(0)), description, "a whole number ≥ 0");
export const positiveCount = (description: string) =>
  field(z.int().check(z.minimum(1)), description, "a whole number ≥ 1");
export const decimal = (description: string) => field(z.number().check(z.minimum(0)), description, "a number ≥ 0");
export const flag = (description: string) => field(z.boolean(), description, "true or false");
export const text = (description: string) => field(z.string().check(z.minLength(1)), description, "a non-empty string");
/** A money amount: a decimal string, at most two decimals, never negative. */
export const price = (description: string) =>
  field(
    z.string().check(z.regex(/^\d+(\.\d{1,2})?$/)),
    description,
    'an amount ≥ 0 as a string with at most two decimals, such as "999.00"',
  );
/** An amount a user expects: a decimal string with at most two decimals, maybe negative. */
export const amount = (description: string) =>
  field(z.string().check(z.regex(/^-?\d+(\.\d{1,2})?$/)), description, 'an amount as a string, such as "4999.00"');
