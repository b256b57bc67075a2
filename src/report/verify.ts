// A saved report is read as a claim, not as a fact: before it is rendered again its
// arithmetic is checked the way im-bill made it. Every estimate in it adds up (as `diff`
// checks a saved estimate), each total is the sum of its parts, each change the
// difference of its sides, and each count the count of what it counts.
import { say, type Problem } from "../errors.js";
import { verifyEstimate } from "../estimate-diff/verify.js";
import { Money, toAmount } from "../util/money.js";
import type { Models } from "./models.js";

type Estimate = Parameters<typeof verifyEstimate>[0];

/** What is wrong with a report's arithmetic, as problems at its field paths; none when it adds up. */
export function verifyReport<K extends keyof Models>(kind: K, report: Models[K]): Problem[] {
  const problems: Problem[] = [];
  const estimate = (at: string, each: Estimate) => {
    for (const problem of verifyEstimate(each)) problems.push({ ...problem, path: `${at}.${problem.path}` });
  };
  const sum = (path: string, stated: string, parts: readonly string[]) => {
    const total = toAmount(parts.reduce((sum, part) => sum.plus(part), new Money(0)));
    if (!new Money(stated).equals(total))
      problems.push({ path, message: say((t) => t.diff.verify.notTheSum(stated, total)) });
  };
  const change = (path: string, { before, after, change }: { before: string; after: string; change: string }) => {
    const difference = toAmount(new Money(after).minus(before));
    if (!new Money(change).equals(difference))
      problems.push({ path, message: say((t) => t.render.notTheChange(change, difference)) });
  };
  const count = (path: string, stated: number, counted: number) => {
    if (stated !== counted) problems.push({ path, message: say((t) => t.render.notTheCount(stated, counted)) });
  };
  const model = report;
  switch (kind) {
    case "estimate": {
      for (const problem of verifyEstimate(model as Models["estimate"])) problems.push(problem);
      break;
    }
    case "usage": {
      const usage = model as Models["usage"];
      for (const [at, month] of usage.months.entries()) {
        estimate(`months[${at}].estimate`, month.estimate);
        if (month.soFar) estimate(`months[${at}].soFar.projection.estimate`, month.soFar.projection.estimate);
      }
      sum(
        "total",
        usage.total,
        usage.months.map((month) => month.estimate.total),
      );
      break;
    }
    case "compare": {
      for (const [plan, each] of Object.entries((model as Models["compare"]).editions))
        estimate(`editions.${plan}`, each);
      break;
    }
    case "forecast": {
      const forecast = model as Models["forecast"];
      for (const [at, month] of forecast.months.entries()) estimate(`months[${at}].estimate`, month.estimate);
      sum(
        "total",
        forecast.total,
        forecast.months.map((month) => month.estimate.total),
      );
      break;
    }
    case "batch": {
      const batch = model as Models["batch"];
      const { summary } = batch;
      for (const [at, result] of batch.results.entries()) estimate(`results[${at}]`, result);
      count("summary.scenarios", summary.scenarios, batch.results.length + batch.errors.length);
      count("summary.priced", summary.priced, batch.results.length);
      count("summary.failed", summary.failed, batch.errors.length);
      count(
        "summary.violating",
        summary.violating,
        batch.results.filter((result) => result.violations.length > 0).length,
      );
      const currencies = [...new Set(batch.results.map((result) => result.currency))];
      for (const currency of currencies)
        sum(
          `summary.totals.${currency}`,
          summary.totals[currency] ?? "0.00",
          batch.results.flatMap((result) => (result.currency === currency ? [result.total] : [])),
        );
      count("summary.totals", Object.keys(summary.totals).length, currencies.length);
      // Each error's place: in order, and among the scenarios read.
      let last = -1;
      for (const [at, error] of batch.errors.entries()) {
        if (error.at <= last || error.at >= summary.scenarios)
          problems.push({
            path: `errors[${at}].at`,
            message: say((t) => t.render.noSuchRow(error.at, summary.scenarios)),
          });
        last = error.at;
      }
      break;
    }
    case "check": {
      const check = model as Models["check"];
      const counted = (status: string) => check.results.filter((result) => result.status === status).length;
      count("summary.scenarios", check.summary.scenarios, check.results.length);
      count("summary.passed", check.summary.passed, counted("passed"));
      count("summary.failed", check.summary.failed, counted("failed"));
      count("summary.noExpectations", check.summary.noExpectations, counted("no-expectations"));
      count("summary.invalid", check.summary.invalid, counted("invalid"));
      break;
    }
    case "diff": {
      const diff = model as Models["diff"];
      for (const [at, line] of diff.lines.entries())
        change(`lines[${at}].change`, {
          before: line.before ?? "0.00",
          after: line.after ?? "0.00",
          change: line.change,
        });
      change("total.change", diff.total);
      sum(
        "total.before",
        diff.total.before,
        diff.lines.flatMap((line) => (line.before === null ? [] : [line.before])),
      );
      sum(
        "total.after",
        diff.total.after,
        diff.lines.flatMap((line) => (line.after === null ? [] : [line.after])),
      );
      break;
    }
    case "project": {
      const project = model as Models["project"];
      for (const [at, row] of project.scenarios.entries())
        if (row.change) change(`scenarios[${at}].change`, row.change);
      for (const [currency, total] of Object.entries(project.totals)) change(`totals.${currency}.change`, total);
      const counted = (status: string) => project.scenarios.filter((row) => row.status === status).length;
      for (const status of ["changed", "added", "removed", "unchanged", "invalid"] as const)
        count(`counts.${status}`, project.counts[status], counted(status));
      const last = project.scenarios.length - 1;
      const rows = project.rows;
      for (const [name, indices] of Object.entries({
        shown: rows.shown,
        markdown: rows.markdown,
        detailed: rows.detailed,
        chart: rows.chart,
      }))
        for (const [at, index] of indices.entries())
          if (index > last)
            problems.push({ path: `rows.${name}[${at}]`, message: say((t) => t.render.noSuchRow(index, last + 1)) });
      for (const [at, index] of rows.detailed.entries())
        if (index <= last && project.scenarios[index]!.detail === undefined)
          problems.push({ path: `rows.detailed[${at}]`, message: say((t) => t.render.noDetail(index)) });
      break;
    }
  }
  return problems;
}
