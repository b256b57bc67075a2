// The catalog laid out the way Tencent's price page is: package fees and overage, the
// add-ons per edition, the default limits, then the sources. A neutral model of
// sections, rows and cells, which the table and markdown renderers draw.
import { FIGURE_STATUSES, limitNeeds, overageMetrics, statedLimits, type OverageMetric } from "../vocabulary.js";
import { countFigures } from "../catalog/figures.js";
import { addonKeys, noticeOf } from "../catalog/index.js";
import type { PriceChoice } from "../catalog/choose.js";
import type { Addon } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { own } from "../util/own.js";
import { pricingLines } from "./pricing.js";
import { STATUS_MARKS } from "./certainty.js";
import { addonName, sourceText } from "./names.js";

export interface Section {
  title: string;
  /** how many leading columns describe the row (the item, its billing); the rest are one per edition */
  fixed: number;
  head: string[];
  /** a cell may hold several lines */
  rows: string[][];
}

export interface PriceSheet {
  title: string;
  catalog: string;
  /** which prices these are and why (the list, its file, the config) */
  provenance: string[];
  /** how sure the figures are: so many sourced, inferred, carried over, assumed */
  counts: string;
  sections: Section[];
  /** the assumptions, each with the editions it holds for (marked *) */
  footnotes: string[];
  /** the inferred figures, each with its derivation (marked ‡) */
  inferred: string[];
  /** what the figures marked † are: carried over from an earlier list */
  carriedOver?: string;
  /** what the vendor says of add-ons it sells (no longer maintained…) */
  notices: string[];
}

interface Fact {
  source: string | string[];
  assumption?: boolean;
  inferred?: boolean;
  carriedOver?: string;
  note?: string;
  noteZh?: string;
}

export function priceSheet(prices: PriceChoice, lang: Lang): PriceSheet {
  const { catalog } = prices;
  const t = messages[lang].prices;
  const money = (amount: string) => formatMoney(amount, catalog.currency);
  const editions = Object.values(catalog.editions);
  const editionHead = editions.map((edition) => edition.name[lang]);
  // Inferred figures are marked ‡ and their derivations listed once under the sheet.
  const inferred = new Map<string, string>();
  // Assumptions are marked * in their cell and explained once under the sheet, with
  // the editions they hold for.
  const assumptions = new Map<string, { what: string; note: string; editions: string[] }>();
  // Figures taken unchanged from an earlier list are marked †, explained once.
  const carriedFrom = new Set<string>();
  // A figure's note in the reader's language, where the list gives it in Chinese.
  const noteOf = (fact: Fact) => (lang === "zh" ? (fact.noteZh ?? fact.note) : fact.note);
  const mark = (text: string, fact: Fact, what: string, edition: string) => {
    let marked = text;
    if (fact.carriedOver) {
      carriedFrom.add(fact.carriedOver);
      marked = `${marked} ${STATUS_MARKS.carriedOver}`;
    }
    if (fact.inferred) {
      inferred.set(`${what}\n${edition}`, t.factNote(STATUS_MARKS.inferred, what, [edition], noteOf(fact) ?? ""));
      marked = `${marked} ${STATUS_MARKS.inferred}`;
    }
    if (!fact.assumption) return marked;
    const note = noteOf(fact) ?? t.assumption;
    const entry = assumptions.get(`${what}\n${note}`) ?? { what, note, editions: [] };
    entry.editions.push(edition);
    assumptions.set(`${what}\n${note}`, entry);
    return `${marked} ${STATUS_MARKS.assumed}`;
  };

  const overageRow = (metric: OverageMetric) => [
    messages[lang].overageLabel[metric],
    ...editions.map((edition) => {
      const rule = edition.overage?.[metric];
      if (!rule) return t.notSold;
      const perUnit = rule.unit === 1;
      const unit = perUnit ? messages[lang].overageUnit(metric, 1) : formatNumber(rule.unit);
      return mark(
        t.overageRule(money(rule.price), unit, formatNumber(rule.free), perUnit),
        rule,
        messages[lang].overageLabel[metric],
        edition.name[lang],
      );
    }),
  ];
  // The metrics some edition of the list bills: DAU and groups on the mainland, MAU (and community messages) abroad.
  const billed = overageMetrics.filter((metric) => editions.some((edition) => edition.overage?.[metric]));
  const packages: Section = {
    title: t.packages,
    fixed: 1,
    head: ["", ...editionHead],
    rows: [
      [
        t.packageFee,
        ...editions.map((edition) =>
          mark(
            edition.packageFee.price === null ? t.onRequest : `${money(edition.packageFee.price)}${t.perMonth}`,
            edition.packageFee,
            t.packageFee,
            edition.name[lang],
          ),
        ),
      ],
      ...billed.map(overageRow),
    ],
  };

  const keys = addonKeys(catalog);
  const describeAddon = (key: string, addon: Addon | undefined, editionName: string): string => {
    if (!addon) return t.notSold;
    const what = addonName(catalog, key, lang);
    switch (addon.kind) {
      case "included":
        return mark(t.included, addon, what, editionName);
      case "switch":
        return mark(`${money(addon.price)}${t.perMonth}`, addon, what, editionName);
      case "metered":
        return mark(
          `${money(addon.price)}${addon.need === "apiRatePacks" ? t.perPackDay : t.perMbpsDay}`,
          addon,
          what,
          editionName,
        );
      case "deductions":
        return mark(
          [
            `${money(addon.price)}${t.perDeduction}`,
            ...addon.packages.map((each) => t.packageOf(formatNumber(each.size), money(each.price))),
          ].join("\n"),
          addon,
          what,
          editionName,
        );
      case "limit":
        return mark(
          t.atPrice(
            addon.raisesTo === null ? t.unlimited : formatNumber(addon.raisesTo),
            `${money(addon.price)}${t.perMonth}`,
          ),
          addon,
          what,
          editionName,
        );
      case "tiers":
        return mark(
          addon.tiers
            .map((tier) =>
              t.atPrice(`${formatNumber(tier.upTo)}${t.unitOf(addon.need)}`, `${money(tier.price)}${t.perMonth}`),
            )
            .join("\n"),
          addon,
          what,
          editionName,
        );
    }
  };
  const billingOf = (key: string) => {
    const addon = editions.map((edition) => own(edition.addons, key)).find((a) => a && a.kind !== "included");
    return addon && "billing" in addon ? t.billing[addon.billing] : "";
  };
  const addons: Section = {
    title: t.addons,
    fixed: 2,
    head: [t.addon, t.billingHead, ...editionHead],
    rows: keys.map((key) => [
      addonName(catalog, key, lang),
      billingOf(key),
      ...editions.map((edition) => describeAddon(key, own(edition.addons, key), edition.name[lang])),
    ]),
  };

  // The limits the needs refer to, then those the vendor states that no need prices (recent contacts…).
  // A row for each limit some edition states: a DAU list has no MAU row, and the other way round.
  const stated = [...limitNeeds, ...statedLimits].filter((key) =>
    editions.some((edition) => edition.limits[key] !== undefined),
  );
  const limits: Section = {
    title: t.limits,
    fixed: 1,
    head: ["", ...editionHead],
    rows: stated.map((need) => [
      t.limitNames[need],
      ...editions.map((edition) => {
        const limit = edition.limits[need];
        if (!limit) return t.notSold;
        const text = limit.value === null ? t.unlimited : `${formatNumber(limit.value)}${t.unitOf(need)}`;
        return mark(text, limit, t.limitNames[need], edition.name[lang]);
      }),
    ]),
  };

  const sources: Section = {
    title: t.sources,
    fixed: 2,
    head: [t.sourceKey, t.sourceText],
    rows: Object.keys(catalog.sources).map((key) => [key, sourceText(catalog, key, lang)!]),
  };

  // What Tencent sells with IM that the list does not price, each with its source.
  const alsoSold: Section = {
    title: t.alsoSold,
    fixed: 2,
    head: [t.alsoSoldItem, t.sourceKey],
    rows: (catalog.alsoSold ?? []).map((item) => [item[lang], [item.source].flat().join(", ")]),
  };

  const notices: string[] = [];
  for (const key of keys) {
    const sold = editions.filter((edition) => noticeOf(own(edition.addons, key)));
    const notice = sold.length > 0 ? noticeOf(own(sold[0]!.addons, key)) : undefined;
    if (notice)
      notices.push(
        t.notice(
          addonName(catalog, key, lang),
          sold.map((edition) => edition.name[lang]),
          notice[lang],
          notice.source,
        ),
      );
  }
  const { from, to } = catalog.effective ?? { from: null, to: null };
  const counts = countFigures(catalog);
  return {
    title: catalog.title[lang],
    catalog: t.listLine(
      `${catalog.id} ${catalog.version}`,
      catalog.currency,
      from || to ? t.applies(from, to) : null,
      catalog.lastVerified ? t.lastVerified(catalog.lastVerified) : null,
    ),
    provenance: pricingLines(prices.pricing, lang),
    counts: t.counts(FIGURE_STATUSES.map((status) => t.statusCount(status, counts[status]))),
    // A list that sells no add-on (the MAU lists) has no add-on table.
    sections: [
      packages,
      ...(keys.length > 0 ? [addons] : []),
      limits,
      ...(alsoSold.rows.length > 0 ? [alsoSold] : []),
      sources,
    ],
    footnotes: [...assumptions.values()].map(({ what, note, editions }) =>
      t.factNote(STATUS_MARKS.assumed, what, editions, note),
    ),
    inferred: [...inferred.values()],
    ...(carriedFrom.size > 0 ? { carriedOver: t.carriedOver([...carriedFrom].join(", ")) } : {}),
    notices,
  };
}
