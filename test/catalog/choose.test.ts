import { describe, expect, it } from "vitest";

/** What a scenario that pins `id` (and says no site) asks for. */
const pin = (id: string) => ({ pin: id, site: null, dataCenter: null });
import { choosePrices, wantedOf, type PriceSettings } from "../../src/catalog/choose.js";
import { builtinCatalogById } from "../../src/catalog/index.js";
import { seedCatalog } from "../helpers/seed.js";
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
// Made a day after the lists were checked: the notes these tests are about, without the one of a stale list (tested apart).
const settings = (more: Partial<PriceSettings> = {}): PriceSettings => ({
  day: "2026-11-29",
  today: "2025-11-05",
  surface: "cli",
  ...more,
});
const config = (catalog: Catalog, setting: "catalog" | "pricing" = "pricing") => ({
  file: "im-bill.config.yaml",
  catalog,
  setting,
  taken: [],
  overridden: [],
});

describe("choosePrices: one precedence for every bill", () => {
  it("prices with the list in effect on the day when nothing chose one", () => {
    expect(choosePrices(settings()).catalog.id).toBe("tencent-im-cn-2024");
    expect(choosePrices(settings({ day: "2023-06-01" })).catalog.id).toBe("tencent-im-cn-2020");
    const choice = choosePrices(settings());
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
    const choice = choosePrices(settings({ config: config(overlay) }), pin("tencent-im-cn-2020"));
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
    const choice = choosePrices(
      settings({ explicit: { catalog: list2024, by: "--catalog" } }),
      pin("tencent-im-cn-2020"),
    );
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
    );
    expect(choice.notes.map((note) => note.code)).toEqual(["pricing.config-overridden", "catalog.superseded"]);
  });

  it("lets a pin name the list the run was given (an overlay's own id)", () => {
    expect(choosePrices(settings({ config: config(overlay) }), pin("acme")).catalog).toBe(overlay);
  });

  it("treats a pin that names no list as no pin (the validator reports it)", () => {
    const run = settings();
    expect(choosePrices(run, pin("tencent-im-cn-2099"))).toBe(choosePrices(run));
    expect(choosePrices(run, pin("tencent-im-cn-2099")).catalog.id).toBe("tencent-im-cn-2024");
  });

  it("gives the same choice for the same settings, pin and day (a batch makes a handful)", () => {
    const run = settings();
    expect(choosePrices(run)).toBe(choosePrices(run));
    expect(choosePrices(run, pin("nope"))).toBe(choosePrices(run));
    expect(choosePrices(run, pin("tencent-im-cn-2020"))).not.toBe(choosePrices(run));
  });

  it("says when a chosen list does not apply on the day priced, whichever way", () => {
    const pinned2024 = choosePrices(settings({ day: "2023-06-01" }), pin("tencent-im-cn-2024"));
    expect(pinned2024.notes).toEqual([
      {
        code: "catalog.not-yet-in-effect",
        list: "tencent-im-cn-2024",
        from: "2024-01-01",
        current: "tencent-im-cn-2020",
      },
    ]);
    const old = resolveCatalog({ extends: "tencent-im-cn-2020", id: "old-deal", sources: {} }, "old-deal.yaml");
    expect(choosePrices(settings({ explicit: { catalog: old, by: "--pricing" } })).notes).toEqual([
      {
        code: "catalog.base-superseded",
        list: "old-deal",
        base: "tencent-im-cn-2020",
        to: "2023-12-31",
        followed: null,
        current: "tencent-im-cn-2024",
        since: "2024-01-01",
      },
    ]);
  });

  it("names the list that followed an ended one on its site, where that is not today's", () => {
    // The international lists were last checked long before: that note is tested apart.
    const intl = (catalog: string, day = "2026-11-29") =>
      choosePrices(settings({ day }), { pin: catalog, site: "intl", dataCenter: null }).notes.filter(
        (note) => note.code !== "catalog.unverified",
      );
    expect(intl("tencent-im-intl-2020")).toEqual([
      {
        code: "catalog.superseded",
        list: "tencent-im-intl-2020",
        to: "2021-08-05",
        followed: { list: "tencent-im-intl-2021", from: "2021-08-06" },
        current: "tencent-im-intl-2025",
        since: "2025-01-01",
      },
    ]);
    // On a day the next list was in effect, that list is today's: named once.
    expect(intl("tencent-im-intl-2020", "2022-01-10")[0]).toMatchObject({
      followed: null,
      current: "tencent-im-intl-2021",
    });
  });
});

describe("the data centres a bill is for (on the mainland site)", () => {
  const abroad = (more: Partial<PriceSettings> = {}, dataCenter: "mainland" | "overseas" | null = null) =>
    choosePrices(settings(more), { pin: null, site: null, dataCenter });

  it("chooses the overseas list by --data-center, the scenario or the config, in that order", () => {
    expect(abroad({}, "overseas").catalog.id).toBe("tencent-im-cn-overseas-2023");
    expect(abroad({ dataCenter: { dataCenter: "overseas", from: "config" } }).catalog.id).toBe(
      "tencent-im-cn-overseas-2023",
    );
    // The scenario's beats the config's; a flag beats the scenario's.
    expect(abroad({ dataCenter: { dataCenter: "overseas", from: "config" } }, "mainland").catalog.id).toBe(
      "tencent-im-cn-2024",
    );
    expect(abroad({ dataCenter: { dataCenter: "mainland", from: "flag" } }, "overseas").catalog.id).toBe(
      "tencent-im-cn-2024",
    );
    expect(abroad().catalog.id).toBe("tencent-im-cn-2024");
  });

  it("says so in the bill's provenance, for mainland lists only", () => {
    expect(abroad({}, "overseas").pricing.catalog).toMatchObject({ site: "cn", dataCenter: "overseas" });
    expect(abroad().pricing.catalog).toMatchObject({ site: "cn", dataCenter: "mainland" });
    const intl = choosePrices(settings(), { pin: null, site: "intl", dataCenter: "overseas" });
    expect(intl.catalog.id).toBe("tencent-im-intl-2025");
    expect(intl.pricing.catalog).not.toHaveProperty("dataCenter");
  });

  it("takes the config's list only where it prices the data centres asked for", () => {
    const chosen = choosePrices(settings({ config: config(list2024, "catalog") }), {
      pin: null,
      site: null,
      dataCenter: "overseas",
    });
    expect(chosen.catalog.id).toBe("tencent-im-cn-overseas-2023");
    expect(chosen.pricing.chosenBy).toBe("date");
    expect(choosePrices(settings({ config: config(list2024, "catalog") })).catalog).toBe(list2024);
  });

  it("names, for a mainland list that ended, the mainland list that followed, never the overseas one", () => {
    const notes = choosePrices(settings(), pin("tencent-im-cn-2020")).notes;
    expect(notes[0]).toMatchObject({ code: "catalog.superseded", current: "tencent-im-cn-2024", followed: null });
  });
});

describe("wantedOf", () => {
  it.each([
    [
      { plan: "pro", catalog: "tencent-im-cn-2020" },
      { pin: "tencent-im-cn-2020", site: null, dataCenter: null },
    ],
    [
      { plan: "standard", site: "intl" },
      { pin: null, site: "intl", dataCenter: null },
    ],
    [
      { plan: "pro", dataCenter: "overseas" },
      { pin: null, site: null, dataCenter: "overseas" },
    ],
    [
      { plan: "pro", dataCenter: "abroad" },
      { pin: null, site: null, dataCenter: null },
    ],
    [{ plan: "pro" }, { pin: null, site: null, dataCenter: null }],
    [
      { plan: "pro", catalog: 7, site: "moon" },
      { pin: null, site: null, dataCenter: null },
    ],
    [Object.create({ catalog: "inherited", site: "intl" }) as object, { pin: null, site: null, dataCenter: null }],
    [null, { pin: null, site: null, dataCenter: null }],
    ["text", { pin: null, site: null, dataCenter: null }],
  ])("%j → %j", (document, wanted) => {
    expect(wantedOf(document)).toEqual(wanted);
  });
});

describe("how long ago a list was checked", () => {
  // tencent-im-cn-2024 was last checked against Tencent's pages on 2025-11-04.
  const madeOn = (today: string) => choosePrices(settings({ day: "2026-11-29", today }));

  it("is counted in days to the day the run is made, whatever day is priced", () => {
    expect(madeOn("2026-12-04").pricing.catalog).toMatchObject({ lastVerified: "2025-11-04", verifiedDaysAgo: 395 });
    expect(choosePrices(settings({ day: "2024-03-01", today: "2026-12-04" })).pricing.catalog.verifiedDaysAgo).toBe(
      395,
    );
  });

  it("is said past 180 days, on every bill of the list", () => {
    const stale = (today: string) => madeOn(today).notes.filter((note) => note.code === "catalog.unverified");
    expect(stale("2026-05-03")).toEqual([]); // 180 days
    expect(stale("2026-05-04")).toEqual([
      { code: "catalog.unverified", list: "tencent-im-cn-2024", lastVerified: "2025-11-04", days: 181 },
    ]);
  });

  it("is not counted for a list that names no date it was checked", () => {
    const undated = { ...builtinCatalogById("tencent-im-cn-2024")!, id: "undated" };
    delete undated.lastVerified;
    const choice = choosePrices(settings({ today: "2026-12-04", explicit: { catalog: undated, by: "--pricing" } }));
    expect(choice.pricing.catalog).toMatchObject({ lastVerified: null, verifiedDaysAgo: null });
    expect(choice.notes.map((note) => note.code)).not.toContain("catalog.unverified");
  });
});

describe("a day before any list im-bill knows", () => {
  it("is priced with the earliest list, and says so with what is known of the prices before it", () => {
    const choice = choosePrices(settings({ day: "2019-03-15" }));
    expect(choice.catalog.id).toBe("tencent-im-cn-2020");
    expect(choice.notes).toEqual([
      { code: "catalog.before-known", list: "tencent-im-cn-2020", knownFrom: "2019-12-27" },
    ]);
    // From the day the list is known to apply: nothing to say.
    expect(choosePrices(settings({ day: "2019-12-27" })).notes).toEqual([]);
  });
});
