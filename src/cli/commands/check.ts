// `im-bill check`: scenarios priced and checked against their `expect` blocks, for CI.
import { formatOfFile, formatRow, OUTPUT_ROW } from "../report.js";
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { argument, defineCommand, type SourceOf } from "../spec.js";
import { formatsOf, renderReport, sayings } from "../../render/formats.js";
import { annotationsWanted } from "../github.js";
import { expandInputs } from "../../batch/inputs.js";
import { readRecords } from "../../batch/records.js";
import { checkRecord, summarize, type CheckResult } from "../../check/run.js";
import { nearSteps } from "../../check/expectations.js";
import { EXIT_CHECK_FAILED, EXIT_INVALID, EXIT_OK, say, UserError } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import { printable } from "../../util/printable.js";
import { outputProblem } from "../output.js";
import type { CommandContext } from "../context.js";
import { headroomRow, PRICE_OPTIONS, pricingFor, type PriceFlags } from "../shared-options.js";
import { append } from "../../util/array.js";

const CHECK_OPTIONS = optionTable({
  format: formatRow("check", ["md", "text"]),
  output: OUTPUT_ROW,
  update: { flags: "--update", help: (h) => h.check.update },
  dryRun: { flags: "--dry-run", help: (h) => h.check.dryRun },
  requireExpect: { flags: "--require-expect", help: (h) => h.check.requireExpect },
  headroom: headroomRow((h) => h.check.headroom),
  annotations: { flags: "--no-annotations", help: (h) => h.noAnnotations },
});

type CheckFlags = PriceFlags & FlagsOf<typeof CHECK_OPTIONS>;

export const CHECK = defineCommand<CheckFlags>()({
  name: "check",
  description: (h) => h.check.description,
  arguments: [argument("<paths...>", (h) => h.check.paths)],
  options: [...rowsOf(CHECK_OPTIONS), ...PRICE_OPTIONS],
  after: (h) => examplesText(h, h.check.examples, h.check.footer),
  run: ({ args: [paths], flags, source }, context) => runCheck(paths, flags, context, source),
});

async function runCheck(
  paths: string[],
  flags: CheckFlags,
  context: CommandContext,
  source: SourceOf,
): Promise<number> {
  const { io, interruption } = context;
  const { settings, lang } = await pricingFor(flags, context);
  if (flags.dryRun && !flags.update) throw new UserError(say((t) => t.check.dryRunAlone));
  if (flags.output !== undefined) {
    const problem = outputProblem(flags.output, io.cwd);
    if (problem) throw problem;
  }
  // -o without --format: the file's extension says which (check.xml is JUnit).
  const format =
    flags.output !== undefined && source("format") === "default"
      ? formatOfFile(flags.output, formatsOf("check"))
      : flags.format;
  const inputs = await expandInputs(paths, io.cwd);
  const results: CheckResult[] = [];
  const skipped: string[] = [];
  const pause = async () => {
    const pending = interruption.checkpoint();
    if (pending) await pending;
  };
  let changed = 0;
  if (flags.update) {
    if (inputs.some((input) => input.kind === "stdin")) throw new UserError(say((t) => t.check.cannotUpdateStdin));
    const { updateFile } = await import("../../check/update.js");
    const { renderUpdates } = await sayings.check();
    const onSkip = (path: string) => skipped.push(path);
    for (const input of inputs) {
      if (input.kind !== "file") continue;
      const { results: checked, updates } = await updateFile(input, settings, { dryRun: flags.dryRun, onSkip });
      append(results, checked);
      // Each file changed, old → new: on stderr, where the log of a CI job shows it beside the report.
      if (updates.length > 0) io.stderr.write(renderUpdates(input.path, updates, Boolean(flags.dryRun), lang));
      changed += updates.length;
      await pause();
    }
  } else {
    for (const input of inputs) {
      for await (const record of readRecords(input, () => io.stdin, { onSkip: (path) => skipped.push(path) })) {
        results.push(checkRecord(record, settings));
        await pause();
      }
    }
  }
  if (skipped.length > 0)
    io.stderr.write(`${printable(messages[lang].batch.skipped(skipped.length, skipped.join(", ")))}\n`);
  if (flags.headroom !== undefined) {
    // Within --headroom of a next block: a failure, whether the scenario states expectations or not.
    const percent = flags.headroom;
    for (const result of results) {
      const near = nearSteps(result.headroom ?? [], percent);
      if (near.length === 0) continue;
      result.status = "failed";
      for (const each of near)
        result.failures.push({
          check: "headroom",
          line: `overage.${each.metric}`,
          expected: String(each.nextStepAt),
          actual: String(each.current),
          headroom: { ...each, percent },
        });
    }
  }
  if (flags.requireExpect) {
    for (const result of results) {
      if (result.status !== "no-expectations") continue;
      result.status = "failed";
      result.failures.push({ check: "expect", expected: "an expect block (--require-expect)", actual: "none" });
    }
  }
  const summary = summarize(results);
  // GitHub's workflow commands: the report itself (--format github), or beside it under GitHub Actions.
  const annotations = async () => {
    const [{ checkAnnotations }, { annotationText }] = await Promise.all([
      sayings.annotations(),
      import("../annotations.js"),
    ]);
    return annotationText(checkAnnotations(results, lang), { from: io.cwd, env: io.env });
  };
  const text =
    format === "github"
      ? await annotations()
      : await renderReport(
          "check",
          format,
          { results, summary },
          {
            lang,
            styles: flags.output ? context.plainStyles : context.styles(io.stdout),
            width: context.width,
          },
        );
  if (flags.output !== undefined) {
    const { fileOutput } = await import("../output.js");
    const output = await fileOutput(flags.output, io.cwd);
    const stopListening = interruption.onInterrupt(() => output.abort());
    try {
      await output.write(text);
      await output.commit();
    } finally {
      stopListening();
    }
    io.stderr.write(`${(await sayings.check()).checkCounts(summary, lang)}\n`);
  } else {
    io.stdout.write(text);
  }
  if (format !== "github" && annotationsWanted(io, flags.annotations)) io.stderr.write(await annotations());
  if (summary.invalid > 0) return EXIT_INVALID;
  if (summary.failed > 0) return EXIT_CHECK_FAILED;
  // Stale expectations fail a CI job that asks whether anything would change.
  if (flags.dryRun && changed > 0) {
    context.error(messages[lang].check.wouldChange(changed));
    return EXIT_CHECK_FAILED;
  }
  return EXIT_OK;
}
