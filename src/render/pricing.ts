// Which prices made a bill, in words: the list (and why that one), the price files with
// their hashes, the project config, the discount. One renderer for every format's
// footer, so that no report can leave a part out.
import type { PricingRef } from "../catalog/pricing-ref.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { today } from "../util/today.js";

/** How much of a file's hash a line shows; JSON has all of it. */
const HASH_SHOWN = 12;

/**
 * The lines of a bill's provenance: the list, each price file, the config's settings,
 * the discount. `when` says the day for many bills of different days ("then").
 */
export function pricingLines(ref: PricingRef, lang: Lang, when?: string): string[] {
  const t = messages[lang].pricing;
  const flag = ref.overlays.length > 0 ? "--pricing" : "--catalog";
  const why =
    ref.chosenBy === "date"
      ? t.byDate(when ?? (ref.on === today() ? t.today : t.onDay(ref.on)))
      : ref.chosenBy === "earliest"
        ? t.byEarliest(ref.on)
        : ref.chosenBy === "flag"
          ? t.byFlag(flag)
          : ref.chosenBy === "option"
            ? t.byOption
            : ref.chosenBy === "pin"
              ? t.byPin
              : t.byConfig(ref.config?.file ?? "");
  const { id, version, currency } = ref.catalog;
  const lines = [t.prices(id, version, currency, why)];
  for (const file of ref.overlays) lines.push(t.file(file.file, file.sha256.slice(0, HASH_SHOWN), file.extends));
  if (ref.config) lines.push(messages[lang].config.footer(ref.config.file, ref.config.settings));
  if (ref.discount) {
    const { percent, from } = ref.discount;
    lines.push(
      t.discount(percent, from === "flag" ? "--discount" : from === "option" ? t.optionName : (ref.config?.file ?? "")),
    );
  }
  return lines;
}

/** A list as a cell or a line names it: its id and version ("tencent-im-cn-2024 2024.2"). */
export const listLabel = (catalog: { id: string; version: string }): string => `${catalog.id} ${catalog.version}`;

/** The provenance on one line, for a markdown report or an XML property. */
export const pricingText = (ref: PricingRef, lang: Lang): string => pricingLines(ref, lang).join("; ");

/**
 * The provenance of many bills: one set of lines where every bill has the same, else a
 * set per provenance, its first line saying for which (`which` names the count).
 */
export function pricingGroupLines(
  groups: readonly { ref: PricingRef; count: number; which?: string }[],
  lang: Lang,
  which: (count: number) => string = messages[lang].pricing.forScenarios,
  when?: string,
): string[] {
  if (groups.length === 1) return pricingLines(groups[0]!.ref, lang, when);
  return groups.flatMap(({ ref, count, which: named }) => {
    const [first, ...rest] = pricingLines(ref, lang, when);
    return [`${first} — ${named ?? which(count)}`, ...rest.map((line) => `  ${line}`)];
  });
}
