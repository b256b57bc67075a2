// The notes of a price choice in words: a list that does not apply on the day priced,
// and whatever lost to the list that priced (a pin, the project config). A CLI user is
// told the flag that changes it, a library caller the option.
import { UNVERIFIED_AFTER_DAYS, type NoteOfPrices, type PriceChoice, type PricingNote } from "../catalog/choose.js";
import { builtinCatalogById, editionOf, noticeOf } from "../catalog/index.js";
import { own } from "../util/own.js";
import { addonName, sourceTitle } from "./names.js";
import type { EditionId } from "../vocabulary.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney } from "../util/format.js";
import { today } from "../util/today.js";

export function pricingNoteText(note: PricingNote, plan: EditionId, prices: PriceChoice, lang: Lang): string {
  const t = messages[lang].pricing;
  const followedText = (followed: { list: string; from: string } | null) =>
    followed ? t.followed(followed.list, followed.from) : undefined;
  const use = (id: string) => (prices.surface === "cli" ? `--catalog ${id}` : `{ catalog: "${id}" }`);
  // "today" where the bill is for today: a report read tomorrow still says which day by its JSON.
  const when = prices.day === today() ? t.today : t.onDay(prices.day);
  switch (note.code) {
    case "catalog.superseded": {
      const current = builtinCatalogById(note.current);
      const before = editionOf(prices.catalog, plan);
      const after = current && editionOf(current, plan);
      const price = after?.packageFee.price;
      // What the list in effect now charges for the edition: another price, the same, or it has no such edition.
      const now =
        before && !after
          ? t.nowNoEdition(note.current, note.since, before.name[lang])
          : before && after && price && price !== before.packageFee.price
            ? t.nowPrice(t.newPrice(after.name[lang], formatMoney(price, current.currency)), note.since)
            : t.nowSame(note.current, note.since);
      return t.superseded(note.list, note.to, followedText(note.followed), now, use(note.current));
    }
    case "catalog.not-yet-in-effect":
      return t.notYet(note.list, note.from, when, note.current, note.current ? use(note.current) : undefined);
    case "catalog.before-known": {
      const before = prices.catalog.effective?.knownFrom?.before[lang] ?? "";
      return t.beforeKnown(note.list, note.knownFrom, when, before);
    }
    case "catalog.out-of-dates":
      return t.outOfDates(note.list, note.from, note.to, when);
    case "catalog.base-superseded":
      return t.baseSuperseded(note.list, note.base, note.to, followedText(note.followed), note.current, note.since);
    case "pricing.pin-overridden":
      return t.pinOverridden(note.pin, note.list, note.by);
    case "pricing.data-center-overridden":
      return t.dataCenterOverridden(note.dataCenter, note.list, note.listDataCenter, note.by);
    case "pricing.config-not-used":
      return t.configNotUsed(note.file, note.setting, note.value, note.pin);
    case "pricing.config-overridden":
      return t.configOverridden(note.file, note.setting, note.by);
    case "pricing.config-other-site":
      return t.configOtherSite(note.file, note.setting, note.value, note.site);
    case "catalog.withdrawn": {
      const notice = noticeOf(own(prices.catalog.editions[plan]?.addons ?? {}, note.addon));
      const name = addonName(prices.catalog, note.addon, lang);
      return t.withdrawn(name, notice?.[lang] ?? "", notice ? sourceTitle(prices.catalog, notice.source, lang) : "");
    }
    case "catalog.unverified":
      // The days themselves are the footer's (and the JSON's verifiedDaysAgo): the note says past what.
      return t.unverified(note.list, note.lastVerified, UNVERIFIED_AFTER_DAYS, prices.surface);
  }
}

/** A note of a tally of many bills (`PricingTally`), in words. */
export const noteOfPricesText = ({ note, plan, prices }: NoteOfPrices, lang: Lang): string =>
  pricingNoteText(note, plan, prices, lang);
