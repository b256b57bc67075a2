// The shape of a price catalog: one zod definition gives the TypeScript types,
// the validation of catalog files and (later) their JSON Schema.
import * as z from "zod/mini";

import { editionIds, type EditionId } from "./editions.js";

export { editionIds, type EditionId };

/** A money amount as a decimal string with up to two decimals, e.g. "999.00". */
const Price = z.string().check(z.regex(/^\d+(\.\d{1,2})?$/));
const Count = z.int().check(z.minimum(0));
const PositiveCount = z.int().check(z.minimum(1));
const Localized = z.strictObject({ en: z.string(), zh: z.string() });

/** Where a fact comes from: keys of `sources`. `assumption: true` marks a fact no source states. */
const Provenance = {
  source: z.union([z.string(), z.array(z.string())]),
  assumption: z.optional(z.boolean()),
  note: z.optional(z.string()),
};

/** The needs a scenario can express, which limits and add-ons refer to. */
export const LimitNeed = z.enum([
  "peakDau",
  "peakGroups",
  "liveGroups",
  "groupMemberLimit",
  "groupsPerUser",
  "historyDays",
]);
export type LimitNeed = z.infer<typeof LimitNeed>;
export const SwitchNeed = z.enum(["securityStrike"]);
export type SwitchNeed = z.infer<typeof SwitchNeed>;
export const MeteredNeed = z.enum(["bandwidth.mainland", "bandwidth.international"]);
export type MeteredNeed = z.infer<typeof MeteredNeed>;

const Billing = z.enum(["prepaid", "postpaid"]);

const Overage = z.strictObject({
  /** included in the package each month */
  free: Count,
  /** each started block of this size is charged whole */
  unit: PositiveCount,
  /** price of one block */
  price: Price,
  ...Provenance,
});
export type Overage = z.infer<typeof Overage>;

const Limit = z.strictObject({
  /** the edition's default; null = unlimited */
  value: z.nullable(Count),
  ...Provenance,
});

/** Raises a limit to `raisesTo` (null = unlimited) for a fixed price per period. */
const LimitAddon = z.strictObject({
  kind: z.literal("limit"),
  need: LimitNeed,
  raisesTo: z.nullable(Count),
  price: Price,
  billing: Billing,
  ...Provenance,
});
/** The smallest tier whose `upTo` meets the need is bought. */
const TieredAddon = z.strictObject({
  kind: z.literal("tiers"),
  need: LimitNeed,
  tiers: z.array(z.strictObject({ upTo: PositiveCount, price: Price })).check(z.minLength(1)),
  billing: Billing,
  ...Provenance,
});
/** Bought when the scenario asks for it. */
const SwitchAddon = z.strictObject({
  kind: z.literal("switch"),
  need: SwitchNeed,
  price: Price,
  billing: Billing,
  ...Provenance,
});
/** Charged per unit of metered usage (Mbps·day). */
const MeteredAddon = z.strictObject({
  kind: z.literal("metered"),
  need: MeteredNeed,
  price: Price,
  billing: Billing,
  ...Provenance,
});
/** Part of the package: never charged, noted when the scenario relies on it. */
const IncludedAddon = z.strictObject({
  kind: z.literal("included"),
  need: LimitNeed,
  ...Provenance,
});
const Addon = z.discriminatedUnion("kind", [LimitAddon, TieredAddon, SwitchAddon, MeteredAddon, IncludedAddon]);
export type Addon = z.infer<typeof Addon>;
export type AddonKind = Addon["kind"];

const Edition = z.strictObject({
  name: Localized,
  aliases: z.array(z.string()),
  packageFee: z.strictObject({ price: Price, ...Provenance }),
  /** null: no overage billing, the limits are hard caps */
  overage: z.nullable(z.strictObject({ dau: Overage, groups: Overage })),
  limits: z.strictObject({
    peakDau: Limit,
    peakGroups: Limit,
    liveGroups: Limit,
    groupMemberLimit: Limit,
    groupsPerUser: Limit,
    historyDays: Limit,
  }),
  addons: z.record(z.string(), Addon),
});
export type Edition = z.infer<typeof Edition>;

export const Catalog = z.strictObject({
  $schema: z.optional(z.string()),
  id: z.string(),
  version: z.string(),
  currency: z.string(),
  title: Localized,
  sources: z.record(z.string(), z.string()),
  editions: z.strictObject({ trial: Edition, pro: Edition, flagship: Edition }),
  addonNames: z.record(z.string(), Localized),
});
export type Catalog = z.infer<typeof Catalog>;
