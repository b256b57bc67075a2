// How sure a bill's figures are, in words and marks: a line priced by a figure that is
// not sourced carries the mark `im-bill prices` gives such a figure (‡ inferred,
// † carried over, * assumed), a legend says what each mark shown means, and one line
// counts the figures the bill used and says when its list was last checked.
import type { Estimate, Line } from "../calculator/types.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { FIGURE_STATUSES, type FigureStatus } from "../vocabulary.js";

type Doubt = Exclude<FigureStatus, "sourced">;

/** The marks of the price sheet's figures, on the lines they priced. */
export const STATUS_MARKS: Record<Doubt, string> = { inferred: "‡", carriedOver: "†", assumed: "*" };

const doubtOf = (line: Pick<Line, "status">): Doubt | undefined =>
  line.status === undefined || line.status === "sourced" ? undefined : line.status;

/** A line's label with the mark of how sure its least sure figure is, if it is not sourced. */
export function markedLabel(line: Pick<Line, "label" | "status">): string {
  const doubt = doubtOf(line);
  return doubt === undefined ? line.label : `${line.label} ${STATUS_MARKS[doubt]}`;
}

/** What each mark on these lines means, in order of doubt: only the marks shown. */
export function statusLegend(lines: readonly Pick<Line, "status">[], lang: Lang): string[] {
  const shown = new Set(lines.map(doubtOf));
  const legend = messages[lang].pricing.statusLegend;
  return FIGURE_STATUSES.flatMap((status) =>
    status !== "sourced" && shown.has(status) ? [`${STATUS_MARKS[status]} ${legend[status]}`] : [],
  );
}

/** The figures the bill used by status, and when its list was last checked; none for an estimate saved before it. */
export function certaintyLine(estimate: Pick<Estimate, "certainty" | "pricing">, lang: Lang): string | undefined {
  const { certainty } = estimate;
  if (certainty === undefined) return undefined;
  const t = messages[lang];
  const parts = FIGURE_STATUSES.filter((status) => certainty[status] > 0).map((status) =>
    t.prices.statusCount(status, certainty[status]),
  );
  const { lastVerified, verifiedDaysAgo } = estimate.pricing.catalog;
  // A negative age is a machine's clock before the list's date: the date alone is said.
  const days =
    verifiedDaysAgo === undefined || verifiedDaysAgo === null || verifiedDaysAgo < 0 ? null : verifiedDaysAgo;
  return t.pricing.certainty(parts, lastVerified, days);
}
