// The scenario format: its TypeScript type, its validation and its JSON Schema all
// come from this one definition.
import * as z from "zod/mini";
import { MAGNITUDES } from "../document/limits.js";
import { amount, count, decimal, field, flag, text } from "../validation/fields.js";
import { dataCenters, sites } from "../vocabulary.js";

export const Bandwidth = z.strictObject({
  mainlandMbps: z.optional(decimal("Each day's peak danmaku bandwidth in mainland China, Mbps")),
  internationalMbps: z.optional(decimal("Each day's peak danmaku bandwidth outside mainland China, Mbps")),
  days: z.optional(
    field(
      z.int().check(z.minimum(1), z.maximum(31)),
      "Days of the month with that bandwidth (default 30)",
      (r) => r.days,
    ),
  ),
  mainlandMbpsDays: z.optional(
    decimal(
      "The month's daily peaks summed, Mbps·day (from real usage); replaces mainlandMbps × days",
      MAGNITUDES.mbpsDays,
    ),
  ),
  internationalMbpsDays: z.optional(
    decimal(
      "The month's daily peaks summed, Mbps·day (from real usage); replaces internationalMbps × days",
      MAGNITUDES.mbpsDays,
    ),
  ),
});

/** Content cloud moderation checks in the month (云端审核): what it counts, each kind weighted by the list. */
export const Moderation = z.strictObject({
  texts: z.optional(count("Text messages moderated in the month")),
  images: z.optional(count("Images moderated in the month")),
  audioMinutes: z.optional(
    decimal(
      "Minutes of audio moderated in the month, as Tencent counts them (per clock hour, each started half minute above 30 s)",
      MAGNITUDES.mbpsDays,
    ),
  ),
  videoMinutes: z.optional(
    decimal("Minutes of video moderated in the month, counted as audio is", MAGNITUDES.mbpsDays),
  ),
});

export const Usage = z.strictObject({
  peakDau: z.optional(
    count("Monthly peak of daily active users (the mainland's lists, and the international site's until 2022-12-25)"),
  ),
  mau: z.optional(
    count(
      "Monthly active users: unique users who log in in the month (the international site's lists from 2022-12-26)",
    ),
  ),
  peakGroups: z.optional(count("Monthly peak of the number of groups")),
  communityMessages: z.optional(
    count("Community (社群) downstream messages of the month (billed on the international site from 2025-01-01)"),
  ),
  liveGroups: z.optional(count("Live groups (AVChatRoom) existing at once")),
  bandwidth: z.optional(Bandwidth),
  moderation: z.optional(Moderation),
});

export const Features = z.strictObject({
  groupMemberLimit: z.optional(count("Members the largest non-live group needs")),
  groupsPerUser: z.optional(count("Groups one user needs to be able to join")),
  historyDays: z.optional(count("Days of message history to keep")),
  securityStrike: z.optional(flag("Buy the security strike service (安全打击); the same as listing it in addons")),
  unlimitedLiveGroups: z.optional(flag("Need unlimited live groups whatever the count")),
  apiRatePacks: z.optional(
    count("Server API rate packs (服务端 API 调频) configured each day: billed per pack and day (postpaid)"),
  ),
  apiRatePackDays: z.optional(
    field(z.int().check(z.minimum(1), z.maximum(31)), "Days of the month with those packs (default 30)", (r) => r.days),
  ),
  // Checked against the catalog by the validator: a custom catalog may sell more.
  addons: z.optional(z.array(text("An add-on of the price catalog that is bought on request, such as securityStrike"))),
});

/** What `im-bill check` verifies about the scenario's estimate. */
export const Expect = z.strictObject({
  total: z.optional(amount("The total, exactly")),
  maxTotal: z.optional(amount("A ceiling for the total")),
  lines: z.optional(
    field(
      z.record(z.string(), amount("The line's amount")),
      "Exact amounts by line id (package, overage.dau, addon.history…); a line left out of the estimate counts as 0.00",
      (r) => r.lines,
    ),
  ),
  violations: z.optional(
    field(
      z.array(z.string()),
      "The exact violation codes, in any order; [] = the edition must fit",
      (r) => r.violations,
    ),
  ),
});
export type Expect = z.infer<typeof Expect>;

export const ScenarioSchema = z.strictObject({
  $schema: z.optional(z.string()),
  name: z.optional(text("A name for the scenario")),
  // Checked against the catalog's editions and aliases by the validator, so that a
  // catalog's aliases are the only list of plan names.
  plan: field(
    z.string().check(z.minLength(1)),
    "Edition: an edition of the price list, such as trial, pro, flagship or enterprise on the mainland, developer, standard or premium on the international site since 2022-12-26 (aliases: 体验版, 专业版, 旗舰版, 企业版, ultimate…); each list names its own",
    (r) => r.plan,
  ),
  // Checked against the built-in catalogs by the validator.
  catalog: z.optional(
    text(
      "A built-in price list to price with, such as tencent-im-cn-2024: pins the prices, so that expectations do not move when a newer list lands (--catalog and --pricing override it; it overrides the project config's)",
    ),
  ),
  site: z.optional(
    field(
      z.enum(sites),
      "The site whose price lists price it: cn (the mainland, CNY, the default) or intl (tencentcloud.com, USD); the day picks the list within it (--site overrides it; it overrides the project config's)",
      (r) => r.oneOf(sites.join(", ")),
    ),
  ),
  dataCenter: z.optional(
    field(
      z.enum(dataCenters),
      "On the mainland site, where the app's data is kept: mainland (data centres in China, the default) or overseas (Singapore, Seoul, Tokyo, Frankfurt, Mumbai, Silicon Valley, Jakarta), priced by Tencent's overseas table (境外资费); chosen when the app is created (--data-center overrides it; it overrides the project config's)",
      (r) => r.oneOf(dataCenters.join(", ")),
    ),
  ),
  usage: z.optional(Usage),
  features: z.optional(Features),
  expect: z.optional(Expect),
});

/** A scenario as written in a file (plan may be an alias); see `Scenario` in ./types for the normalized one. */
export type ScenarioDocument = z.infer<typeof ScenarioSchema>;

/**
 * The names the built-in catalogs give the editions (ids, then aliases): the plan a
 * typed scenario may name. A test keeps this list equal to the catalogs' own.
 */
export const PLAN_NAMES = [
  "trial",
  "pro",
  "flagship",
  "体验版",
  "free",
  "free-trial",
  "专业版",
  "professional",
  "旗舰版",
  "ultimate",
  "enterprise",
  "企业版",
  // the international site's MAU lists (from 2022-12-26)
  "developer",
  "standard",
  "premium",
  "开发版",
  "标准版",
  "进阶版",
  "advanced",
  // the international site's names since 2025-03-10 (free-trial is the mainland Trial's alias too)
  "免费体验版",
  "pro-plus",
  "专业版Plus",
  "专业版 Plus",
] as const;
export type PlanName = (typeof PLAN_NAMES)[number];

/**
 * A scenario as the library takes it, typed: a plan the compiler checks
 * (`{ plan: "enterprize" }` does not compile). Input of unknown shape (parsed JSON)
 * goes through `parseScenario` first.
 */
export type ScenarioInput = Omit<ScenarioDocument, "plan"> & { plan: PlanName };
export type Usage = z.infer<typeof Usage>;
export type Features = z.infer<typeof Features>;
