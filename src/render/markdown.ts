// Markdown for pull-request comments and wikis: user text made inert in a table cell
// or a line, and the provenance of a bill as the line under a table.
import type { Estimate } from "../calculator/types.js";
import type { PricingRef } from "../catalog/pricing-ref.js";
import type { Lang } from "../i18n/lang.js";
import { printableLine } from "../util/printable.js";
import { messages } from "../i18n/messages.js";
import { isPricingNote, pricingText } from "./pricing.js";

/** Text for a table cell or a line: control characters escaped, on one line, pipes escaped. */
export const markdownText = (text: string): string => printableLine(text).replace(/\|/g, "\\|");

/** Which prices made a bill, on one line, then what is said of them, each on a line of its own. */
export function markdownFooter(estimate: Estimate, lang: Lang): string[] {
  return [
    markdownText(pricingText(estimate.pricing, lang)),
    ...estimate.notes.filter(isPricingNote).map((note) => `- ${markdownText(note.message)}`),
  ];
}

/** The provenance of many bills: one line where they share it, else a list item for each, saying for which. */
export function markdownPricingGroups(
  groups: readonly { ref: PricingRef; count: number; which?: string }[],
  lang: Lang,
  which: (count: number) => string = messages[lang].pricing.forScenarios,
): string[] {
  if (groups.length === 1) return [markdownText(pricingText(groups[0]!.ref, lang))];
  return groups.map(
    ({ ref, count, which: named }) => `- ${markdownText(`${named ?? which(count)}: ${pricingText(ref, lang)}`)}`,
  );
}
