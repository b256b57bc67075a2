// The comparison report: the same scenario priced on every edition, and the one recommended.
import * as z from "zod/mini";
import { EstimateSchema, FindingSchema } from "../calculator/types.js";
import { Amount, HeadroomSchema, header } from "./estimate.js";
import { documented } from "../validation/fields.js";

export const CompareReportSchema = z.strictObject({
  ...header("compare"),
  currency: z.string(),
  /** the rows: the line ids any edition charges, in the list's order */
  lines: z.array(z.string()),
  editions: z.record(z.string(), EstimateSchema),
  onRequest: z.array(z.strictObject({ plan: z.string(), planName: z.string(), violations: z.array(FindingSchema) })),
  // Optional so that reports saved before it still read; im-bill always writes it.
  said: z.optional(
    documented(
      z.array(z.string()),
      "What is said of the prices of any edition's bill (a list not in effect, an add-on Tencent no longer sells), once each",
    ),
  ),
  recommendation: z.nullable(
    z.strictObject({
      plan: z.string(),
      total: Amount,
      reason: z.string(),
      setAside: z.optional(
        documented(
          z.array(z.string()),
          "Add-ons the scenario asks for that Tencent no longer sells or lists, left out of the choice (whether an edition sells one, and its price)",
        ),
      ),
      /** how far the edition is from its next overage blocks */
      headroom: z.array(HeadroomSchema),
    }),
  ),
});
export type CompareReport = z.infer<typeof CompareReportSchema>;
