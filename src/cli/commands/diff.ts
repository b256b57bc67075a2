// `im-bill diff <before> <after>`: what changed between two scenarios' bills (or two
// saved estimates), for a pull request.
import { Command, Option } from "commander";
import { priceScenario } from "../../calculator/estimate.js";
import { choosePrices, pinOf, type PriceSettings } from "../../catalog/choose.js";
import { EXIT_CHECK_FAILED, EXIT_OK, InputError, say, UserError } from "../../errors.js";
import { readDocument } from "../../document/read.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import { validateScenario } from "../../scenario/validate.js";
import { convert, parseRate, verifyEstimate, type Rate } from "../../diff/verify.js";
import { Money } from "../../util/money.js";
import type { DiffInput, Threshold } from "../../diff/diff.js";
import type { Lang } from "../../i18n/lang.js";
import type { CommandContext } from "../context.js";
import type { Io } from "../io.js";
import { addPriceOptions, pricingFor, type PriceFlags } from "../shared-options.js";

interface DiffFlags extends PriceFlags {
  format: "table" | "json" | "markdown";
  failAbove?: string;
  title?: string;
  rate?: string;
}

export function diffCommand(context: CommandContext): Command {
  const h = context.help;
  const command = new Command("diff")
    .description(h.diff.description)
    .argument("<before>", h.diff.before)
    .argument("<after>", h.diff.after)
    .addOption(new Option("--format <format>", h.format).choices(["table", "json", "markdown"]).default("table"))
    .option("--fail-above <amount|percent>", h.diff.failAbove)
    .option("--title <text>", h.diff.title)
    .option("--rate <from:to=rate>", h.diff.rate);
  addPriceOptions(command, h);
  return command
    .addHelpText("after", examplesText(h, h.diff.examples, h.diff.footer))
    .action(async (before: string, after: string, flags: DiffFlags) => {
      const threshold = flags.failAbove === undefined ? undefined : parseThreshold(flags.failAbove);
      const rate = flags.rate === undefined ? undefined : parseRate(flags.rate);
      if (flags.rate !== undefined && !rate) {
        const got = JSON.stringify(flags.rate);
        throw new UserError(say((t) => `--rate: ${t.diff.rateFormat(got)}`));
      }
      // Both sides priced alike: the same flags, config and discount; each with its own pin.
      const { settings, lang } = await pricingFor(flags, context);
      const old = await estimateOf(before, context.io, settings, lang);
      const now = await estimateOf(after, context.io, settings, lang);
      const { diffEstimates, risesAbove } = await import("../../diff/diff.js");
      const diff = diffEstimates(inCurrency(old, now.currency, rate, before, after), now);
      const render = await import("../../render/diff.js");
      context.io.stdout.write(
        flags.format === "json"
          ? render.renderDiffJson(diff)
          : flags.format === "markdown"
            ? render.renderDiffMarkdown(diff, flags.title, lang)
            : render.renderDiffTable(diff, context.styles(context.io.stdout), lang, context.width),
      );
      if (threshold && risesAbove(diff, threshold)) {
        const percent = diff.total.percent;
        context.error(messages[lang].diff.risesAbove(diff.total.change, percent, flags.failAbove!));
        return context.setExitCode(EXIT_CHECK_FAILED);
      }
      context.setExitCode(EXIT_OK);
    });
}

export function parseThreshold(text: string): Threshold {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text.replace(/,/g, ""));
  if (!match) {
    const got = JSON.stringify(text);
    throw new UserError(say((t) => `--fail-above: ${t.diff.threshold(got)}`));
  }
  return { kind: match[2] ? "percent" : "amount", value: new Money(match[1]!) };
}

/**
 * A saved estimate, checked (its shape, and that it adds up), or a scenario priced now
 * with the run's settings and its own pin.
 */
async function estimateOf(path: string, io: Io, settings: PriceSettings, lang: Lang): Promise<DiffInput> {
  const { source, data } = await readDocument(
    path,
    io,
    say((t) => t.document.expectedScenarioOrEstimate),
  );
  if (Array.isArray(data)) throw new UserError(say((t) => `${source}: ${t.diff.aList(data.length)}`));
  if (typeof data === "object" && data !== null && Object.hasOwn(data, "lines") && Object.hasOwn(data, "total")) {
    const { SavedEstimateSchema } = await import("../../calculator/types.js");
    const { parseWith } = await import("../../validation/issues.js");
    const parsed = parseWith(SavedEstimateSchema, data);
    if (!parsed.data) throw new InputError(parsed.problems.map((problem) => ({ source, ...problem })));
    // An estimate saved by an earlier im-bill has no edition name (its id serves) and no provenance.
    const { config: _legacy, ...saved } = parsed.data;
    const estimate = { ...saved, planName: saved.planName ?? saved.plan };
    const problems = verifyEstimate(estimate);
    if (problems.length > 0) throw new InputError(problems.map((problem) => ({ source, ...problem })));
    return estimate;
  }
  const prices = choosePrices(settings, pinOf(data));
  const { describe } = await import("../../render/describe.js");
  return describe(priceScenario(validateScenario(data, { catalog: prices.catalog, source }), prices), lang);
}

/**
 * The before side in the after side's currency: as it is when they match; converted at
 * --rate where they do not; refused otherwise (a yuan and a dollar are not compared).
 */
function inCurrency(
  side: DiffInput,
  currency: string,
  rate: Rate | undefined,
  beforePath: string,
  afterPath: string,
): DiffInput {
  if (side.currency === currency) return side;
  const from = side.currency;
  if (!rate) throw new UserError(say((t) => t.diff.currencies(beforePath, from, afterPath, currency)));
  const converted = convert(side, currency, rate);
  if (!converted) throw new UserError(say((t) => t.diff.rateMismatch(`${rate.from}:${rate.to}`, from, currency)));
  return { ...converted, converted: { from, rate: `${rate.from}:${rate.to}=${rate.rate.toString()}` } };
}
