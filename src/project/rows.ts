// Which scenarios of a project diff a report shows, and how they count: the choices every
// format of it lays out, made here (`diff --base`'s JSON states them).
import type { ProjectDiff, ScenarioChange } from "./project-diff.js";

/** How many changed scenarios the markdown shows line by line (the largest, of those in its table). */
const DETAILED = 10;
/**
 * How many scenarios the markdown's table shows (GitHub keeps a comment to 65,536
 * characters): the ones that cannot be read, then the largest changes; the rest are counted.
 */
const TABLE_ROWS = 100;

/** The rows of a report: every scenario that moved, and each renamed one. */
const shown = (diff: ProjectDiff) =>
  diff.scenarios.filter((change) => change.status !== "unchanged" || change.previousFile !== null);

/** How many scenarios changed, were added, removed, renamed, stayed, or cannot be read. */
export function projectCounts(diff: ProjectDiff) {
  const count = (status: ScenarioChange["status"]) => diff.scenarios.filter((each) => each.status === status).length;
  return {
    changed: count("changed"),
    added: count("added"),
    removed: count("removed"),
    renamed: diff.scenarios.filter((each) => each.previousFile !== null).length,
    unchanged: count("unchanged"),
    invalid: count("invalid"),
  };
}

/** How many scenarios the HTML charts (the first rows shown). */
const CHARTED = 25;

/** The rows each format shows, by their index in the diff's scenarios. */
export function reportRows(diff: ProjectDiff) {
  const index = new Map(diff.scenarios.map((change, at) => [change, at]));
  const at = (change: ScenarioChange) => index.get(change)!;
  const shownRows = shown(diff);
  const markdownRows = largest(shownRows, TABLE_ROWS);
  // The lines of the largest changes: what a reviewer opens the comment for.
  const changed = markdownRows.filter((change) => change.status === "changed" && change.total?.change !== "0.00");
  const detailed = largest(changed, DETAILED);
  return {
    shown: shownRows.map(at),
    markdown: markdownRows.map(at),
    detailed: detailed.map(at),
    moreDetails: changed.length - detailed.length,
    chart: shownRows.slice(0, CHARTED).map(at),
  };
}

/** The `count` rows a reader most needs (those that cannot be read, then the largest changes), in their order. */
function largest(rows: ScenarioChange[], count: number): ScenarioChange[] {
  if (rows.length <= count) return rows;
  const size = (change: ScenarioChange) =>
    change.status === "invalid" ? Infinity : Math.abs(Number(change.total?.change ?? 0));
  const kept = new Set(
    rows
      .map((change, index) => ({ index, size: size(change) }))
      .sort((a, b) => b.size - a.size || a.index - b.index)
      .slice(0, count)
      .map(({ index }) => index),
  );
  return rows.filter((_, index) => kept.has(index));
}
