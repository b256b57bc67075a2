// The check report: each scenario priced and held against its expectations (`im-bill check`).
import * as z from "zod/mini";
import { PricingRefSchema } from "../catalog/pricing-ref.js";
import { Amount, HeadroomSchema, header } from "./estimate.js";

export const FailureSchema = z.strictObject({
  check: z.enum(["total", "maxTotal", "line", "violations", "expect", "headroom"]),
  /** a metric within --headroom of its next block */
  headroom: z.optional(z.strictObject({ ...HeadroomSchema.shape, percent: z.string() })),
  line: z.optional(z.string()),
  expected: z.string(),
  actual: z.string(),
  /** an unknown line id: the hint, in English, and the id likely meant */
  note: z.optional(z.string()),
  unknownLine: z.optional(z.strictObject({ suggestion: z.nullable(z.string()) })),
});

export const CheckResultSchema = z.strictObject({
  id: z.string(),
  source: z.string(),
  status: z.enum(["passed", "failed", "no-expectations", "invalid"]),
  total: z.optional(Amount),
  currency: z.optional(z.string()),
  pricing: z.optional(PricingRefSchema),
  headroom: z.optional(z.array(HeadroomSchema)),
  /** what is said of its prices (a list not in effect, a pin that lost), in words */
  said: z.optional(z.array(z.string())),
  failures: z.array(FailureSchema),
  /** why it could not be priced, in words */
  error: z.optional(z.string()),
});

/** The provenances of many bills, each with how many it made, and what is said of them, once each. */
export const PricesSchema = z.strictObject({
  groups: z.array(z.strictObject({ ref: PricingRefSchema, count: z.int() })),
  said: z.array(z.string()),
});

export const CheckReportSchema = z.strictObject({
  ...header("check"),
  results: z.array(CheckResultSchema),
  summary: z.strictObject({
    scenarios: z.int(),
    passed: z.int(),
    failed: z.int(),
    noExpectations: z.int(),
    invalid: z.int(),
  }),
  prices: PricesSchema,
});
export type CheckReport = z.infer<typeof CheckReportSchema>;
export type CheckResultJson = CheckReport["results"][number];
export type Prices = z.infer<typeof PricesSchema>;
export type FailureJson = z.infer<typeof FailureSchema>;
