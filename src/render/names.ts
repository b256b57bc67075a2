// What a list calls its own things, in the reader's language: an add-on's name, and the
// document a source names. Catalog data, looked up as own keys; shared by the bill's
// words, the notes about its prices, the comparison and the price sheet.
import type { Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { own } from "../util/own.js";

/** An add-on's name in the reader's language; its key where the list names it not. */
export const addonName = (catalog: Catalog, key: string, lang: Lang): string =>
  own(catalog.addonNames, key)?.[lang] ?? key;

/** A source in the reader's language: in Chinese where the list says it so (sourcesZh), else as written. */
export const sourceText = (catalog: Catalog, key: string, lang: Lang): string | undefined =>
  (lang === "zh" && catalog.sourcesZh ? own(catalog.sourcesZh, key) : undefined) ?? own(catalog.sources, key);

/** The document a source names: its text before what it quotes of it (after ": ", or a full-width colon); its key where the list has no such source. */
export const sourceTitle = (catalog: Catalog, key: string, lang: Lang = "en"): string =>
  (sourceText(catalog, key, lang) ?? key).split(/: |\uff1a/u)[0]!;
