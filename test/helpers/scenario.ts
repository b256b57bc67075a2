import { seedCatalog } from "./seed.js";
import { fixedPrices, type PriceSettings } from "../../src/catalog/choose.js";
import { priceScenario } from "../../src/calculator/estimate.js";
import type { Bill } from "../../src/calculator/bill.js";
import type { Estimate } from "../../src/calculator/types.js";
import type { EstimateReport } from "../../src/report/estimate.js";
import { estimateReport } from "../../src/render/describe.js";
import type { Lang } from "../../src/i18n/lang.js";
import { validateScenario } from "../../src/scenario/validate.js";

/** A day the seed list (tencent-im-cn-2020) was in effect: unit tests price with it, so that their figures never move. */
export const SEED_DAY = "2023-06-01";
/** The day the tests' runs are made, where a run in-process is told it: how old a list's check is counts to it. */
export const RUN_DAY = "2026-12-04";

/** The seed list, chosen as --catalog would, on a day it was in effect. */
export const seedPrices = () => fixedPrices(seedCatalog, { day: SEED_DAY, today: RUN_DAY, surface: "cli" });

/** Run settings that price every scenario with the seed list (a pin loses to it, as to --catalog). */
export const seedSettings = (): PriceSettings => ({
  day: SEED_DAY,
  today: RUN_DAY,
  surface: "cli",
  explicit: { catalog: seedCatalog, by: "--catalog" },
});

/** Price a scenario document (the file format) with the seed list: the calculator's bill. */
export function bill(document: unknown): Bill {
  const scenario = validateScenario(document, { catalog: seedCatalog, source: "test" });
  return priceScenario(scenario, seedPrices());
}

/** The same, described: the estimate as `--format json` prints it. */
export const price = (document: unknown, lang: Lang = "en"): EstimateReport => estimateReport(bill(document), lang);

/** The amount of one line, or undefined when the estimate has no such line. */
export const amountOf = (estimate: Estimate | Bill, id: string) =>
  estimate.lines.find((line) => line.id === id)?.amount;

export const codes = (estimate: Estimate | Bill) => estimate.violations.map((violation) => violation.code);

/** The keys of an estimate, in the order `--format json` prints them. */
export const ESTIMATE_KEYS = [
  "version",
  "name",
  "plan",
  "planName",
  "currency",
  "catalog",
  "pricing",
  "lines",
  "subtotals",
  "total",
  "violations",
  "notes",
  "certainty",
];
