// A parsed document's objects, before a schema has typed them: any key, any value.

/** An object of a parsed JSON or YAML document (or of a JSON Schema), keys not yet known. */
export type JsonObject = { [key: string]: unknown };

/** Whether a value of a parsed document is an object (not a list, not null). */
export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
