// The project report: every scenario of a project priced at a commit and in the working
// tree (`im-bill diff --base`), what moved and why, and which rows each format shows.
import * as z from "zod/mini";
import { PricingRefSchema } from "../catalog/pricing-ref.js";
import { DiffReportSchema, TotalChangeSchema } from "./diff.js";
import { header } from "./estimate.js";

const PriceListSchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  currency: z.string(),
  site: z.enum(["cn", "intl"]),
  effective: z.strictObject({ from: z.nullable(z.string()), to: z.nullable(z.string()) }),
  lastVerified: z.nullable(z.string()),
  builtin: z.boolean(),
});

/** Why a scenario's bill moved, each cause with its facts (their words are under `why`). */
const CauseSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("input"), path: z.string(), before: z.unknown(), after: z.unknown() }),
  z.strictObject({ kind: z.literal("edition"), before: z.string(), after: z.string() }),
  z.strictObject({ kind: z.literal("pin"), before: z.nullable(z.string()), after: z.nullable(z.string()) }),
  z.strictObject({ kind: z.literal("list"), before: PriceListSchema, after: PriceListSchema }),
  z.strictObject({
    kind: z.literal("figure"),
    file: z.nullable(z.string()),
    path: z.string(),
    before: z.nullable(z.string()),
    after: z.nullable(z.string()),
  }),
  z.strictObject({
    kind: z.literal("discount"),
    before: PricingRefSchema.shape.discount,
    after: PricingRefSchema.shape.discount,
  }),
  z.strictObject({ kind: z.literal("config"), before: z.nullable(z.string()), after: z.nullable(z.string()) }),
]);

/** One side of a scenario: where it is, its edition, total and prices, or why it has none. */
const SideSchema = z.nullable(
  z.union([
    z.strictObject({
      source: z.string(),
      plan: z.string(),
      currency: z.string(),
      total: z.string(),
      pricing: PricingRefSchema,
    }),
    z.strictObject({ source: z.string(), error: z.string() }),
  ]),
);

const SidePricesSchema = z.strictObject({
  pricing: z.array(z.strictObject({ ...PricingRefSchema.shape, scenarios: z.int() })),
  said: z.array(z.string()),
});

/** A line-by-line diff of one scenario, without its header (the report's is its). */
const { kind: _kind, version: _version, lang: _lang, ...detailShape } = DiffReportSchema.shape;

export const ProjectReportSchema = z.strictObject({
  ...header("project"),
  /** "Bill changes: main (3f2a1b0) → 9c8d7e6" */
  title: z.string(),
  base: z.strictObject({ ref: z.string(), commit: z.string(), mergeBase: z.boolean() }),
  head: z.strictObject({ commit: z.nullable(z.string()), dirty: z.boolean() }),
  on: z.string(),
  totals: z.record(z.string(), TotalChangeSchema),
  counts: z.strictObject({
    changed: z.int(),
    added: z.int(),
    removed: z.int(),
    renamed: z.int(),
    unchanged: z.int(),
    invalid: z.int(),
  }),
  config: z.strictObject({ before: z.nullable(z.string()), after: z.nullable(z.string()) }),
  scenarios: z.array(
    z.strictObject({
      status: z.enum(["changed", "added", "removed", "unchanged", "invalid"]),
      id: z.string(),
      /** the scenario's own name where it has one, else "" (its place names it) */
      name: z.string(),
      file: z.string(),
      /** where it is, as batch names it (file, file#n, file:line) */
      source: z.string(),
      previousFile: z.nullable(z.string()),
      currency: z.string(),
      change: z.nullable(TotalChangeSchema),
      causes: z.array(CauseSchema),
      /** why it moved, where it came from, what is wrong with it: in words */
      why: z.array(z.string()),
      before: SideSchema,
      after: SideSchema,
      /** its lines, before → after: for the largest changes the markdown details */
      detail: z.optional(z.strictObject(detailShape)),
    }),
  ),
  /** the base's scenarios that could not be priced there */
  failedAtBase: z.array(z.strictObject({ source: z.string(), error: z.string() })),
  prices: z.strictObject({
    before: SidePricesSchema,
    after: SidePricesSchema,
    /** which prices made each side, in words: a line both share once, else each side's */
    lines: z.array(z.string()),
  }),
  /** which scenarios each format shows, by their index in `scenarios` */
  rows: z.strictObject({
    /** those that moved or were renamed: every table's rows */
    shown: z.array(z.int()),
    /** the markdown's table (a comment holds 65,536 characters): those that cannot be read, then the largest changes */
    markdown: z.array(z.int()),
    /** the largest changes, detailed line by line in the markdown */
    detailed: z.array(z.int()),
    /** changed scenarios not detailed */
    moreDetails: z.int(),
    /** the HTML chart's bars */
    chart: z.array(z.int()),
  }),
});
export type ProjectReport = z.infer<typeof ProjectReportSchema>;
export type ScenarioRow = ProjectReport["scenarios"][number];
