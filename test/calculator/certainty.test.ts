// How sure a bill is: the figures of its list it used (prices, quotas, the limits it
// tested, add-ons relied on), each with its status, and each line as sure as the least
// sure figure that priced it.
import { describe, expect, it } from "vitest";
import { builtinCatalogById } from "../../src/catalog/index.js";
import { fixedPrices } from "../../src/catalog/choose.js";
import type { Catalog } from "../../src/catalog/schema.js";
import { priceScenario } from "../../src/calculator/estimate.js";
import { estimateReport } from "../../src/render/describe.js";
import { validateScenario } from "../../src/scenario/validate.js";
import { RUN_DAY } from "../helpers/scenario.js";

const list2024 = builtinCatalogById("tencent-im-cn-2024")!;
const priced = (document: unknown, catalog: Catalog = list2024) =>
  priceScenario(
    validateScenario(document, { catalog, source: "test" }),
    fixedPrices(catalog, { day: RUN_DAY, today: RUN_DAY }),
  );

describe("the figures a bill used", () => {
  const flagship = {
    plan: "flagship",
    usage: { peakDau: 25_000, peakGroups: 50_000 },
    features: { groupMemberLimit: 5000, historyDays: 90 },
  };

  it("are each price, quota and limit it tested, once, with the line each priced", () => {
    expect(priced(flagship).figures).toEqual([
      { path: "editions.flagship.packageFee", status: "inferred", lines: ["package"] },
      { path: "editions.flagship.overage.dau", status: "carriedOver", lines: ["overage.dau"] },
      { path: "editions.flagship.overage.dau.quota", status: "sourced", lines: ["overage.dau"] },
      // Groups within the free quota: tested, charging nothing.
      { path: "editions.flagship.overage.groups", status: "carriedOver", lines: [] },
      { path: "editions.flagship.overage.groups.quota", status: "sourced", lines: [] },
      { path: "editions.flagship.limits.peakDau", status: "carriedOver", lines: [] },
      { path: "editions.flagship.limits.peakGroups", status: "carriedOver", lines: [] },
      // A limit that calls for an add-on counts for the add-on's line.
      { path: "editions.flagship.limits.groupMemberLimit", status: "sourced", lines: ["addon.groupMembers"] },
      { path: "editions.flagship.addons.groupMembers", status: "carriedOver", lines: ["addon.groupMembers"] },
      { path: "editions.flagship.limits.historyDays", status: "sourced", lines: ["addon.history"] },
      { path: "editions.flagship.addons.history", status: "carriedOver", lines: ["addon.history"] },
    ]);
  });

  it("make each line as sure as its least sure figure, and are counted by status in the estimate", () => {
    const bill = priced(flagship);
    expect(bill.lines.map((line) => [line.id, line.status])).toEqual([
      ["package", "inferred"],
      // Its quota is sourced again (2025), its price carried over from 2020.
      ["overage.dau", "carriedOver"],
      ["addon.groupMembers", "carriedOver"],
      ["addon.history", "carriedOver"],
    ]);
    const estimate = estimateReport(bill, "en");
    expect(estimate.certainty).toEqual({ sourced: 4, inferred: 1, carriedOver: 6, assumed: 0 });
    expect(estimate.lines.map((line) => line.status)).toEqual([
      "inferred",
      "carriedOver",
      "carriedOver",
      "carriedOver",
    ]);
  });

  it("leave a need the scenario does not have untested, and give the discount no status", () => {
    const bill = priceScenario(
      validateScenario({ plan: "pro" }, { catalog: list2024, source: "test" }),
      fixedPrices(list2024, { day: RUN_DAY, today: RUN_DAY, discount: { percent: "10", from: "flag" } }),
    );
    expect(bill.figures.map((figure) => figure.path)).toEqual([
      "editions.pro.packageFee",
      "editions.pro.overage.dau",
      "editions.pro.overage.dau.quota",
      "editions.pro.overage.groups",
      "editions.pro.overage.groups.quota",
    ]);
    expect(bill.lines.map((line) => [line.id, line.status])).toEqual([
      ["package", "sourced"],
      ["discount", null],
    ]);
  });

  it("mark a price a list file assumes as assumed", () => {
    const assumed = structuredClone<Catalog>(list2024);
    assumed.editions.pro!.packageFee = { ...assumed.editions.pro!.packageFee, assumption: true, note: "a guess" };
    const bill = priced({ plan: "pro", usage: { peakDau: 25_000 } }, assumed);
    expect(bill.lines.map((line) => [line.id, line.status])).toEqual([
      ["package", "assumed"],
      ["overage.dau", "carriedOver"],
    ]);
    expect(estimateReport(bill, "en").certainty).toMatchObject({ assumed: 1 });
  });
});
