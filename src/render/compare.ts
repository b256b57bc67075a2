// A comparison of the editions: a column per edition, a row per line id, the subtotals,
// the total, whether each fits, then the recommendation. Table, markdown, or the JSON
// that `compare --format json` prints (`describeComparison`).
import type { Comparison, Recommendation } from "../advisor/compare.js";
import type { Estimate } from "../calculator/types.js";
import type { CompareReport } from "../report/compare.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney } from "../util/format.js";
import { METRIC_USAGE, type EditionId } from "../vocabulary.js";
import { plainStyles, type Styles } from "./styles.js";
import { gridText } from "./grid.js";
import { wrapText } from "./text.js";
import { footer } from "./table.js";
import { markdownFooter, markdownText } from "./markdown.js";
import { printable } from "../util/printable.js";
import {
  describe,
  describeFinding,
  nextStepText,
  planName,
  pricingNotes,
  shownSubtotals,
  type PricesSaid,
} from "./describe.js";
import { addonName } from "./names.js";

/** A comparison in words, as `compare --format json` prints it: every choice of its formats made here. */
export function describeComparison(comparison: Comparison, lang: Lang): CompareReport {
  const { prices } = comparison;
  const editions: Record<EditionId, Estimate> = {};
  for (const [plan, bill] of Object.entries(comparison.editions)) editions[plan] = describe(bill, lang);
  const recommendation = comparison.recommendation;
  return {
    kind: "compare",
    version: 1,
    lang,
    currency: prices.catalog.currency,
    lines: comparison.lines,
    editions,
    onRequest: comparison.onRequest.map(({ plan, violations }) => ({
      plan,
      planName: planName(prices.catalog, plan, lang),
      violations: violations.map((violation) => describeFinding(violation, plan, prices, lang)),
    })),
    // What is said of the prices of any edition's bill (a list not in effect, an add-on no longer sold), once each.
    said: [...new Set(Object.values(editions).flatMap((estimate) => pricingNotes(estimate)))],
    recommendation: recommendation && {
      plan: recommendation.plan,
      total: recommendation.total,
      reason: reasonOf(recommendation, editions[recommendation.plan]!, comparison, lang),
      setAside: recommendation.setAside,
      // How far the edition recommended is from its next overage blocks (those it has reached).
      headroom: comparison.editions[recommendation.plan]!.headroom.filter((each) => each.current > 0),
    },
  };
}

/** Why the recommended edition: what it costs and is made of, and how each other edition stands against it. */
function reasonOf(recommendation: Recommendation, winner: Estimate, comparison: Comparison, lang: Lang): string {
  const t = messages[lang].compare;
  const { catalog } = comparison.prices;
  const name = (plan: EditionId) => planName(catalog, plan, lang);
  const money = (amount: string) => formatMoney(amount, catalog.currency);
  const best = recommendation.plan;
  const parts = recommendation.others.map((other) => {
    switch (other.kind) {
      case "same":
        return t.sameAs(
          name(other.plan),
          name(best),
          other.extras.map((need) => t.included(need, catalog.editions[best]!.limits[need]?.value ?? null)),
        );
      case "costs-more":
        return t.saves(money(other.more), name(other.plan));
      case "no-fit":
        return t.doesNotFit(name(other.plan));
      case "on-request":
        return t.onRequest(name(other.plan));
    }
  });
  const lines = winner.lines.map((line) => line.label).join(" + ");
  const setAside =
    recommendation.setAside.length > 0
      ? [t.setAside(recommendation.setAside.map((key) => addonName(catalog, key, lang)))]
      : [];
  return t.reason(t.fitsFor(name(best), lines, money(recommendation.total)), [...parts, ...setAside]);
}

function grid(described: CompareReport, lang: Lang) {
  const t = messages[lang];
  const money = (amount: string | undefined) => (amount === undefined ? "—" : formatMoney(amount, described.currency));
  const estimates = Object.values(described.editions);
  // Editions sold by contract: a column with no amounts, "on request", and whether their stated limits fit.
  const onRequest = described.onRequest;
  const blank = onRequest.map(() => "—");
  const ids = described.lines;
  // The package line's label names an edition: the row is just the package fee.
  const labelOf = (id: string) =>
    id === "package" ? t.prices.packageFee : estimates.flatMap((e) => e.lines).find((line) => line.id === id)!.label;
  const head = [t.compare.line, ...estimates.map((e) => e.planName), ...onRequest.map((e) => e.planName)];
  const lines = ids.map((id) => [
    labelOf(id),
    ...estimates.map((e) => money(e.lines.find((line) => line.id === id)?.amount)),
    ...(id === "package" ? onRequest.map(() => t.compare.onRequestCell) : blank),
  ]);
  const subtotals = shownSubtotals(estimates).map((key) => [
    t.subtotal[key],
    ...estimates.map((e) => money(e.subtotals[key])),
    ...blank,
  ]);
  const total = [t.total, ...estimates.map((e) => money(e.total)), ...onRequest.map(() => t.compare.onRequestCell)];
  const fitsCell = (violations: readonly unknown[]) =>
    violations.length === 0 ? t.compare.fitsYes : `✗ ${violations.length}`;
  const fits = [
    t.compare.fits,
    ...estimates.map((e) => fitsCell(e.violations)),
    ...onRequest.map((e) => fitsCell(e.violations)),
  ];
  const why = [...estimates, ...onRequest]
    .filter((e) => e.violations.length > 0)
    .map((e) =>
      t.compare.why(
        e.planName,
        e.violations.map((v) => v.message),
      ),
    );
  for (const edition of onRequest)
    if (edition.violations.length === 0) why.push(t.compare.onRequestFits(edition.planName));
  const recommendation = described.recommendation
    ? t.compare.recommendationLine(described.recommendation.reason)
    : t.compare.none;
  const headroom = (described.recommendation?.headroom ?? []).map((each) =>
    t.headroomLine(t.prices.limitNames[METRIC_USAGE[each.metric]], each.current, nextStepText(each, money, lang)),
  );
  return { head, lines, subtotals, total, fits, why, recommendation, headroom };
}

export function renderCompareTable(
  comparison: CompareReport,
  lang: Lang,
  styles: Styles = plainStyles,
  width = 80,
): string {
  const { head, lines, subtotals, total, fits, why, recommendation, headroom } = grid(comparison, lang);
  const table = gridText({
    columns: [{ flexible: true, min: 12, maxLines: 3 }, ...head.slice(1).map(() => ({ align: "right" as const }))],
    width,
    sections: [
      [head.map((text) => ({ text, style: styles.bold }))],
      lines,
      subtotals,
      [total.map((text) => ({ text, style: styles.bold }))],
      [fits],
    ],
  });
  const wrap = (text: string) => wrapText(printable(text), width).join("\n");
  const out = [table.trimEnd(), ...why.map((text) => styles.error(wrap(text)))];
  out.push(comparison.recommendation ? styles.success(wrap(recommendation)) : styles.warning(wrap(recommendation)));
  out.push(...headroom.map((text) => styles.dim(wrap(text))));
  const prices = pricesOf(comparison);
  if (prices) out.push(...footer(prices, lang, styles, width));
  return `${out.join("\n")}\n`;
}

export function renderCompareMarkdown(comparison: CompareReport, lang: Lang): string {
  const { head, lines, subtotals, total, fits, why, recommendation, headroom } = grid(comparison, lang);
  // Cells are user text (edition and add-on names of a price file): escaped, then made bold where bold.
  const row = (cells: string[], bold = false) =>
    `| ${cells.map((text) => (bold && text ? `**${markdownText(text)}**` : markdownText(text))).join(" | ")} |`;
  const out = [
    row(head),
    `|---|${head
      .slice(1)
      .map(() => "---:")
      .join("|")}|`,
    ...lines.map((cells) => row(cells)),
    ...subtotals.map((cells) => row(cells)),
  ];
  out.push(
    row(total, true),
    row(fits),
    "",
    ...why.map((text) => `- ${markdownText(text)}`),
    "",
    markdownText(recommendation),
    ...headroom.map((text) => `- ${markdownText(text)}`),
  );
  const prices = pricesOf(comparison);
  if (prices) out.push("", ...markdownFooter(prices, lang));
  return `${out.join("\n")}\n`;
}

/**
 * What a footer says of a comparison's prices: the list every edition was priced with,
 * and what is said of any edition's bill. How sure each bill is, is each edition's own
 * (its JSON): the footer of one would misname the others.
 */
function pricesOf(comparison: CompareReport): PricesSaid | undefined {
  const first = Object.values(comparison.editions)[0];
  return first && { pricing: first.pricing, said: comparison.said ?? pricingNotes(first) };
}
