// The catalog laid out the way Tencent's price page is: package fees and overage, the
// add-ons per edition, the default limits, then the sources. A neutral model of
// sections, rows and cells, which the table and markdown renderers draw.
import { editionIds, limitNeeds } from "../catalog/editions.js";
import type { Addon, Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { own } from "../util/own.js";

export interface Section {
  title: string;
  head: string[];
  /** a cell may hold several lines */
  rows: string[][];
}

export interface PriceSheet {
  title: string;
  catalog: string;
  sections: Section[];
  /** the assumptions, each with the editions it holds for (marked *) */
  footnotes: string[];
  /** what the figures marked † are: carried over from an earlier list */
  carriedOver?: string;
  /** what the vendor says of add-ons it sells (no longer maintained…) */
  notices: string[];
}

interface Fact {
  source: string | string[];
  assumption?: boolean;
  carriedOver?: string;
  note?: string;
}

export function priceSheet(catalog: Catalog, lang: Lang): PriceSheet {
  const t = messages[lang].prices;
  const money = (amount: string) => formatMoney(amount, catalog.currency);
  const editions = editionIds.map((id) => catalog.editions[id]);
  const editionHead = editions.map((edition) => edition.name[lang]);
  // Assumptions are marked * in their cell and explained once under the sheet, with
  // the editions they hold for.
  const assumptions = new Map<string, { what: string; note: string; editions: string[] }>();
  // Figures taken unchanged from an earlier list are marked †, explained once.
  const carriedFrom = new Set<string>();
  const mark = (text: string, fact: Fact, what: string, edition: string) => {
    let marked = text;
    if (fact.carriedOver) {
      carriedFrom.add(fact.carriedOver);
      marked = `${marked} †`;
    }
    if (!fact.assumption) return marked;
    const note = fact.note ?? t.assumption;
    const entry = assumptions.get(`${what}\n${note}`) ?? { what, note, editions: [] };
    entry.editions.push(edition);
    assumptions.set(`${what}\n${note}`, entry);
    return `${marked} *`;
  };

  const overageRow = (label: string, metric: "dau" | "groups") => [
    label,
    ...editions.map((edition) => {
      const rule = edition.overage?.[metric];
      if (!rule) return t.notSold;
      return mark(
        t.overageRule(money(rule.price), formatNumber(rule.unit), formatNumber(rule.free)),
        rule,
        label,
        edition.name[lang],
      );
    }),
  ];
  const packages: Section = {
    title: t.packages,
    head: ["", ...editionHead],
    rows: [
      [
        t.packageFee,
        ...editions.map((edition) =>
          mark(`${money(edition.packageFee.price)}${t.perMonth}`, edition.packageFee, t.packageFee, edition.name[lang]),
        ),
      ],
      overageRow(t.dauOverage, "dau"),
      overageRow(t.groupOverage, "groups"),
    ],
  };

  const addonKeys = [...new Set(editions.flatMap((edition) => Object.keys(edition.addons)))];
  const describeAddon = (key: string, addon: Addon | undefined, editionName: string): string => {
    if (!addon) return t.notSold;
    const what = own(catalog.addonNames, key)?.[lang] ?? key;
    switch (addon.kind) {
      case "included":
        return mark(t.included, addon, what, editionName);
      case "switch":
        return mark(`${money(addon.price)}${t.perMonth}`, addon, what, editionName);
      case "metered":
        return mark(`${money(addon.price)}${t.perMbpsDay}`, addon, what, editionName);
      case "limit":
        return mark(
          `${addon.raisesTo === null ? t.unlimited : formatNumber(addon.raisesTo)}: ${money(addon.price)}${t.perMonth}`,
          addon,
          what,
          editionName,
        );
      case "tiers":
        return mark(
          addon.tiers
            .map((tier) => `${formatNumber(tier.upTo)}${t.unitOf(addon.need)}: ${money(tier.price)}${t.perMonth}`)
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
    head: [t.addon, t.billingHead, ...editionHead],
    rows: addonKeys.map((key) => [
      own(catalog.addonNames, key)?.[lang] ?? key,
      billingOf(key),
      ...editions.map((edition) => describeAddon(key, own(edition.addons, key), edition.name[lang])),
    ]),
  };

  const limits: Section = {
    title: t.limits,
    head: ["", ...editionHead],
    rows: limitNeeds.map((need) => [
      t.limitNames[need],
      ...editions.map((edition) => {
        const limit = edition.limits[need];
        const text = limit.value === null ? t.unlimited : `${formatNumber(limit.value)}${t.unitOf(need)}`;
        return mark(text, limit, t.limitNames[need], edition.name[lang]);
      }),
    ]),
  };

  const sources: Section = {
    title: t.sources,
    head: [t.sourceKey, t.sourceText],
    rows: Object.entries(catalog.sources).map(([key, text]) => [key, text]),
  };

  const notices: string[] = [];
  for (const key of addonKeys) {
    const sold = editions.filter((edition) => {
      const addon = own(edition.addons, key);
      return addon?.kind === "switch" && addon.notice;
    });
    const addon = sold.length > 0 ? own(sold[0]!.addons, key) : undefined;
    if (addon?.kind === "switch" && addon.notice)
      notices.push(
        t.notice(
          own(catalog.addonNames, key)?.[lang] ?? key,
          sold.map((edition) => edition.name[lang]).join(", "),
          addon.notice[lang],
          addon.notice.source,
        ),
      );
  }
  const { from, to } = catalog.effective ?? { from: null, to: null };
  return {
    title: catalog.title[lang],
    catalog: `${catalog.id} ${catalog.version} (${catalog.currency})${from || to ? `, ${t.applies(from, to)}` : ""}`,
    sections: [packages, addons, limits, sources],
    footnotes: [...assumptions.values()].map(
      ({ what, note, editions }) => `* ${what} (${editions.join(", ")}): ${note}`,
    ),
    ...(carriedFrom.size > 0 ? { carriedOver: t.carriedOver([...carriedFrom].join(", ")) } : {}),
    notices,
  };
}
