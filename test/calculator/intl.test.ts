// The international site's lists, priced through the library as a user calls it, each
// total worked out by hand from the source figures (tencentyun/intlcloud-documents;
// 1047/66403 for community messages) in the comment beside it: not from im-bill.
import { describe, expect, it } from "vitest";
import { estimate, InputError } from "../../src/index.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";

const on = { 2020: "2021-01-01", 2021: "2022-06-01", 2022: "2023-06-01", 2025: "2025-06-01" } as const;
const priced = (scenario: ScenarioInput, list: keyof typeof on, discount?: string) =>
  estimate(scenario, { site: "intl", on: on[list], ...(discount ? { discount } : {}) });

describe("the international site's lists, by hand", () => {
  it.each<[string, keyof typeof on, ScenarioInput, string, string[]]>([
    // 2022-12-26 on: Developer / Standard 399 / Premium 699 USD; MAU above 10,000 at 0.015 USD a user.
    ["Developer under its cap", 2022, { plan: "developer", usage: { mau: 80 } }, "0.00", []],
    [
      "Developer past 100 users: a violation, never a charge",
      2022,
      { plan: "developer", usage: { mau: 101 } },
      "0.00",
      ["exceeds.mau"],
    ],
    ["Standard at its quota", 2022, { plan: "standard", usage: { mau: 10_000 } }, "399.00", []],
    // 1 × 0.015 = 0.015 → 0.02, rounded half-up at the line
    ["Standard one user over", 2022, { plan: "standard", usage: { mau: 10_001 } }, "399.02", []],
    // 399 + 15,000 × 0.015 = 399 + 225.00
    ["Standard at 25,000 MAU", 2022, { plan: "standard", usage: { mau: 25_000 } }, "624.00", []],
    // 699 + 40,333 × 0.015 = 699 + 604.995 → 605.00
    ["Premium at 50,333 MAU", 2022, { plan: "premium", usage: { mau: 50_333 } }, "1304.00", []],
    [
      "Premium's 2,000 members are the most: no add-on is sold",
      2022,
      { plan: "premium", features: { groupMemberLimit: 3_000 } },
      "699.00",
      ["exceeds.groupMemberLimit"],
    ],
    [
      "Standard has no communities",
      2022,
      { plan: "standard", usage: { communityMessages: 1 } },
      "399.00",
      ["exceeds.communityMessages"],
    ],
    // 2025-01-01 on: community messages above Premium's 100,000,000 at 20 USD per started 10,000,000.
    [
      "Premium within its messages",
      2025,
      { plan: "premium", usage: { mau: 10_000, communityMessages: 100_000_000 } },
      "699.00",
      [],
    ],
    // 699 + 2,345 × 0.015 (35.175 → 35.18) + ceil(1 / 10,000,000) × 20
    [
      "Premium over both",
      2025,
      { plan: "premium", usage: { mau: 12_345, communityMessages: 100_000_001 } },
      "754.18",
      [],
    ],
    // ceil(25,000,000 / 10,000,000) = 3 × 20: the one-time 50,000,000 test is no monthly quota
    [
      "Developer's community messages",
      2025,
      { plan: "developer", usage: { communityMessages: 25_000_000 } },
      "60.00",
      [],
    ],
    // The original billing mode (to 2022-12-25): Pro 449.99, Ultimate 899.99; DAU 449.99 per started 10,000.
    // 449.99 + ceil(15,000 / 10,000) × 449.99
    ["Pro at 25,000 DAU", 2021, { plan: "pro", usage: { peakDau: 25_000 } }, "1349.97", []],
    // 899.99 + ceil(150,000 / 100,000) × 449.99 + 6,000 members 239.99 + 180 days 179.99
    [
      "Ultimate with groups, members and history",
      2021,
      {
        plan: "ultimate",
        usage: { peakDau: 10_000, peakGroups: 250_000 },
        features: { groupMemberLimit: 6_000, historyDays: 180 },
      },
      "2219.95",
      [],
    ],
    // 449.99 + unlimited live groups 449.99 + 1,000 groups a user 449.99 + 90 days (for 45) 179.99
    [
      "Pro's add-ons",
      2021,
      { plan: "pro", usage: { liveGroups: 100 }, features: { groupsPerUser: 800, historyDays: 45 } },
      "1529.96",
      [],
    ],
    ["Free past 100 DAU", 2021, { plan: "free", usage: { peakDau: 150 } }, "0.00", ["exceeds.peakDau"]],
    // The 2020 list (to 2021-08-05): Flagship 449.99; DAU 149.99 per started 10,000; bandwidth 0.69 USD/Mbps/day.
    // 449.99 + ceil(20,000 / 10,000) × 149.99 + 10 Mbps × 30 days × 0.69
    [
      "Flagship with danmaku bandwidth",
      2020,
      { plan: "flagship", usage: { peakDau: 30_000, bandwidth: { internationalMbps: 10, days: 30 } } },
      "956.97",
      [],
    ],
    // 149.99 + content filtering 149.99 + 30 days 79.99
    [
      "Pro with content filtering",
      2020,
      { plan: "pro", features: { addons: ["contentFiltering"], historyDays: 30 } },
      "379.97",
      [],
    ],
  ])("%s", (_, list, scenario, total, violations) => {
    const bill = priced(scenario, list);
    expect(bill.currency).toBe("USD");
    expect(bill.total).toBe(total);
    expect(bill.violations.map((violation) => violation.code)).toEqual(violations);
  });

  it("rounds each per-user line half-up to the cent, and sums the total from the lines", () => {
    const bill = priced({ plan: "premium", usage: { mau: 50_333 } }, 2022);
    expect(bill.lines.find((line) => line.id === "overage.mau")).toMatchObject({
      quantity: "40333",
      unitPrice: "0.015",
      amount: "605.00",
      unit: "user",
      explain: "50,333 − 10,000 free = 40,333",
    });
  });

  it("discounts the package (not the MAU overage), as the mainland's lists do", () => {
    // 399 × 10% = 39.90 off 624.00
    const bill = priced({ plan: "standard", usage: { mau: 25_000 } }, 2022, "10%");
    expect(bill.total).toBe("584.10");
  });

  it("picks the list by the day within the site: the original mode to 2022-12-25, MAU from 2022-12-26", () => {
    const list = (day: string, scenario: ScenarioInput) =>
      estimate(scenario, { site: "intl", on: day }).pricing.catalog.id;
    expect(list("2020-01-01", { plan: "pro" })).toBe("tencent-im-intl-2020");
    expect(list("2021-08-06", { plan: "pro" })).toBe("tencent-im-intl-2021");
    expect(list("2022-12-25", { plan: "ultimate" })).toBe("tencent-im-intl-2021");
    expect(list("2022-12-26", { plan: "premium" })).toBe("tencent-im-intl-2022");
    expect(list("2025-01-01", { plan: "premium" })).toBe("tencent-im-intl-2025");
    // A scenario's own site, the same way; the mainland without one.
    expect(estimate({ plan: "standard", site: "intl" }, { on: "2024-01-01" }).pricing.catalog.id).toBe(
      "tencent-im-intl-2022",
    );
    expect(estimate({ plan: "pro" }, { on: "2024-01-01" }).pricing.catalog).toMatchObject({
      id: "tencent-im-cn-2024",
      site: "cn",
    });
  });

  it("refuses a metric the list does not bill, naming the one it does", () => {
    expect(() => priced({ plan: "standard", usage: { peakDau: 25_000 } }, 2022)).toThrow(
      /usage\.peakDau: tencent-im-intl-2022 does not bill peak DAU: it bills monthly active users \(usage\.mau\)/,
    );
    expect(() => estimate({ plan: "pro", usage: { mau: 5 } }, { on: "2024-06-01" })).toThrow(InputError);
  });

  it("names editions per list: an alias never crosses lists", () => {
    // "pro" is the original mode's Pro, not a 2022 edition (Premium was "Advanced", later renamed Pro).
    expect(() => priced({ plan: "pro" }, 2022)).toThrow(/unknown plan "pro".*developer, standard, premium/);
    expect(priced({ plan: "进阶版" }, 2022).plan).toBe("premium");
    expect(priced({ plan: "旗舰版" }, 2021).plan).toBe("ultimate");
    expect(priced({ plan: "旗舰版" }, 2020).plan).toBe("flagship");
  });

  it("refuses a site its pinned list does not belong to", () => {
    expect(() => estimate({ plan: "pro", site: "intl", catalog: "tencent-im-cn-2024" })).toThrow(
      /site: intl is not the site of tencent-im-cn-2024 \(a list of cn\)/,
    );
    // The library's options as the CLI's flags: a site that is not the chosen list's is refused, named.
    expect(() => estimate({ plan: "pro" }, { site: "intl", catalog: "tencent-im-cn-2024" })).toThrow(
      "options: site: intl is not the site of tencent-im-cn-2024 (a list of cn)",
    );
  });
});
