// `check` over records: each scenario priced and compared with its expectations.
import type { ScenarioRecord } from "../batch/records.js";
import { priceScenario, type PriceOptions } from "../calculator/estimate.js";
import type { Catalog } from "../catalog/schema.js";
import { InputError, UserError } from "../errors.js";
import { lineIds } from "../catalog/line-ids.js";
import { validateScenario } from "../scenario/validate.js";
import { checkExpectations, type Failure } from "./expectations.js";

export interface CheckResult {
  id: string;
  source: string;
  status: "passed" | "failed" | "no-expectations" | "invalid";
  total?: string;
  failures: Failure[];
  error?: string;
}

export function checkRecord(record: ScenarioRecord, catalog: Catalog, options: PriceOptions): CheckResult {
  const { id, source } = record;
  if (record.error !== undefined) return { id, source, status: "invalid", failures: [], error: record.error };
  try {
    const scenario = validateScenario(record.data, { catalog, source: "" });
    const estimate = priceScenario(scenario, catalog, options);
    const { status, failures } = checkExpectations(estimate, scenario.expect, lineIds(catalog));
    return { id, source, status, total: estimate.total, failures };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const message =
      error instanceof InputError
        ? error.problems.map((p) => [p.path, p.message].filter(Boolean).join(": ")).join("; ")
        : error.message;
    return { id, source, status: "invalid", failures: [], error: message };
  }
}

export interface CheckSummary {
  scenarios: number;
  passed: number;
  failed: number;
  noExpectations: number;
  invalid: number;
}

export function summarize(results: readonly CheckResult[]): CheckSummary {
  const count = (status: CheckResult["status"]) => results.filter((result) => result.status === status).length;
  return {
    scenarios: results.length,
    passed: count("passed"),
    failed: count("failed"),
    noExpectations: count("no-expectations"),
    invalid: count("invalid"),
  };
}
