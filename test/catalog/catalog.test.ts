import { describe, expect, it } from "vitest";
import { builtinCatalog, editionNames, resolveEdition } from "../../src/catalog/index.js";
import { Catalog } from "../../src/catalog/schema.js";

describe("the built-in catalog", () => {
  it("is valid against the catalog schema", () => {
    const result = Catalog.safeParse(builtinCatalog);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("traces every fact to a source it lists, and explains each assumption", () => {
    const facts: { path: string; source: string | string[]; assumption?: boolean; note?: string }[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value !== "object" || value === null) return;
      if ("source" in value) facts.push({ path, ...(value as { source: string }) });
      for (const [key, child] of Object.entries(value)) if (key !== "sources") walk(child, `${path}.${key}`);
    };
    walk(builtinCatalog.editions, "editions");
    expect(facts.length).toBeGreaterThan(35);
    for (const fact of facts) {
      for (const source of [fact.source].flat()) expect(builtinCatalog.sources, fact.path).toHaveProperty([source]);
      if (fact.assumption) expect(fact.note, `${fact.path} is an assumption: say why`).toBeTruthy();
    }
    // The facts that no primary source states (shared/reference/edition-facts.md).
    const assumptions = facts.filter((fact) => fact.assumption).map((fact) => fact.path);
    expect(assumptions).toEqual(
      expect.arrayContaining([
        "editions.trial.limits.groupsPerUser",
        "editions.pro.addons.bandwidth.mainland",
        "editions.flagship.addons.bandwidth.international",
      ]),
    );
  });

  it("sells no add-ons and has no overage on trial", () => {
    expect(builtinCatalog.editions.trial.addons).toEqual({});
    expect(builtinCatalog.editions.trial.overage).toBeNull();
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
