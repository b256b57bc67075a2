// The library's `dataCenter` option and a scenario's `dataCenter`: the mainland site's
// apps in overseas data centres priced by Tencent's overseas table (境外资费).
import { describe, expect, it } from "vitest";
import { estimate, InputError, type ScenarioInput } from "../../src/index.js";

const scenario: ScenarioInput = {
  plan: "pro",
  usage: { peakDau: 25_000, peakGroups: 120_000 },
  features: { historyDays: 90 },
};

describe("overseas data centres, from the library", () => {
  it("prices with the overseas list, by the option or the scenario's field, line by line", () => {
    const bill = estimate(scenario, { dataCenter: "overseas", on: "2026-11-29" });
    expect(bill.pricing.catalog).toMatchObject({
      id: "tencent-im-cn-overseas-2023",
      site: "cn",
      dataCenter: "overseas",
    });
    // ¥2,999 + 2 × ¥3,000 (DAU) + 1 × ¥3,000 (groups) + ¥1,000 (90 days of history)
    expect(bill.lines.map((line) => [line.id, line.amount])).toEqual([
      ["package", "2999.00"],
      ["overage.dau", "6000.00"],
      ["overage.groups", "3000.00"],
      ["addon.history", "1000.00"],
    ]);
    expect(bill.total).toBe("12999.00");
    expect(estimate({ ...scenario, dataCenter: "overseas" }, { on: "2026-11-29" }).total).toBe("12999.00");
    // The option beats the scenario's field, as --data-center does; the mainland's list stays the default.
    expect(estimate({ ...scenario, dataCenter: "overseas" }, { dataCenter: "mainland" }).pricing.catalog.id).toBe(
      "tencent-im-cn-2024",
    );
    expect(estimate(scenario).pricing.catalog).toMatchObject({ id: "tencent-im-cn-2024", dataCenter: "mainland" });
    // A list named outright prices it, and says whose data centres it prices: never silently.
    const named = estimate(
      { ...scenario, dataCenter: "overseas" },
      { catalog: "tencent-im-cn-2024", on: "2026-11-29" },
    );
    expect(named.total).toBe("5499.00");
    expect(named.notes).toContainEqual({
      code: "pricing.data-center-overridden",
      message:
        "The scenario's app is in overseas data centres, but the catalog option chose tencent-im-cn-2024, a list of mainland ones",
    });
  });

  it("marks the inferred package fee, and what the mainland list gives (quotas, the limit history extends) as carried over", () => {
    const bill = estimate(scenario, { dataCenter: "overseas" });
    const status = Object.fromEntries(bill.lines.map((line) => [line.id, line.status]));
    expect(status).toEqual({
      package: "inferred",
      "overage.dau": "carriedOver",
      "overage.groups": "carriedOver",
      // The tier's price is the overseas table's; the 7 days it extends are the mainland list's.
      "addon.history": "carriedOver",
    });
    const history = bill.lines.find((line) => line.id === "addon.history")!;
    expect(history.unitPrice).toBe("1000.00");
  });

  it("refuses what cannot be: an overseas app on the international site, a list of the other data centres, a value it does not know", () => {
    const problems = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof InputError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
        throw error;
      }
      return [];
    };
    expect(problems(() => estimate({ plan: "standard", site: "intl", dataCenter: "overseas" }))).toEqual([
      "dataCenter: overseas data centres are the mainland site's to price (cn): the international site prices every data centre alike; leave out dataCenter or site",
    ]);
    expect(problems(() => estimate(scenario, { dataCenter: "overseas", catalog: "tencent-im-cn-2024" }))).toEqual([
      "dataCenter: tencent-im-cn-2024 prices apps in mainland data centres, not overseas ones: leave out one of dataCenter and catalog",
    ]);
    expect(problems(() => estimate(scenario, { dataCenter: "abroad" as unknown as "overseas" }))).toEqual([
      'dataCenter: must be one of mainland, overseas, got "abroad"',
    ]);
    expect(
      problems(() => estimate({ ...scenario, dataCenter: "overseas", catalog: "tencent-im-cn-2020" }, {})),
    ).toEqual([
      "dataCenter: tencent-im-cn-2020 prices apps in mainland data centres, not overseas ones: leave out one of dataCenter and catalog",
    ]);
  });
});
