// Markdown for pull-request comments and wikis: user text made inert in a table cell
// or a line, and the provenance of a bill as the line under a table.
import type { PricingRef } from "../catalog/pricing-ref.js";
import type { Lang } from "../i18n/lang.js";
import { printableLine } from "../util/printable.js";
import { messages } from "../i18n/messages.js";
import { pricingText } from "./pricing.js";
import type { PricesSaid } from "./describe.js";
import { certaintyLine } from "./certainty.js";

/** A zero-width space as an entity: between "@" and a name it is no mention, in "://" no link. */
const BREAK = "&#8203;";

/**
 * The one escaping of user text (a name, a file path, a title, a label) for every
 * markdown im-bill writes, a table cell or a line: it stays text, whatever it holds.
 * On one line, control, BiDi and zero-width characters shown as \u…; markdown and HTML
 * punctuation backslash-escaped (no raw HTML, no unclosed <!--, no link or image, no
 * emphasis, no pipe that splits a cell); "@name" no mention, "https://" and "www." no
 * autolink; a leading #, -, +, =, > or "1." no heading, list or quote.
 */
export function markdownText(text: string): string {
  return printableLine(text)
    .replace(/[\\`*_[\]<>|~&!]/g, "\\$&")
    .replace(/^(\s*)(#|>|[-+=](?=\s|$)|[-=]{3,}|\d+[.)](?=\s|$))/, "$1\\$2")
    .replace(/@/g, `@${BREAK}`)
    .replace(/:\/\//g, `:${BREAK}//`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${BREAK}.`);
}

/** Which prices made a bill, on one line, then what is said of them, each on a line of its own. */
export function markdownFooter(prices: PricesSaid, lang: Lang): string[] {
  const certainty = certaintyLine(prices, lang);
  return [
    markdownText(pricingText(prices.pricing, lang)),
    ...(certainty === undefined ? [] : ["", markdownText(certainty)]),
    ...prices.said.map((note) => `- ${markdownText(note)}`),
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
    ({ ref, count, which: named }) =>
      `- ${markdownText(messages[lang].labelled(named ?? which(count), pricingText(ref, lang)))}`,
  );
}
