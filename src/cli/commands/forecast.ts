// `im-bill forecast`: the months ahead, as usage grows.
import { parseDate } from "../../util/calendar.js";
import { billedUsages, measures } from "../../catalog/index.js";
import type { Catalog } from "../../catalog/schema.js";
import { EXIT_OK, say, UserError } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import type { CommandContext } from "../context.js";
import { formatRow, OUTPUT_ROW, reportTarget, writeReportOf } from "../report.js";
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { defineCommand } from "../spec.js";
import { formatsOf } from "../../render/formats.js";
import { FILE_ARGUMENT, readScenario, SCENARIO_OPTIONS, scenarioFile, type ScenarioFlags } from "../scenario-input.js";
import { PRICE_OPTIONS, pricingFor, type PriceFlags } from "../shared-options.js";

const FORECAST_OPTIONS = optionTable({
  months: { flags: "--months <n>", help: (h) => h.forecast.months, default: "12" },
  start: { flags: "--start <date>", help: (h) => h.forecast.start },
  dauGrowth: { flags: "--dau-growth <percent>", help: (h) => h.forecast.dauGrowth, default: "0%" },
  mauGrowth: { flags: "--mau-growth <percent>", help: (h) => h.forecast.mauGrowth, default: "0%" },
  groupsGrowth: { flags: "--groups-growth <percent>", help: (h) => h.forecast.groupsGrowth, default: "0%" },
  bandwidthGrowth: { flags: "--bandwidth-growth <percent>", help: (h) => h.forecast.bandwidthGrowth, default: "0%" },
  autoPlan: { flags: "--auto-plan", help: (h) => h.forecast.autoPlan },
  chart: { flags: "--chart", help: (h) => h.forecast.chart },
  noChart: { flags: "--no-chart", help: (h) => h.forecast.noChart },
  format: formatRow("forecast"),
  output: OUTPUT_ROW,
});

type ForecastFlags = ScenarioFlags & PriceFlags & FlagsOf<typeof FORECAST_OPTIONS>;

export const FORECAST = defineCommand<ForecastFlags>()({
  name: "forecast",
  description: (h) => h.forecast.description,
  arguments: [FILE_ARGUMENT],
  options: [...SCENARIO_OPTIONS, ...PRICE_OPTIONS, ...rowsOf(FORECAST_OPTIONS)],
  after: (h) => examplesText(h, h.forecast.examples, h.forecast.footer),
  run: async ({ args: [file], flags, source }, context: CommandContext) => {
    const { io } = context;
    const target = reportTarget(source, flags, formatsOf("forecast"), context, "table");
    const months = Number(flags.months);
    if (!Number.isInteger(months) || months < 1 || months > 120) {
      const got = JSON.stringify(flags.months);
      throw new UserError(say((t) => `--months: ${t.flags.months(got)}`));
    }
    const start = flags.start === undefined ? undefined : parseDate(flags.start);
    if (flags.start !== undefined && !start) {
      const got = JSON.stringify(flags.start);
      throw new UserError(say((t) => `--start: ${t.flags.date(got)}`));
    }
    const growth = {
      dau: parseGrowth("--dau-growth", flags.dauGrowth),
      mau: parseGrowth("--mau-growth", flags.mauGrowth),
      groups: parseGrowth("--groups-growth", flags.groupsGrowth),
      bandwidth: parseGrowth("--bandwidth-growth", flags.bandwidthGrowth),
    };
    const { settings, lang } = await pricingFor(flags, context);
    const { scenario } = await readScenario(scenarioFile(file, flags, "forecast"), flags, { io, settings });
    const { forecast } = await import("../../advisor/forecast.js");
    // With a start date, each month has the prices of its dates, unless a flag, the scenario or the config chose a list.
    const result = forecast(scenario, { settings, months, growth, autoPlan: Boolean(flags.autoPlan), start });
    checkGrowthMeasured(
      growth,
      result.months.map(({ bill }) => bill.prices.catalog),
    );
    // The chart of the months: on a terminal, unless --no-chart; in a file, with --chart.
    await writeReportOf("forecast", result, target, context, { lang, chart: flags.chart ?? target.terminal });
    return EXIT_OK;
  },
});

/** Each usage a growth flag grows, and the flag. */
const GROWTH_FLAGS = { peakDau: "--dau-growth", peakGroups: "--groups-growth", mau: "--mau-growth" } as const;

/**
 * A growth rate for a metric no month's list bills or limits (--dau-growth on an MAU
 * list) would change nothing: refused, as `estimate --dau` is on such a list.
 */
function checkGrowthMeasured(
  growth: Record<"dau" | "mau" | "groups" | "bandwidth", string>,
  catalogs: readonly Catalog[],
): void {
  const rates = { peakDau: growth.dau, peakGroups: growth.groups, mau: growth.mau };
  for (const [usage, rate] of Object.entries(rates) as [keyof typeof rates, string][]) {
    if (Number(rate) === 0 || catalogs.some((catalog) => measures(catalog, usage))) continue;
    const catalog = catalogs[0]!;
    const list = catalog.id;
    const billed = billedUsages(catalog);
    const flag = GROWTH_FLAGS[usage];
    throw new UserError(
      say(
        (t) =>
          `${flag}: ${t.validation.notMeasured(
            list,
            t.needs[usage],
            billed.map((each) =>
              Object.hasOwn(GROWTH_FLAGS, each)
                ? `${t.needs[each]} (${GROWTH_FLAGS[each as keyof typeof GROWTH_FLAGS]})`
                : t.needs[each],
            ),
          )}`,
      ),
    );
  }
}

/** "8%", "8", "-2.5%" → "8", "-2.5" (percent per month, above −100, at most 1,000). */
function parseGrowth(flag: string, text: string): string {
  const match = /^\s*(-?\d{1,4}(?:\.\d{1,4})?)\s*%?\s*$/.exec(text);
  if (!match || Number(match[1]) <= -100 || Number(match[1]) > 1000) {
    const got = JSON.stringify(text);
    throw new UserError(say((t) => `${flag}: ${t.flags.growth(got)}`));
  }
  return match[1]!;
}
