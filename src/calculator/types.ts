import type { EditionId } from "../catalog/schema.js";

export type Category = "base" | "overage" | "addon";

/** One priced item of an estimate. Money and quantities are decimal strings. */
export interface Line {
  /** stable id: package, overage.dau, overage.groups, addon.<name> */
  id: string;
  category: Category;
  label: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  /** quantity × unitPrice, rounded half-up to two decimals */
  amount: string;
  /** the formula, in words */
  explain: string;
}

/** A violation or a note: a stable code for scripts and a message for people. */
export interface Finding {
  code: string;
  message: string;
}

export interface Subtotals {
  base: string;
  overage: string;
  addons: string;
}

export interface CatalogRef {
  id: string;
  version: string;
  currency: string;
}

/** The estimate of one scenario, exactly as `--format json` prints it. */
export interface Estimate {
  version: 1;
  name: string | null;
  plan: EditionId;
  currency: string;
  catalog: CatalogRef;
  /** zero-amount lines are left out, but for the package line, which is always first */
  lines: Line[];
  /** derived from the lines */
  subtotals: Subtotals;
  /** derived from the lines */
  total: string;
  /** reasons the edition cannot serve the scenario; empty when it fits */
  violations: Finding[];
  notes: Finding[];
}
