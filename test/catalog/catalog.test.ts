import { describe, expect, it } from "vitest";
import { countFigures, diffCatalogs, figures } from "../../src/catalog/figures.js";
import {
  appliesOn,
  builtinCatalogById,
  builtinCatalogs,
  catalogOn,
  editionNames,
  pricedEditions,
  resolveEdition,
  siteOf,
} from "../../src/catalog/index.js";
import { seedCatalog as builtinCatalog } from "../helpers/seed.js";
import { Catalog, type Edition } from "../../src/catalog/schema.js";

describe.each(builtinCatalogs().map((catalog) => [catalog.id, catalog] as const))(
  "the built-in catalog %s",
  (_, catalog) => {
    it("is valid against the catalog schema", () => {
      const result = Catalog.safeParse(catalog);
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it("traces every fact to a source it lists, and explains each assumption and each inference", () => {
      const facts: {
        path: string;
        source: string | string[];
        assumption?: boolean;
        inferred?: boolean;
        note?: string;
      }[] = [];
      const walk = (value: unknown, path: string) => {
        if (typeof value !== "object" || value === null) return;
        if ("source" in value) facts.push({ path, ...(value as { source: string }) });
        for (const [key, child] of Object.entries(value)) if (key !== "sources") walk(child, `${path}.${key}`);
      };
      walk(catalog.editions, "editions");
      walk(catalog.effective, "effective");
      expect(facts.length).toBeGreaterThan(25);
      for (const fact of facts) {
        for (const source of [fact.source].flat()) expect(catalog.sources, fact.path).toHaveProperty([source]);
        if (fact.assumption) expect(fact.note, `${fact.path} is an assumption: say why`).toBeTruthy();
        if (fact.inferred) expect(fact.note, `${fact.path} is inferred: give the derivation`).toBeTruthy();
      }
    });

    it("has one free edition an app cannot return to, which sells no value-added service and charges no user above its cap", () => {
      const trials = Object.entries(catalog.editions).filter(([, edition]) => edition.trial);
      expect(trials).toHaveLength(1);
      const [id, trial] = trials[0]!;
      expect(id).toBe(Object.keys(catalog.editions)[0]);
      expect(trial.packageFee.price).toBe("0.00");
      // Cloud moderation is not a value-added service: the 2023 table sold it to every edition ("体验版…均可购买").
      expect(Object.keys(trial.addons)).toEqual(catalog.id === "tencent-im-cn-2020" ? ["moderation"] : []);
      expect([trial.overage?.dau, trial.overage?.groups, trial.overage?.mau]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      expect(trial.limits.peakDau?.value ?? trial.limits.mau?.value).toBe(100);
    });

    it("says how recently its figures were checked: the date of its newest source", () => {
      expect(catalog.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it("notes, wherever security strike is sold, that Tencent no longer maintains it (269/102454)", () => {
      const selling = pricedEditions(catalog).filter((id) => catalog.editions[id]!.addons.securityStrike);
      for (const id of selling)
        expect(catalog.editions[id]!.addons.securityStrike, id).toMatchObject({
          notice: { source: "security-strike-notice" },
        });
      if (selling.length > 0) expect(catalog.sources["security-strike-notice"]).toContain("269/102454");
    });
  },
);

describe("the 2020 list", () => {
  it("is sourced throughout but for one assumption: international bandwidth billed on each day's peak", () => {
    const assumed = figures(builtinCatalog)
      .filter((figure) => figure.status === "assumed")
      .map((figure) => figure.path);
    // The mainland's is Tencent's worked example (产品价格.md @e7becbe2), which says nothing of international bandwidth.
    expect(assumed).toEqual([
      "editions.pro.addons.bandwidth.international",
      "editions.flagship.addons.bandwidth.international",
    ]);
    expect(builtinCatalog.editions.pro!.addons["bandwidth.mainland"]).toMatchObject({
      source: ["price-list", "bandwidth-example"],
    });
    // Settled by Tencent's usage limits (269/9346) and the mainland price page of its time (价格说明.md @c3e28f93).
    expect(builtinCatalog.editions.trial!.limits.groupsPerUser).toEqual({
      value: 50,
      source: ["price-page-2022", "intl-billing"],
    });
    expect(builtinCatalog.editions.trial!.limits.peakGroups.source).toContain("usage-limits");
    expect(countFigures(builtinCatalog).carriedOver).toBe(0);
  });
});

describe("the 2024 list", () => {
  const list2024 = builtinCatalogById("tencent-im-cn-2024")!;
  const edition = (id: string) => list2024.editions[id]!;

  it("is the 2020 list with Pro at ¥1,499.00 from 2024-01-01, sourced", () => {
    expect(list2024.effective).toMatchObject({ from: "2024-01-01", to: null });
    expect(edition("pro").packageFee).toMatchObject({
      price: "1499.00",
      source: expect.arrayContaining(["pro-price-2024"]),
    });
    expect(edition("pro").packageFee).not.toHaveProperty("carriedOver");
    const prices = diffCatalogs(builtinCatalog, list2024).filter((change) => change.path.endsWith("price"));
    // Besides what 2024 added (the API rate packs; Trial's cloud moderation, no longer sold to it).
    const changed = prices.filter(
      (change) =>
        !change.path.includes("enterprise") &&
        !change.path.includes("apiRatePacks") &&
        !change.path.startsWith("editions.trial.addons.moderation."),
    );
    expect(changed).toEqual([{ path: "editions.pro.packageFee.price", before: "999.00", after: "1499.00" }]);
    expect(list2024.editions.trial!.addons).toEqual({});
  });

  it("keeps Flagship at ¥2,999.00, inferred from two bundle lists, with the derivation", () => {
    const fee = edition("flagship").packageFee;
    expect(fee).toMatchObject({ price: "2999.00", inferred: true });
    expect(fee).not.toHaveProperty("carriedOver");
    expect(fee.note).toMatch(/9,249 = TRTC 旗舰版 ¥6,250 \+ IM 旗舰版 ¥2,999/);
    expect([fee.source].flat()).toEqual(expect.arrayContaining(["callkit-2024", "roomkit-2024"]));
  });

  it("sources Pro and Flagship's free quotas and the per-edition limits of 269/9346; the overage prices stay carried over", () => {
    for (const id of ["pro", "flagship"]) {
      const { dau, groups } = edition(id).overage! as Required<NonNullable<Edition["overage"]>>;
      expect(dau.quota?.source, `${id} dau`).toContain("callkit-2024");
      expect(groups.quota?.source, `${id} groups`).toContain("usage-limits-2025");
      expect(dau, `${id} dau price`).toHaveProperty("carriedOver", "tencent-im-cn-2020");
    }
    const limits = (id: string) => edition(id).limits;
    expect([
      limits("trial").peakGroups.value,
      limits("trial").liveGroups.value,
      limits("trial").historyDays.value,
    ]).toEqual([100, 10, 7]);
    expect([limits("pro").liveGroups.value, limits("flagship").liveGroups.value]).toEqual([50, null]);
    expect([limits("pro").historyDays.value, limits("flagship").historyDays.value]).toEqual([7, 30]);
    for (const id of ["trial", "pro", "flagship"])
      for (const need of ["liveGroups", "historyDays"] as const)
        expect(limits(id)[need], `${id}.${need}`).toMatchObject({ source: "usage-limits-2025" });
  });

  it("names 企业版 with its sourced limits and no price", () => {
    const enterprise = edition("enterprise");
    expect(enterprise.name).toEqual({ en: "Enterprise", zh: "企业版" });
    expect(enterprise.packageFee.price).toBeNull();
    expect(enterprise.limits).toMatchObject({
      historyDays: { value: 90, source: "usage-limits-2025" },
      liveGroups: { value: null },
      recentContacts: { value: 3000 },
      dailyNewGroups: { value: 50000 },
      communities: { value: 100000 },
    });
    expect(pricedEditions(list2024)).toEqual(["trial", "pro", "flagship"]);
    expect(resolveEdition(list2024, "企业版")).toBe("enterprise");
    expect(resolveEdition(builtinCatalog, "enterprise")).toBeUndefined();
  });

  it("marks what it does not restate as carried over from the 2020 list, and leaves that list unmarked", () => {
    const counts = countFigures(list2024);
    expect(counts.inferred).toBe(1);
    expect(counts.carriedOver).toBeGreaterThan(0);
    expect(counts.sourced + counts.inferred + counts.carriedOver + counts.assumed).toBe(figures(list2024).length);
    const carried = figures(list2024).filter((figure) => figure.status === "carriedOver");
    expect(carried.map((figure) => figure.path)).toContain("editions.pro.addons.history");
    expect(JSON.stringify(builtinCatalog)).not.toContain("carriedOver");
  });

  it("is verified to its newest source", () => {
    expect(list2024.lastVerified).toBe("2025-11-04");
  });
});

describe("the overseas data centres' list (境外资费)", () => {
  const overseas = builtinCatalogById("tencent-im-cn-overseas-2023")!;
  const edition = (id: string) => overseas.editions[id]!;
  const status = (path: string) => figures(overseas).find((figure) => figure.path === path)?.status;

  it("is the mainland site's, for apps abroad, with no dates a source states", () => {
    expect(overseas).toMatchObject({ dataCenter: "overseas", currency: "CNY" });
    expect(siteOf(overseas)).toBe("cn");
    expect(overseas.effective).toMatchObject({ from: null, to: null });
    expect(overseas.effective?.knownFrom).toBeUndefined();
    expect(overseas.lastVerified).toBe("2025-07-08");
  });

  it("prices the packages and the overage of the overseas table, every version found", () => {
    expect([edition("pro").packageFee.price, edition("flagship").packageFee.price]).toEqual(["2999.00", "5999.00"]);
    for (const id of ["pro", "flagship"]) {
      const { dau, groups } = edition(id).overage! as Required<NonNullable<Edition["overage"]>>;
      expect([dau.price, dau.unit, groups.price, groups.unit], id).toEqual(["3000.00", 10000, "3000.00", 100000]);
      expect([dau.source].flat(), id).toEqual(["overseas-prices", "overseas-prices-earlier"]);
      expect(status(`editions.${id}.overage.dau`), id).toBe("sourced");
    }
    // Announced for the domestic Pro package only: the overseas one is taken to hold, said so.
    expect(edition("pro").packageFee).toMatchObject({ inferred: true });
    expect(edition("pro").packageFee.note).toMatch(/domestic Pro package only/);
    expect(status("editions.pro.packageFee")).toBe("inferred");
    expect(status("editions.flagship.packageFee")).toBe("sourced");
  });

  it("prices the add-ons of the newest version, which names the earlier prices in its dates' note", () => {
    const addons = (id: string) => edition(id).addons as Record<string, { price?: string; raisesTo?: number | null }>;
    expect([
      addons("pro").liveGroups!.price,
      addons("pro").groupMembers!.price,
      addons("pro").groupsPerUser!.price,
    ]).toEqual(["1000.00", "500.00", "1100.00"]);
    expect([addons("flagship").groupMembers!.raisesTo, addons("flagship").groupsPerUser!.price]).toEqual([
      6000,
      "900.00",
    ]);
    const tiers = (id: string) =>
      (edition(id).addons.history as { tiers: { upTo: number; price: string }[] }).tiers.map(
        (tier) => `${tier.upTo}:${tier.price}`,
      );
    expect(tiers("pro")).toEqual(["30:500.00", "90:1000.00", "180:1500.00", "360:2500.00"]);
    expect(tiers("flagship")).toEqual(["90:500.00", "180:1000.00", "360:2000.00"]);
    expect(overseas.effective?.note).toContain("unlimited live groups ¥3,200, members ¥1,700");
    expect(overseas.sources["overseas-prices"]).toContain("境外资费.md @afcbae06312cea17cee0a3f214389190ce652530");
    expect(overseas.sources["overseas-prices-earlier"]).toContain("@3ea7c6cb862a75fd72a9015ca89fce3937023305");
  });

  it("says danmaku bandwidth is not on the overseas table, and takes the mainland list's limits as carried over", () => {
    for (const key of ["bandwidth.mainland", "bandwidth.international"]) {
      const notice = (edition("pro").addons[key] as { notice?: { en: string; withdrawn?: boolean } }).notice;
      expect(notice, key).toMatchObject({ withdrawn: true, source: "overseas-prices" });
      expect(notice?.en, key).toMatch(/overseas price table \(境外资费\) does not list danmaku bandwidth/);
    }
    expect(edition("pro").limits.liveGroups).toMatchObject({ value: 50, carriedOver: "tencent-im-cn-2024" });
    // A restated figure keeps nothing of the mainland's provenance.
    expect(edition("flagship").packageFee).not.toHaveProperty("inferred");
    expect(edition("pro").overage?.dau).not.toHaveProperty("carriedOver");
    // Inferred: Pro's fee, and the API rate pack's day (the text found is cut off), on each of three editions.
    expect(countFigures(overseas)).toMatchObject({ sourced: 12, inferred: 4 });
  });

  it("is the list in effect abroad on any day; the mainland's stays the default", () => {
    expect(catalogOn("2026-11-27", "cn", "overseas")?.id).toBe("tencent-im-cn-overseas-2023");
    expect(catalogOn("2019-06-01", "cn", "overseas")?.id).toBe("tencent-im-cn-overseas-2023");
    expect(catalogOn("2026-11-27", "cn")?.id).toBe("tencent-im-cn-2024");
    expect(catalogOn("2026-11-27", "intl", "overseas")?.id).toBe("tencent-im-intl-2025");
  });
});

describe("the list in effect on a day", () => {
  it.each([
    ["2019-06-01", "tencent-im-cn-2020"],
    ["2023-12-31", "tencent-im-cn-2020"],
    ["2024-01-01", "tencent-im-cn-2024"],
    ["2026-11-27", "tencent-im-cn-2024"],
  ])("%s: %s", (day, id) => {
    expect(catalogOn(day)?.id).toBe(id);
  });
});

describe("resolveEdition", () => {
  it.each([
    ["pro", "pro"],
    ["PRO", "pro"],
    ["专业版", "pro"],
    ["professional", "pro"],
    ["ultimate", "flagship"],
    ["旗舰版", "flagship"],
    ["体验版", "trial"],
    [" trial ", "trial"],
    ["gold", undefined],
  ])("%s → %s", (name, id) => {
    expect(resolveEdition(builtinCatalog, name)).toBe(id);
  });

  it("lists canonical ids first", () => {
    expect(editionNames(builtinCatalog).slice(0, 3)).toEqual(["trial", "pro", "flagship"]);
  });
});

describe("the built-in lists, made when asked for", () => {
  it("choose by what each list's file says as the made lists would: the same list for every market and day", () => {
    const days = [
      "2019-01-01",
      "2021-08-05",
      "2021-08-06",
      "2022-12-26",
      "2023-12-31",
      "2024-01-01",
      "2025-01-01",
      "2026-12-04",
    ];
    const markets = [
      ["cn", "mainland"],
      ["cn", "overseas"],
      ["intl", "mainland"],
    ] as const;
    for (const day of days)
      for (const [site, dataCenter] of markets) {
        const byMadeLists = builtinCatalogs().findLast(
          (list) =>
            siteOf(list) === site &&
            (site === "intl" || (list.dataCenter ?? "mainland") === dataCenter) &&
            appliesOn(list, day),
        );
        expect(catalogOn(day, site, dataCenter), `${site} ${dataCenter} ${day}`).toBe(byMadeLists);
      }
  });
});
