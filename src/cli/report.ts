// A command's report: its format (--format, else --output's extension, else the
// command's default) and where it goes (stdout, or a file written atomically, checked
// before any work). Files get no colour and the default width, not the terminal's.
import { say, UserError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import type { Help } from "../i18n/help.js";
import {
  EXTENSION_FORMATS,
  FORMAT_ALIASES as ALIASES,
  formatsOf,
  renderReport,
  type RenderOptions,
  type ReportKind,
  type Reports,
} from "../render/formats.js";
import type { Styles } from "../render/styles.js";
import type { CommandContext } from "./context.js";
import { fileOutput, outputProblem } from "./output.js";
import type { SourceOf } from "./spec.js";

export interface ReportFlags<F extends string> {
  format?: F;
  output?: string;
}

export interface ReportTarget<F extends string> {
  format: F;
  /** the --output file, or undefined for stdout */
  output: string | undefined;
  styles: Styles;
  /** the width tables fit; undefined (the renderers' 80) in a file */
  width: number | undefined;
  /** on a terminal (stdout is one, and no --output) */
  terminal: boolean;
}

/**
 * Where and how the report goes, checked before any work: a file that cannot be written
 * and an extension no format of the command has are usage errors.
 */
export function reportTarget<F extends string>(
  source: SourceOf,
  flags: ReportFlags<F>,
  formats: readonly F[],
  context: CommandContext,
  fallback: F,
): ReportTarget<F> {
  const { io } = context;
  const output = flags.output;
  if (output !== undefined) {
    const problem = outputProblem(output, io.cwd);
    if (problem) throw problem;
  }
  // A --format typed wins; commander's default gives way to the file's extension.
  const given = flags.format !== undefined && source("format") !== "default";
  const format = given
    ? flags.format!
    : output !== undefined
      ? formatOfFile(output, formats)
      : (flags.format ?? fallback);
  return {
    format,
    output,
    styles: output === undefined ? context.styles(io.stdout) : context.plainStyles,
    width: output === undefined ? context.width : undefined,
    terminal: output === undefined && Boolean(io.stdout.isTTY),
  };
}

/** The format a file's extension names, among the command's. */
export function formatOfFile<F extends string>(path: string, formats: readonly F[]): F {
  const extension = /\.[^./\\]+$/.exec(path)?.[0]?.toLowerCase() ?? "";
  const format = Object.hasOwn(EXTENSION_FORMATS, extension) ? EXTENSION_FORMATS[extension] : undefined;
  if (format !== undefined && (formats as readonly string[]).includes(format)) return format as F;
  const known = Object.keys(EXTENSION_FORMATS)
    .filter((key) => (formats as readonly string[]).includes(EXTENSION_FORMATS[key]!))
    .join(", ");
  throw new UserError(say((t) => t.output.unknownExtension(path, extension, known)));
}

/** --format as a row of a command's options table: the registry's formats (and their aliases), the first the default. */
export const formatRow = (kind: ReportKind, names: readonly string[] = ["md"]) => ({
  ...optionalFormatRow(formatsOf(kind), (h) => h.format, names),
  default: formatsOf(kind)[0]!,
});

/** --format with no default (batch's: where stdout goes decides), as a row of an options table. */
export const optionalFormatRow = (
  formats: readonly string[],
  help: (h: Help) => string,
  names: readonly string[] = ["md"],
) => ({
  flags: "--format <format>" as const,
  help,
  choices: [...formats, ...names.filter((alias) => formats.includes(ALIASES[alias]!))],
  // An alias becomes the format it names.
  parse: (value: string): string => (Object.hasOwn(ALIASES, value) ? ALIASES[value]! : value),
});

/** -o, --output as a row of a command's options table. */
export const OUTPUT_ROW = { flags: "-o, --output <file>" as const, help: (h: Help) => h.output };

/** A report of a kind, in the target's format, laid out for where it goes, written there. */
export async function writeReportOf<K extends ReportKind>(
  kind: K,
  report: Reports[K],
  target: ReportTarget<string>,
  context: CommandContext,
  options: { lang: Lang } & Partial<RenderOptions>,
): Promise<void> {
  const text = await renderReport(kind, target.format, report, {
    styles: target.styles,
    width: target.width,
    ...options,
  });
  await writeReport(text, target, context);
}

/** A whole report to stdout, or to the --output file (atomically: all of it or nothing). */
export async function writeReport(text: string, target: ReportTarget<string>, context: CommandContext): Promise<void> {
  if (target.output === undefined) {
    context.io.stdout.write(text);
    return;
  }
  const output = await fileOutput(target.output, context.io.cwd);
  const stopListening = context.interruption.onInterrupt(() => output.abort());
  try {
    await output.write(text);
    await output.commit();
  } catch (error) {
    output.abort();
    throw error;
  } finally {
    stopListening();
  }
}
