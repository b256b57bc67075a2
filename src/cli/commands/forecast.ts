// `im-bill forecast`: the months ahead, as usage grows.
import { Command, Option } from "commander";
import { parseDate } from "../../advisor/calendar.js";
import { catalogOn } from "../../catalog/index.js";
import { EXIT_OK, say, UserError } from "../../errors.js";
import type { CommandContext } from "../context.js";
import { addScenarioOptions, readScenario, scenarioFile, type ScenarioFlags } from "../scenario-input.js";
import { addLangOption, addPricingOption, catalogFor, type CatalogFlags } from "../shared-options.js";

interface ForecastFlags extends ScenarioFlags, CatalogFlags {
  months: string;
  start?: string;
  dauGrowth: string;
  groupsGrowth: string;
  bandwidthGrowth: string;
  autoPlan?: boolean;
  chart?: boolean;
  format: "table" | "json" | "csv";
  lang?: string;
}

const EXAMPLES = `
Examples:
  $ im-bill forecast --file app.json --months 12 --dau-growth 8% --groups-growth 3%
  $ im-bill forecast app.json --months 36 --dau-growth 5% --auto-plan --start 2026-12-15
  $ im-bill forecast app.json --months 12 --dau-growth 10% --format csv > forecast.csv

Month 1 is the scenario; each later month compounds each growth rate (users and groups
rounded up). --auto-plan takes the cheapest edition that fits each month, never going
back to Trial once left. With --start (the purchase day T) the billing calendar lists
each charge: prepaid items on the first day of each package period (T to T-1 of the
next month; in a month without day T, its last day), postpaid items on the 3rd of the
month after their calendar month.`;

export function forecastCommand(context: CommandContext): Command {
  const command = addScenarioOptions(
    new Command("forecast").description("forecast the bill month by month as usage grows"),
  );
  addPricingOption(command);
  addLangOption(command);
  return command
    .option("--months <n>", "how many months, 1–120", "12")
    .option("--start <date>", "the purchase day, YYYY-MM-DD: dates the months and lists the billing calendar")
    .option("--dau-growth <percent>", "peak DAU growth per month, e.g. 8%", "0%")
    .option("--groups-growth <percent>", "peak group count growth per month", "0%")
    .option("--bandwidth-growth <percent>", "danmaku bandwidth growth per month", "0%")
    .option("--auto-plan", "the cheapest edition that fits, month by month")
    .option("--chart", "a chart of the monthly totals (shown by default on a terminal)")
    .option("--no-chart", "no chart")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .addHelpText("after", EXAMPLES)
    .action(async (file: string | undefined, flags: ForecastFlags) => {
      const { io } = context;
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
        groups: parseGrowth("--groups-growth", flags.groupsGrowth),
        bandwidth: parseGrowth("--bandwidth-growth", flags.bandwidthGrowth),
      };
      const choice = await catalogFor(flags, io);
      const lang = context.lang(flags.lang);
      const { scenario, catalog } = await readScenario(scenarioFile(file, flags, "forecast"), flags, { io, choice });
      const { forecast } = await import("../../advisor/forecast.js");
      // With a start date, each month has the prices of its dates, unless a flag or the scenario fixed a list.
      const fixed = choice.chosen || scenario.catalog !== null;
      const result = forecast(scenario, catalog, {
        lang,
        months,
        growth,
        autoPlan: Boolean(flags.autoPlan),
        start,
        asOf: choice.asOf,
        ...(fixed ? {} : { catalogOn }),
      });
      const render = await import("../../render/forecast.js");
      if (flags.format === "json") io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (flags.format === "csv") io.stdout.write(render.renderForecastCsv(result));
      else {
        const chart = flags.chart ?? Boolean(io.stdout.isTTY);
        const plot = chart ? (await import("asciichart")).plot : undefined;
        io.stdout.write(
          render.renderForecastTable(result, catalog, lang, {
            styles: context.styles(io.stdout),
            width: context.width,
            plot,
          }),
        );
      }
      context.setExitCode(EXIT_OK);
    });
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
