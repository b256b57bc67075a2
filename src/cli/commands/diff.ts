// `im-bill diff <before> <after>`: what changed between two scenarios' bills (or two
// saved estimates), for a pull request.
import { priceDocument } from "../../calculator/document.js";
import type { PriceSettings } from "../../catalog/choose.js";
import { resolve } from "node:path";
import { EXIT_CHECK_FAILED, EXIT_INVALID, EXIT_OK, InputError, say, UserError } from "../../errors.js";
import { readDocument } from "../../document/read.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import { convert, parseRate, verifyEstimate, type Rate } from "../../estimate-diff/verify.js";
import { Money } from "../../util/money.js";
import type { DiffInput, Threshold } from "../../estimate-diff/diff.js";
import type { Lang } from "../../i18n/lang.js";
import type { CommandContext } from "../context.js";
import type { Io } from "../io.js";
import { CONFIG_FLAGS, PRICE_OPTIONS, pricingFor, type PriceFlags } from "../shared-options.js";
import { formatRow, OUTPUT_ROW, reportTarget, writeReport, writeReportOf, type ReportTarget } from "../report.js";
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { argument, defineCommand } from "../spec.js";
import { formatsOf, hasFormat, sayings } from "../../render/formats.js";

/** Both diffs' formats: the two-file diff's, and the project diff's github annotations. */
const DIFF_FORMATS = formatsOf("project");

const DIFF_OPTIONS = optionTable({
  base: { flags: "--base <ref>", help: (h) => h.diff.base },
  format: formatRow("project"),
  output: OUTPUT_ROW,
  failAbove: { flags: "--fail-above <amount|percent>", help: (h) => h.diff.failAbove },
  failAboveEach: { flags: "--fail-above-each <amount|percent>", help: (h) => h.diff.failAboveEach },
  title: { flags: "--title <text>", help: (h) => h.diff.title },
  rate: { flags: "--rate <from:to=rate>", help: (h) => h.diff.rate },
  annotations: { flags: "--no-annotations", help: (h) => h.noAnnotations },
});

type DiffFlags = PriceFlags & FlagsOf<typeof DIFF_OPTIONS>;

export const DIFF = defineCommand<DiffFlags>()({
  name: "diff",
  description: (h) => h.diff.description,
  arguments: [argument("[files...]", (h) => h.diff.files)],
  options: [...rowsOf(DIFF_OPTIONS), ...PRICE_OPTIONS],
  after: (h) => examplesText(h, h.diff.examples, h.diff.footer),
  run: async ({ args: [files], flags, source }, context: CommandContext) => {
    const target = reportTarget(source, flags, DIFF_FORMATS, context, "table");
    flags.format = target.format;
    if (flags.base !== undefined) return projectDiffCommand(files, flags, context.useConfig, context, target);
    if (files.length !== 2) throw new UserError(say((t) => t.project.twoFiles(files.length)));
    for (const [given, flag] of [
      [flags.failAboveEach, "--fail-above-each"],
      [hasFormat("diff", flags.format) ? undefined : flags.format, `--format ${flags.format}`],
    ] as const)
      if (given !== undefined) throw new UserError(say((t) => t.project.baseOnly(flag)));
    const [before, after] = files as [string, string];
    const threshold = flags.failAbove === undefined ? undefined : parseThreshold(flags.failAbove, "--fail-above");
    const rate = flags.rate === undefined ? undefined : parseRate(flags.rate);
    if (flags.rate !== undefined && !rate) {
      const got = JSON.stringify(flags.rate);
      throw new UserError(say((t) => `--rate: ${t.diff.rateFormat(got)}`));
    }
    // Both sides priced alike: the same flags, config and discount; each with its own pin.
    const { settings, lang } = await pricingFor(flags, context);
    const old = await estimateOf(before, context.io, settings, lang);
    const now = await estimateOf(after, context.io, settings, lang);
    const { diffEstimates, risesAbove } = await import("../../estimate-diff/diff.js");
    const diff = diffEstimates(inCurrency(old, now.currency, rate, before, after), now);
    await writeReportOf("diff", diff, target, context, { lang, title: flags.title });
    if (threshold && risesAbove(diff.total, threshold)) {
      const percent = diff.total.percent;
      context.error(messages[lang].diff.risesAbove(diff.total.change, percent, flags.failAbove!));
      return EXIT_CHECK_FAILED;
    }
    return EXIT_OK;
  },
});

/**
 * `diff --base <ref>`: the project at a commit against the working tree. Its report on
 * stdout (annotations too, under GitHub Actions, on stderr); exit 1 when a gate fails,
 * 2 when a scenario of the working tree cannot be priced.
 */
async function projectDiffCommand(
  paths: string[],
  flags: DiffFlags,
  useConfig: boolean,
  context: CommandContext,
  target: ReportTarget<DiffFlags["format"]>,
): Promise<number> {
  const { io, interruption } = context;
  if (flags.rate !== undefined) throw new UserError(say((t) => t.project.notWithBase("--rate")));
  const gates = {
    ...(flags.failAbove !== undefined
      ? { total: { threshold: parseThreshold(flags.failAbove, "--fail-above"), text: flags.failAbove } }
      : {}),
    ...(flags.failAboveEach !== undefined
      ? { each: { threshold: parseThreshold(flags.failAboveEach, "--fail-above-each"), text: flags.failAboveEach } }
      : {}),
  };
  const { settings, run, lang } = await pricingFor(flags, context);
  const { openRepository, resolveCommit } = await import("../../git/repository.js");
  // Ctrl-C ends the git child running, and the run says it was interrupted (not that git failed).
  const abort = new AbortController();
  const stopListening = interruption.onInterrupt(() => abort.abort());
  try {
    const repository = await openRepository(resolve(io.cwd), io.env, abort.signal);
    const base = { ref: flags.base!, ...(await resolveCommit(repository, flags.base!)) };
    const { projectDiff, gatesOf } = await import("../../project/project-diff.js");
    const diff = await projectDiff({
      repository,
      cwd: resolve(io.cwd),
      base,
      paths,
      run,
      settings,
      config: context.project,
      useConfig,
      flags: CONFIG_FLAGS,
      pause: async () => {
        const pending = interruption.checkpoint();
        if (pending) await pending;
      },
    });
    const failures = gatesOf(diff, gates);
    const render = await sayings.project();
    const annotations = () => render.projectAnnotations(diff, failures, lang);
    const { annotationsWanted, annotationText } = await import("../annotations.js");
    const place = { from: repository.root, root: repository.root, env: io.env };
    if (flags.format === "github") await writeReport(annotationText(annotations(), place), target, context);
    else await writeReportOf("project", diff, target, context, { lang, title: flags.title });
    if (flags.format !== "github" && annotationsWanted(io, flags.annotations))
      io.stderr.write(annotationText(annotations(), place));
    for (const failure of failures) context.error(render.gateText(failure, lang));
    if (diff.scenarios.some((change) => change.status === "invalid")) return EXIT_INVALID;
    return failures.length > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
  } finally {
    stopListening();
  }
}

export function parseThreshold(text: string, flag: string): Threshold {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text.replace(/,/g, ""));
  if (!match) {
    const got = JSON.stringify(text);
    throw new UserError(say((t) => `${flag}: ${t.diff.threshold(got)}`));
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
    const { config: _legacy, kind: _kind, lang: _lang, ...saved } = parsed.data;
    const estimate = { ...saved, planName: saved.planName ?? saved.plan };
    const problems = verifyEstimate(estimate);
    if (problems.length > 0) throw new InputError(problems.map((problem) => ({ source, ...problem })));
    return estimate;
  }
  const { describe } = await sayings.describe();
  return describe(priceDocument(data, settings, { source }).bill, lang);
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
