// `im-bill estimate`: a scenario from --file and/or flags, priced and rendered.
import { Command, Option } from "commander";
import { priceScenario } from "../../calculator/estimate.js";
import { EXIT_CHECK_FAILED, EXIT_OK, say, UserError } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import { renderJson } from "../../render/json.js";
import { addScenarioOptions, readScenario, scenarioFile } from "../scenario-input.js";
import type { CommandContext } from "../context.js";
import {
  addDiscountOption,
  addLangOption,
  addPricingOption,
  catalogFor,
  parseAmount,
  type CatalogFlags,
} from "../shared-options.js";
import { Money } from "../../calculator/decimal.js";
import type { Catalog } from "../../catalog/schema.js";
import { catalogOn } from "../../catalog/index.js";
import type { Lang } from "../../i18n/lang.js";
import type { Scenario } from "../../scenario/types.js";
import { formatMoney } from "../../util/format.js";

interface EstimateFlags extends Record<string, unknown>, CatalogFlags {
  file?: string;
  format: "table" | "json";
  strict?: boolean;
  discount?: string;
  maxTotal?: string;
  usageCsv?: string;
  interactive?: boolean;
  explain?: boolean;
}

export function estimateCommand(context: CommandContext): Command {
  const h = context.help;
  const command = addScenarioOptions(new Command("estimate").description(h.estimate.description), h);
  addDiscountOption(addPricingOption(command, h), h);
  addLangOption(
    command.addOption(new Option("--format <format>", h.format).choices(["table", "json"]).default("table")),
    h,
  );
  return command
    .option("--strict", h.estimate.strict)
    .option("--max-total <amount>", h.estimate.maxTotal)
    .option("--usage-csv <file>", h.estimate.usageCsv)
    .option("--no-explain", h.estimate.noExplain)
    .option("-i, --interactive", h.estimate.interactive)
    .addHelpText("after", examplesText(h, h.estimate.examples, h.estimate.footer))
    .action(async (file: string | undefined, flags: EstimateFlags) => {
      context.setExitCode(await runEstimate({ ...flags, file: scenarioFile(file, flags, "estimate") }, context));
    });
}

async function runEstimate(flags: EstimateFlags, context: CommandContext): Promise<number> {
  const { io } = context;
  const discountPercent = flags.discount;
  const maxTotal = flags.maxTotal === undefined ? undefined : parseAmount("--max-total", flags.maxTotal);
  const choice = await catalogFor(flags, io);
  const lang = context.lang(flags.lang);
  if (flags.interactive) {
    const { startInteractive } = await import("../interactive.js");
    await startInteractive(flags, context, { choice, lang, asOf: choice.asOf });
    return EXIT_OK;
  }
  // On a terminal, a missing edition points at the questions that would ask for it.
  if (flags.file === undefined && flags.plan === undefined && io.stdin.isTTY && io.stdout.isTTY)
    throw new UserError(say((t) => t.planOrQuestions));
  const { scenario, catalog } = await readScenario(flags.file, flags, { io, choice });
  if (flags.usageCsv !== undefined) {
    // Each month with the list in effect then, unless a flag or the scenario chose one.
    const fixed = choice.chosen || scenario.catalog !== null;
    const catalogOf = (day: string) => (fixed ? catalog : (catalogOn(day) ?? catalog));
    return runUsage(flags.usageCsv, scenario, flags, context, { catalogOf, lang, discountPercent });
  }
  const estimate = priceScenario(scenario, catalog, { lang, discountPercent, asOf: choice.asOf });
  if (flags.format === "json") {
    io.stdout.write(renderJson(estimate));
  } else {
    const { renderTable } = await import("../../render/table.js");
    io.stdout.write(
      renderTable(estimate, {
        lang,
        catalog,
        styles: context.styles(io.stdout),
        width: context.width,
        explain: flags.explain,
      }),
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

/** --usage-csv: an estimate per calendar month of real daily usage. */
async function runUsage(
  path: string,
  scenario: Scenario,
  flags: EstimateFlags,
  context: CommandContext,
  options: { catalogOf: (day: string) => Catalog; lang: Lang; discountPercent?: string },
): Promise<number> {
  const { io } = context;
  const { readText } = await import("../../document/read.js");
  const { monthlyUsage } = await import("../../scenario/usage-csv.js");
  const { priceMonths } = await import("../../advisor/usage.js");
  const months = monthlyUsage(await readText(path, io), path === "-" ? "stdin" : path);
  const estimates = priceMonths(scenario, months, options.catalogOf, {
    lang: options.lang,
    discountPercent: options.discountPercent,
  });
  if (flags.format === "json") {
    io.stdout.write(`${JSON.stringify(estimates, null, 2)}\n`);
  } else {
    const { renderTable } = await import("../../render/table.js");
    const styles = context.styles(io.stdout);
    io.stdout.write(
      estimates
        .map((estimate, index) =>
          renderTable(estimate, {
            lang: options.lang,
            catalog: options.catalogOf(`${months[index]!.month}-01`),
            styles,
            width: context.width,
            explain: flags.explain,
          }),
        )
        .join("\n"),
    );
  }
  const violating = estimates.filter((estimate) => estimate.violations.length > 0).length;
  if (flags.strict && violating > 0) {
    context.error(messages[options.lang].strictMonths(violating, estimates.length));
    return EXIT_CHECK_FAILED;
  }
  return EXIT_OK;
}
