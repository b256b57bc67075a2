import { describe, expect, it } from "vitest";
import { countFigures, diffCatalogs, figures } from "../../src/catalog/figures.js";
import {
  builtinCatalog,
  builtinCatalogById,
  builtinCatalogs,
  catalogForDocument,
  catalogOn,
  editionNames,
  resolveEdition,
  supersededOn,
} from "../../src/catalog/index.js";
import { Catalog } from "../../src/catalog/schema.js";

describe.each(builtinCatalogs().map((catalog) => [catalog.id, catalog] as const))(
  "the built-in catalog %s",
  (_, catalog) => {
    it("is valid against the catalog schema", () => {
      const result = Catalog.safeParse(catalog);
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it("traces every fact to a source it lists, and explains each assumption", () => {
      const facts: { path: string; source: string | string[]; assumption?: boolean; note?: string }[] = [];
      const walk = (value: unknown, path: string) => {
        if (typeof value !== "object" || value === null) return;
        if ("source" in value) facts.push({ path, ...(value as { source: string }) });
        for (const [key, child] of Object.entries(value)) if (key !== "sources") walk(child, `${path}.${key}`);
      };
      walk(catalog.editions, "editions");
      walk(catalog.effective, "effective");
      expect(facts.length).toBeGreaterThan(35);
      for (const fact of facts) {
        for (const source of [fact.source].flat()) expect(catalog.sources, fact.path).toHaveProperty([source]);
        if (fact.assumption) expect(fact.note, `${fact.path} is an assumption: say why`).toBeTruthy();
      }
    });

    it("sells no add-ons and has no overage on trial", () => {
      expect(catalog.editions.trial.addons).toEqual({});
      expect(catalog.editions.trial.overage).toBeNull();
    });
  },
);

describe("the 2020 list", () => {
  it("is sourced throughout but for one assumption: bandwidth billed on each day's peak (edition-facts.md)", () => {
    const assumed = figures(builtinCatalog)
      .filter((figure) => figure.status === "assumed")
      .map((figure) => figure.path);
    expect(assumed).toEqual([
      "editions.pro.addons.bandwidth.mainland",
      "editions.pro.addons.bandwidth.international",
      "editions.flagship.addons.bandwidth.mainland",
      "editions.flagship.addons.bandwidth.international",
    ]);
    // Settled by Tencent's usage limits (269/9346) and the international Billing Overview.
    expect(builtinCatalog.editions.trial.limits.groupsPerUser).toEqual({ value: 50, source: "intl-billing" });
    expect(builtinCatalog.editions.trial.limits.peakGroups.source).toContain("usage-limits");
    expect(countFigures(builtinCatalog).carriedOver).toBe(0);
  });
});

describe("the 2024 list", () => {
  const list2024 = builtinCatalogById("tencent-im-cn-2024")!;

  it("is the 2020 list with Pro at ¥1,499.00 from 2024-01-01, sourced", () => {
    expect(list2024.effective).toMatchObject({ from: "2024-01-01", to: null });
    expect(list2024.editions.pro.packageFee).toMatchObject({
      price: "1499.00",
      source: expect.arrayContaining(["pro-price-2024"]),
    });
    expect(list2024.editions.pro.packageFee).not.toHaveProperty("carriedOver");
    expect(diffCatalogs(builtinCatalog, list2024)).toEqual([
      { path: "editions.pro.packageFee.price", before: "999.00", after: "1499.00" },
    ]);
  });

  it("marks every figure it does not restate as carried over from the 2020 list, and leaves that list unmarked", () => {
    const facts: [string, Record<string, unknown>][] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return;
      if ("source" in value && !path.endsWith(".notice")) facts.push([path, value as Record<string, unknown>]);
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    };
    walk(list2024.editions, "editions");
    const carried = facts.filter(([path]) => path !== "editions.pro.packageFee");
    for (const [path, fact] of carried) expect(fact, path).toHaveProperty("carriedOver", "tencent-im-cn-2020");
    expect(countFigures(list2024)).toEqual({ sourced: 1, assumed: 4, carriedOver: carried.length - 4 });
    expect(figures(list2024)).toHaveLength(facts.length);
    expect(JSON.stringify(builtinCatalog)).not.toContain("carriedOver");
  });

  it("notes that Tencent no longer maintains the security strike service, and keeps its price", () => {
    const addon = list2024.editions.pro.addons.securityStrike;
    expect(addon).toMatchObject({ kind: "switch", price: "1000.00", notice: { source: "security-strike-notice" } });
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

  it("says when a list had ended by a day, and which replaced it", () => {
    expect(supersededOn(builtinCatalog, "2023-12-31")).toBeUndefined();
    expect(supersededOn(builtinCatalog, "2024-01-01")?.id).toBe("tencent-im-cn-2024");
    expect(supersededOn(builtinCatalogById("tencent-im-cn-2024")!, "2030-01-01")).toBeUndefined();
  });

  it("lets a scenario pin a built-in list, unless a flag chose one", () => {
    const list2024 = builtinCatalogById("tencent-im-cn-2024")!;
    const pinned = { plan: "pro", catalog: "tencent-im-cn-2024" };
    expect(catalogForDocument(pinned, { catalog: builtinCatalog, chosen: false })).toBe(list2024);
    expect(catalogForDocument(pinned, { catalog: builtinCatalog, chosen: true })).toBe(builtinCatalog);
    expect(catalogForDocument({ plan: "pro" }, { catalog: builtinCatalog, chosen: false })).toBe(builtinCatalog);
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
