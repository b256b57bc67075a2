// What Tencent sells with IM today, priced: cloud moderation (云端审核) by weighted
// deductions, paid as used or in monthly packages, whichever costs less; server API rate
// packs (服务端 API 调频) by packs × days. Figures from 国内资费.md @6de84f1b, 269/83795 and 269/93324.
import { describe, expect, it } from "vitest";
import { estimate, type ScenarioInput } from "../../src/index.js";
import { builtinCatalogById } from "../../src/catalog/index.js";
import { resolveCatalog } from "../../src/catalog/load.js";

const on = { on: "2026-11-29" };
const lines = (scenario: ScenarioInput, options = {}) =>
  estimate(scenario, { ...on, ...options }).lines.map((line) => [line.id, line.quantity, line.unitPrice, line.amount]);
const moderated = (moderation: NonNullable<NonNullable<ScenarioInput["usage"]>["moderation"]>, plan = "pro") =>
  ({ plan, usage: { moderation } }) as ScenarioInput;

describe("cloud moderation", () => {
  it("counts Tencent's worked example: 10 texts, 10 images and 2.5 minutes of audio are 54 deductions", () => {
    const bill = estimate(moderated({ texts: 10, images: 10, audioMinutes: 2.5 }), on);
    const line = bill.lines.find((each) => each.id === "addon.moderation")!;
    expect([line.quantity, line.unitPrice, line.amount]).toEqual(["54", "0.001", "0.05"]);
    expect(line.explain).toBe("10 texts × 1 + 10 images × 0.65 + 2.5 min of audio × 15 = 54 deductions");
    expect(line.status).toBe("sourced");
    // A minute of video counts 56.
    expect(lines(moderated({ videoMinutes: 100 }))).toContainEqual(["addon.moderation", "5600", "0.001", "5.60"]);
  });

  it("buys a monthly package only where it costs less than paying per deduction, and as many as pay", () => {
    // ¥1,050 for 1,100,000 against ¥0.0010 each: a package pays from 1,050,001 deductions.
    expect(lines(moderated({ texts: 1_050_000 }))).toContainEqual(["addon.moderation", "1050000", "0.001", "1050.00"]);
    expect(lines(moderated({ texts: 1_050_001 }))).toContainEqual([
      "addon.moderation.packages",
      "1",
      "1050.00",
      "1050.00",
    ]);
    // 3,200,000: two packages and 1,000,000 paid as used (¥3,100), not three (¥3,150).
    const bill = estimate(moderated({ texts: 3_200_000 }), on);
    expect(bill.lines.filter((line) => line.id.startsWith("addon.moderation")).map((line) => line.amount)).toEqual([
      "2100.00",
      "1000.00",
    ]);
    expect(bill.lines.find((line) => line.id === "addon.moderation.packages")).toMatchObject({
      label: "Cloud moderation (云端审核), monthly packages",
      unit: "package of 1,100,000",
      explain: "3,200,000 deductions: 2 packages of 1,100,000 cost less than paying per deduction",
      status: "sourced",
    });
    expect(bill.lines.find((line) => line.id === "addon.moderation")!.explain).toBe(
      "3,200,000 texts × 1 = 3,200,000 deductions; 2,200,000 in packages, 1,000,000 paid as used",
    );
    expect(bill.total).toBe("4599.00");
  });

  it("is not sold to Trial today, nor in overseas data centres; the 2023 table sold it to Trial", () => {
    const trial = estimate(moderated({ texts: 10 }, "trial"), on);
    expect(trial.violations.map((violation) => violation.code)).toEqual(["unavailable.moderation"]);
    const abroad = estimate(moderated({ texts: 10 }), { ...on, dataCenter: "overseas" });
    expect(abroad.violations.map((violation) => violation.code)).toEqual(["unavailable.moderation"]);
    expect(lines(moderated({ texts: 10 }, "trial"), { on: "2023-06-01" })).toContainEqual([
      "addon.moderation",
      "10",
      "0.001",
      "0.01",
    ]);
    // Enterprise is sold by contract (no published package price): its list sells it.
    expect(builtinCatalogById("tencent-im-cn-2024")!.editions.enterprise!.addons.moderation).toMatchObject({
      kind: "deductions",
      price: "0.0010",
    });
  });

  it("says in Chinese what it counted", () => {
    const line = estimate(moderated({ texts: 10, images: 10, audioMinutes: 2.5 }), { ...on, lang: "zh" }).lines.find(
      (each) => each.id === "addon.moderation",
    )!;
    expect([line.label, line.unit, line.explain]).toEqual([
      "云端审核",
      "次",
      "文本 10 条 × 1 + 图片 10 张 × 0.65 + 音频 2.5 分钟 × 15 = 54 次",
    ]);
  });
});

describe("server API rate packs", () => {
  const packs = (apiRatePacks: number, apiRatePackDays?: number): ScenarioInput => ({
    plan: "pro",
    features: { apiRatePacks, ...(apiRatePackDays === undefined ? {} : { apiRatePackDays }) },
  });

  it("bills packs × days at ¥10 a pack a day in mainland data centres, ¥20 overseas (inferred)", () => {
    expect(lines(packs(3))).toContainEqual(["addon.apiRatePacks", "90", "10.00", "900.00"]);
    expect(lines(packs(2, 7))).toContainEqual(["addon.apiRatePacks", "14", "10.00", "140.00"]);
    const abroad = estimate(packs(3), { ...on, dataCenter: "overseas" });
    expect(abroad.lines.find((line) => line.id === "addon.apiRatePacks")).toMatchObject({
      quantity: "90",
      unitPrice: "20.00",
      amount: "1800.00",
      unit: "pack·day",
      explain: "3 packs × 30 days = 90 pack·days",
      status: "inferred",
    });
  });

  it("is a value-added service: not sold to Trial, nor priced before 2024's list", () => {
    expect(estimate({ ...packs(1), plan: "trial" }, on).violations.map((violation) => violation.code)).toEqual([
      "unavailable.apiRatePacks",
    ]);
    expect(estimate(packs(1), { on: "2023-06-01" }).violations.map((violation) => violation.code)).toEqual([
      "unavailable.apiRatePacks",
    ]);
  });
});

describe("a notice on cloud moderation", () => {
  it("is said wherever it is bought, as on any add-on the vendor says something of", () => {
    const file = resolveCatalog(
      {
        extends: "tencent-im-cn-2024",
        id: "moderation-ended",
        sources: { ended: "A notice that cloud moderation is no longer sold" },
        editions: {
          pro: {
            addons: {
              moderation: { notice: { en: "No longer sold", zh: "已停止销售", source: "ended", withdrawn: true } },
            },
          },
        },
      },
      "ended.yaml",
    );
    const bill = estimate(moderated({ texts: 10 }), { ...on, catalog: file });
    expect(bill.notes.map((note) => note.code)).toContain("catalog.withdrawn");
  });
});
