// `im-bill compare`: the same usage and needs on every edition, and which to buy.
import { Command } from "commander";
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import type { CommandContext } from "../context.js";
import { formatOption, reportTarget, writeReport } from "../report.js";
import { addScenarioOptions, readScenario, scenarioFile, type ScenarioFlags } from "../scenario-input.js";
import { addPriceOptions, pricingFor, type PriceFlags } from "../shared-options.js";

const FORMATS = ["table", "json", "csv", "markdown", "html"] as const;

interface CompareFlags extends ScenarioFlags, PriceFlags {
  format: (typeof FORMATS)[number];
  output?: string;
}

export function compareCommand(context: CommandContext): Command {
  const h = context.help;
  const command = addScenarioOptions(new Command("compare").description(h.compare.description), h);
  addPriceOptions(command, h);
  return command
    .addOption(formatOption(h.format, FORMATS, "table"))
    .option("-o, --output <file>", h.output)
    .addHelpText("after", examplesText(h, h.compare.examples, h.compare.footer))
    .action(async (file: string | undefined, flags: CompareFlags) => {
      const { io } = context;
      const target = reportTarget(command, flags, FORMATS, context, "table");
      const { settings, lang } = await pricingFor(flags, context);
      // The plan does not matter here, so it may be left out.
      const { scenario, prices } = await readScenario(scenarioFile(file, flags, "compare"), flags, {
        io,
        settings,
        anyPlan: true,
      });
      const { compareEditions } = await import("../../advisor/compare.js");
      const comparison = compareEditions(scenario, prices);
      const render = await import("../../render/compare.js");
      const text =
        target.format === "json"
          ? `${JSON.stringify(render.describeComparison(comparison, lang), null, 2)}\n`
          : target.format === "markdown"
            ? render.renderCompareMarkdown(comparison, lang)
            : target.format === "csv"
              ? (await import("../../render/csv-reports.js")).renderCompareCsv(comparison, lang)
              : target.format === "html"
                ? (await import("../../render/html/reports.js")).compareHtml(comparison, lang)
                : render.renderCompareTable(comparison, lang, target.styles, target.width);
      await writeReport(text, target, context);
      context.setExitCode(EXIT_OK);
    });
}
