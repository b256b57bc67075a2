// The names every layer shares, and every language words: an edition's id, the needs
// that limits and add-ons are about, the limits a list may state, how sure a figure is.
// Names only (no schema, no words), at the bottom of the house, so that the messages of
// i18n/ can be keyed by them without importing the catalog they describe.

/**
 * An edition's id within its price list ("pro", "flagship"…). Each list names its own
 * editions: the same id may mean different things on different lists, and an alias
 * never crosses lists.
 */
export type EditionId = string;

/** Where Tencent sells the service: the mainland site (cloud.tencent.com, CNY) or the international one (tencentcloud.com, USD). */
export const sites = ["cn", "intl"] as const;
export type Site = (typeof sites)[number];

/**
 * Where an app's data is kept, for the mainland site's lists: its data centres in China
 * (mainland, the default) or abroad (overseas: Singapore, Seoul, Tokyo, Frankfurt,
 * Mumbai, Silicon Valley, Jakarta), priced by their own table (境外资费). An app's data
 * centre is chosen when it is created and never changes. The international site prices
 * every data centre alike.
 */
export const dataCenters = ["mainland", "overseas"] as const;
export type DataCenter = (typeof dataCenters)[number];

/**
 * What a list can bill above an edition's quota (its `overage` keys), and the usage
 * field each is measured by: peak DAU and peak groups on the mainland's lists, monthly
 * active users and community messages on the international site's.
 */
export const overageMetrics = ["dau", "groups", "mau", "communityMessages"] as const;
export type OverageMetric = (typeof overageMetrics)[number];
export const METRIC_USAGE = {
  dau: "peakDau",
  groups: "peakGroups",
  mau: "mau",
  communityMessages: "communityMessages",
} as const satisfies Record<OverageMetric, LimitNeed>;
export type MeteredUsage = (typeof METRIC_USAGE)[OverageMetric];

/** The needs that limits and add-ons refer to (the catalog schema's LimitNeed), in display order. */
export const limitNeeds = [
  "peakDau",
  "mau",
  "peakGroups",
  "communityMessages",
  "liveGroups",
  "groupMemberLimit",
  "groupsPerUser",
  "historyDays",
] as const;
export type LimitNeed = (typeof limitNeeds)[number];

/** Limits a list may state that no scenario need refers to: shown by `im-bill prices`, never priced. */
export const statedLimits = ["recentContacts", "dailyNewGroups", "communities"] as const;
export type StatedLimit = (typeof statedLimits)[number];

/** How sure a figure is: stated by a source, derived from what sources state, assumed, or taken from an earlier list. */
export type FigureStatus = "sourced" | "inferred" | "assumed" | "carriedOver";
/**
 * In order of doubt: stated by a source of the list's date; derived from such sources;
 * taken unchanged from an earlier list (true then, not checked since); stated by none.
 */
export const FIGURE_STATUSES: readonly FigureStatus[] = ["sourced", "inferred", "carriedOver", "assumed"];

/** The more doubtful of two statuses (FIGURE_STATUSES' order): a line priced by both is as sure as the less sure. */
export const lessSure = (a: FigureStatus, b: FigureStatus): FigureStatus =>
  FIGURE_STATUSES.indexOf(a) >= FIGURE_STATUSES.indexOf(b) ? a : b;
