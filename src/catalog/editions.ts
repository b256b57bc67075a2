// Kept apart from the zod schema so that code needing only the ids does not build it.
export const editionIds = ["trial", "pro", "flagship"] as const;
export type EditionId = (typeof editionIds)[number];

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
