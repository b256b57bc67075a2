// Each kind's model: what its JSON states and its other formats lay out.
import type { BatchReport } from "./batch.js";
import type { CheckReport } from "./check.js";
import type { CompareReport } from "./compare.js";
import type { DiffReport } from "./diff.js";
import type { EstimateReport } from "./estimate.js";
import type { ForecastReport } from "./forecast.js";
import type { ProjectReport } from "./project.js";
import type { UsageReport } from "./usage.js";

export interface Models {
  estimate: EstimateReport;
  usage: UsageReport;
  compare: CompareReport;
  forecast: ForecastReport;
  batch: BatchReport;
  check: CheckReport;
  diff: DiffReport;
  project: ProjectReport;
}
