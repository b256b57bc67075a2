import { describe, expect, it } from "vitest";
import { seedCatalog as builtinCatalog } from "../helpers/seed.js";
import { InputError } from "../../src/errors.js";
import { validateScenario } from "../../src/scenario/validate.js";

const validate = (document: unknown) => validateScenario(document, { catalog: builtinCatalog, source: "app.json" });
const errorOf = (document: unknown): string => {
  try {
    validate(document);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error("expected the document to be rejected");
};

describe("validateScenario", () => {
  it("fills every default", () => {
    expect(validate({ plan: "pro" })).toEqual({
      name: null,
      plan: "pro",
      catalog: null,
      dataCenter: null,
      site: null,
      usage: {
        peakDau: 0,
        mau: 0,
        peakGroups: 0,
        communityMessages: 0,
        liveGroups: 0,
        bandwidth: {
          mainlandMbps: 0,
          internationalMbps: 0,
          days: 30,
          mainlandMbpsDays: null,
          internationalMbpsDays: null,
        },
        moderation: { texts: 0, images: 0, audioMinutes: 0, videoMinutes: 0 },
      },
      features: {
        groupMemberLimit: null,
        groupsPerUser: null,
        historyDays: null,
        unlimitedLiveGroups: false,
        apiRatePacks: { packs: 0, days: 30 },
        addons: [],
      },
      expect: null,
    });
  });

  it("accepts $schema for editors", () => {
    expect(validate({ $schema: "./schemas/scenario.schema.json", plan: "trial" }).plan).toBe("trial");
  });

  it.each([
    [{ plan: "pro", usage: { peakDau: -5 } }, "app.json: usage.peakDau: must be a whole number ≥ 0, got -5"],
    [{ plan: "pro", usage: { peakGroups: 1.5 } }, "app.json: usage.peakGroups: must be a whole number ≥ 0, got 1.5"],
    [
      { plan: "pro", usage: { liveGroups: "60" } },
      "app.json: usage.liveGroups: must be a whole number ≥ 0, not a string: write 60 without quotes",
    ],
    [
      { plan: "pro", usage: { liveGroups: "many" } },
      'app.json: usage.liveGroups: must be a whole number ≥ 0, got "many"',
    ],
    [
      { plan: "pro", usage: { peakDau: 2 ** 53 } },
      "app.json: usage.peakDau: is too large: at most 9,007,199,254,740,991",
    ],
    [
      { plan: "pro", usage: { bandwidth: { mainlandMbps: 1e40 } } },
      "app.json: usage.bandwidth.mainlandMbps: must be a number from 0 to 1,000,000,000, got 1e+40",
    ],
    [
      { plan: "pro", usage: { bandwidth: { mainlandMbps: -0.5 } } },
      "app.json: usage.bandwidth.mainlandMbps: must be a number from 0 to 1,000,000,000, got -0.5",
    ],
    [
      { plan: "pro", usage: { bandwidth: { days: 0 } } },
      "app.json: usage.bandwidth.days: must be a whole number from 1 to 31, got 0",
    ],
    [
      { plan: "pro", usage: { bandwidth: { days: 32 } } },
      "app.json: usage.bandwidth.days: must be a whole number from 1 to 31, got 32",
    ],
    [
      { plan: "pro", features: { securityStrike: "yes" } },
      'app.json: features.securityStrike: must be true or false, got "yes"',
    ],
    [{ plan: "pro", usage: null }, "app.json: usage: must be an object, got null"],
    [{ plan: "pro", usage: [] }, "app.json: usage: must be an object, got a list"],
    [{ plan: "pro", name: "" }, 'app.json: name: must be a non-empty string, got ""'],
    [{}, "app.json: plan: is required (trial, pro or flagship)"],
    [{ plan: 2 }, "app.json: plan: must be trial, pro or flagship, got 2"],
    [{ plan: "gold" }, 'app.json: plan: unknown plan "gold": expected trial, pro, flagship'],
    [{ plan: "prof" }, 'app.json: plan: unknown plan "prof": expected trial, pro, flagship (did you mean "pro"?)'],
    [
      { plan: "flagshp" },
      'app.json: plan: unknown plan "flagshp": expected trial, pro, flagship (did you mean "flagship"?)',
    ],
    [[], "app.json: must be an object, got a list"],
    ["pro", 'app.json: must be an object, got "pro"'],
  ])("%j → %s", (document, message) => {
    expect(errorOf(document)).toBe(message);
  });

  it.each([
    [{ plan: "pro", usage: { peakDAU: 5 } }, 'app.json: usage.peakDAU: unknown field (did you mean "peakDau"?)'],
    [{ plan: "pro", feature: {} }, 'app.json: feature: unknown field (did you mean "features"?)'],
    [
      { plan: "pro", features: { historydays: 30 } },
      'app.json: features.historydays: unknown field (did you mean "historyDays"?)',
    ],
    [
      { plan: "pro", usage: { bandwidth: { mainland: 3 } } },
      'app.json: usage.bandwidth.mainland: unknown field (did you mean "mainlandMbps"?)',
    ],
    [{ plan: "pro", colour: "red" }, "app.json: colour: unknown field"],
  ])("rejects unknown fields: %j", (document, message) => {
    expect(errorOf(document)).toBe(message);
  });

  it("reports every problem, one per line", () => {
    expect(errorOf({ plan: "pro", usage: { peakDau: -1, peakGroups: -2 }, extra: 1 }).split("\n")).toEqual([
      "app.json: usage.peakDau: must be a whole number ≥ 0, got -1",
      "app.json: usage.peakGroups: must be a whole number ≥ 0, got -2",
      "app.json: extra: unknown field",
    ]);
  });

  it("lets the caller rename paths (the CLI names flags)", () => {
    expect(() =>
      validateScenario(
        { plan: "pro", usage: { peakDau: -1 } },
        {
          catalog: builtinCatalog,
          source: "",
          describePath: (path) => (path === "usage.peakDau" ? { source: "", path: "--dau" } : undefined),
        },
      ),
    ).toThrow(/^--dau: must be a whole number ≥ 0, got -1$/);
  });
});
