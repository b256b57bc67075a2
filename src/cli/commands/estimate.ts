// `im-bill estimate`: a scenario from --file and/or flags, priced and rendered.
import { Command, Option } from "commander";
import { priceScenario } from "../../calculator/estimate.js";
import { EXIT_CHECK_FAILED, EXIT_OK, UserError } from "../../errors.js";
import { messages } from "../../i18n/messages.js";
import { renderJson } from "../../render/json.js";
import { loadDocument } from "../../scenario/load.js";
import { validateScenario } from "../../scenario/validate.js";
import { SCENARIO_FLAGS, applyScenarioFlags, flagForPath, flagParser } from "../scenario-flags.js";
import type { CommandContext } from "../context.js";
import { addLangOption, addPricingOption, catalogFor, parseAmount, parsePercent } from "../shared-options.js";
import { Money } from "../../calculator/decimal.js";
import { formatMoney } from "../../util/format.js";

interface EstimateFlags extends Record<string, unknown> {
  file?: string;
  format: "table" | "json";
  strict?: boolean;
  pricing?: string;
  discount?: string;
  maxTotal?: string;
}

const EXAMPLES = `
Examples:
  $ im-bill estimate --plan pro --dau 25000
  $ im-bill estimate --plan flagship --dau 80k --live-groups 200 --bandwidth-mainland 100
  $ im-bill estimate examples/live-streaming-flagship.json --format json
  $ im-bill estimate --file app.yaml --dau 40000        (flags override the file)
  $ im-bill estimate --plan pro --dau 25k --pricing our-prices.yaml --discount 15%
  $ cat scenario.json | im-bill estimate --file - --strict
  $ im-bill estimate app.yaml --max-total 6000          (exit 1 above the budget)
`;

export function estimateCommand(context: CommandContext): Command {
  const command = new Command("estimate")
    .description("estimate the monthly bill of one scenario")
    .argument("[file]", "scenario file, the same as --file")
    .option("-f, --file <path>", "scenario file, JSON or YAML (- reads stdin)");
  for (const flag of SCENARIO_FLAGS) {
    const parser = flagParser(flag);
    command.addOption(
      parser ? new Option(flag.flags, flag.description).argParser(parser) : new Option(flag.flags, flag.description),
    );
  }
  addPricingOption(command).option(
    "--discount <percent>",
    "a discount, e.g. 15%, on what the catalog discounts (package and add-ons by default)",
  );
  addLangOption(
    command.addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table")),
  );
  return command
    .option("--strict", "exit 1 when the edition cannot serve the scenario")
    .option("--max-total <amount>", "exit 1 when the total is above this budget, e.g. 6000")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string | undefined, flags: EstimateFlags) => {
      if (file !== undefined && flags.file !== undefined && file !== flags.file) {
        throw new UserError(`two scenario files given: ${file} and --file ${flags.file}; estimate prices one`);
      }
      context.setExitCode(await runEstimate({ ...flags, file: flags.file ?? file }, context));
    });
}

async function runEstimate(flags: EstimateFlags, context: CommandContext): Promise<number> {
  const { io } = context;
  const discountPercent = flags.discount === undefined ? undefined : parsePercent("--discount", flags.discount);
  const maxTotal = flags.maxTotal === undefined ? undefined : parseAmount("--max-total", flags.maxTotal);
  const catalog = await catalogFor(flags.pricing, io);
  const lang = context.lang(flags.lang);
  const file = flags.file === undefined ? undefined : await loadDocument(flags.file, io);
  const { document, flagByPath } = applyScenarioFlags(file ? file.data : {}, flags);
  const scenario = validateScenario(document, {
    catalog,
    source: file?.source ?? "",
    // Without a file every field comes from a flag, a missing --plan included.
    describePath: (path) => {
      const field = path.replace(/\[\d+\]$/, ""); // an item of a list flag (--addon) is the flag
      const flag = flagByPath.get(field) ?? (file ? undefined : flagForPath(field));
      return flag ? { source: "", path: flag } : undefined;
    },
  });
  const estimate = priceScenario(scenario, catalog, { lang, discountPercent });
  if (flags.format === "json") {
    io.stdout.write(renderJson(estimate));
  } else {
    const { renderTable } = await import("../../render/table.js");
    io.stdout.write(
      renderTable(estimate, { lang, catalog, styles: context.styles(io.stdout), width: io.stdout.columns }),
    );
  }
  if (maxTotal !== undefined && new Money(estimate.total).greaterThan(maxTotal)) {
    const money = (amount: string) => formatMoney(amount, estimate.currency);
    context.error(messages[lang].overBudget(money(estimate.total), money(maxTotal)));
    return EXIT_CHECK_FAILED;
  }
  if (flags.strict && estimate.violations.length > 0) {
    const edition = catalog.editions[estimate.plan].name[lang];
    context.error(messages[lang].strictFailed(edition, estimate.violations.length));
    return EXIT_CHECK_FAILED;
  }
  return EXIT_OK;
}
