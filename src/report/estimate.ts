// The estimate report: one scenario's bill in words, as `estimate --format json` prints
// it, and what every other format of it is laid out from. Each report begins alike: its
// kind, its version and the language of its words.
import * as z from "zod/mini";
import { Amount, EstimateSchema } from "../calculator/types.js";
import { LANGS } from "../i18n/lang.js";

export const LangSchema = z.enum(LANGS);

export { Amount };

/** What every report states first: its kind, its version, and the language of its words. */
export const header = <K extends string>(kind: K) => ({
  kind: z.literal(kind),
  version: z.literal(1),
  lang: LangSchema,
});

/** How far a metric billed in started blocks is from its next block. */
export const HeadroomSchema = z.strictObject({
  metric: z.enum(["dau", "groups", "mau", "communityMessages"]),
  current: z.number(),
  nextStepAt: z.number(),
  price: z.string(),
});

export const EstimateReportSchema = z.strictObject({
  ...header("estimate"),
  ...EstimateSchema.shape,
});
export type EstimateReport = z.infer<typeof EstimateReportSchema>;
