// `check` results as text (a line per scenario, what differed beneath), JSON, or JUnit
// XML for CI systems to show natively.
import type { CheckResult, CheckSummary } from "../check/run.js";
import type { Failure } from "../check/expectations.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney } from "../util/format.js";
import { printable } from "../util/printable.js";
import { plainStyles, type Styles } from "./styles.js";

function describeFailure(failure: Failure, money: (amount: string) => string, lang: Lang): string {
  const t = messages[lang].check;
  const amount = (text: string) =>
    text === "none"
      ? t.none
      : /^-?\d+(\.\d+)?$/.test(text)
        ? money(text)
        : text.replace(/^≤ (.+)$/, (_, max) => `≤ ${money(max)}`);
  if (failure.check === "expect") return t.missingExpect;
  const what = failure.check === "line" ? t.line(failure.line ?? "") : failure.check;
  const note = failure.unknownLine ? t.unknownLine(failure.unknownLine.suggestion) : "";
  return t.failure(what, amount(failure.expected), amount(failure.actual), note);
}

export function renderCheckText(
  results: readonly CheckResult[],
  summary: CheckSummary,
  currency: string,
  styles: Styles = plainStyles,
  lang: Lang = "en",
): string {
  const t = messages[lang].check;
  const money = (amount: string) => formatMoney(amount, currency);
  const where = (result: CheckResult) =>
    printable(result.id === result.source ? result.source : `${result.id} (${result.source})`);
  const out: string[] = [];
  for (const result of results) {
    if (result.status === "passed") out.push(`${styles.success("✓")} ${where(result)}: ${money(result.total!)}`);
    if (result.status === "no-expectations")
      out.push(`${styles.dim("–")} ${where(result)}: ${t.noExpectations(money(result.total!))}`);
    if (result.status === "invalid")
      out.push(`${styles.error("!")} ${where(result)}: ${t.invalid(printable(result.error ?? ""))}`);
    if (result.status === "failed") {
      out.push(`${styles.error("✗")} ${where(result)}`);
      for (const failure of result.failures) out.push(`    ${describeFailure(failure, money, lang)}`);
    }
  }
  out.push("", checkCounts(summary, lang));
  return `${out.join("\n")}\n`;
}

export function checkCounts(summary: CheckSummary, lang: Lang = "en"): string {
  return messages[lang].check.counts(summary);
}

export function renderCheckJson(results: readonly CheckResult[], summary: CheckSummary): string {
  return `${JSON.stringify({ version: 1, results, summary }, null, 2)}\n`;
}

/** Text for an XML attribute or element: markup escaped, and control characters (which XML 1.0 cannot hold at all) shown as \u001b. */
const xml = (text: string) =>
  printable(text).replace(
    /[<>&"']/g,
    (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!,
  );

/** JUnit XML: a test suite per file, a test case per scenario. */
export function renderCheckJunit(results: readonly CheckResult[], currency: string, lang: Lang = "en"): string {
  const money = (amount: string) => formatMoney(amount, currency);
  const files = new Map<string, CheckResult[]>();
  for (const result of results) {
    const file = result.source.replace(/(#\d+|:\d+)$/, "");
    files.set(file, [...(files.get(file) ?? []), result]);
  }
  const counts = (list: CheckResult[]) => {
    const failures = list.filter((r) => r.status === "failed").length;
    const errors = list.filter((r) => r.status === "invalid").length;
    const skipped = list.filter((r) => r.status === "no-expectations").length;
    return `tests="${list.length}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
  };
  const testcase = (result: CheckResult) => {
    const open = `    <testcase name="${xml(result.id)}" classname="${xml(result.source)}"`;
    if (result.status === "passed") return `${open}/>`;
    if (result.status === "invalid") {
      return `${open}>\n      <error message="${xml(result.error ?? "invalid")}" type="invalid"/>\n    </testcase>`;
    }
    if (result.status === "no-expectations")
      return `${open}>\n      <skipped message="no expectations"/>\n    </testcase>`;
    const details = result.failures.map((failure) => describeFailure(failure, money, lang));
    return `${open}>\n      <failure message="${xml(details[0]!)}" type="expectation">${xml(details.join("\n"))}</failure>\n    </testcase>`;
  };
  const suites = [...files].map(
    ([file, list]) =>
      `  <testsuite name="${xml(file)}" ${counts(list)}>\n${list.map(testcase).join("\n")}\n  </testsuite>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="im-bill check" ${counts([...results])}>\n${suites.join("\n")}\n</testsuites>\n`;
}
