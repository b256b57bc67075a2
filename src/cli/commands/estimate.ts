// `im-bill estimate`: a scenario from --file and/or flags, priced and rendered.
import { priceScenario } from "../../calculator/estimate.js";
import { EXIT_CHECK_FAILED, EXIT_OK, say, UserError } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import { FILE_ARGUMENT, readScenario, SCENARIO_OPTIONS, scenarioFile, type ScenarioFlags } from "../scenario-input.js";
import type { CommandContext } from "../context.js";
import {
  DISCOUNT_OPTION,
  PRICING_OPTIONS,
  LANG_OPTION,
  parseAmount,
  headroomRow,
  pricingFor,
  type CatalogFlags,
  type DiscountFlags,
} from "../shared-options.js";
import { Money } from "../../util/money.js";
import type { PriceSettings } from "../../catalog/choose.js";
import type { Lang } from "../../i18n/lang.js";
import type { Scenario } from "../../scenario/types.js";
import type { Bill } from "../../calculator/bill.js";
import { formatRow, OUTPUT_ROW, reportTarget, writeReportOf, type ReportTarget } from "../report.js";
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { defineCommand } from "../spec.js";
import { formatsOf, sayings } from "../../render/formats.js";
import { formatMoney } from "../../util/format.js";
import { parseDate } from "../../util/calendar.js";

/** An estimate's formats (a usage file's report has the same ones). */
const FORMATS = formatsOf("estimate");

/** The estimate's own options, after the scenario's and the prices' (in --help's order). */
const ESTIMATE_OPTIONS = optionTable({
  format: formatRow("estimate"),
  lang: LANG_OPTION.lang,
  output: OUTPUT_ROW,
  strict: { flags: "--strict", help: (h) => h.estimate.strict },
  maxTotal: { flags: "--max-total <amount>", help: (h) => h.estimate.maxTotal },
  usageCsv: { flags: "--usage-csv <file>", help: (h) => h.estimate.usageCsv },
  month: { flags: "--month <month>", help: (h) => h.estimate.month },
  headroom: headroomRow((h) => h.estimate.headroom),
  explain: { flags: "--no-explain", help: (h) => h.estimate.noExplain },
  interactive: { flags: "-i, --interactive", help: (h) => h.estimate.interactive },
});

type EstimateFlags = ScenarioFlags & CatalogFlags & DiscountFlags & FlagsOf<typeof ESTIMATE_OPTIONS>;

export const ESTIMATE = defineCommand<EstimateFlags>()({
  name: "estimate",
  description: (h) => h.estimate.description,
  arguments: [FILE_ARGUMENT],
  options: [...SCENARIO_OPTIONS, ...rowsOf(PRICING_OPTIONS, DISCOUNT_OPTION, ESTIMATE_OPTIONS)],
  after: (h) => examplesText(h, h.estimate.examples, h.estimate.footer),
  run: async ({ args: [file], flags, source }, context) => {
    const target = reportTarget(source, flags, FORMATS, context, "table");
    return runEstimate({ ...flags, file: scenarioFile(file, flags, "estimate") }, target, context);
  },
});

async function runEstimate(
  flags: EstimateFlags,
  target: ReportTarget<string>,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const maxTotal = flags.maxTotal === undefined ? undefined : parseAmount("--max-total", flags.maxTotal);
  if (flags.month !== undefined && flags.usageCsv === undefined) throw new UserError(say((t) => t.flags.monthWithout));
  if (flags.usageCsv !== undefined) {
    // The file gives each month's peaks: a flag for them would be ignored, so it is refused.
    const clash = (
      [
        ["dau", "--dau"],
        ["groups", "--groups"],
        ["interactive", "--interactive"],
      ] as const
    ).find(([key]) => flags[key] !== undefined);
    if (clash) throw new UserError(say((t) => t.flags.usageCsvWith(clash[1])));
  }
  const { settings, lang } = await pricingFor(flags, context);
  if (flags.interactive) {
    const { startInteractive } = await import("../interactive.js");
    let verdict = EXIT_OK;
    await startInteractive(flags, context, {
      settings,
      lang,
      // The estimate after the questions goes where and as the flags say.
      present: async (bill) => {
        await writeReportOf("estimate", bill, target, context, { lang, explain: flags.explain });
        verdict = await verdictOf(bill, flags, maxTotal, lang, context);
      },
      offerCompare: target.format === "table" && target.output === undefined,
    });
    return verdict;
  }
  // On a terminal, a missing edition points at the questions that would ask for it.
  if (flags.file === undefined && flags.plan === undefined && io.stdin.isTTY && io.stdout.isTTY)
    throw new UserError(say((t) => t.planOrQuestions));
  const { scenario, prices } = await readScenario(flags.file, flags, { io, settings });
  // Each month of a usage file is priced as of its first day.
  if (flags.usageCsv !== undefined) return runUsage(flags.usageCsv, scenario, flags, target, context, settings, lang);
  const bill = priceScenario(scenario, prices);
  await writeReportOf("estimate", bill, target, context, { lang, explain: flags.explain });
  return verdictOf(bill, flags, maxTotal, lang, context);
}

/** 1 when a check of the flags fails (the budget, --strict), said on stderr; else 0. */
async function verdictOf(
  bill: Bill,
  flags: EstimateFlags,
  maxTotal: string | undefined,
  lang: Lang,
  context: CommandContext,
): Promise<number> {
  if (maxTotal !== undefined && new Money(bill.total).greaterThan(maxTotal)) {
    const money = (amount: string) => formatMoney(amount, bill.prices.catalog.currency);
    context.error(messages[lang].overBudget(money(bill.total), money(maxTotal)));
    return EXIT_CHECK_FAILED;
  }
  if (flags.strict && bill.violations.length > 0) {
    const { planName } = await sayings.describe();
    context.error(messages[lang].strictFailed(planName(bill.prices.catalog, bill.plan, lang), bill.violations.length));
    return EXIT_CHECK_FAILED;
  }
  return headroomVerdict(bill, flags, lang, context);
}

/** --headroom: 1 when a metric is within that share of its next block, each said on stderr. */
async function headroomVerdict(bill: Bill, flags: EstimateFlags, lang: Lang, context: CommandContext): Promise<number> {
  if (flags.headroom === undefined) return EXIT_OK;
  const { nearSteps } = await import("../../check/expectations.js");
  const near = nearSteps(bill.headroom, flags.headroom);
  const { nearStepText } = await sayings.check();
  const money = (amount: string) => formatMoney(amount, bill.prices.catalog.currency);
  for (const each of near) context.error(nearStepText(each, flags.headroom, money, lang));
  return near.length > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}

/** --usage-csv: an estimate per calendar month of real daily usage. */
async function runUsage(
  path: string,
  scenario: Scenario,
  flags: EstimateFlags,
  target: ReportTarget<string>,
  context: CommandContext,
  settings: PriceSettings,
  lang: Lang,
): Promise<number> {
  const { io } = context;
  const { readText } = await import("../../document/read.js");
  const { monthlyUsage } = await import("../../scenario/usage-csv.js");
  const { priceMonths } = await import("../../advisor/usage.js");
  const source = path === "-" ? "stdin" : path;
  const all = monthlyUsage(await readText(path, io), source);
  // --month, else the month of the day priced when the file reaches it: the month so far.
  const current = settings.day.slice(0, 7);
  const month = flags.month === undefined ? undefined : parseMonth(flags.month);
  const selected = month ?? (all.some((each) => each.month === current) ? current : undefined);
  const months = selected === undefined ? all : all.filter((each) => each.month === selected);
  if (months.length === 0) {
    const [first, last] = [all[0]!.month, all[all.length - 1]!.month];
    throw new UserError(say((t) => `--month: ${t.usage.noSuchMonth(selected!, source, first, last)}`));
  }
  const bill = priceMonths(
    scenario,
    months,
    settings,
    source,
    selected !== undefined && selected >= current ? selected : undefined,
  );
  await writeReportOf("usage", bill, target, context, { lang, explain: flags.explain });
  const violating = bill.months.filter((each) => each.bill.violations.length > 0).length;
  if (flags.strict && violating > 0) {
    context.error(messages[lang].strictMonths(violating, bill.months.length));
    return EXIT_CHECK_FAILED;
  }
  // --headroom holds the latest month (the month so far) to the next step.
  const latest = bill.months[bill.months.length - 1];
  return latest ? headroomVerdict(latest.bill, flags, lang, context) : EXIT_OK;
}

/** "2026-11" as given to --month; anything else is a usage error. */
function parseMonth(text: string): string {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}$/.test(trimmed) && parseDate(`${trimmed}-01`)) return trimmed;
  const got = JSON.stringify(text);
  throw new UserError(say((t) => `--month: ${t.flags.month(got)}`));
}
