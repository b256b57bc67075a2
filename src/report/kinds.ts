// The kinds of report a command writes as data: each has a model (plain data, every choice
// made), a JSON Schema (`im-bill schema <kind>`) and can be rendered again from its JSON
// (`im-bill render`). A list of its own so that the CLI's choices load no schema.
export const REPORT_KINDS = ["estimate", "usage", "compare", "forecast", "batch", "check", "diff", "project"] as const;
export type ModelKind = (typeof REPORT_KINDS)[number];

/** The version each kind's JSON has; a reader refuses a version it does not know. */
export const REPORT_VERSION = 1;

/** Whether a value is one of the kinds. */
export const isModelKind = (value: unknown): value is ModelKind =>
  typeof value === "string" && (REPORT_KINDS as readonly string[]).includes(value);
