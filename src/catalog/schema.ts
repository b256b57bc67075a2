// The shape of a price catalog: one zod definition gives the TypeScript types, the
// validation of catalog files (--pricing) and their JSON Schema (schemas/).
import * as z from "zod/mini";
import { count, field, positiveCount, price, text, unitPrice } from "../validation/fields.js";
import { dataCenters, limitNeeds, sites, type EditionId } from "../vocabulary.js";

export type { EditionId };

const Localized = z.strictObject({ en: text("English"), zh: text("Chinese") });

/** Key(s) of `sources`. */
const SourceKeys = field(
  z.union([z.string(), z.array(z.string())]),
  "Key(s) of `sources` that state this fact",
  (r) => r.source,
);

/**
 * Where a fact comes from: keys of `sources`. `inferred: true` marks a fact derived from
 * what the sources state (the note gives the derivation); `assumption: true` one no
 * source states; `carriedOver` one taken unchanged from an earlier list, not re-verified.
 */
const Provenance = {
  source: SourceKeys,
  inferred: z.optional(
    field(
      z.boolean(),
      "Derived from what the sources state, not stated by them: the note gives the derivation",
      (r) => r.flag,
    ),
  ),
  assumption: z.optional(field(z.boolean(), "No primary source states this fact: see the note", (r) => r.flag)),
  carriedOver: z.optional(
    text("The id of the earlier list this figure is taken from, unchanged: no source of this list's date states it"),
  ),
  note: z.optional(text("Why, or how the fact was derived")),
  noteZh: z.optional(text("The note in Chinese: what im-bill prices --lang zh shows")),
};

/** A day, YYYY-MM-DD. */
const Day = field(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), "A day, YYYY-MM-DD", (r) => r.day);

/** When a list applies: from its first day to its last (null: open, or not stated by a source). */
export const Effective = z.strictObject({
  from: z.nullable(Day),
  to: z.nullable(Day),
  source: z.optional(Provenance.source),
  inferred: z.optional(
    field(
      z.boolean(),
      "A date derived from what the sources show (a page's history), not stated by them: the note says how",
      (r) => r.flag,
    ),
  ),
  note: z.optional(text("What the dates rest on")),
  knownFrom: z.optional(
    field(
      z.strictObject({
        day: Day,
        source: SourceKeys,
        inferred: z.optional(field(z.boolean(), "A day derived from what the sources state", (r) => r.flag)),
        note: z.optional(text("How the day was derived")),
        before: z.strictObject({
          en: text("What is known of the prices before it, in English, with its source"),
          zh: text("The same, in Chinese"),
        }),
      }),
      "Where the list's first day is not stated: the earliest day it is known to apply, and what is known of the prices before it; a bill for an earlier day says so",
      (r) => r.kind("object"),
    ),
  ),
});
export type Effective = z.infer<typeof Effective>;

/** The needs a scenario can express, which limits and add-ons refer to. */
export const LimitNeed = field(z.enum(limitNeeds), "The scenario need this limit or add-on is about", (r) =>
  r.oneOf(limitNeeds.join(", ")),
);
export type LimitNeed = z.infer<typeof LimitNeed>;
export const MeteredNeed = field(
  z.enum(["bandwidth.mainland", "bandwidth.international", "apiRatePacks"]),
  "The metered usage this add-on charges for: danmaku bandwidth (Mbps·day), server API rate packs (pack·day)",
  (r) => r.meteredNeed,
);
export type MeteredNeed = z.infer<typeof MeteredNeed>;

const Billing = field(
  z.enum(["prepaid", "postpaid"]),
  "prepaid: bought per package period (from day T, as prepaidPeriod says); postpaid: settled per calendar month",
  (r) => r.billing,
);

const Overage = z.strictObject({
  free: count("Included in the package each month"),
  unit: positiveCount(
    "Each started block of this size above the free quota is charged whole; 1: charged per unit (the line rounded half-up to the cent)",
  ),
  price: unitPrice("Price of one block (of one unit, where unit is 1: up to four decimals, such as 0.015)"),
  ...Provenance,
  /** where the free quota is stated, when another source than the price's states it */
  quota: z.optional(
    field(
      z.strictObject({
        source: SourceKeys,
        note: z.optional(text("What the source says")),
        carriedOver: z.optional(text("The id of the earlier list this is taken from, unchanged")),
      }),
      "Where the free quota comes from, when a later source than the price's states it",
      (r) => r.kind("object"),
    ),
  ),
});
export type Overage = z.infer<typeof Overage>;

const Limit = z.strictObject({
  value: z.nullable(count("The edition's default; null = unlimited")),
  ...Provenance,
});

const LimitAddon = z.strictObject({
  kind: z.literal("limit"),
  need: LimitNeed,
  raisesTo: z.nullable(count("The limit with the add-on; null = unlimited")),
  price: price("Price per month"),
  billing: Billing,
  ...Provenance,
});
const TieredAddon = z.strictObject({
  kind: z.literal("tiers"),
  need: LimitNeed,
  tiers: z
    .array(z.strictObject({ upTo: positiveCount("The limit with this tier"), price: price("Price per month") }))
    .check(z.minLength(1)),
  billing: Billing,
  ...Provenance,
});
/** What the vendor says of an add-on, shown on every bill that buys it. */
const Notice = z.strictObject({
  en: text("English"),
  zh: text("Chinese"),
  source: text("A key of sources"),
  withdrawn: z.optional(
    field(
      z.boolean(),
      "Tencent no longer sells or lists it: every bill that prices it says so, with the source, and it decides no recommendation",
      (r) => r.flag,
    ),
  ),
});
export type Notice = z.infer<typeof Notice>;

const SwitchAddon = z.strictObject({
  kind: z.literal("switch"),
  price: price("Price per month"),
  billing: Billing,
  notice: z.optional(Notice),
  ...Provenance,
});
const MeteredAddon = z.strictObject({
  kind: z.literal("metered"),
  need: MeteredNeed,
  price: price("Price per unit of usage (Mbps·day, pack·day)"),
  billing: Billing,
  notice: z.optional(Notice),
  ...Provenance,
});
/** What each moderated item counts, in deductions (抵扣系数): up to four decimals. */
const weight = (description: string) => unitPrice(description);
const DeductionsAddon = z.strictObject({
  kind: z.literal("deductions"),
  need: field(z.enum(["moderation"]), "The usage it charges for: content moderated (usage.moderation)", (r) =>
    r.oneOf("moderation"),
  ),
  price: unitPrice("Price of one deduction, pay as you go (up to four decimals, such as 0.0010)"),
  weights: z.strictObject({
    texts: weight("Deductions a text counts"),
    images: weight("Deductions an image counts"),
    audioMinutes: weight("Deductions a minute of audio counts"),
    videoMinutes: weight("Deductions a minute of video counts"),
  }),
  packages: field(
    z.array(
      z.strictObject({
        size: positiveCount("Deductions a package of a month holds"),
        price: price("Price of the package"),
      }),
    ),
    "Packages of a month, bought where cheaper than paying per deduction: a bill takes the cheapest mix",
    (r) => r.kind("array"),
  ),
  billing: Billing,
  notice: z.optional(Notice),
  ...Provenance,
});
const IncludedAddon = z.strictObject({
  kind: z.literal("included"),
  need: LimitNeed,
  ...Provenance,
});
/**
 * limit: raises a limit for a fixed price; tiers: the smallest tier that meets the need;
 * switch: bought when the scenario asks for it (features.addons); metered: per unit of
 * usage; deductions: weighted usage, per deduction or in packages, whichever costs less;
 * included: part of the package, never charged, noted when relied on.
 */
const Addon = z.discriminatedUnion("kind", [
  LimitAddon,
  TieredAddon,
  SwitchAddon,
  MeteredAddon,
  DeductionsAddon,
  IncludedAddon,
]);
export type Addon = z.infer<typeof Addon>;
export type AddonKind = Addon["kind"];

const Edition = z.strictObject({
  name: Localized,
  aliases: z.array(text("Another name for the edition, accepted as a plan")),
  /** a free edition an app cannot return to once upgraded (Tencent does not allow the downgrade) */
  trial: z.optional(
    field(
      z.boolean(),
      "A free edition: an app that has left it cannot return to it (forecast --auto-plan never goes back)",
      (r) => r.flag,
    ),
  ),
  formerly: z.optional(
    field(
      z.strictObject({ en: text("English"), zh: text("Chinese"), source: text("A key of sources") }),
      "The edition's name before Tencent renamed it: its figures are those it was sold at under that name, and every bill says so",
      (r) => r.kind("object"),
    ),
  ),
  packageFee: z.strictObject({
    price: z.nullable(price("Package fee per month; null: no published price (quoted by contract)")),
    ...Provenance,
  }),
  // Each metric the edition bills above its quota: peak DAU and groups (the mainland's
  // lists), MAU and community messages (the international site's since 2022-12-26).
  overage: z.nullable(
    z.strictObject({
      dau: z.optional(Overage),
      groups: z.optional(Overage),
      mau: z.optional(Overage),
      communityMessages: z.optional(Overage),
    }),
  ),
  limits: z.strictObject({
    // A metric the list does not measure has no limit: peak DAU on an MAU list.
    peakDau: z.optional(Limit),
    mau: z.optional(Limit),
    peakGroups: Limit,
    communityMessages: z.optional(Limit),
    liveGroups: Limit,
    groupMemberLimit: Limit,
    groupsPerUser: Limit,
    historyDays: Limit,
    // Stated by the vendor, shown by `im-bill prices`; no scenario need refers to them.
    recentContacts: z.optional(Limit),
    dailyNewGroups: z.optional(Limit),
    communities: z.optional(Limit),
  }),
  addons: z.record(z.string(), Addon),
});
export type Edition = z.infer<typeof Edition>;

export const Category = z.enum(["base", "overage", "addon", "discount"]);
export type Category = z.infer<typeof Category>;

export const Catalog = z.strictObject({
  $schema: z.optional(z.string()),
  id: text("Names the catalog in every estimate"),
  version: text("Version of the price list"),
  currency: text("ISO 4217 code, such as CNY"),
  site: z.optional(
    field(
      z.enum(sites),
      "The site that sells the list: cn (the mainland, cloud.tencent.com) or intl (tencentcloud.com); a list that does not say is the mainland's",
      (r) => r.oneOf(sites.join(", ")),
    ),
  ),
  dataCenter: z.optional(
    field(
      z.enum(dataCenters),
      "The data centres a mainland list prices: mainland (in China, the default) or overseas (境外: Singapore, Seoul, Frankfurt…); the international site's lists price every data centre alike and do not say",
      (r) => r.oneOf(dataCenters.join(", ")),
    ),
  ),
  prepaidPeriod: z.optional(
    z.strictObject({
      ends: field(
        z.enum(["day-before", "same-day"]),
        "A package bought on day T runs to day T-1 of the next month (day-before, the mainland) or to day T (same-day, the international site)",
        (r) => r.oneOf("day-before, same-day"),
      ),
      ...Provenance,
    }),
  ),
  title: Localized,
  effective: z.optional(Effective),
  lastVerified: z.optional(
    field(
      z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      "The date of the newest source the list cites: how recently its figures were checked",
      (r) => r.day,
    ),
  ),
  sources: z.record(z.string(), text("Where facts come from")),
  sourcesZh: z.optional(
    field(
      z.record(z.string(), text("The source in Chinese")),
      "The sources said in Chinese (titles and quotes as Tencent wrote them): what im-bill prices --lang zh shows",
      (r) => r.kind("object"),
    ),
  ),
  alsoSold: z.optional(
    field(
      z.array(
        z.strictObject({
          en: text("What it is and what is known of its price, in English"),
          zh: text("The same, in Chinese"),
          source: SourceKeys,
        }),
      ),
      "What Tencent sells with IM that this list does not price: im-bill prices lists it with its source",
      (r) => r.kind("array"),
    ),
  ),
  discounts: z.strictObject({
    appliesTo: field(
      z.array(z.enum(["base", "overage", "addon"])),
      "Categories of lines a --discount reduces",
      (r) => r.appliesTo,
    ),
  }),
  // Their ids (lower-case words joined by hyphens, one edition at least) are checked by ./load.ts.
  editions: field(
    z.record(z.string(), Edition),
    "The editions by id (such as pro), cheapest first: the order of every table and of a tie in compare",
    (r) => r.editions,
  ),
  addonNames: z.record(z.string(), Localized),
});
export type Catalog = z.infer<typeof Catalog>;
