// The formats with a JSON Schema: a list of their own so that the CLI's argument choices
// (and completion) do not load the schemas. Inputs first, then each kind of report.
import { REPORT_KINDS } from "../report/kinds.js";

export const SCHEMA_KINDS = ["scenario", "catalog", "config", ...REPORT_KINDS] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
