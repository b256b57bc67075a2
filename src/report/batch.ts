// The batch report: many scenarios priced (`im-bill batch --format json`), each as its
// estimate with its id and source, those that could not be priced, and the counts and
// totals. JSONL holds the same records a line each, without the report around them.
import * as z from "zod/mini";
import { EstimateSchema } from "../calculator/types.js";
import { PricesSchema } from "./check.js";
import { Amount, header } from "./estimate.js";

const { version: _version, ...estimateShape } = EstimateSchema.shape;

export const BatchResultSchema = z.strictObject({
  id: z.string(),
  source: z.string(),
  version: z.literal(1),
  ...estimateShape,
});
export type BatchResultRecord = z.infer<typeof BatchResultSchema>;

export const BatchErrorSchema = z.strictObject({ id: z.string(), source: z.string(), error: z.string() });
export type BatchErrorRecord = z.infer<typeof BatchErrorSchema>;

export const BatchSummarySchema = z.strictObject({
  scenarios: z.int(),
  priced: z.int(),
  failed: z.int(),
  /** priced scenarios whose edition cannot serve them */
  violating: z.int(),
  /** the grand total where one currency, else null */
  total: z.nullable(Amount),
  currency: z.nullable(z.string()),
  /** a grand total per currency, in the order first seen */
  totals: z.record(z.string(), Amount),
  prices: PricesSchema,
});
export type BatchSummaryJson = z.infer<typeof BatchSummarySchema>;

export const BatchReportSchema = z.strictObject({
  ...header("batch"),
  /** the line ids any scenario of the run may have: the CSV's columns */
  columns: z.array(z.string()),
  results: z.array(BatchResultSchema),
  /** each with `at`, its place among all the scenarios, read in order */
  errors: z.array(z.strictObject({ ...BatchErrorSchema.shape, at: z.int() })),
  summary: BatchSummarySchema,
});
export type BatchReport = z.infer<typeof BatchReportSchema>;
