// GitHub annotations out: with --format github on stdout, and by default on stderr under
// GitHub Actions (GITHUB_ACTIONS=true; --no-annotations says no), beside the usual report.
// Each is placed on its file (relative to the repository's root, as GitHub wants it) and
// line: its file is read again, within the limits it was read with the first time.
import { relative, resolve, sep } from "node:path";
import { formatOf } from "../batch/inputs.js";
import { splitSource } from "../batch/records.js";
import { LIMITS } from "../document/limits.js";
import { lineOf } from "../document/locate.js";
import { decodeText, readFileBytes } from "../document/text.js";
import { UserError } from "../errors.js";
import { workflowCommand, type Annotation, type AnnotationPlace } from "../render/annotations.js";
import type { Io } from "./io.js";

export { annotationsWanted } from "./github.js";

/**
 * Annotations as workflow commands, a line each; `from` is the folder their sources are
 * relative to, `root` the one GitHub names files from (the repository's root; else
 * GITHUB_WORKSPACE, else `from`).
 */
export function annotationText(
  annotations: readonly Annotation[],
  options: { from: string; root?: string; env: Io["env"] },
): string {
  const root = options.root ?? options.env.GITHUB_WORKSPACE ?? options.from;
  const texts = new Map<string, string | null>();
  const textOf = (absolute: string, shown: string): string | null => {
    if (!texts.has(absolute)) {
      try {
        const limit = formatOf(shown) === "yaml" ? LIMITS.yamlBytes : LIMITS.fileBytes;
        texts.set(absolute, decodeText(readFileBytes(shown, absolute, limit), shown));
      } catch (error) {
        // Gone or changed since it was read: the annotation is the file's, without a line.
        if (!(error instanceof UserError)) throw error;
        texts.set(absolute, null);
      }
    }
    return texts.get(absolute)!;
  };
  return annotations
    .map((annotation) => workflowCommand(annotation, placeOf(annotation, options.from, root, textOf)))
    .join("");
}

function placeOf(
  annotation: Annotation,
  from: string,
  root: string,
  textOf: (absolute: string, shown: string) => string | null,
): AnnotationPlace | undefined {
  if (annotation.source === "" || annotation.source === "stdin" || annotation.source.startsWith("stdin:"))
    return undefined;
  const { file, locator } = splitSource(annotation.source);
  const absolute = resolve(from, file);
  const shown = relative(root, absolute).split(sep).join("/");
  const place: AnnotationPlace = { file: shown.startsWith("../") || shown === ".." ? file : shown };
  const format = formatOf(file);
  if (!format) return place;
  const text = format === "jsonl" ? "" : textOf(absolute, file);
  if (text === null) return place;
  const line = lineOf(text, format, locator, annotation.keys);
  return line === undefined ? place : { ...place, line };
}
