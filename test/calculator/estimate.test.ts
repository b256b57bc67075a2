import { describe, expect, it } from "vitest";
import { amountOf, bill, codes } from "../helpers/scenario.js";
import type { Bill } from "../../src/calculator/bill.js";

const paid = ["pro", "flagship"] as const;

/** A bill's findings about itself: all its notes but those about its prices (test/catalog/choose.test.ts has those). */
const findings = (priced: Bill) => priced.notes.filter((note) => note.kind !== "pricing");

describe("package fee", () => {
  it.each([
    ["trial", "0.00"],
    ["pro", "999.00"],
    ["flagship", "2999.00"],
  ])("%s costs %s a month, as the first line", (plan, fee) => {
    const estimate = bill({ plan });
    expect(estimate.lines[0]).toMatchObject({
      id: "package",
      category: "base",
      quantity: "1",
      unitPrice: fee,
      amount: fee,
    });
    expect(estimate.lines).toHaveLength(1);
    expect(estimate.total).toBe(fee);
    expect(estimate.violations).toEqual([]);
  });

  it("accepts the Chinese names and ultimate as aliases", () => {
    expect(bill({ plan: "专业版" }).plan).toBe("pro");
    expect(bill({ plan: "旗舰版" }).plan).toBe("flagship");
    expect(bill({ plan: "ultimate" }).plan).toBe("flagship");
    expect(bill({ plan: "体验版" }).plan).toBe("trial");
    expect(bill({ plan: "Pro" }).plan).toBe("pro");
  });
});

describe.each(paid)("overage on %s", (plan) => {
  it.each([
    [0, undefined],
    [10_000, undefined],
    [10_001, "1000.00"],
    [20_000, "1000.00"],
    [20_001, "2000.00"],
    [1_000_000, "99000.00"],
  ])("peak DAU %i → %s", (peakDau, amount) => {
    expect(amountOf(bill({ plan, usage: { peakDau } }), "overage.dau")).toBe(amount);
  });

  it.each([
    [100_000, undefined],
    [100_001, "1000.00"],
    [200_000, "1000.00"],
    [200_001, "2000.00"],
  ])("peak groups %i → %s", (peakGroups, amount) => {
    expect(amountOf(bill({ plan, usage: { peakGroups } }), "overage.groups")).toBe(amount);
  });

  it("counts each started block, with the terms of its formula", () => {
    const line = bill({ plan, usage: { peakDau: 25_000 } }).lines.find((l) => l.id === "overage.dau");
    expect(line).toMatchObject({
      quantity: "2",
      unit: { per: "dau", size: 10_000 },
      unitPrice: "1000.00",
      amount: "2000.00",
      formula: { op: "ceil-div", peak: 25_000, free: 10_000, step: 10_000, blocks: "2" },
    });
  });
});

it("prices the example of the price list: pro, 20,001 DAU, 300,000 groups = ¥4,999.00", () => {
  const estimate = bill({ plan: "pro", usage: { peakDau: 20_001, peakGroups: 300_000 } });
  expect(estimate.subtotals).toEqual({ base: "999.00", overage: "4000.00", addons: "0.00", discount: "0.00" });
  expect(estimate.total).toBe("4999.00");
});

describe("limit add-ons: at, just over and beyond their reach", () => {
  it.each([
    // plan, need, value, expected add-on amount (undefined: none), expected violation
    ["pro", "groupMemberLimit", 200, undefined, undefined],
    ["pro", "groupMemberLimit", 201, "500.00", undefined],
    ["pro", "groupMemberLimit", 2000, "500.00", undefined],
    ["pro", "groupMemberLimit", 2001, undefined, "exceeds.groupMemberLimit"],
    ["flagship", "groupMemberLimit", 2000, undefined, undefined],
    ["flagship", "groupMemberLimit", 2001, "500.00", undefined],
    ["flagship", "groupMemberLimit", 6000, "500.00", undefined],
    ["flagship", "groupMemberLimit", 6001, undefined, "exceeds.groupMemberLimit"],
    ["pro", "groupsPerUser", 500, undefined, undefined],
    ["pro", "groupsPerUser", 501, "1100.00", undefined],
    ["pro", "groupsPerUser", 1000, "1100.00", undefined],
    ["pro", "groupsPerUser", 1001, undefined, "exceeds.groupsPerUser"],
    ["flagship", "groupsPerUser", 1000, undefined, undefined],
    ["flagship", "groupsPerUser", 1001, "900.00", undefined],
    ["flagship", "groupsPerUser", 3000, "900.00", undefined],
    ["flagship", "groupsPerUser", 3001, undefined, "exceeds.groupsPerUser"],
  ] as const)("%s with %s %i", (plan, need, value, amount, violation) => {
    const estimate = bill({ plan, features: { [need]: value } });
    const id = need === "groupMemberLimit" ? "addon.groupMembers" : "addon.groupsPerUser";
    expect(amountOf(estimate, id)).toBe(amount);
    expect(codes(estimate)).toEqual(violation ? [violation] : []);
  });

  it("says which add-on it buys, for which need, and the limit it buys", () => {
    const line = bill({ plan: "pro", features: { groupMemberLimit: 1500 } }).lines[1];
    expect(line).toMatchObject({
      id: "addon.groupMembers",
      category: "addon",
      unit: { per: "month" },
      formula: {
        op: "raise",
        addon: "groupMembers",
        need: "groupMemberLimit",
        value: 1500,
        included: 200,
        raisesTo: 2000,
      },
    });
  });

  it("points a need beyond pro's reach at flagship", () => {
    const estimate = bill({ plan: "pro", features: { groupMemberLimit: 5000 } });
    expect(estimate.violations).toEqual([
      {
        kind: "exceeds",
        code: "exceeds.groupMemberLimit",
        need: "groupMemberLimit",
        limit: 200,
        needed: 5000,
        reach: 2000,
      },
    ]);
    expect(findings(estimate)).toEqual([
      { kind: "cheapest-fit", code: "hint.cheapest-fit", plan: "flagship", total: "3499.00" },
    ]);
  });

  it("says when no edition fits", () => {
    expect(bill({ plan: "flagship", features: { groupsPerUser: 5000 } }).notes).toContainEqual({
      kind: "no-fit",
      code: "hint.no-fit",
    });
  });
});

describe("live groups", () => {
  it.each([
    [50, false, undefined],
    [51, false, "1000.00"],
    [0, true, "1000.00"],
  ])("pro with %i live groups, unlimited %s → %s", (liveGroups, unlimitedLiveGroups, amount) => {
    expect(
      amountOf(bill({ plan: "pro", usage: { liveGroups }, features: { unlimitedLiveGroups } }), "addon.liveGroups"),
    ).toBe(amount);
  });

  it("flagship includes unlimited live groups, and says so", () => {
    const estimate = bill({ plan: "flagship", usage: { liveGroups: 5000 }, features: { unlimitedLiveGroups: true } });
    expect(amountOf(estimate, "addon.liveGroups")).toBeUndefined();
    expect(estimate.total).toBe("2999.00");
    expect(findings(estimate).map((note) => note.code)).toEqual(["included.liveGroups"]);
  });

  it("flagship says nothing of live groups an app does not use", () => {
    expect(findings(bill({ plan: "flagship" }))).toEqual([]);
  });
});

describe("history retention tiers", () => {
  it.each([
    ["pro", 7, undefined],
    ["pro", 8, "500.00"],
    ["pro", 30, "500.00"],
    ["pro", 31, "1000.00"],
    ["pro", 90, "1000.00"],
    ["pro", 91, "1500.00"],
    ["pro", 180, "1500.00"],
    ["pro", 181, "2500.00"],
    ["pro", 360, "2500.00"],
    ["flagship", 30, undefined],
    ["flagship", 31, "500.00"],
    ["flagship", 90, "500.00"],
    ["flagship", 91, "1000.00"],
    ["flagship", 180, "1000.00"],
    ["flagship", 181, "2000.00"],
    ["flagship", 360, "2000.00"],
  ] as const)("%s keeping %i days → %s", (plan, historyDays, amount) => {
    const estimate = bill({ plan, features: { historyDays } });
    expect(amountOf(estimate, "addon.history")).toBe(amount);
    expect(estimate.violations).toEqual([]);
  });

  it("says the tier bought", () => {
    expect(bill({ plan: "pro", features: { historyDays: 60 } }).lines[1]?.formula).toEqual({
      op: "tier",
      addon: "history",
      need: "historyDays",
      value: 60,
      included: 7,
      tier: 90,
    });
  });

  it.each(paid)("%s cannot keep more than 360 days", (plan) => {
    expect(codes(bill({ plan, features: { historyDays: 361 } }))).toEqual(["exceeds.historyDays"]);
  });
});

describe("security strike", () => {
  it.each(paid)("costs ¥1,000.00 on %s when asked for", (plan) => {
    expect(amountOf(bill({ plan, features: { securityStrike: true } }), "addon.securityStrike")).toBe("1000.00");
    expect(amountOf(bill({ plan, features: { securityStrike: false } }), "addon.securityStrike")).toBeUndefined();
  });
});

describe("danmaku bandwidth", () => {
  it.each(paid)("on %s: Mbps × days × ¥2 mainland, ¥4 international", (plan) => {
    const estimate = bill({ plan, usage: { bandwidth: { mainlandMbps: 100, internationalMbps: 12.5, days: 31 } } });
    expect(estimate.lines.find((l) => l.id === "addon.bandwidth.mainland")).toMatchObject({
      quantity: "3100",
      unit: { per: "mbps-day" },
      unitPrice: "2.00",
      amount: "6200.00",
      formula: { op: "mbps-days", addon: "bandwidth.mainland", mbps: "100", days: 31, quantity: "3100" },
    });
    expect(estimate.lines.find((l) => l.id === "addon.bandwidth.international")).toMatchObject({
      quantity: "387.5",
      unitPrice: "4.00",
      amount: "1550.00",
    });
  });

  it("bills 30 days when days are not given", () => {
    expect(amountOf(bill({ plan: "pro", usage: { bandwidth: { mainlandMbps: 1 } } }), "addon.bandwidth.mainland")).toBe(
      "60.00",
    );
  });

  it("keeps fractions exact and rounds each line half-up to the fen", () => {
    // 0.333 × 7 × 2 = 4.662 → 4.66; 1.0025 × 1 × 2 = 2.005 → 2.01 (half-up, not half-even)
    expect(
      amountOf(
        bill({ plan: "pro", usage: { bandwidth: { mainlandMbps: 0.333, days: 7 } } }),
        "addon.bandwidth.mainland",
      ),
    ).toBe("4.66");
    expect(
      amountOf(
        bill({ plan: "pro", usage: { bandwidth: { mainlandMbps: 1.0025, days: 1 } } }),
        "addon.bandwidth.mainland",
      ),
    ).toBe("2.01");
    // 0.1 + 0.2 is not 0.30000000000000004 here
    expect(
      bill({ plan: "pro", usage: { bandwidth: { mainlandMbps: 0.1, internationalMbps: 0.2, days: 1 } } }).subtotals
        .addons,
    ).toBe("1.00");
  });

  it("sums the total from the rounded lines", () => {
    const estimate = bill({
      plan: "pro",
      usage: { bandwidth: { mainlandMbps: 1.0025, internationalMbps: 0.50125, days: 1 } },
    });
    expect(estimate.lines.slice(1).map((line) => line.amount)).toEqual(["2.01", "2.01"]);
    expect(estimate.subtotals.addons).toBe("4.02");
    expect(estimate.total).toBe("1003.02");
  });

  it("leaves out a charge that rounds to nothing", () => {
    expect(
      bill({ plan: "pro", usage: { bandwidth: { mainlandMbps: 0.001, days: 1 } } }).lines.map((l) => l.id),
    ).toEqual(["package"]);
  });
});

describe("trial", () => {
  it.each([
    [
      {
        usage: { peakDau: 100, peakGroups: 100, liveGroups: 10 },
        features: { groupMemberLimit: 20, groupsPerUser: 50, historyDays: 7 },
      },
      [],
    ],
    [{ usage: { peakDau: 101 } }, ["exceeds.peakDau"]],
    [{ usage: { peakGroups: 101 } }, ["exceeds.peakGroups"]],
    [{ usage: { liveGroups: 11 } }, ["exceeds.liveGroups"]],
    [{ features: { unlimitedLiveGroups: true } }, ["exceeds.liveGroups"]],
    [{ features: { groupMemberLimit: 21 } }, ["exceeds.groupMemberLimit"]],
    [{ features: { groupsPerUser: 51 } }, ["exceeds.groupsPerUser"]],
    [{ features: { historyDays: 8 } }, ["exceeds.historyDays"]],
    [{ features: { securityStrike: true } }, ["unavailable.securityStrike"]],
    [{ usage: { bandwidth: { mainlandMbps: 1 } } }, ["unavailable.bandwidth.mainland"]],
    [{ usage: { bandwidth: { internationalMbps: 0.5 } } }, ["unavailable.bandwidth.international"]],
  ])("%j → %j", (scenario, expected) => {
    const estimate = bill({ plan: "trial", ...scenario });
    expect(codes(estimate)).toEqual(expected);
    expect(estimate.lines.map((line) => line.id)).toEqual(["package"]);
    expect(estimate.total).toBe("0.00");
  });

  it("has no overage: usage over its caps is a violation, with the cheapest edition that fits", () => {
    const estimate = bill({ plan: "trial", usage: { peakDau: 25_000 }, features: { securityStrike: true } });
    expect(estimate.violations).toEqual([
      { kind: "exceeds", code: "exceeds.peakDau", need: "peakDau", limit: 100, needed: 25_000, reach: null },
      { kind: "unavailable", code: "unavailable.securityStrike", addon: "securityStrike" },
    ]);
    // pro: 999 + 2 × 1,000 DAU overage + 1,000 security strike
    expect(findings(estimate)).toEqual([
      { kind: "cheapest-fit", code: "hint.cheapest-fit", plan: "pro", total: "3999.00" },
    ]);
  });
});

describe("the bill", () => {
  it("is numbers and codes: its lines, the subtotals and the total derived from them", () => {
    const priced = bill({
      name: "Shape",
      plan: "pro",
      usage: { peakDau: 25_000, peakGroups: 150_000, liveGroups: 60 },
      features: { securityStrike: true },
    });
    expect(Object.keys(priced)).toEqual([
      "name",
      "plan",
      "prices",
      "lines",
      "subtotals",
      "total",
      "violations",
      "notes",
      "headroom",
      "figures",
    ]);
    expect(priced).toMatchObject({ name: "Shape", plan: "pro", prices: { catalog: { id: "tencent-im-cn-2020" } } });
    expect(Object.keys(priced.lines[0]!)).toEqual([
      "id",
      "category",
      "quantity",
      "unit",
      "unitPrice",
      "amount",
      "formula",
      "status",
    ]);
    expect(priced.lines.map((line) => [line.id, line.formula.op])).toEqual([
      ["package", "fee"],
      ["overage.dau", "ceil-div"],
      ["overage.groups", "ceil-div"],
      ["addon.liveGroups", "raise"],
      ["addon.securityStrike", "requested"],
    ]);
    const sum = (category: string) =>
      priced.lines
        .filter((line) => line.category === category)
        .reduce((acc, line) => acc + Math.round(Number(line.amount) * 100), 0) / 100;
    expect(Number(priced.subtotals.base)).toBe(sum("base"));
    expect(Number(priced.subtotals.overage)).toBe(sum("overage"));
    expect(Number(priced.subtotals.addons)).toBe(sum("addon"));
    expect(priced.total).toBe("5999.00"); // 999 + 2,000 + 1,000 + 1,000 + 1,000
  });
});
