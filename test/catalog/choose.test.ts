import { describe, expect, it } from "vitest";
import { choosePrices, pinOf, type PriceSettings } from "../../src/catalog/choose.js";
import { builtinCatalogById, seedCatalog } from "../../src/catalog/index.js";
import { resolveCatalog } from "../../src/catalog/load.js";
import type { Catalog } from "../../src/catalog/schema.js";

const list2024 = builtinCatalogById("tencent-im-cn-2024") as Catalog;
const overlay = resolveCatalog(
  {
    extends: "tencent-im-cn-2024",
    id: "acme",
    editions: { pro: { packageFee: { price: "849.15", source: "contract" } } },
    sources: { contract: "order form" },
  },
  "acme.yaml",
);
const settings = (more: Partial<PriceSettings> = {}): PriceSettings => ({ day: "2026-11-29", surface: "cli", ...more });
const config = (catalog: Catalog, setting: "catalog" | "pricing" = "pricing") => ({
  file: "im-bill.config.yaml",
  catalog,
  setting,
  taken: [],
  overridden: [],
});

describe("choosePrices: one precedence for every bill", () => {
  it("prices with the list in effect on the day when nothing chose one", () => {
    expect(choosePrices(settings(), null).catalog.id).toBe("tencent-im-cn-2024");
    expect(choosePrices(settings({ day: "2023-06-01" }), null).catalog.id).toBe("tencent-im-cn-2020");
    const choice = choosePrices(settings(), null);
    expect(choice.pricing).toMatchObject({
      on: "2026-11-29",
      chosenBy: "date",
      overlays: [],
      config: null,
      discount: null,
    });
    expect(choice.notes).toEqual([]);
  });

  it("takes a pin over the config, and says the config's list was not used", () => {
    const choice = choosePrices(settings({ config: config(overlay) }), "tencent-im-cn-2020");
    expect(choice.catalog).toBe(seedCatalog);
    expect(choice.pricing.chosenBy).toBe("pin");
    expect(choice.notes.map((note) => note.code)).toEqual(["pricing.config-not-used", "catalog.superseded"]);
    expect(choice.notes[0]).toMatchObject({
      file: "im-bill.config.yaml",
      setting: "pricing",
      value: "acme.yaml",
      pin: "tencent-im-cn-2020",
    });
  });

  it("takes a flag over a pin, and says the pin lost", () => {
    const choice = choosePrices(settings({ explicit: { catalog: list2024, by: "--catalog" } }), "tencent-im-cn-2020");
    expect(choice.catalog).toBe(list2024);
    expect(choice.pricing.chosenBy).toBe("flag");
    expect(choice.notes).toEqual([
      { code: "pricing.pin-overridden", pin: "tencent-im-cn-2020", list: "tencent-im-cn-2024", by: "--catalog" },
    ]);
  });

  it("takes the config's list over the day, and names the config and what it set", () => {
    const choice = choosePrices(
      settings({
        config: { ...config(overlay), taken: ["lang", "discount"] },
        discount: { percent: "15", from: "config" },
      }),
      null,
    );
    expect(choice.catalog).toBe(overlay);
    expect(choice.pricing).toMatchObject({
      chosenBy: "config",
      config: { file: "im-bill.config.yaml", settings: ["lang", "discount", "pricing"] },
      discount: { percent: "15", from: "config" },
      overlays: [{ file: "acme.yaml", extends: "tencent-im-cn-2024", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      catalog: { id: "acme", builtin: false },
    });
  });

  it("names each config setting a flag replaced", () => {
    const choice = choosePrices(
      settings({
        explicit: { catalog: seedCatalog, by: "--catalog" },
        config: { file: "im-bill.config.yaml", taken: [], overridden: [{ setting: "pricing", by: "--catalog" }] },
      }),
      null,
    );
    expect(choice.notes.map((note) => note.code)).toEqual(["pricing.config-overridden", "catalog.superseded"]);
  });

  it("lets a pin name the list the run was given (an overlay's own id)", () => {
    expect(choosePrices(settings({ config: config(overlay) }), "acme").catalog).toBe(overlay);
  });

  it("treats a pin that names no list as no pin (the validator reports it)", () => {
    const run = settings();
    expect(choosePrices(run, "tencent-im-cn-2099")).toBe(choosePrices(run, null));
    expect(choosePrices(run, "tencent-im-cn-2099").catalog.id).toBe("tencent-im-cn-2024");
  });

  it("gives the same choice for the same settings, pin and day (a batch makes a handful)", () => {
    const run = settings();
    expect(choosePrices(run, null)).toBe(choosePrices(run, null));
    expect(choosePrices(run, "nope")).toBe(choosePrices(run, null));
    expect(choosePrices(run, "tencent-im-cn-2020")).not.toBe(choosePrices(run, null));
  });

  it("says when a chosen list does not apply on the day priced, whichever way", () => {
    const pinned2024 = choosePrices(settings({ day: "2023-06-01" }), "tencent-im-cn-2024");
    expect(pinned2024.notes).toEqual([
      {
        code: "catalog.not-yet-in-effect",
        list: "tencent-im-cn-2024",
        from: "2024-01-01",
        current: "tencent-im-cn-2020",
      },
    ]);
    const old = resolveCatalog({ extends: "tencent-im-cn-2020", id: "old-deal", sources: {} }, "old-deal.yaml");
    expect(choosePrices(settings({ explicit: { catalog: old, by: "--pricing" } }), null).notes).toEqual([
      {
        code: "catalog.base-superseded",
        list: "old-deal",
        base: "tencent-im-cn-2020",
        to: "2023-12-31",
        current: "tencent-im-cn-2024",
        since: "2024-01-01",
      },
    ]);
  });
});

describe("pinOf", () => {
  it.each([
    [{ plan: "pro", catalog: "tencent-im-cn-2020" }, "tencent-im-cn-2020"],
    [{ plan: "pro" }, null],
    [{ plan: "pro", catalog: 7 }, null],
    [Object.create({ catalog: "inherited" }) as object, null],
    [null, null],
    ["text", null],
  ])("%j → %s", (document, pin) => {
    expect(pinOf(document)).toBe(pin);
  });
});
