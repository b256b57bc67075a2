import { describe, expect, it } from "vitest";
import { compareEditions } from "../../src/advisor/compare.js";
import { builtinCatalogById } from "../../src/catalog/index.js";
import { seedCatalog } from "../helpers/seed.js";
import { fixedPrices } from "../../src/catalog/choose.js";
import type { Catalog } from "../../src/catalog/schema.js";
import { validateScenario } from "../../src/scenario/validate.js";
import { seedPrices } from "../helpers/scenario.js";

const compare = (document: object) =>
  compareEditions(
    validateScenario({ plan: "pro", ...document }, { catalog: seedCatalog, source: "test" }),
    seedPrices(),
  );

const list2024 = builtinCatalogById("tencent-im-cn-2024") as Catalog;
const compare2024 = (document: object) =>
  compareEditions(
    validateScenario({ plan: "pro", ...document }, { catalog: list2024, source: "test" }),
    fixedPrices(list2024, { day: "2026-11-29" }),
  );

describe("compareEditions", () => {
  it("prices every edition", () => {
    const { editions } = compare({ usage: { peakDau: 25_000 } });
    expect(Object.keys(editions)).toEqual(["trial", "pro", "flagship"]);
    expect([editions.trial!.total, editions.pro!.total, editions.flagship!.total]).toEqual([
      "0.00",
      "2999.00",
      "4999.00",
    ]);
    expect(editions.trial!.violations.map((v) => v.code)).toEqual(["exceeds.peakDau"]);
  });

  it("prices with the list it is given: in 2024, Flagship is ¥500 less than Pro where both need add-ons", () => {
    // Pro ¥1,499 + live groups ¥1,000 + members ¥500 + history ¥500 = ¥3,499; Flagship includes them all: ¥2,999.
    const comparison = compare2024({
      usage: { liveGroups: 60 },
      features: { groupMemberLimit: 2_000, historyDays: 30 },
    });
    expect(comparison.editions.pro!.total).toBe("3499.00");
    expect(comparison.recommendation).toMatchObject({ plan: "flagship", total: "2999.00" });
    expect(comparison.recommendation!.others).toContainEqual({ plan: "pro", kind: "costs-more", more: "500.00" });
  });

  it("lists an edition sold by contract as on request only where the need is beyond the priced ones", () => {
    expect(Object.keys(compare2024({ usage: { peakDau: 25_000 } }).editions)).toEqual(["trial", "pro", "flagship"]);
    expect(compare2024({ usage: { peakDau: 25_000 } }).onRequest).toEqual([]);
    // 100 days of history: Flagship's tiers reach 360 days, so it fits; 8,000 members: nothing priced reaches it.
    const beyond = compare2024({ features: { groupMemberLimit: 8_000 } });
    expect(beyond.recommendation).toBeNull();
    expect(beyond.onRequest).toEqual([
      {
        plan: "enterprise",
        violations: [
          {
            kind: "exceeds",
            code: "exceeds.groupMemberLimit",
            need: "groupMemberLimit",
            limit: 2_000,
            needed: 8_000,
            reach: null,
          },
        ],
      },
    ]);
  });

  it.each([
    ["trial, when it fits", { usage: { peakDau: 50 } }, "trial", "0.00"],
    ["pro, the cheapest that fits", { usage: { peakDau: 5_000 } }, "pro", "999.00"],
    ["flagship, when pro cannot reach a need", { features: { groupMemberLimit: 5_000 } }, "flagship", "3499.00"],
    [
      "flagship at the same price as pro, as it includes more",
      { usage: { liveGroups: 60 }, features: { groupMemberLimit: 2_000, historyDays: 30 } },
      "flagship",
      "2999.00",
    ],
  ])("recommends %s", (_, document, plan, total) => {
    expect(compare(document).recommendation).toMatchObject({ plan, total });
  });

  it("says how the others stand: what the cheapest saves, what a same-priced higher edition also includes", () => {
    expect(compare({ usage: { peakDau: 5_000 } }).recommendation?.others).toEqual([
      { plan: "flagship", kind: "costs-more", more: "2000.00" },
      { plan: "trial", kind: "no-fit" },
    ]);
    expect(
      compare({ usage: { liveGroups: 60 }, features: { groupMemberLimit: 2_000, historyDays: 30 } }).recommendation
        ?.others,
    ).toEqual([
      { plan: "pro", kind: "same", extras: ["liveGroups", "groupMemberLimit", "groupsPerUser", "historyDays"] },
      { plan: "trial", kind: "no-fit" },
    ]);
  });

  it("recommends nothing when no edition fits", () => {
    const comparison = compare({ features: { groupMemberLimit: 7_000 } });
    expect(comparison.recommendation).toBeNull();
    expect(Object.values(comparison.editions).every((bill) => bill.violations.length > 0)).toBe(true);
  });
});

describe("what Tencent no longer sells decides no recommendation", () => {
  it("an edition that does not sell it still fits, and is recommended when cheapest without it", () => {
    const { recommendation, editions } = compare2024({ usage: { peakDau: 50 }, features: { securityStrike: true } });
    // Trial does not sell the security strike service; nobody does now.
    expect(editions.trial!.violations.map((violation) => violation.code)).toEqual(["unavailable.securityStrike"]);
    expect(recommendation).toEqual({
      plan: "trial",
      total: "0.00",
      others: [
        // Pro's ¥2,499.00 less its ¥1,000.00 security strike line.
        { plan: "pro", kind: "costs-more", more: "1499.00" },
        { plan: "flagship", kind: "costs-more", more: "2999.00" },
      ],
      setAside: ["securityStrike"],
    });
  });

  it("what one charges for it is left out of the difference, and danmaku bandwidth likewise", () => {
    const { recommendation } = compare2024({
      usage: { peakDau: 25_000, bandwidth: { mainlandMbps: 10 } },
      features: { securityStrike: true },
    });
    expect(recommendation).toMatchObject({
      plan: "pro",
      total: "5099.00",
      others: [
        { plan: "flagship", kind: "costs-more", more: "1500.00" },
        { plan: "trial", kind: "no-fit" },
      ],
      setAside: ["securityStrike", "bandwidth.mainland"],
    });
  });

  it("on the 2020 list, which sold it, it decides as any add-on does", () => {
    const { recommendation } = compare({ usage: { peakDau: 50 }, features: { securityStrike: true } });
    expect(recommendation).toMatchObject({ plan: "pro", setAside: [] });
  });
});
