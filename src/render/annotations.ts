// GitHub workflow commands (`::error file=…,line=…,title=…::message`): a failure shown
// on the changed line of a pull request. What each command says comes from the report
// that makes it (check, a project diff); here, only their one escaping: a file name or a
// message is data whatever it holds (a newline, a "::", a comma in a property).
import type { CheckResult } from "../check/run.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney } from "../util/format.js";
import { METRIC_USAGE } from "../vocabulary.js";
import { describeFailure, errorOf } from "./check.js";

export interface Annotation {
  level: "error" | "warning" | "notice";
  /** the scenario it is about, as reports name it (file, file#n, file:line) */
  source: string;
  /** a key of the scenario to point at (expect, total): the line of the deepest one there */
  keys: readonly string[];
  title: string;
  message: string;
}

/** Where an annotation shows: a file (relative to the repository's root) and a line, where known. */
export interface AnnotationPlace {
  file: string;
  line?: number;
}

/** A message's escaping (GitHub's own): % and line ends. */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** A property's: the message's, and the , and : that end a property. */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One workflow command, on a line of its own. */
export function workflowCommand(annotation: Annotation, place: AnnotationPlace | undefined): string {
  const properties = [
    ...(place ? [`file=${escapeProperty(place.file)}`] : []),
    ...(place?.line !== undefined ? [`line=${place.line}`] : []),
    `title=${escapeProperty(annotation.title)}`,
  ];
  return `::${annotation.level} ${properties.join(",")}::${escapeData(annotation.message)}\n`;
}

/** The key of the expect block a failure is about. */
const keysOf = (failure: CheckResult["failures"][number]): string[] =>
  failure.check === "expect"
    ? []
    : failure.headroom
      ? ["usage", METRIC_USAGE[failure.headroom.metric]]
      : failure.check === "line"
        ? ["expect", "lines", failure.line ?? ""]
        : ["expect", failure.check];

/** `check`'s failures: each failed expectation on the line of its key; each scenario that cannot be priced. */
export function checkAnnotations(results: readonly CheckResult[], lang: Lang): Annotation[] {
  const t = messages[lang].project.annotation;
  const annotations: Annotation[] = [];
  for (const result of results) {
    const money = (amount: string) => formatMoney(amount, result.currency ?? "CNY");
    const named = result.id === result.source ? "" : `${result.id}: `;
    if (result.status === "invalid")
      annotations.push({
        level: "error",
        source: result.source,
        keys: [],
        title: t.invalid,
        message: `${named}${errorOf(result, lang)}`,
      });
    for (const failure of result.status === "failed" ? result.failures : [])
      annotations.push({
        level: "error",
        source: result.source,
        keys: keysOf(failure),
        title: t.failed,
        message: `${named}${describeFailure(failure, money, lang)}`,
      });
  }
  return annotations;
}
