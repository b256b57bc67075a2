// What the calculator returns: a bill in numbers and codes. Each line says what it
// charges (quantity × unit price = amount) and how its quantity was found (its formula,
// as terms); each violation and note is a code with the facts it is about. No words:
// render/describe.ts makes them, in the reader's language, for every format (the JSON
// estimate, ./types.ts, is a bill described).
import type { NoteOfPrices, PriceChoice, PricingNote } from "../catalog/choose.js";
import type { Category } from "../catalog/schema.js";
import type { EditionId, FigureStatus, LimitNeed, OverageMetric } from "../vocabulary.js";
import type { Subtotals } from "./types.js";

/** What one unit of a line is. */
export type Unit =
  | { per: "month" }
  /** a started block of `size` of a metric above the free quota (peak DAU, groups, MAU, community messages); size 1: one unit */
  | { per: OverageMetric; size: number }
  /** one Mbps of daily peak bandwidth for one day */
  | { per: "mbps-day" }
  /** one pack held for one day (server API rate packs) */
  | { per: "pack-day" }
  /** one deduction of content moderation, paid as used */
  | { per: "deduction" }
  /** a package of a month holding `size` deductions */
  | { per: "package"; size: number };

/** How a line's quantity (or, for the discount, its amount) was found. */
export type Formula =
  /** the package: one month of the edition's fee */
  | { op: "fee" }
  /** ceil((peak − free) / step) started blocks above the free quota; the next block starts at `nextStepAt` */
  | { op: "ceil-div"; peak: number; free: number; step: number; blocks: string; nextStepAt: number }
  /** per unit above the free quota (MAU at 0.015 USD a user): peak − free */
  | { op: "per-unit"; peak: number; free: number; quantity: string }
  /** a limit add-on: the need is above what the edition includes; the add-on raises it (null: without limit) */
  | { op: "raise"; addon: string; need: LimitNeed; value: number; included: number; raisesTo: number | null }
  /** a tiered add-on: the smallest tier that reaches the need */
  | { op: "tier"; addon: string; need: LimitNeed; value: number; included: number; tier: number }
  /** an add-on the scenario asks for by name */
  | { op: "requested"; addon: string }
  /** metered: Mbps × days */
  | { op: "mbps-days"; addon: string; mbps: string; days: number; quantity: string }
  /** metered: the month's daily peaks summed (from a usage file) */
  | { op: "sum-of-peaks"; addon: string; quantity: string }
  /** metered: packs held each day × days */
  | { op: "packs-days"; addon: string; packs: number; days: number; quantity: string }
  /**
   * weighted usage: each kind × its weight = `deductions`; those the packages of the
   * month hold (`covered`) are paid there, the rest (`quantity`) per deduction
   */
  | {
      op: "deductions";
      addon: string;
      terms: { kind: "texts" | "images" | "audioMinutes" | "videoMinutes"; used: string; weight: string }[];
      deductions: string;
      covered: string;
      quantity: string;
    }
  /** packages of a month for weighted usage: `packages` of `size`, where they cost less than paying per deduction */
  | { op: "packages"; addon: string; deductions: string; size: number; packages: number }
  /** the discount: a percentage of the categories it applies to */
  | { op: "percent-of"; percent: string; base: string; appliesTo: Category[] };

export interface BillLine {
  /** stable: package, overage.<metric> (dau, groups, mau, communityMessages), addon.<name>, discount */
  id: string;
  category: Category;
  /** exact decimal; "1" for a monthly fee */
  quantity: string;
  unit: Unit;
  /** two decimals; a per-unit overage price up to four (0.015) */
  unitPrice: string;
  /** quantity × unit price, rounded half-up to the fen; two decimals */
  amount: string;
  formula: Formula;
  /** how sure the least sure figure that priced it is (its price, its quota, the limit that called for it); null: the discount, no figure of the list */
  status: FigureStatus | null;
}

/** A figure of the list that a bill used: a price, a quota, a limit it tested, an add-on relied on. */
export interface UsedFigure {
  /** its place in the list: editions.pro.overage.dau */
  path: string;
  status: FigureStatus;
  /** the lines it priced (an add-on's packages and what is paid as used: two); none: tested, charging nothing (a limit the need is within, a quota not passed) */
  lines: string[];
}

/** What a bill says of itself: what the edition cannot serve, and what is worth knowing. */
export type Finding =
  /** a need above the edition's limit that no add-on reaches (`reach`: the most one does; null: there is none) */
  | {
      kind: "exceeds";
      code: `exceeds.${LimitNeed}`;
      need: LimitNeed;
      limit: number;
      needed: number;
      reach: number | null;
    }
  /** an add-on (or metered usage) the edition does not sell */
  | { kind: "unavailable"; code: `unavailable.${string}`; addon: string }
  /** an add-on the edition includes at no charge, relied on */
  | { kind: "included"; code: `included.${string}`; addon: string }
  /** an edition Tencent renamed, priced with the figures it had under its former name (catalog data) */
  | { kind: "renamed"; code: "edition.renamed"; plan: EditionId }
  /** what the vendor says of an add-on bought (its words are catalog data) */
  | { kind: "notice"; code: `notice.${string}`; addon: string }
  /** under a violation: the cheapest edition that serves the same scenario */
  | { kind: "cheapest-fit"; code: "hint.cheapest-fit"; plan: EditionId; total: string }
  | { kind: "no-fit"; code: "hint.no-fit" }
  /** about the prices: a list not in effect on the day, a pin or a config setting that lost */
  | { kind: "pricing"; code: PricingNote["code"]; note: PricingNote }
  /** a month of a usage file: the days that set its peaks, and the days it lacks */
  | {
      kind: "peak-days";
      code: "usage.peak-days";
      dau: number;
      dauDate: string;
      groups: number;
      groupsDate: string;
    }
  | { kind: "missing-days"; code: "usage.missing-days"; month: string; missing: number; days: number };

/**
 * How far a metric billed in started blocks is from its next block: the peak now, the
 * first value the next block is charged at, and that block's price. One per metric the
 * edition bills so, whether a block is charged yet or not.
 */
export interface Headroom {
  metric: OverageMetric;
  current: number;
  nextStepAt: number;
  price: string;
}

/** The bill of one scenario on one edition. Subtotals and the total are sums of the lines. */
export interface Bill {
  name: string | null;
  plan: EditionId;
  /** the prices that made it: the list (its currency, its names), the day, and `pricing`, the JSON's account of them */
  prices: PriceChoice;
  /** zero-amount lines are left out, but for the package line, always first */
  lines: BillLine[];
  subtotals: Subtotals;
  total: string;
  violations: Finding[];
  notes: Finding[];
  /** each block-billed metric's distance to its next block */
  headroom: Headroom[];
  /** the figures of the list the bill used, each once, in the order it used them */
  figures: UsedFigure[];
}

/** A bill's notes about its prices, with what their words need (for a tally of many bills). */
export const notesOfPrices = (bill: Bill): NoteOfPrices[] =>
  bill.notes.flatMap((finding) =>
    finding.kind === "pricing" ? [{ note: finding.note, plan: bill.plan, prices: bill.prices }] : [],
  );
