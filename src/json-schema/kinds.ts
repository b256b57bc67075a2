// The formats with a JSON Schema: a list of their own so that the CLI's argument choices
// (and completion) do not load the schemas.
export const SCHEMA_KINDS = ["scenario", "catalog", "estimate", "config"] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
