// What a list calls its own things, in the reader's language: an add-on's name, and the
// document a source names. Catalog data, looked up as own keys; shared by the bill's
// words, the notes about its prices, the comparison and the price sheet.
import type { Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { own } from "../util/own.js";
import { messages } from "../i18n/messages.js";
import { builtinCatalogById } from "../catalog/index.js";

/** An add-on's name in the reader's language; its key where the list names it not. */
export const addonName = (catalog: Catalog, key: string, lang: Lang): string =>
  own(catalog.addonNames, key)?.[lang] ?? key;

/**
 * A source in the reader's language: in Chinese where a price file says it so (its
 * sourcesZh) or the built-in lists do (i18n's, by list, its own first: a key a list
 * inherits is said where it is defined), else as written.
 */
export function sourceText(catalog: Catalog, key: string, lang: Lang): string | undefined {
  const written = own(catalog.sources, key);
  if (lang !== "zh") return written;
  const fromFile = catalog.sourcesZh ? own(catalog.sourcesZh, key) : undefined;
  if (fromFile !== undefined || written === undefined) return fromFile ?? written;
  // The built-in list that wrote this very source (its own id first): a price file's own source of the same key is not it.
  const lists = messages.zh.catalogSources;
  for (const id of [catalog.id, ...Object.keys(lists)]) {
    const said = own(lists, id) && own(own(lists, id)!, key);
    const list = builtinCatalogById(id);
    if (said !== undefined && list && own(list.sources, key) === written) return said;
  }
  return written;
}

/** The document a source names: its text before what it quotes of it (after ": ", or a full-width colon); its key where the list has no such source. */
export const sourceTitle = (catalog: Catalog, key: string, lang: Lang = "en"): string =>
  (sourceText(catalog, key, lang) ?? key).split(/: |\uff1a/u)[0]!;
