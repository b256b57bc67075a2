// The diff report: two estimates line by line (`im-bill diff a.json b.json`).
import * as z from "zod/mini";
import { CatalogRefSchema } from "../calculator/types.js";
import { PricingRefSchema } from "../catalog/pricing-ref.js";
import { Amount, header } from "./estimate.js";

/** A total before, and how much it moved; percent of the old one, null from zero. */
export const TotalChangeSchema = z.strictObject({
  before: Amount,
  after: Amount,
  change: Amount,
  percent: z.nullable(z.string()),
});

const SideSchema = z.strictObject({
  plan: z.string(),
  planName: z.string(),
  catalog: CatalogRefSchema,
  pricing: z.nullable(PricingRefSchema),
  total: Amount,
  converted: z.optional(z.strictObject({ from: z.string(), rate: z.string() })),
  said: z.array(z.string()),
});

export const DiffReportSchema = z.strictObject({
  ...header("diff"),
  currency: z.string(),
  before: SideSchema,
  after: SideSchema,
  planChanged: z.boolean(),
  catalogChanged: z.boolean(),
  pricingChanged: z.boolean(),
  lines: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      beforeLabel: z.nullable(z.string()),
      afterLabel: z.nullable(z.string()),
      marker: z.enum(["+", "-", "~", "="]),
      before: z.nullable(Amount),
      after: z.nullable(Amount),
      change: Amount,
      percent: z.nullable(z.string()),
    }),
  ),
  total: TotalChangeSchema,
});
export type DiffReport = z.infer<typeof DiffReportSchema>;
