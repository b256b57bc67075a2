// The usage report: a usage file's months, each priced at its real peaks.
import * as z from "zod/mini";
import { EstimateSchema } from "../calculator/types.js";
import { Amount, header } from "./estimate.js";

export const UsageMonthSchema = z.strictObject({
  month: z.string(),
  daysPresent: z.int(),
  daysInMonth: z.int(),
  peakDau: z.number(),
  peakDauDate: z.string(),
  peakGroups: z.number(),
  peakGroupsDate: z.string(),
  estimate: EstimateSchema,
  /** each day of the month the file has: its DAU and groups */
  days: z.array(z.strictObject({ date: z.string(), dau: z.number(), groups: z.number() })),
  /** where each next DAU overage block starts, within the month's range (a chart's step lines) */
  dauSteps: z.array(z.number()),
  /** a month still running: its bill so far is to `to`, and the month priced at its projected peaks */
  soFar: z.optional(
    z.strictObject({
      to: z.string(),
      projection: z.strictObject({
        method: z.enum(["trend", "flat"]),
        days: z.int(),
        to: z.string(),
        peakDau: z.number(),
        peakGroups: z.number(),
        estimate: EstimateSchema,
      }),
    }),
  ),
});

export const UsageReportSchema = z.strictObject({
  ...header("usage"),
  months: z.array(UsageMonthSchema),
  total: Amount,
  currency: z.string(),
});
export type UsageReport = z.infer<typeof UsageReportSchema>;
