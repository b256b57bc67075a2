// `check` results as text (a line per scenario, what differed beneath), JSON, or JUnit
// XML for CI systems to show natively.
import type { CheckResult, CheckSummary } from "../check/run.js";
import type { Headroom } from "../calculator/bill.js";
import { nextStepText } from "./describe.js";
import type { ScenarioUpdate } from "../check/update.js";
import { PricingTally } from "../catalog/choose.js";
import type { CheckReport, CheckResultJson, FailureJson, Prices } from "../report/check.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney } from "../util/format.js";
import { METRIC_USAGE } from "../vocabulary.js";
import { textIn } from "../errors.js";
import { noteOfPricesText } from "./pricing-notes.js";
import { escapeChar, printable } from "../util/printable.js";
import { listLabel, pricingGroupLines, pricingLines } from "./pricing.js";
import { plainStyles, type Styles } from "./styles.js";
import { hangingText } from "./text.js";
import { markdownPricingGroups, markdownText } from "./markdown.js";

/** A metric within --headroom of its next block, in words (check's failure, estimate's error). */
export function nearStepText(
  headroom: Headroom,
  percent: string,
  money: (amount: string) => string,
  lang: Lang,
): string {
  const name = messages[lang].prices.limitNames[METRIC_USAGE[headroom.metric]];
  return messages[lang].check.nearStep(name, headroom.current, nextStepText(headroom, money, lang), percent);
}

export function describeFailure(failure: FailureJson, money: (amount: string) => string, lang: Lang): string {
  const t = messages[lang].check;
  const amount = (text: string) =>
    text === "none"
      ? t.none
      : /^-?\d+(\.\d+)?$/.test(text)
        ? money(text)
        : text.replace(/^\u2264 (.+)$/, (_, max: string) => `≤ ${money(max)}`); // ≤, escaped: see scripts/build.mjs
  if (failure.check === "expect") return t.missingExpect;
  if (failure.headroom) return nearStepText(failure.headroom, failure.headroom.percent, money, lang);
  const what = failure.check === "line" ? t.line(failure.line ?? "") : failure.check;
  const note = failure.unknownLine ? t.unknownLine(failure.unknownLine.suggestion) : "";
  return t.failure(what, amount(failure.expected), amount(failure.actual), note);
}

export function renderCheckText(
  { results, summary, prices }: CheckReport,
  styles: Styles = plainStyles,
  lang: Lang = "en",
  width = 80,
): string {
  const t = messages[lang].check;
  const where = (result: CheckResultJson) =>
    printable(result.id === result.source ? result.source : `${result.id} (${result.source})`);
  const out: string[] = [];
  for (const result of results) {
    const money = (amount: string) => formatMoney(amount, result.currency ?? "CNY");
    if (result.status === "passed") out.push(`${styles.success("✓")} ${where(result)}: ${money(result.total!)}`);
    if (result.status === "no-expectations")
      out.push(`${styles.dim("–")} ${where(result)}: ${t.noExpectations(money(result.total!))}`);
    if (result.status === "invalid")
      out.push(`${styles.error("!")} ${where(result)}: ${t.invalid(printable(result.error ?? ""))}`);
    if (result.status === "failed") {
      out.push(`${styles.error("✗")} ${where(result)}`);
      for (const failure of result.failures) out.push(`    ${printable(describeFailure(failure, money, lang))}`);
    }
  }
  out.push("", checkCounts(summary, lang));
  // Which prices made the totals: one set of lines where every scenario shares them; then what is said of them.
  for (const line of pricingGroupLines(prices.groups, lang)) out.push(styles.dim(hangingText(printable(line), width)));
  for (const said of prices.said) out.push(styles.warning(hangingText(printable(said), width)));
  return `${out.join("\n")}\n`;
}

/** What `check --update` changed in a file (or would, with --dry-run), scenario by scenario, old → new. */
export function renderUpdates(file: string, updates: readonly ScenarioUpdate[], dryRun: boolean, lang: Lang): string {
  const t = messages[lang].check;
  const out = [printable(dryRun ? t.wouldUpdate(file) : t.updated(file))];
  for (const update of updates) {
    if (update.id !== update.source || updates.length > 1) out.push(`  ${printable(update.id)}`);
    for (const change of update.changes) {
      const line =
        change.what === "catalog"
          ? `catalog: ${t.pinned(change.after)}`
          : `${change.what}: ${change.before ?? t.noValue} → ${change.after}`;
      out.push(`    ${printable(line)}`);
    }
  }
  return `${out.join("\n")}\n`;
}

export function checkCounts(summary: CheckSummary, lang: Lang = "en"): string {
  return messages[lang].check.counts(summary);
}

/** Why a result could not be priced, in words. */
export const errorOf = (result: CheckResult, lang: Lang): string => (result.error ? textIn(result.error, lang) : "");

/** The results as a markdown table for a pull request or a wiki, the counts, and the prices. */
export function renderCheckMarkdown({ results, summary, prices }: CheckReport, lang: Lang): string {
  const t = messages[lang].check;
  const mark = { passed: "✓", failed: "✗", "no-expectations": "–", invalid: "!" } as const;
  const out = [
    `| | ${markdownText(messages[lang].html.scenario)} | ${markdownText(messages[lang].total)} | ${markdownText(messages[lang].html.why)} |`,
    "|---|---|---:|---|",
  ];
  for (const result of results) {
    const money = (amount: string) => formatMoney(amount, result.currency ?? "CNY");
    const said =
      result.status === "invalid"
        ? (result.error ?? "")
        : messages[lang].clauses(result.failures.map((failure) => describeFailure(failure, money, lang)));
    const where = result.id === result.source ? result.source : `${result.id} (${result.source})`;
    out.push(
      `| ${mark[result.status]} | ${markdownText(where)} | ${result.total ? markdownText(money(result.total)) : ""} | ${markdownText(said)} |`,
    );
  }
  out.push("", markdownText(t.counts(summary)), "", ...markdownPricingGroups(prices.groups, lang));
  return `${out.join("\n")}\n`;
}

/** The check report, as `check --format json` prints it: each result in words, the counts, the prices. */
export function checkReport(results: readonly CheckResult[], summary: CheckSummary, lang: Lang): CheckReport {
  const json = results.map(({ said, failures, error, ...result }) => ({
    ...result,
    ...(said ? { said: said.map((note) => noteOfPricesText(note, lang)) } : {}),
    // An unknown line id gets a hint in English, for whoever reads the JSON.
    failures: failures.map(({ unknownLine, ...failure }) =>
      unknownLine ? { ...failure, note: messages.en.check.unknownLine(unknownLine.suggestion), unknownLine } : failure,
    ),
    ...(error ? { error: textIn(error, lang) } : {}),
  }));
  return { kind: "check", version: 1, lang, results: json, summary, prices: pricesOf(json) };
}

/** The provenances of results, each once with how many it priced, and what is said of them, each once. */
export function pricesOf(results: readonly CheckResultJson[]): Prices {
  // The notes are words already here: the tally groups the provenances, a set keeps each note once.
  const tally = new PricingTally();
  const said = new Set<string>();
  for (const { pricing, said: notes } of results) {
    if (!pricing) continue;
    tally.add(pricing);
    for (const note of notes ?? []) said.add(note);
  }
  return { groups: tally.groups, said: [...said] };
}

/**
 * What XML 1.0 cannot hold at all, even escaped: C0 controls (but tab and line ends),
 * U+FFFE and U+FFFF, and a surrogate without its pair.
 */
/* eslint-disable no-control-regex -- the control characters XML cannot hold are what it finds */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/**
 * Text for an XML attribute or element, well-formed whatever it holds: what XML cannot
 * hold, and what a terminal would act on (controls, BiDi overrides), shown as \u001b;
 * markup escaped; line ends kept as character references in attributes.
 */
const xml = (text: string) =>
  printable(text)
    .replace(NOT_XML, escapeChar)
    .replace(
      /[<>&"'\r\n\t]/g,
      (char) =>
        ({
          "<": "&lt;",
          ">": "&gt;",
          "&": "&amp;",
          '"': "&quot;",
          "'": "&apos;",
          "\r": "&#13;",
          "\n": "&#10;",
          "\t": "&#9;",
        })[char]!,
    );

/**
 * The prices of a test suite's cases as JUnit properties (the suite is where every
 * parser reads them): the list, each price file, the config, the discount; numbered
 * where the cases of one file were priced differently (a pin each, say).
 */
function junitProperties(results: readonly CheckResultJson[], lang: Lang): string {
  const { groups, said: notes } = pricesOf(results);
  if (groups.length === 0) return "";
  const properties = groups.flatMap(({ ref }, index) => {
    const suffix = groups.length > 1 ? `.${index + 1}` : "";
    const { catalog } = ref;
    const named: [string, string][] = [
      ["im-bill.prices", pricingLines(ref, lang).join("; ")],
      ["im-bill.catalog", listLabel(catalog)],
      ["im-bill.currency", catalog.currency],
      ["im-bill.on", ref.on],
      ["im-bill.chosenBy", ref.chosenBy],
      ...ref.overlays.map((file, at): [string, string] => [
        `im-bill.overlay.${at + 1}`,
        `${file.file} sha256:${file.sha256}`,
      ]),
      ...(ref.config ? [["im-bill.config", ref.config.file] as [string, string]] : []),
      ...(ref.discount ? [["im-bill.discount", `${ref.discount.percent}%`] as [string, string]] : []),
    ];
    return named.map(([name, value]) => `      <property name="${xml(`${name}${suffix}`)}" value="${xml(value)}"/>`);
  });
  for (const [index, said] of notes.entries())
    properties.push(`      <property name="im-bill.note.${index + 1}" value="${xml(said)}"/>`);
  return `    <properties>\n${properties.join("\n")}\n    </properties>\n`;
}

/** JUnit XML: a test suite per file, a test case per scenario, each with the prices that made it. */
export function renderCheckJunit({ results }: CheckReport, lang: Lang = "en"): string {
  const files = new Map<string, CheckResultJson[]>();
  for (const result of results) {
    const file = result.source.replace(/(#\d+|:\d+)$/, "");
    files.set(file, [...(files.get(file) ?? []), result]);
  }
  const counts = (list: CheckResultJson[]) => {
    const failures = list.filter((r) => r.status === "failed").length;
    const errors = list.filter((r) => r.status === "invalid").length;
    const skipped = list.filter((r) => r.status === "no-expectations").length;
    return `tests="${list.length}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
  };
  const testcase = (result: CheckResultJson) => {
    const money = (amount: string) => formatMoney(amount, result.currency ?? "CNY");
    const open = `    <testcase name="${xml(result.id)}" classname="${xml(result.source)}"`;
    if (result.status === "passed") return `${open}/>`;
    if (result.status === "invalid") {
      return `${open}>\n      <error message="${xml(result.error || "invalid")}" type="invalid"/>\n    </testcase>`;
    }
    if (result.status === "no-expectations")
      return `${open}>\n      <skipped message="no expectations"/>\n    </testcase>`;
    const details = result.failures.map((failure) => describeFailure(failure, money, lang));
    return `${open}>\n      <failure message="${xml(details[0]!)}" type="expectation">${xml(details.join("\n"))}</failure>\n    </testcase>`;
  };
  const suites = [...files].map(
    ([file, list]) =>
      `  <testsuite name="${xml(file)}" ${counts(list)}>\n${junitProperties(list, lang)}${list.map(testcase).join("\n")}\n  </testsuite>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="im-bill check" ${counts([...results])}>\n${suites.join("\n")}\n</testsuites>\n`;
}
