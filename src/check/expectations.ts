// Comparing an bill with what its scenario expects (the `expect` block).
import { Money } from "../util/money.js";
import type { Bill, Headroom } from "../calculator/bill.js";
import type { Expect } from "../scenario/schema.js";
import { closest } from "../util/suggest.js";

export interface Failure {
  check: "total" | "maxTotal" | "line" | "violations" | "expect" | "headroom";
  /** a metric within --headroom of its next block */
  headroom?: Headroom & { percent: string };
  /** the line id, for a line check */
  line?: string;
  expected: string;
  actual: string;
  /** a line id no bill of the catalog has, and the one likely meant */
  unknownLine?: { suggestion: string | null };
}

export type Status = "passed" | "failed" | "no-expectations";

export function checkExpectations(
  bill: Bill,
  expect: Expect | null,
  knownLineIds: readonly string[],
): { status: Status; failures: Failure[] } {
  if (!expect || Object.keys(expect).length === 0) return { status: "no-expectations", failures: [] };
  const failures: Failure[] = [];
  const total = new Money(bill.total);
  if (expect.total !== undefined && !total.equals(expect.total)) {
    failures.push({ check: "total", expected: expect.total, actual: bill.total });
  }
  if (expect.maxTotal !== undefined && total.greaterThan(expect.maxTotal)) {
    failures.push({ check: "maxTotal", expected: `≤ ${expect.maxTotal}`, actual: bill.total });
  }
  for (const [id, expected] of Object.entries(expect.lines ?? {})) {
    // A line the bill leaves out (a zero amount) counts as 0.00.
    const actual = bill.lines.find((line) => line.id === id)?.amount ?? "0.00";
    // A misspelt id fails even at 0.00: otherwise it would pass whatever the bill.
    const known = knownLineIds.includes(id);
    if (known && new Money(actual).equals(expected)) continue;
    const suggestion = known ? undefined : closest(id, knownLineIds);
    failures.push({
      check: "line",
      line: id,
      expected,
      actual,
      ...(known ? {} : { unknownLine: { suggestion: suggestion ?? null } }),
    });
  }
  if (expect.violations !== undefined) {
    const expected = [...expect.violations].sort();
    const actual = bill.violations.map((violation) => violation.code).sort();
    if (expected.join("\n") !== actual.join("\n")) {
      failures.push({
        check: "violations",
        expected: expected.join(", ") || "none",
        actual: actual.join(", ") || "none",
      });
    }
  }
  return { status: failures.length > 0 ? "failed" : "passed", failures };
}

/**
 * The metrics of a bill within `percent` of their next block (`check --headroom 5%`):
 * the distance to it at most that share of where it starts. A daily job warns before
 * the bill moves.
 */
export function nearSteps(headroom: readonly Headroom[], percent: string): Headroom[] {
  return headroom.filter((each) =>
    new Money(each.nextStepAt - each.current).lessThanOrEqualTo(new Money(each.nextStepAt).times(percent).div(100)),
  );
}

/**
 * The expect block that the bill passes, for `check --update`: what the block
 * states, with today's values (the lines it lists, no others: a line the bill
 * leaves out is 0.00), a maxTotal kept as the budget it is. A scenario without a block
 * gets its total.
 */
export function expectationsOf(bill: Bill, previous: Expect | null): Expect {
  if (!previous || Object.keys(previous).length === 0) return { total: bill.total };
  const amounts = new Map(bill.lines.map((line) => [line.id, line.amount]));
  return {
    ...(previous.total !== undefined ? { total: bill.total } : {}),
    ...(previous.maxTotal !== undefined ? { maxTotal: previous.maxTotal } : {}),
    ...(previous.lines !== undefined
      ? { lines: Object.fromEntries(Object.keys(previous.lines).map((id) => [id, amounts.get(id) ?? "0.00"])) }
      : {}),
    ...(previous.violations !== undefined ? { violations: bill.violations.map((violation) => violation.code) } : {}),
  };
}
