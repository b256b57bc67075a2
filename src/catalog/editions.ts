// Kept apart from the zod schema so that code needing only these names does not build it.

/**
 * An edition's id within its price list ("pro", "flagship"…). Each list names its own
 * editions: the same id may mean different things on different lists, and an alias
 * never crosses lists.
 */
export type EditionId = string;

/** The needs that limits and add-ons refer to (the schema's LimitNeed), in display order. */
export const limitNeeds = [
  "peakDau",
  "peakGroups",
  "liveGroups",
  "groupMemberLimit",
  "groupsPerUser",
  "historyDays",
] as const;
export type LimitNeed = (typeof limitNeeds)[number];

/** Limits a list may state that no scenario need refers to: shown by `im-bill prices`, never priced. */
export const statedLimits = ["recentContacts", "dailyNewGroups", "communities"] as const;
export type StatedLimit = (typeof statedLimits)[number];
