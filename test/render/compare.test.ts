import { describe, expect, it } from "vitest";
import { compareEditions } from "../../src/advisor/compare.js";
import { builtinCatalogById } from "../../src/catalog/index.js";
import { seedCatalog } from "../helpers/seed.js";
import { fixedPrices } from "../../src/catalog/choose.js";
import type { Catalog } from "../../src/catalog/schema.js";
import { describeComparison } from "../../src/render/compare.js";
import { validateScenario } from "../../src/scenario/validate.js";
import { seedPrices } from "../helpers/scenario.js";

const compare = (document: object, lang: "en" | "zh" = "en") =>
  describeComparison(
    compareEditions(
      validateScenario({ plan: "pro", ...document }, { catalog: seedCatalog, source: "test" }),
      seedPrices(),
    ),
    lang,
  );

const list2024 = builtinCatalogById("tencent-im-cn-2024") as Catalog;

describe("describeComparison", () => {
  it("says what the cheapest saves, and what a same-priced higher edition also includes", () => {
    expect(compare({ usage: { peakDau: 5_000 } }).recommendation?.reason).toBe(
      "Pro fits for ¥999.00 (Pro package (专业版)): ¥2,000.00 less than Flagship; Trial does not fit",
    );
    expect(
      compare({ usage: { liveGroups: 60 }, features: { groupMemberLimit: 2_000, historyDays: 30 } }).recommendation
        ?.reason,
    ).toBe(
      "Flagship fits for ¥2,999.00 (Flagship package (旗舰版)): the same as Pro, and Flagship also includes unlimited live groups, 2,000 members per group, 1,000 groups per user, 30 days of message history; Trial does not fit",
    );
  });

  it("names an edition sold by contract, and what its stated limits cannot serve", () => {
    const scenario = validateScenario(
      { plan: "pro", features: { groupMemberLimit: 8_000 } },
      { catalog: list2024, source: "test" },
    );
    const described = describeComparison(compareEditions(scenario, fixedPrices(list2024, { day: "2026-11-29" })), "en");
    expect(described.onRequest).toEqual([
      {
        plan: "enterprise",
        planName: "Enterprise",
        violations: [
          {
            code: "exceeds.groupMemberLimit",
            message: "Enterprise allows at most 2,000 members per group; 8,000 needed",
          },
        ],
      },
    ]);
  });

  it("gives each edition's estimate in the reader's language", () => {
    const described = compare({ usage: { peakDau: 25_000 } }, "zh");
    expect(Object.values(described.editions).map((estimate) => estimate.planName)).toEqual([
      "体验版",
      "专业版",
      "旗舰版",
    ]);
    expect(described.recommendation?.reason).toContain("专业版");
  });
});
