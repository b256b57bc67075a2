import { describe, expect, it } from "vitest";
import { countFigures, diffCatalogs, figures } from "../../src/catalog/figures.js";
import {
  builtinCatalogById,
  builtinCatalogs,
  catalogOn,
  editionNames,
  pricedEditions,
  resolveEdition,
  seedCatalog as builtinCatalog,
} from "../../src/catalog/index.js";
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

    it("has one free edition an app cannot return to, which sells no add-on and charges no user above its cap", () => {
      const trials = Object.entries(catalog.editions).filter(([, edition]) => edition.trial);
      expect(trials).toHaveLength(1);
      const [id, trial] = trials[0]!;
      expect(id).toBe(Object.keys(catalog.editions)[0]);
      expect(trial.packageFee.price).toBe("0.00");
      expect(trial.addons).toEqual({});
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
    expect(prices.filter((change) => !change.path.includes("enterprise"))).toEqual([
      { path: "editions.pro.packageFee.price", before: "999.00", after: "1499.00" },
    ]);
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
