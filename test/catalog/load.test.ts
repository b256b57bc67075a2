import { describe, expect, it } from "vitest";
import { seedCatalog as builtinCatalog } from "../helpers/seed.js";
import { fixedPrices } from "../../src/catalog/choose.js";
import { originOf } from "../../src/catalog/origin.js";
import { resolveCatalog } from "../../src/catalog/load.js";
import type { Catalog } from "../../src/catalog/schema.js";
import { priceScenario } from "../../src/calculator/estimate.js";
import type { Estimate } from "../../src/calculator/types.js";
import { describe as describeBill } from "../../src/render/describe.js";
import { InputError } from "../../src/errors.js";
import { validateScenario } from "../../src/scenario/validate.js";
import { SEED_DAY } from "../helpers/scenario.js";

const busy = {
  plan: "pro",
  usage: { peakDau: 25_000, peakGroups: 150_000, liveGroups: 60, bandwidth: { mainlandMbps: 10 } },
  features: { groupMemberLimit: 2000, historyDays: 90, securityStrike: true },
};
const priceWith = (catalog: Catalog, document: unknown = busy, percent?: string): Estimate =>
  describeBill(
    priceScenario(
      validateScenario(document, { catalog, source: "test" }),
      fixedPrices(catalog, { day: SEED_DAY, ...(percent ? { discount: { percent, from: "option" as const } } : {}) }),
    ),
    "en",
  );
const problemsOf = (document: unknown): string[] => {
  try {
    resolveCatalog(document, "prices.json");
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message.split("\n");
  }
  throw new Error("expected the catalog to be rejected");
};
/** The seed list as a whole catalog of one's own: a file never takes a built-in list's id. */
const clone = (): Record<string, any> => ({
  ...(structuredClone(builtinCatalog) as Record<string, any>),
  id: "custom",
});
/** The first 8 hex digits of a document's hash, as the version of a list read from it ends. */
const hashOf = (document: unknown) => originOf(resolveCatalog(document, "x.json"))!.sha256.slice(0, 8);

describe("an overlay", () => {
  it("changes exactly the lines that use the changed price", () => {
    const overlay = resolveCatalog(
      { extends: "tencent-im-cn-2020", editions: { pro: { overage: { dau: { price: "800.00" } } } } },
      "acme.yaml",
    );
    const before = priceWith(builtinCatalog);
    const after = priceWith(overlay);
    const changed = after.lines.filter((line, index) => JSON.stringify(line) !== JSON.stringify(before.lines[index]));
    expect(changed.map((line) => line.id)).toEqual(["overage.dau"]);
    expect(changed[0]).toMatchObject({ quantity: "2", unitPrice: "800.00", amount: "1600.00" });
    expect(Number(before.total) - Number(after.total)).toBe(400);
  });

  it("names itself after its file unless it gives an id, and keeps the rest of the built-in catalog", () => {
    const unnamed = resolveCatalog({ extends: "tencent-im-cn-2020" }, "prices/acme.yaml");
    // An overlay's dates (and how recently they were checked) are its own: a negotiated list is not the public list.
    const { effective: _dates, lastVerified: _verified, ...rest } = builtinCatalog;
    const hash = hashOf({ extends: "tencent-im-cn-2020" });
    expect(unnamed).toEqual({ ...rest, id: "tencent-im-cn-2020+acme", version: `2022.2+${hash}` });
    expect(resolveCatalog({ extends: "tencent-im-cn-2020", id: "acme", version: "2" }, "x.json")).toMatchObject({
      id: "acme",
      version: `2+${hashOf({ extends: "tencent-im-cn-2020", id: "acme", version: "2" })}`,
    });
    expect(priceWith(unnamed).catalog.id).toBe("tencent-im-cn-2020+acme");
  });

  it("is named in every estimate by its file and the hash of its content", () => {
    const document = { extends: "tencent-im-cn-2020", id: "acme" };
    const overlay = resolveCatalog(document, "prices/acme.yaml", "ab".repeat(32));
    expect(originOf(overlay)).toEqual({
      file: "prices/acme.yaml",
      sha256: "ab".repeat(32),
      extends: "tencent-im-cn-2020",
    });
    expect(overlay.version).toBe("2022.2+abababab");
    expect(priceWith(overlay).pricing).toMatchObject({
      catalog: { id: "acme", version: "2022.2+abababab", builtin: false },
      overlays: [{ file: "prices/acme.yaml", sha256: "ab".repeat(32), extends: "tencent-im-cn-2020" }],
    });
    // Another byte, another hash: the same prices read from another file are another list.
    expect(hashOf({ ...document, title: { en: "x", zh: "x" } })).not.toBe(hashOf(document));
  });

  it.each([
    [{ extends: "tencent-im-cn-2020", id: "tencent-im-cn-2020" }, "tencent-im-cn-2020"],
    [{ extends: "tencent-im-cn-2020", id: "tencent-im-cn-2024" }, "tencent-im-cn-2024"],
  ])("never takes a built-in list's id: %j", (document, id) => {
    expect(problemsOf(document)).toEqual([
      `prices.json: id: "${id}" is the id of a built-in list: a price file names itself (give it an id of its own), so that an estimate never passes changed prices off as the list's`,
    ]);
  });

  it("cannot turn the figures it inherits into another currency: it restates every price, or is refused", () => {
    expect(problemsOf({ extends: "tencent-im-cn-2020", currency: "USD" })).toEqual([
      "prices.json: currency: is USD, but the figures it takes from tencent-im-cn-2020 are in CNY: restate every price in USD (it inherits editions.trial.packageFee.price, editions.trial.addons.moderation.price, editions.pro.packageFee.price and 20 more)",
    ]);
    // Every price restated: a list of its own, in dollars.
    const restated = clone();
    delete restated.id;
    const {
      id: _id,
      sources: _sources,
      discounts: _discounts,
      addonNames: _names,
      title: _title,
      ...prices
    } = restated;
    const usd = resolveCatalog({ extends: "tencent-im-cn-2020", ...prices, id: "usd", currency: "USD" }, "usd.json");
    expect(priceWith(usd, { plan: "pro" })).toMatchObject({ currency: "USD", total: "999.00" });
  });

  it("starts no later than it ends", () => {
    expect(problemsOf({ extends: "tencent-im-cn-2020", effective: { from: "2026-12-31", to: "2026-01-01" } })).toEqual([
      "prices.json: effective.from: starts on 2026-12-31, after it ends (2026-01-01)",
    ]);
  });

  it("may extend any built-in list, the 2024 one's carried-over marks included", () => {
    const overlay = resolveCatalog(
      { extends: "tencent-im-cn-2024", effective: { from: "2026-01-01", to: "2026-12-31" } },
      "acme-2026.yaml",
    );
    expect(overlay).toMatchObject({
      id: "tencent-im-cn-2024+acme-2026",
      effective: { from: "2026-01-01", to: "2026-12-31" },
    });
    expect(overlay.editions.pro!.packageFee.price).toBe("1499.00");
    expect(overlay.editions.pro!.addons.history).toHaveProperty("carriedOver", "tencent-im-cn-2020");
  });

  it("can replace a list (the history tiers) and set a value to null", () => {
    const overlay = resolveCatalog(
      {
        extends: "tencent-im-cn-2020",
        editions: {
          pro: {
            addons: { history: { tiers: [{ upTo: 720, price: "3000.00" }] } },
            limits: { groupMemberLimit: { value: null } },
          },
        },
      },
      "x.json",
    );
    const estimate = priceWith(overlay);
    expect(estimate.lines.find((line) => line.id === "addon.history")).toMatchObject({ amount: "3000.00" });
    expect(estimate.lines.find((line) => line.id === "addon.groupMembers")).toBeUndefined();
  });

  it.each([
    [
      { extends: "tencent-im-cn-2019" },
      'prices.json: extends: unknown catalog "tencent-im-cn-2019": the built-in ones are tencent-im-cn-2020, tencent-im-cn-2024, tencent-im-cn-overseas-2023, tencent-im-intl-2020, tencent-im-intl-2021, tencent-im-intl-2022, tencent-im-intl-2025 (did you mean "tencent-im-cn-2020"?)',
    ],
    [
      { extends: "tencent-im-cn-2020", editions: { pro: { packageFee: { price: "-5.00" } } } },
      'prices.json: editions.pro.packageFee.price: must be an amount ≥ 0 as a string with at most two decimals, such as "999.00", got "-5.00"',
    ],
    [
      { extends: "tencent-im-cn-2020", editions: { pro: { packageFee: { price: 999 } } } },
      'prices.json: editions.pro.packageFee.price: must be an amount ≥ 0 as a string with at most two decimals, such as "999.00", got 999',
    ],
    [
      { extends: "tencent-im-cn-2020", editions: { pro: { overage: { dau: { unit: 0 } } } } },
      "prices.json: editions.pro.overage.dau.unit: must be a whole number ≥ 1, got 0",
    ],
    [
      { extends: "tencent-im-cn-2020", editions: { pro: { overage: { dau: { prise: "1.00" } } } } },
      'prices.json: editions.pro.overage.dau.prise: unknown field (did you mean "price"?)',
    ],

    [
      { extends: "tencent-im-cn-2020", editions: { pro: { addons: { history: { kind: "tier" } } } } },
      'prices.json: editions.pro.addons.history.kind: must be one of "limit", "tiers", "switch", "metered", "deductions", "included", got "tier"',
    ],
    [
      { extends: "tencent-im-cn-2020", editions: { pro: { packageFee: { source: "contract" } } } },
      'prices.json: editions.pro.packageFee.source: unknown source "contract": not a key of sources',
    ],
    [
      {
        extends: "tencent-im-cn-2020",
        editions: {
          pro: { addons: { sms: { kind: "switch", price: "10.00", billing: "prepaid", source: "price-list" } } },
        },
      },
      'prices.json: editions.pro.addons.sms: has no name: add "sms" to addonNames',
    ],
  ])("rejects %j", (document, message) => {
    expect(problemsOf(document)).toEqual([message]);
  });
});

describe("a whole catalog", () => {
  it("names its own editions, at least one, each by an id a plan can name", () => {
    const shouting = clone();
    shouting.editions["Ultra!"] = { ...shouting.editions.flagship, aliases: [] };
    expect(problemsOf(shouting)).toEqual([
      'prices.json: editions.Ultra!: must be an id of lower-case letters, digits and hyphens, such as pro, got "Ultra!"',
    ]);
    const catalog = clone();
    catalog.editions = {};
    expect(problemsOf(catalog)).toEqual(["prices.json: editions: must be an object of one edition or more, got {}"]);
    const two = clone();
    delete two.editions.flagship;
    expect(Object.keys(resolveCatalog(two, "two.json").editions)).toEqual(["trial", "pro"]);
  });

  it("prices a new add-on bought on request", () => {
    const catalog = clone();
    catalog.id = "with-translation";
    catalog.addonNames.translation = { en: "Message translation", zh: "消息翻译" };
    catalog.editions.pro.addons.translation = {
      kind: "switch",
      price: "300.00",
      billing: "prepaid",
      source: "price-list",
    };
    const custom = resolveCatalog(catalog, "custom.json");
    const estimate = priceWith(custom, { plan: "pro", features: { addons: ["translation"] } });
    expect(estimate.lines.map((line) => [line.id, line.label, line.amount])).toEqual([
      ["package", "Pro package (专业版)", "999.00"],
      ["addon.translation", "Message translation", "300.00"],
    ]);
    // flagship does not sell it
    expect(priceWith(custom, { plan: "flagship", features: { addons: ["translation"] } }).violations).toEqual([
      { code: "unavailable.translation", message: "Flagship does not sell: Message translation" },
    ]);
  });

  it("rejects a scenario asking for an add-on the catalog does not have", () => {
    expect(() => priceWith(builtinCatalog, { plan: "pro", features: { addons: ["translaton"] } })).toThrow(
      'test: features.addons[0]: unknown add-on "translaton": the catalog sells securityStrike',
    );
    expect(() => priceWith(builtinCatalog, { plan: "pro", features: { addons: ["securitystrike"] } })).toThrow(
      '(did you mean "securityStrike"?)',
    );
  });

  it("buys the cheapest add-on that meets a need when several do", () => {
    const catalog = clone();
    catalog.addonNames.groupMembersXL = { en: "Members per group, XL", zh: "超大群" };
    catalog.editions.pro.addons.groupMembersXL = {
      kind: "limit",
      need: "groupMemberLimit",
      raisesTo: 10_000,
      price: "2000.00",
      billing: "prepaid",
      source: "price-list",
    };
    const custom = resolveCatalog(catalog, "custom.json");
    const amounts = (need: number) =>
      priceWith(custom, { plan: "pro", features: { groupMemberLimit: need } })
        .lines.slice(1)
        .map((l) => [l.id, l.amount]);
    expect(amounts(1500)).toEqual([["addon.groupMembers", "500.00"]]);
    expect(amounts(8000)).toEqual([["addon.groupMembersXL", "2000.00"]]);
  });
});

describe("--discount", () => {
  it("is its own negative line on package and add-ons, and the total follows", () => {
    const estimate = priceWith(builtinCatalog, busy, "15");
    // package 999 + add-ons (1,000 live groups + 500 members + 1,000 history + 1,000 strike + 600 bandwidth) = 5,099
    expect(estimate.lines.at(-1)).toEqual({
      id: "discount",
      category: "discount",
      label: "Discount 15% on package and add-ons",
      quantity: "1",
      unit: "month",
      unitPrice: "-764.85",
      amount: "-764.85",
      explain: "15% × ¥5,099.00",
    });
    expect(estimate.subtotals).toEqual({ base: "999.00", overage: "3000.00", addons: "4100.00", discount: "-764.85" });
    expect(estimate.total).toBe("7334.15");
  });

  it("rounds half-up to the fen", () => {
    // 12.5% of 999.00 = 124.875 → 124.88
    expect(priceWith(builtinCatalog, { plan: "pro" }, "12.5").lines.at(-1)?.amount).toBe("-124.88");
  });

  it("applies where the catalog says", () => {
    const catalog = clone();
    catalog.discounts.appliesTo = ["overage"];
    expect(priceWith(resolveCatalog(catalog, "x.json"), busy, "10").subtotals.discount).toBe("-300.00");
  });

  it("leaves nothing to discount alone", () => {
    expect(priceWith(builtinCatalog, { plan: "trial" }, "50").lines.map((line) => line.id)).toEqual(["package"]);
  });
});
