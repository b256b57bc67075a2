// A bill in words: the one step from the calculator's numbers and codes (a line's
// formula, a finding's facts) to what a reader sees, in their language. Every format
// starts here: the estimate report (`estimateReport`, the JSON of `estimate`) is the
// bill described, and every report that holds estimates holds these.
import type { Bill, BillLine, Finding, Unit } from "../calculator/bill.js";
import type { Estimate, Finding as FindingText, Line, Subtotals } from "../calculator/types.js";
import { isPricingCode, type PriceChoice } from "../catalog/choose.js";
import type { EstimateReport } from "../report/estimate.js";
import { effectiveOf, noticeOf } from "../catalog/index.js";
import type { Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages, type Messages } from "../i18n/messages.js";
import { formatMoney } from "../util/format.js";
import { own } from "../util/own.js";
import { overageMetrics, type EditionId, type OverageMetric } from "../vocabulary.js";
import { pricingNoteText } from "./pricing-notes.js";
import { addonName, sourceTitle } from "./names.js";

/** The estimate of a bill, exactly as `--format json` prints it. */
export function describe(bill: Bill, lang: Lang): Estimate {
  const { catalog, pricing } = bill.prices;
  const { plan } = bill;
  const finding = (item: Finding) => describeFinding(item, plan, bill.prices, lang);
  return {
    version: 1,
    name: bill.name,
    plan,
    planName: planName(catalog, plan, lang),
    currency: catalog.currency,
    catalog: { id: catalog.id, version: catalog.version, currency: catalog.currency, effective: effectiveOf(catalog) },
    pricing,
    lines: bill.lines.map((line) => describeLine(line, plan, catalog, lang)),
    subtotals: bill.subtotals,
    total: bill.total,
    violations: bill.violations.map(finding),
    notes: bill.notes.map(finding),
    certainty: certaintyOf(bill),
  };
}

/** The figures a bill used, counted by status. */
function certaintyOf(bill: Bill): NonNullable<Estimate["certainty"]> {
  const counts = { sourced: 0, inferred: 0, carriedOver: 0, assumed: 0 };
  for (const figure of bill.figures) counts[figure.status]++;
  return counts;
}

/** The estimate report: the bill described, under its kind and its language (`estimate --format json`). */
export function estimateReport(bill: Bill, lang: Lang): EstimateReport {
  const { version, ...estimate } = describe(bill, lang);
  return { kind: "estimate", version, lang, ...estimate };
}

/**
 * The subtotals a report of these bills shows, in order: the discount only where one of
 * them has a discount, so that the subtotals shown add up to the totals beside them.
 */
export function shownSubtotals(bills: readonly { subtotals: Subtotals }[]): (keyof Subtotals)[] {
  const keys: (keyof Subtotals)[] = ["base", "overage", "addons"];
  return bills.some((bill) => bill.subtotals.discount !== "0.00") ? [...keys, "discount"] : keys;
}

/** Where a metric's next block starts, in words: "next ¥1,000.00 from 30,001, 1,601 away". */
export const nextStepText = (
  headroom: { current: number; nextStepAt: number; price: string },
  money: (amount: string) => string,
  lang: Lang,
): string =>
  messages[lang].nextStep(money(headroom.price), headroom.nextStepAt, headroom.nextStepAt - headroom.current);

/** An edition's name in the reader's language (catalog data). */
export const planName = (catalog: Catalog, plan: EditionId, lang: Lang): string =>
  catalog.editions[plan]?.name[lang] ?? plan;

/** What one unit of a line is called. */
function unitWords(unit: Unit, t: Messages): string {
  switch (unit.per) {
    case "month":
      return t.month;
    case "mbps-day":
      return t.meteredUnit;
    case "pack-day":
      return t.packDayUnit;
    case "deduction":
      return t.deductionUnit;
    case "package":
      return t.packageUnit(unit.size);
    default:
      return t.overageUnit(unit.per, unit.size);
  }
}

/** A unit that counts an overage metric (peak DAU, groups…): what overage lines are charged in. */
const isOverageUnit = (unit: Unit): unit is Extract<Unit, { per: OverageMetric }> =>
  (overageMetrics as readonly string[]).includes(unit.per);

/** An overage line's label, by the metric its unit counts. */
const overageLabel = (unit: Unit, t: Messages): string => (isOverageUnit(unit) ? t.overageLabel[unit.per] : "");

/** A line of a bill on `plan`, with its label, its unit and its formula in words. */
export function describeLine(line: BillLine, plan: EditionId, catalog: Catalog, lang: Lang): Line {
  const t = messages[lang];
  const name = (key: string) => addonName(catalog, key, lang);
  const { formula } = line;
  const [label, explain] = ((): [string, string] => {
    switch (formula.op) {
      case "fee": {
        const edition = catalog.editions[plan];
        return [edition ? t.packageLabel(edition.name.en, edition.name.zh) : plan, t.packageExplain];
      }
      case "ceil-div":
        return [
          overageLabel(line.unit, t),
          `${t.overageExplain(formula.peak, formula.free, formula.step, formula.blocks)}; ${nextStepText(
            { current: formula.peak, nextStepAt: formula.nextStepAt, price: line.unitPrice },
            (amount) => formatMoney(amount, catalog.currency),
            lang,
          )}`,
        ];
      case "per-unit":
        return [overageLabel(line.unit, t), t.perUnitExplain(formula.peak, formula.free, formula.quantity)];
      case "raise":
        return [
          t.limitAddonLabel(name(formula.addon), formula.raisesTo),
          t.limitAddonExplain(formula.value, formula.included, formula.raisesTo),
        ];
      case "tier":
        return [
          t.tierLabel(name(formula.addon), formula.tier, t.tierNoun[formula.need] ?? ""),
          t.tierExplain(formula.value, formula.included, formula.tier),
        ];
      case "requested":
        return [name(formula.addon), t.switchExplain];
      case "mbps-days":
        return [name(formula.addon), t.meteredExplain(formula.mbps, formula.days, formula.quantity)];
      case "sum-of-peaks":
        return [name(formula.addon), t.meteredSumExplain(formula.quantity)];
      case "packs-days":
        return [name(formula.addon), t.packsExplain(formula.packs, formula.days, formula.quantity)];
      case "deductions": {
        const terms = formula.terms
          .map((term) => `${t.deductionTerms[term.kind](term.used)} × ${term.weight}`)
          .join(" + ");
        return [name(formula.addon), t.deductionsExplain(terms, formula.deductions, formula.covered, formula.quantity)];
      }
      case "packages":
        return [
          t.packagesLabel(name(formula.addon)),
          t.packagesExplain(formula.deductions, formula.size, formula.packages),
        ];
      case "percent-of":
        return [
          t.discountLabel(formula.percent, formula.appliesTo),
          t.discountExplain(formula.percent, formatMoney(formula.base, catalog.currency)),
        ];
    }
  })();
  const { unit } = line;
  const described: Line = {
    id: line.id,
    category: line.category,
    label,
    quantity: line.quantity,
    unit: unitWords(unit, t),
    unitPrice: line.unitPrice,
    amount: line.amount,
    explain,
  };
  // Set in place, not spread: batch describes millions of lines.
  if (line.status !== null) described.status = line.status;
  // A line charged in started blocks: where the next one starts.
  if (formula.op === "ceil-div" && isOverageUnit(unit))
    described.headroom = {
      metric: unit.per,
      current: formula.peak,
      nextStepAt: formula.nextStepAt,
      price: line.unitPrice,
    };
  return described;
}

/** A violation or a note of a bill on `plan` (priced with `prices`), in words. */
export function describeFinding(finding: Finding, plan: EditionId, prices: PriceChoice, lang: Lang): FindingText {
  const t = messages[lang];
  const { catalog } = prices;
  const edition = planName(catalog, plan, lang);
  const name = (key: string) => addonName(catalog, key, lang);
  const message = ((): string => {
    switch (finding.kind) {
      case "exceeds":
        return finding.reach === null
          ? t.exceedsLimit(edition, t.needs[finding.need], finding.limit, finding.needed)
          : t.exceedsReach(edition, t.needs[finding.need], finding.reach, finding.needed);
      case "unavailable":
        return t.unavailable(edition, name(finding.addon));
      case "included":
        return t.included(edition, name(finding.addon));
      case "notice":
        return noticeOf(own(catalog.editions[plan]?.addons ?? {}, finding.addon))?.[lang] ?? name(finding.addon);
      case "renamed": {
        const former = catalog.editions[finding.plan]?.formerly;
        return t.renamed(edition, former?.[lang] ?? "", former ? sourceTitle(catalog, former.source, lang) : "");
      }
      case "cheapest-fit":
        return t.cheapestFit(planName(catalog, finding.plan, lang), formatMoney(finding.total, catalog.currency));
      case "no-fit":
        return t.noFit;
      case "pricing":
        return pricingNoteTextOnce(finding.note, plan, prices, lang);
      case "peak-days":
        return t.usage.peakDays(finding.dau, finding.dauDate, finding.groups, finding.groupsDate);
      case "missing-days":
        return t.usage.missingDays(finding.month, finding.missing, finding.days);
    }
  })();
  return { code: finding.code, message };
}

/**
 * A note of a price choice in words, made once for each edition and language: every bill
 * priced alike shares the choice's notes (a batch of a million says the same few).
 */
const worded = new WeakMap<PriceChoice["notes"][number], Map<string, string>>();
function pricingNoteTextOnce(note: PriceChoice["notes"][number], plan: EditionId, prices: PriceChoice, lang: Lang) {
  let texts = worded.get(note);
  if (!texts) worded.set(note, (texts = new Map<string, string>()));
  const key = `${lang}\n${plan}`;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = pricingNoteText(note, plan, prices, lang)));
  return text;
}

/** Whether a note is about the prices (a list not in effect, a pin that lost): said in the footer, with them. */
export const isPricingNote = (note: { code: string }): boolean => isPricingCode(note.code);

/** What is said of an estimate's prices, in words: the footer of every format. */
export const pricingNotes = (estimate: Pick<Estimate, "notes">): string[] =>
  estimate.notes.filter(isPricingNote).map((note) => note.message);

/**
 * What a footer says of a bill's prices: which prices (the provenance), how sure the bill
 * is (none where the footer speaks for several bills), and what is said of the prices.
 */
export interface PricesSaid {
  pricing: Estimate["pricing"];
  certainty?: Estimate["certainty"];
  said: readonly string[];
}

/** An estimate's footer: its provenance, its certainty and its notes about its prices. */
export const pricesSaid = (estimate: Estimate): PricesSaid => ({
  pricing: estimate.pricing,
  certainty: estimate.certainty,
  said: pricingNotes(estimate),
});

/** The notes under an estimate's lines: all but those about its prices. */
export const lineNotes = (estimate: Pick<Estimate, "notes">): FindingText[] =>
  estimate.notes.filter((note) => !isPricingNote(note));

/**
 * Whether a described line's formula says more than its label: not "package fee",
 * "requested" (the words of the estimate's language) or a discount, whose formula is its quantity.
 */
export const showsFormula = (line: Line, lang: Lang): boolean =>
  line.category !== "discount" &&
  line.explain !== messages[lang].packageExplain &&
  line.explain !== messages[lang].switchExplain;
