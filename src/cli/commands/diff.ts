// `im-bill diff <before> <after>`: what changed between two scenarios' bills (or two
// saved estimates), for a pull request.
import { Command, Option } from "commander";
import type { Estimate } from "../../calculator/types.js";
import { priceScenario, type PriceOptions } from "../../calculator/estimate.js";
import { catalogForDocument, type CatalogChoice } from "../../catalog/index.js";
import { EXIT_CHECK_FAILED, EXIT_OK, InputError, say, UserError } from "../../errors.js";
import { readDocument } from "../../document/read.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import { validateScenario } from "../../scenario/validate.js";
import { Money } from "../../calculator/decimal.js";
import type { Threshold } from "../../diff/diff.js";
import type { CommandContext } from "../context.js";
import type { Io } from "../io.js";
import { addPriceOptions, pricingFor, type PriceFlags } from "../shared-options.js";

interface DiffFlags extends PriceFlags {
  format: "table" | "json" | "markdown";
  failAbove?: string;
  title?: string;
}

export function diffCommand(context: CommandContext): Command {
  const h = context.help;
  const command = new Command("diff")
    .description(h.diff.description)
    .argument("<before>", h.diff.before)
    .argument("<after>", h.diff.after)
    .addOption(new Option("--format <format>", h.format).choices(["table", "json", "markdown"]).default("table"))
    .option("--fail-above <amount|percent>", h.diff.failAbove)
    .option("--title <text>", h.diff.title);
  addPriceOptions(command, h);
  return command
    .addHelpText("after", examplesText(h, h.diff.examples, h.diff.footer))
    .action(async (before: string, after: string, flags: DiffFlags) => {
      const threshold = flags.failAbove === undefined ? undefined : parseThreshold(flags.failAbove);
      // Both sides priced alike: the same catalog choice, language, discount and config.
      const { choice, options } = await pricingFor(flags, context);
      const { lang } = options;
      const [old, now] = [
        await estimateOf(before, context.io, choice, options),
        await estimateOf(after, context.io, choice, options),
      ];
      const { diffEstimates, risesAbove } = await import("../../diff/diff.js");
      const diff = diffEstimates(old, now);
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

/** A saved estimate as it is, or a scenario priced now. */
async function estimateOf(path: string, io: Io, choice: CatalogChoice, options: PriceOptions): Promise<Estimate> {
  const { source, data } = await readDocument(
    path,
    io,
    say((t) => t.document.expectedScenarioOrEstimate),
  );
  if (Array.isArray(data)) throw new UserError(say((t) => `${source}: ${t.diff.aList(data.length)}`));
  if (typeof data === "object" && data !== null && Object.hasOwn(data, "lines") && Object.hasOwn(data, "total")) {
    const { EstimateSchema } = await import("../../calculator/types.js");
    const { parseWith } = await import("../../validation/issues.js");
    const parsed = parseWith(EstimateSchema, data);
    if (!parsed.data) throw new InputError(parsed.problems.map((problem) => ({ source, ...problem })));
    return parsed.data;
  }
  const catalog = catalogForDocument(data, choice);
  return priceScenario(validateScenario(data, { catalog, source }), catalog, options);
}
