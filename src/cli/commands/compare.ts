// `im-bill compare`: the same usage and needs on every edition, and which to buy.
import { Command } from "commander";
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import type { CommandContext } from "../context.js";
import { formatRow, OUTPUT_ROW, reportTarget, writeReportOf } from "../report.js";
import { addOptions, optionTable, type FlagsOf } from "../options.js";
import { formatsOf } from "../../render/formats.js";
import { addScenarioOptions, readScenario, scenarioFile, type ScenarioFlags } from "../scenario-input.js";
import { addPriceOptions, pricingFor, type PriceFlags } from "../shared-options.js";

const COMPARE_OPTIONS = optionTable({ format: formatRow("compare"), output: OUTPUT_ROW });

type CompareFlags = ScenarioFlags & PriceFlags & FlagsOf<typeof COMPARE_OPTIONS>;

export function compareCommand(context: CommandContext): Command {
  const h = context.help;
  const command = addScenarioOptions(new Command("compare").description(h.compare.description), h);
  addPriceOptions(command, h);
  return addOptions(command, COMPARE_OPTIONS, h)
    .addHelpText("after", examplesText(h, h.compare.examples, h.compare.footer))
    .action(async (file: string | undefined, flags: CompareFlags) => {
      const { io } = context;
      const target = reportTarget(command, flags, formatsOf("compare"), context, "table");
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
      context.setExitCode(EXIT_OK);
    });
}
