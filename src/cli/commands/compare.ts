// `im-bill compare`: the same usage and needs on every edition, and which to buy.
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import type { CommandContext } from "../context.js";
import { formatRow, OUTPUT_ROW, reportTarget, writeReportOf } from "../report.js";
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { defineCommand } from "../spec.js";
import { formatsOf } from "../../render/formats.js";
import { FILE_ARGUMENT, readScenario, SCENARIO_OPTIONS, scenarioFile, type ScenarioFlags } from "../scenario-input.js";
import { PRICE_OPTIONS, pricingFor, type PriceFlags } from "../shared-options.js";

const COMPARE_OPTIONS = optionTable({ format: formatRow("compare"), output: OUTPUT_ROW });

type CompareFlags = ScenarioFlags & PriceFlags & FlagsOf<typeof COMPARE_OPTIONS>;

export const COMPARE = defineCommand<CompareFlags>()({
  name: "compare",
  description: (h) => h.compare.description,
  arguments: [FILE_ARGUMENT],
  options: [...SCENARIO_OPTIONS, ...PRICE_OPTIONS, ...rowsOf(COMPARE_OPTIONS)],
  after: (h) => examplesText(h, h.compare.examples, h.compare.footer),
  run: async ({ args: [file], flags, source }, context: CommandContext) => {
    const { io } = context;
    const target = reportTarget(source, flags, formatsOf("compare"), context, "table");
    const { settings, lang } = await pricingFor(flags, context);
    // The plan does not matter here, so it may be left out.
    const { scenario, prices } = await readScenario(scenarioFile(file, flags, "compare"), flags, {
      io,
      settings,
      anyPlan: true,
    });
    const { compareEditions } = await import("../../advisor/compare.js");
    const comparison = compareEditions(scenario, prices);
    await writeReportOf("compare", comparison, target, context, { lang });
    return EXIT_OK;
  },
});
