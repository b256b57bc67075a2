// `im-bill compare`: the same usage and needs on every edition, and which to buy.
import { Command, Option } from "commander";
import { EXIT_OK } from "../../errors.js";
import type { CommandContext } from "../context.js";
import { addScenarioOptions, readScenario, scenarioFile, type ScenarioFlags } from "../scenario-input.js";
import {
  addDiscountOption,
  addLangOption,
  addPricingOption,
  catalogFor,
  type CatalogFlags,
} from "../shared-options.js";

interface CompareFlags extends ScenarioFlags, CatalogFlags {
  format: "table" | "json" | "markdown";
  discount?: string;
  lang?: string;
}

const EXAMPLES = `
Examples:
  $ im-bill compare --dau 25000 --live-groups 60 --group-member-limit 2000 --history-days 30
  $ im-bill compare examples/community-large-groups.yaml --format markdown

The plan of a file or --plan is ignored: every edition is priced. The recommendation is
the cheapest edition that fits; at the same price, the one that includes more.`;

export function compareCommand(context: CommandContext): Command {
  const command = addScenarioOptions(
    new Command("compare").description("price the same usage and needs on every edition, and recommend one"),
  );
  addDiscountOption(addPricingOption(command));
  addLangOption(command);
  return command
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "markdown"]).default("table"))
    .addHelpText("after", EXAMPLES)
    .action(async (file: string | undefined, flags: CompareFlags) => {
      const { io } = context;
      const choice = await catalogFor(flags, io);
      const lang = context.lang(flags.lang);
      // The plan does not matter here, so it may be left out.
      const { scenario, catalog } = await readScenario(
        scenarioFile(file, flags, "compare"),
        { ...flags, plan: flags.plan ?? "pro" },
        { io, choice },
      );
      const { compareEditions } = await import("../../advisor/compare.js");
      const comparison = compareEditions(scenario, catalog, {
        lang,
        discountPercent: flags.discount,
        asOf: choice.asOf,
      });
      const render = await import("../../render/compare.js");
      io.stdout.write(
        flags.format === "json"
          ? `${JSON.stringify(comparison, null, 2)}\n`
          : flags.format === "markdown"
            ? render.renderCompareMarkdown(comparison, catalog, lang)
            : render.renderCompareTable(comparison, catalog, lang, context.styles(io.stdout), context.width),
      );
      context.setExitCode(EXIT_OK);
    });
}
