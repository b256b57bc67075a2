// A saved report is read as a claim, not as a fact: before it is rendered again its
// arithmetic is checked the way im-bill made it. Every estimate in it adds up (as `diff`
// checks a saved estimate), each total is the sum of its parts, each change the
// difference of its sides, and each count the count of what it counts.
import { say, type Problem } from "../errors.js";
import { verifyEstimate } from "../estimate-diff/verify.js";
import { Money, toAmount } from "../util/money.js";
import type { ModelKind } from "./kinds.js";
import type { Models } from "./models.js";

type Estimate = Parameters<typeof verifyEstimate>[0];

/** The checks, each noting what is wrong at a field path. */
class Checks {
  readonly problems: Problem[] = [];

  /** An estimate adds up: its lines to its subtotals and total, in one currency. */
  estimate(at: string, estimate: Estimate): void {
    for (const problem of verifyEstimate(estimate))
      this.problems.push({ ...problem, path: at ? `${at}.${problem.path}` : problem.path });
  }

  /** A stated amount is the sum of its parts. */
  sum(path: string, stated: string, parts: readonly string[]): void {
    const total = toAmount(parts.reduce((sum, part) => sum.plus(part), new Money(0)));
    if (!new Money(stated).equals(total))
      this.problems.push({ path, message: say((t) => t.diff.verify.notTheSum(stated, total)) });
  }

  /** A change is after − before. */
  change(path: string, { before, after, change }: { before: string; after: string; change: string }): void {
    const difference = toAmount(new Money(after).minus(before));
    if (!new Money(change).equals(difference))
      this.problems.push({ path, message: say((t) => t.render.notTheChange(change, difference)) });
  }

  /** A count counts what it says. */
  count(path: string, stated: number, counted: number): void {
    if (stated !== counted) this.problems.push({ path, message: say((t) => t.render.notTheCount(stated, counted)) });
  }

  /** Row numbers name rows there are, each after the one before where `ordered`. */
  rows(path: string, indices: readonly number[], count: number, ordered = false): void {
    for (const [at, index] of indices.entries()) {
      const previous = indices[at - 1];
      if (index >= count)
        this.problems.push({ path: `${path}[${at}]`, message: say((t) => t.render.noSuchRow(index, count)) });
      else if (ordered && previous !== undefined && index <= previous)
        this.problems.push({ path: `${path}[${at}]`, message: say((t) => t.render.notInOrder(index, previous)) });
    }
  }

  /** A row said to be detailed has its detail (a row that is not there is said by `rows`). */
  detailed(path: string, indices: readonly number[], hasDetail: (index: number) => boolean): void {
    for (const [at, index] of indices.entries())
      if (!hasDetail(index))
        this.problems.push({ path: `${path}[${at}]`, message: say((t) => t.render.noDetail(index)) });
  }
}

/** How many of `items` are `what`. */
const counted = <T>(items: readonly T[], what: (item: T) => boolean): number => items.filter(what).length;

const CHECKS: { [K in ModelKind]: (report: Models[K], check: Checks) => void } = {
  estimate: (estimate, check) => check.estimate("", estimate),
  usage: (usage, check) => {
    for (const [at, month] of usage.months.entries()) {
      check.estimate(`months[${at}].estimate`, month.estimate);
      if (month.soFar) check.estimate(`months[${at}].soFar.projection.estimate`, month.soFar.projection.estimate);
    }
    check.sum(
      "total",
      usage.total,
      usage.months.map((month) => month.estimate.total),
    );
  },
  compare: (compare, check) => {
    for (const [plan, estimate] of Object.entries(compare.editions)) check.estimate(`editions.${plan}`, estimate);
  },
  forecast: (forecast, check) => {
    for (const [at, month] of forecast.months.entries()) check.estimate(`months[${at}].estimate`, month.estimate);
    check.sum(
      "total",
      forecast.total,
      forecast.months.map((month) => month.estimate.total),
    );
  },
  batch: (batch, check) => {
    const { results, errors, summary } = batch;
    for (const [at, result] of results.entries()) check.estimate(`results[${at}]`, result);
    check.count("summary.scenarios", summary.scenarios, results.length + errors.length);
    check.count("summary.priced", summary.priced, results.length);
    check.count("summary.failed", summary.failed, errors.length);
    check.count(
      "summary.violating",
      summary.violating,
      counted(results, (result) => result.violations.length > 0),
    );
    const currencies = [...new Set(results.map((result) => result.currency))];
    check.count("summary.totals", Object.keys(summary.totals).length, currencies.length);
    for (const currency of currencies)
      check.sum(
        `summary.totals.${currency}`,
        summary.totals[currency] ?? "0.00",
        results.flatMap((result) => (result.currency === currency ? [result.total] : [])),
      );
    // Each error's place: in order, and among the scenarios read.
    check.rows(
      "errors.at",
      errors.map((error) => error.at),
      summary.scenarios,
      true,
    );
  },
  check: ({ results, summary }, check) => {
    const status = (name: string) => counted(results, (result) => result.status === name);
    check.count("summary.scenarios", summary.scenarios, results.length);
    check.count("summary.passed", summary.passed, status("passed"));
    check.count("summary.failed", summary.failed, status("failed"));
    check.count("summary.noExpectations", summary.noExpectations, status("no-expectations"));
    check.count("summary.invalid", summary.invalid, status("invalid"));
  },
  diff: (diff, check) => {
    for (const [at, line] of diff.lines.entries())
      check.change(`lines[${at}].change`, {
        before: line.before ?? "0.00",
        after: line.after ?? "0.00",
        change: line.change,
      });
    check.change("total.change", diff.total);
    check.sum(
      "total.before",
      diff.total.before,
      diff.lines.flatMap((line) => (line.before === null ? [] : [line.before])),
    );
    check.sum(
      "total.after",
      diff.total.after,
      diff.lines.flatMap((line) => (line.after === null ? [] : [line.after])),
    );
  },
  project: (project, check) => {
    const { scenarios, rows } = project;
    for (const [at, row] of scenarios.entries()) if (row.change) check.change(`scenarios[${at}].change`, row.change);
    for (const [currency, total] of Object.entries(project.totals)) check.change(`totals.${currency}.change`, total);
    for (const status of ["changed", "added", "removed", "unchanged", "invalid"] as const)
      check.count(
        `counts.${status}`,
        project.counts[status],
        counted(scenarios, (row) => row.status === status),
      );
    for (const name of ["shown", "markdown", "detailed", "chart"] as const)
      check.rows(`rows.${name}`, rows[name], scenarios.length);
    check.detailed(
      "rows.detailed",
      rows.detailed,
      (index) => index >= scenarios.length || scenarios[index]!.detail !== undefined,
    );
  },
};

/** What is wrong with a report's arithmetic, as problems at its field paths; none when it adds up. */
export function verifyReport<K extends ModelKind>(kind: K, report: Models[K]): Problem[] {
  const check = new Checks();
  CHECKS[kind](report, check);
  return check.problems;
}
