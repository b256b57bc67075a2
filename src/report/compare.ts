// The comparison report: the same scenario priced on every edition, and the one recommended.
import * as z from "zod/mini";
import { EstimateSchema, FindingSchema } from "../calculator/types.js";
import { Amount, HeadroomSchema, header } from "./estimate.js";

export const CompareReportSchema = z.strictObject({
  ...header("compare"),
  currency: z.string(),
  /** the rows: the line ids any edition charges, in the list's order */
  lines: z.array(z.string()),
  editions: z.record(z.string(), EstimateSchema),
  onRequest: z.array(z.strictObject({ plan: z.string(), planName: z.string(), violations: z.array(FindingSchema) })),
  recommendation: z.nullable(
    z.strictObject({
      plan: z.string(),
      total: Amount,
      reason: z.string(),
      /** how far the edition is from its next overage blocks */
      headroom: z.array(HeadroomSchema),
    }),
  ),
});
export type CompareReport = z.infer<typeof CompareReportSchema>;
