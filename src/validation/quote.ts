// A value as the messages quote it ("got -5", "got \"pro\""): apart from the zod
// issues' wording (./issues.ts), since the checks that need no zod quote values too.
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";

/** A value as a message quotes it: numbers as written, strings quoted, the rest by kind. */
export function describeValue(value: unknown, lang: Lang = "en"): string {
  const t = messages[lang].validation;
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  if (Array.isArray(value)) return t.aList;
  if (value === null) return "null";
  if (typeof value === "object") return t.anObject;
  const leaf = value as number | boolean | bigint | symbol;
  return String(leaf);
}
