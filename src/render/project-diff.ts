// A project diff in words: a terminal table, markdown (the pull request's comment), JSON,
// and GitHub annotations. Each scenario that moved is a row (old → new, change, percent)
// with why it moved; then the project total, the counts, and which prices made each
// side. Markdown adds each changed scenario's lines (the first few).
import { diffEstimates } from "../estimate-diff/diff.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { n } from "../i18n/words.js";
import { textIn } from "../errors.js";
import { projectCounts, reportRows } from "../project/rows.js";
import {
  baseLabel,
  type Cause,
  type GateFailure,
  type Priced,
  type ProjectDiff,
  type ScenarioChange,
  type SidePrices,
} from "../project/project-diff.js";
import { formatMoney } from "../util/format.js";
import { printable } from "../util/printable.js";
import type { Annotation } from "./annotations.js";
import { describe, planName } from "./describe.js";
import { markStyles, renderDiffMarkdown, signedMoney, signedPercent } from "./estimate-diff.js";
import { renderGrid, type Cell, type GridColumn } from "./grid.js";
import { markdownText } from "./markdown.js";
import { listLabel, pricingGroupLines } from "./pricing.js";
import type { ProjectReport, ScenarioRow } from "../report/project.js";
import { noteOfPricesText } from "./pricing-notes.js";
import { plainStyles, type Styles } from "./styles.js";
import { hangingText } from "./text.js";

/** How many causes a row of the markdown names (a new list may change dozens of figures). */
const CAUSES_SHOWN = 6;

const MARKERS: Record<ScenarioChange["status"], string> = {
  changed: "~",
  added: "+",
  removed: "−",
  invalid: "!",
  unchanged: " ",
};

/** "Bill changes: main (3f2a1b0) → 9c8d7e6". */
export function projectTitle(diff: ProjectDiff, lang: Lang): string {
  const t = messages[lang].project;
  const { commit, dirty } = diff.head;
  return t.title(baseLabel(diff.base, t.base), t.head(commit === null ? null : commit.slice(0, 7), dirty));
}

/** A value of a scenario's field, as a reader writes it. */
function valueText(value: unknown, path: string, lang: Lang): string {
  const t = messages[lang].project.cause;
  if (value === undefined) return t.absent;
  if (value === null) return path.startsWith("features.") ? t.editionDefault : t.none;
  if (Array.isArray(value)) return value.length === 0 ? t.none : value.join(", ");
  // What is left: a string or a boolean (an input's value; lists and null are worded above).
  const leaf = value as string | number | boolean;
  return typeof leaf === "number" ? n(leaf) : String(leaf);
}

/** One cause in words; the change gives the editions' names. */
export function causeText(cause: Cause, change: ScenarioChange, lang: Lang): string {
  const t = messages[lang].project.cause;
  switch (cause.kind) {
    case "input":
      return t.input(cause.path, valueText(cause.before, cause.path, lang), valueText(cause.after, cause.path, lang));
    case "edition":
      return t.edition(
        planName(change.before!.catalog!, cause.before, lang),
        planName(change.after!.catalog!, cause.after, lang),
      );
    case "pin":
      return t.pin(cause.before ?? t.none, cause.after ?? t.none);
    case "list":
      return t.list(listLabel(cause.before), listLabel(cause.after));
    case "figure":
      return t.figure(cause.file, cause.path, cause.before ?? t.absent, cause.after ?? t.absent);
    case "discount": {
      const percent = (discount: typeof cause.before) => (discount ? `${discount.percent}%` : t.none);
      return t.discount(percent(cause.before), percent(cause.after));
    }
    case "config":
      return t.config(cause.before ?? t.none, cause.after ?? t.none);
  }
}

/** What a row says beside its amounts: why it moved, where it came from, what is wrong with it. */
export function whyOf(change: ScenarioChange, lang: Lang): string[] {
  const t = messages[lang].project;
  const why = change.causes.map((cause) => causeText(cause, change, lang));
  if (change.previousFile !== null) why.push(t.renamedFrom(change.previousFile));
  if (change.status === "invalid") why.push(textIn(change.after!.error!, lang));
  if (change.before?.error !== undefined) why.push(t.failedAtBase(textIn(change.before.error, lang)));
  return why;
}

const sourceOf = (change: ScenarioChange) => (change.after ?? change.before)!.source;
const nameOf = (priced: Priced | undefined) => (priced && priced.id !== priced.source ? priced.id : "");
const currencyOf = (change: ScenarioChange) =>
  (change.after?.bill ?? change.before?.bill)?.prices.catalog.currency ?? "CNY";

/** A row's cells: marker, scenario, file, before, after, change, percent. */
function cellsOf(row: ScenarioRow): string[] {
  const money = (side: ScenarioRow["before"]) =>
    side && "total" in side ? formatMoney(side.total, side.currency) : "—";
  const total = row.change;
  const [changeText, percentText] = total
    ? [signedMoney(total.change, row.currency), signedPercent(total.percent)]
    : ["", ""];
  return [MARKERS[row.status], row.name, row.source, money(row.before), money(row.after), changeText, percentText];
}

/** The project total of each currency: label, before, after, change, percent. */
function totalCells(diff: Pick<ProjectReport, "totals">, lang: Lang): string[][] {
  const currencies = Object.keys(diff.totals);
  return currencies.map((currency) => {
    const total = diff.totals[currency]!;
    return [
      "",
      messages[lang].project.total(currency, currencies.length > 1),
      "",
      formatMoney(total.before, currency),
      formatMoney(total.after, currency),
      signedMoney(total.change, currency),
      signedPercent(total.percent),
    ];
  });
}

/**
 * Which prices made each side: a line both sides have, once; where they differ, the
 * base's and the working tree's ("Before: Discount: 15%", "After: Discount: 0%").
 */
function pricesLines(diff: ProjectDiff, lang: Lang): string[] {
  const t = messages[lang];
  const linesOf = (side: SidePrices) => pricingGroupLines(side.groups, lang);
  const [before, after] = [linesOf(diff.prices.before), linesOf(diff.prices.after)];
  const said = [...diff.prices.before.said, ...diff.prices.after.said].map((note) => noteOfPricesText(note, lang));
  const sideOf = (side: string, lines: string[]) => lines.map((line) => t.diff.pricesOf(side, line));
  const single = diff.prices.before.groups.length <= 1 && diff.prices.after.groups.length <= 1;
  const out =
    before.length === 0 || JSON.stringify(before) === JSON.stringify(after)
      ? after
      : single
        ? [
            ...after.filter((line) => before.includes(line)),
            ...sideOf(
              t.pricing.before,
              before.filter((line) => !after.includes(line)),
            ),
            ...sideOf(
              t.pricing.after,
              after.filter((line) => !before.includes(line)),
            ),
          ]
        : // Several provenances on a side: each side's, whole, under its name.
          [t.pricing.before, before, t.pricing.after, after].flatMap((part) =>
            typeof part === "string" ? [t.diff.pricesOf(part, "").trimEnd()] : part.map((line) => `  ${line}`),
          );
  return [...out, ...new Set(said)];
}

/** Scenarios the base had that could not be priced there (a new one, for the working tree). */
const failedAtBase = (diff: ProjectDiff) =>
  diff.scenarios.filter((change) => change.before?.error !== undefined && change.status !== "added");

/** The project report, as `diff --base --format json` prints it: every choice of its formats made here. */
export function projectReport(diff: ProjectDiff, lang: Lang): ProjectReport {
  const side = (prices: SidePrices) => ({
    pricing: prices.groups.map(({ ref, count }) => ({ ...ref, scenarios: count })),
    said: prices.said.map((note) => noteOfPricesText(note, lang)),
  });
  const rows = reportRows(diff);
  const detailed = new Set(rows.detailed);
  return {
    kind: "project",
    version: 1,
    lang,
    title: projectTitle(diff, lang),
    base: diff.base,
    head: diff.head,
    on: diff.on,
    totals: diff.totals,
    counts: projectCounts(diff),
    config: diff.config,
    scenarios: diff.scenarios.map((change, at) => ({
      status: change.status,
      id: change.id,
      name: nameOf(change.after ?? change.before),
      file: change.file,
      source: sourceOf(change),
      previousFile: change.previousFile,
      currency: currencyOf(change),
      change: change.total ?? null,
      causes: change.causes.map((cause) =>
        cause.kind === "input" ? { ...cause, before: cause.before ?? null, after: cause.after ?? null } : cause,
      ),
      why: whyOf(change, lang),
      before: sideJson(change.before, lang),
      after: sideJson(change.after, lang),
      ...(detailed.has(at)
        ? { detail: diffEstimates(describe(change.before!.bill!, lang), describe(change.after!.bill!, lang)) }
        : {}),
    })),
    failedAtBase: failedAtBase(diff).map((change) => ({
      source: change.before!.source,
      error: textIn(change.before!.error!, lang),
    })),
    prices: { before: side(diff.prices.before), after: side(diff.prices.after), lines: pricesLines(diff, lang) },
    rows,
  };
}

export function renderProjectTable(
  diff: ProjectReport,
  styles: Styles = plainStyles,
  lang: Lang = "en",
  width = 80,
): string {
  const t = messages[lang].project;
  const d = messages[lang].diff;
  const rows = diff.rows.shown.map((at) => diff.scenarios[at]!);
  const out: string[] = [`${styles.bold(printable(diff.title))}\n`];
  const colour = markStyles(styles);
  if (rows.length === 0) out.push(`${t.nothing(diff.scenarios.length)}\n`);
  else {
    // One column for the scenario (its name, else its place); a named one's place is its first line below.
    const columns: GridColumn[] = [
      {},
      { flexible: true, min: 12, maxLines: 3 },
      ...[0, 1, 2].map(() => ({ align: "right" as const })),
      { align: "right", optional: true },
    ];
    const body: Cell[][] = rows.flatMap((change) => {
      const [marker, name, source, ...amounts] = cellsOf(change);
      const named = name ? [source!] : [];
      const below = [...named, ...change.why].map((line, index): Cell[] => [
        "",
        {
          text: `  ${line}`,
          span: 5,
          wrap: true,
          style: change.status === "invalid" && index >= named.length ? styles.error : styles.dim,
        },
      ]);
      return [[{ text: marker!, style: colour[marker!] }, name || source!, ...amounts], ...below];
    });
    out.push(
      ...renderGrid({
        columns,
        width,
        sections: [
          [["", t.scenario, d.before, d.after, d.change, "%"].map((text) => ({ text, style: styles.bold }))],
          body,
          totalCells(diff, lang).map((cells) =>
            cells.filter((_, index) => index !== 2).map((text) => ({ text, style: styles.bold })),
          ),
        ],
      }),
    );
  }
  const tail = [t.counts(diff.counts)];
  if (diff.failedAtBase.length > 0) {
    tail.push(t.invalidBefore);
    for (const { source, error } of diff.failedAtBase) tail.push(`  ${source}: ${error}`);
  }
  const wrap = (line: string) => hangingText(printable(line), width);
  out.push(`${tail.map(wrap).join("\n")}\n`);
  out.push(`${diff.prices.lines.map((line) => styles.dim(wrap(line))).join("\n")}\n`);
  return out.join("");
}

export function renderProjectMarkdown(diff: ProjectReport, title: string | undefined, lang: Lang = "en"): string {
  const t = messages[lang].project;
  const d = messages[lang].diff;
  const rows = diff.rows.markdown.map((at) => diff.scenarios[at]!);
  const left = diff.rows.shown.length - rows.length;
  const cell = (text: string, bold = false) => (bold && text ? `**${markdownText(text)}**` : markdownText(text));
  const row = (cells: string[], bold = false) => `| ${cells.map((text) => cell(text, bold)).join(" | ")} |`;
  const out = [`### ${markdownText(title ?? diff.title)}`, ""];
  if (rows.length === 0) out.push(markdownText(t.nothing(diff.scenarios.length)), "");
  else {
    out.push(
      row(["", t.scenario, t.file, d.before, d.after, d.change, "%", t.why]),
      "|---|---|---|---:|---:|---:|---:|---|",
    );
    for (const change of rows) {
      const why = change.why;
      const named =
        why.length > CAUSES_SHOWN
          ? [...why.slice(0, CAUSES_SHOWN - 1), t.cause.more(why.length - CAUSES_SHOWN + 1)]
          : why;
      out.push(row([...cellsOf(change), messages[lang].clauses(named)]));
    }
    if (left > 0) out.push(row(["", t.moreRows(left), "", "", "", "", "", ""]));
    for (const cells of totalCells(diff, lang)) out.push(row([...cells, ""], true));
    out.push("");
  }
  out.push(`${markdownText(t.counts(diff.counts))}  `);
  if (diff.failedAtBase.length > 0) {
    out.push("", markdownText(t.invalidBefore), "");
    for (const { source, error } of diff.failedAtBase) out.push(`- ${markdownText(`${source}: ${error}`)}`);
  }
  // An indented line of the prices (a side's, of several provenances) is a list item.
  const item = (line: string) => {
    const [, indent, text] = /^((?: {2})*)(.*)$/.exec(line)!;
    return indent ? `${indent.slice(2)}- ${markdownText(text!)}` : `${markdownText(line)}  `;
  };
  out.push("", ...diff.prices.lines.map(item));
  const detailed = diff.rows.detailed.map((at) => diff.scenarios[at]!);
  if (detailed.length > 0) {
    out.push("", `#### ${markdownText(t.details)}`, "");
    for (const change of detailed) {
      const heading = change.name ? `${change.name} (${change.source})` : change.source;
      out.push(renderDiffMarkdown(change.detail!, heading, lang, { footer: false, level: 5 }).trimEnd(), "");
    }
    if (diff.rows.moreDetails > 0) out.push(markdownText(t.moreDetails(diff.rows.moreDetails)), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** A side of a scenario, as JSON: where it is, its edition and total and prices, or why it has none. */
function sideJson(priced: Priced | undefined, lang: Lang) {
  if (!priced) return null;
  if (!priced.bill) return { source: priced.source, error: textIn(priced.error!, lang) };
  const { bill } = priced;
  return {
    source: priced.source,
    plan: bill.plan,
    currency: bill.prices.catalog.currency,
    total: bill.total,
    pricing: bill.prices.pricing,
  };
}

/** Why the gates failed, a sentence each (on stderr). */
export function gateText(failure: GateFailure, lang: Lang): string {
  const t = messages[lang].project.gate;
  if (failure.kind === "total") {
    const { currency, total } = failure;
    return t.total(currency, formatMoney(total.change, currency), total.percent, failure.threshold);
  }
  const { change } = failure;
  const total = change.total!;
  const name = nameOf(change.after);
  const scenario = name ? `${name} (${change.after!.source})` : change.after!.source;
  return t.each(scenario, formatMoney(total.change, currencyOf(change)), total.percent, failure.threshold);
}

/**
 * The annotations of a project diff: each scenario of the working tree that moved, is new,
 * cannot be priced or fails a gate, on its line; a project total over its gate, alone.
 */
export function projectAnnotations(diff: ProjectDiff, failures: readonly GateFailure[], lang: Lang): Annotation[] {
  const t = messages[lang].project.annotation;
  const annotations: Annotation[] = [];
  const failing = new Set(failures.flatMap((failure) => (failure.kind === "each" ? [failure.change] : [])));
  for (const failure of failures)
    if (failure.kind === "total")
      annotations.push({ level: "error", source: "", keys: [], title: t.title, message: gateText(failure, lang) });
  for (const change of diff.scenarios) {
    if (!change.after) continue;
    const { source } = change.after;
    const currency = currencyOf(change);
    if (failing.has(change)) {
      const failure = failures.find((each) => each.kind === "each" && each.change === change)!;
      annotations.push({ level: "error", source, keys: [], title: t.title, message: gateText(failure, lang) });
    } else if (change.status === "invalid")
      annotations.push({
        level: "error",
        source,
        keys: [],
        title: t.invalid,
        message: textIn(change.after.error!, lang),
      });
    else if (change.status === "changed") {
      const total = change.total!;
      const why = messages[lang].clauses(whyOf(change, lang));
      const message = t.changed(formatMoney(total.change, currency), total.percent, why);
      annotations.push({ level: "notice", source, keys: [], title: t.title, message });
    } else if (change.status === "added")
      annotations.push({
        level: "notice",
        source,
        keys: [],
        title: t.title,
        message: t.added(formatMoney(change.after.bill!.total, currency)),
      });
  }
  return annotations;
}
