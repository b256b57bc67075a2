// Each kind of report's schema: what `im-bill schema <kind>` prints and what
// `im-bill render` reads a saved report with.
import type * as z from "zod/mini";
import { BatchReportSchema } from "./batch.js";
import { CheckReportSchema } from "./check.js";
import { CompareReportSchema } from "./compare.js";
import { DiffReportSchema } from "./diff.js";
import { EstimateReportSchema } from "./estimate.js";
import { ForecastReportSchema } from "./forecast.js";
import type { ModelKind } from "./kinds.js";
import { ProjectReportSchema } from "./project.js";
import { UsageReportSchema } from "./usage.js";

export const REPORT_SCHEMAS = {
  estimate: EstimateReportSchema,
  usage: UsageReportSchema,
  compare: CompareReportSchema,
  forecast: ForecastReportSchema,
  batch: BatchReportSchema,
  check: CheckReportSchema,
  diff: DiffReportSchema,
  project: ProjectReportSchema,
} as const satisfies Record<ModelKind, z.ZodMiniType>;

/** What a command prints, by kind, for a JSON Schema's title and description. */
export const REPORT_COMMANDS: Record<ModelKind, string> = {
  estimate: "im-bill estimate --format json",
  usage: "im-bill estimate --usage-csv <file> --format json",
  compare: "im-bill compare --format json",
  forecast: "im-bill forecast --format json",
  batch: "im-bill batch <paths…> --format json",
  check: "im-bill check --format json",
  diff: "im-bill diff <before> <after> --format json",
  project: "im-bill diff --base <ref> --format json",
};
