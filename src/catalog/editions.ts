// Kept apart from the zod schema so that code needing only the ids does not build it.
export const editionIds = ["trial", "pro", "flagship"] as const;
export type EditionId = (typeof editionIds)[number];
