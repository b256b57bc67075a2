// The estimate format, as `--format json` prints it: its TypeScript types and its JSON
// Schema (schemas/estimate.schema.json) come from this one definition. The calculator
// imports only the types, so the CLI's start-up never builds these schemas.
import * as z from "zod/mini";
import { Category } from "../catalog/schema.js";
import { PricingRefSchema } from "../catalog/pricing-ref.js";
import { documented, field } from "../validation/fields.js";
import { FIGURE_STATUSES } from "../vocabulary.js";

const FigureStatusSchema = z.enum(FIGURE_STATUSES as unknown as ["sourced", "inferred", "carriedOver", "assumed"]);

export { Category };

/** An amount with two decimals, as every report states money. */
export const Amount = field(
  z.string().check(z.regex(/^-?\d+\.\d{2}$/)),
  "An amount with two decimals",
  (r) => r.twoDecimals,
);

export const LineSchema = z.strictObject({
  id: documented(z.string(), "Stable id: package, overage.dau, overage.groups, addon.<name>, discount"),
  category: Category,
  label: z.string(),
  quantity: documented(z.string(), "A decimal, exact"),
  unit: z.string(),
  unitPrice: documented(
    field(z.string().check(z.regex(/^-?\d+\.\d{2,4}$/)), "A price with two to four decimals", (r) => r.linePrice),
    "Two decimals; a per-unit overage price up to four (0.015 USD a user)",
  ),
  amount: documented(Amount, "quantity × unitPrice, rounded half-up to two decimals"),
  explain: documented(z.string(), "The formula, in words"),
  // Optional so that estimates saved before it still read; im-bill writes it on every line the list priced.
  status: z.optional(
    documented(
      FigureStatusSchema,
      "How sure the least sure figure that priced the line is: sourced (a source of the list's date states it), inferred (derived from such sources), carriedOver (taken unchanged from an earlier list), assumed (no source states it). None on the discount",
    ),
  ),
  headroom: z.optional(
    documented(
      z.strictObject({
        metric: documented(z.string(), "What the line counts: dau, groups, communityMessages"),
        current: documented(z.number(), "The peak the line is charged for"),
        nextStepAt: documented(z.number(), "The first value the next block is charged at"),
        price: documented(z.string(), "The next block's price"),
      }),
      "A line charged in started blocks: where the next block starts",
    ),
  ),
});
export type Line = z.infer<typeof LineSchema>;

export const FindingSchema = z.strictObject({
  code: documented(z.string(), "Stable code: exceeds.<need>, unavailable.<add-on>, hint.cheapest-fit, …"),
  message: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const SubtotalsSchema = z.strictObject({
  base: Amount,
  overage: Amount,
  addons: Amount,
  discount: documented(Amount, "Zero or negative"),
});
export type Subtotals = z.infer<typeof SubtotalsSchema>;

export const CatalogRefSchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  currency: z.string(),
  // Optional so that estimates saved by earlier versions still read (diff); im-bill always writes it.
  effective: z.optional(
    documented(
      z.strictObject({ from: z.nullable(z.string()), to: z.nullable(z.string()) }),
      "The days the price list applies, YYYY-MM-DD; null: open, or not stated by a source",
    ),
  ),
});
export type CatalogRef = z.infer<typeof CatalogRefSchema>;

export const EstimateSchema = z.strictObject({
  version: z.literal(1),
  name: z.nullable(z.string()),
  plan: documented(z.string(), "The edition's id in its price list"),
  planName: documented(z.string(), "The edition's name, in the estimate's language"),
  currency: z.string(),
  catalog: documented(CatalogRefSchema, "The price list (as under pricing.catalog)"),
  pricing: PricingRefSchema,
  lines: documented(
    z.array(LineSchema),
    "Zero-amount lines are left out, but for the package line, which is always first",
  ),
  subtotals: documented(SubtotalsSchema, "Sums of the lines by category"),
  total: documented(Amount, "Sum of the lines"),
  violations: documented(z.array(FindingSchema), "Why the edition cannot serve the scenario; empty when it fits"),
  notes: z.array(FindingSchema),
  // Optional so that estimates saved before it still read; im-bill always writes it.
  certainty: z.optional(
    documented(
      z.strictObject({ sourced: z.int(), inferred: z.int(), carriedOver: z.int(), assumed: z.int() }),
      "The figures of the list this bill used (prices, quotas, the limits it tested), each counted once, by how sure it is (as a line's status)",
    ),
  ),
});
/** The estimate of one scenario, exactly as `--format json` prints it. */
export type Estimate = z.infer<typeof EstimateSchema>;

/**
 * An estimate as `diff` reads it from a file: one saved by an earlier im-bill may lack
 * the edition's name and the provenance (and have the old top-level config).
 */
export const SavedEstimateSchema = z.strictObject({
  // Written since reports carry their kind and language (`im-bill render`).
  kind: z.optional(z.literal("estimate")),
  lang: z.optional(z.string()),
  ...EstimateSchema.shape,
  planName: z.optional(z.string()),
  pricing: z.optional(PricingRefSchema),
  config: z.optional(z.strictObject({ file: z.string(), settings: z.array(z.string()) })),
});
