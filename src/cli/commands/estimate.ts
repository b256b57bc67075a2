// `im-bill estimate`: a scenario from --file and/or flags, priced and rendered.
import { Command, Option } from "commander";
import { priceScenario } from "../../calculator/estimate.js";
import { EXIT_CHECK_FAILED, EXIT_OK } from "../../errors.js";
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

const EXAMPLES = `
Examples:
  $ im-bill estimate --plan pro --dau 25000
  $ im-bill estimate --plan flagship --dau 80k --live-groups 200 --bandwidth-mainland 100
  $ im-bill estimate examples/live-streaming-flagship.json --format json
  $ im-bill estimate --file app.yaml --dau 40000        (flags override the file)
  $ im-bill estimate --plan pro --dau 25k --pricing our-prices.yaml --discount 15%
  $ cat scenario.json | im-bill estimate --file - --strict
  $ im-bill estimate app.yaml --max-total 6000          (exit 1 above the budget)
  $ im-bill estimate --plan pro --usage-csv daily.csv   (real usage: a bill per month)
  $ im-bill estimate -i --plan pro                      (questions for the rest)
`;

export function estimateCommand(context: CommandContext): Command {
  const command = addScenarioOptions(new Command("estimate").description("estimate the monthly bill of one scenario"));
  addDiscountOption(addPricingOption(command));
  addLangOption(
    command.addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table")),
  );
  return command
    .option("--strict", "exit 1 when the edition cannot serve the scenario")
    .option("--max-total <amount>", "exit 1 when the total is above this budget, e.g. 6000")
    .option("--usage-csv <file>", "daily usage (date, dau, groups…): an estimate per calendar month")
    .option("--no-explain", "leave out each line's formula in the table")
    .option("-i, --interactive", "answer questions instead of giving flags (flags given become answers)")
    .addHelpText("after", EXAMPLES)
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
