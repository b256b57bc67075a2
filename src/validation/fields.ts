// Field helpers shared by the schemas of every input format (scenario, catalog): each
// field carries a description (for its JSON Schema) and a rule in words (for errors,
// in the user's language).
import * as z from "zod/mini";
import { MAGNITUDES } from "../document/limits.js";
import type { Messages } from "../i18n/messages.js";

/** What a valid value looks like, in words ("must be …"), picked from the message catalog. */
export type Rule = (rules: Messages["rules"]) => string;

export const expects = z.registry<{ expects: Rule }>();

/**
 * A schema with a description for its place: a clone, keeping the rule its errors word,
 * so that a schema used in many places (an amount, a day) is described at each as
 * itself. Registered on the shared schema, the last description would be every place's.
 */
export function documented<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  const rule = expects.get(schema);
  if (rule) expects.add(copy, rule);
  z.globalRegistry.add(copy, { description });
  return copy;
}

export function field<T extends z.ZodMiniType>(schema: T, description: string, rule: Rule): T {
  expects.add(schema, { expects: rule });
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** Counts are whole numbers a double holds exactly (up to 2^53 − 1: zod's int). */
export const count = (description: string) => field(z.int().check(z.minimum(0)), description, (r) => r.wholeNumber);
export const positiveCount = (description: string) =>
  field(z.int().check(z.minimum(1)), description, (r) => r.positiveWholeNumber);
/** A decimal quantity (Mbps, Mbps·day), bounded so that amounts stay exact. */
export const decimal = (description: string, max: number = MAGNITUDES.mbps) =>
  field(z.number().check(z.minimum(0), z.maximum(max)), description, (r) => r.numberUpTo(max));
export const flag = (description: string) => field(z.boolean(), description, (r) => r.flag);
export const text = (description: string) => field(z.string().check(z.minLength(1)), description, (r) => r.text);
/** A catalog price: a decimal string, at most two decimals, under a trillion, never negative. */
export const price = (description: string) =>
  field(
    z.string().check(z.regex(new RegExp(`^\\d{1,${MAGNITUDES.priceDigits}}(\\.\\d{1,2})?$`))),
    description,
    (r) => r.price,
  );
/** A price of one unit of usage (0.015 USD a user): at most four decimals; the line it makes is rounded to the cent. */
export const unitPrice = (description: string) =>
  field(
    z.string().check(z.regex(new RegExp(`^\\d{1,${MAGNITUDES.priceDigits}}(\\.\\d{1,4})?$`))),
    description,
    (r) => r.unitPrice,
  );
/** An amount a user expects: a decimal string with at most two decimals, maybe negative. */
export const amount = (description: string) =>
  field(z.string().check(z.regex(/^-?\d{1,40}(\.\d{1,2})?$/)), description, (r) => r.amount);
