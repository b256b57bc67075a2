// The forecast report: the bill month by month as usage grows, and when each charge falls due.
import * as z from "zod/mini";
import { EstimateSchema, FindingSchema } from "../calculator/types.js";
import { Amount, header } from "./estimate.js";

const Count = z.number();

export const ForecastMonthSchema = z.strictObject({
  month: z.int(),
  calendarMonth: z.nullable(z.string()),
  period: z.nullable(z.strictObject({ start: z.string(), end: z.string() })),
  usage: z.strictObject({
    peakDau: Count,
    mau: Count,
    peakGroups: Count,
    communityMessages: Count,
    liveGroups: Count,
    mainlandMbps: Count,
    internationalMbps: Count,
  }),
  plan: z.string(),
  estimate: EstimateSchema,
});

export const ForecastReportSchema = z.strictObject({
  ...header("forecast"),
  /** what the users column counts: peak DAU (the mainland's lists) or MAU (abroad) */
  users: z.enum(["dau", "mau"]),
  months: z.array(ForecastMonthSchema),
  total: Amount,
  average: Amount,
  notes: z.array(FindingSchema),
  calendar: z.array(
    z.strictObject({
      date: z.string(),
      month: z.int(),
      kind: z.enum(["prepaid", "postpaid"]),
      lines: z.array(z.string()),
      amount: Amount,
      labels: z.array(z.string()),
    }),
  ),
  /** which prices made the months, in words: one set where they share them, else a set per provenance */
  prices: z.array(z.string()),
});
export type ForecastReport = z.infer<typeof ForecastReportSchema>;
