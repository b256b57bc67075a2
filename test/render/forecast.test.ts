import { describe, expect, it } from "vitest";
import { forecast } from "../../src/advisor/forecast.js";
import { seedCatalog } from "../helpers/seed.js";
import { describeForecast, monthRanges } from "../../src/render/forecast.js";
import { validateScenario } from "../../src/scenario/validate.js";
import { parseDate } from "../../src/util/calendar.js";
import { seedSettings } from "../helpers/scenario.js";

const run = (document: object, options: Partial<Parameters<typeof forecast>[1]> = {}) =>
  forecast(validateScenario(document, { catalog: seedCatalog, source: "test" }), {
    settings: seedSettings(),
    months: 3,
    growth: { dau: "0", mau: "0", groups: "0", bandwidth: "0" },
    autoPlan: false,
    ...options,
  });

describe("describeForecast", () => {
  it("says a violation once, with the months it holds for", () => {
    const result = run(
      { plan: "trial", usage: { peakDau: 100 } },
      { growth: { dau: "50", mau: "0", groups: "0", bandwidth: "0" } },
    );
    expect(describeForecast(result, "en").notes).toEqual([
      {
        code: "forecast.exceeds.peakDau",
        message: "months 2–3: Trial allows at most 100 peak DAU; 150 needed (in month 2)",
      },
    ]);
  });

  it("says why auto-plan does not return to Trial, in each language", () => {
    const down = run(
      { plan: "pro", usage: { peakDau: 200 } },
      { autoPlan: true, growth: { dau: "-60", mau: "0", groups: "0", bandwidth: "0" } },
    );
    expect(describeForecast(down, "en").notes[0]!.message).toBe(
      "month 2: Trial would fit for ¥0.00, but an app that left Trial cannot return to it (Tencent does not allow the downgrade)",
    );
    expect(describeForecast(down, "zh").notes[0]!.message).toContain("体验版");
  });

  it("labels each charge of the calendar as its month's estimate does", () => {
    const result = run(
      { plan: "pro", usage: { peakDau: 25_000 }, features: { historyDays: 30 } },
      { months: 1, start: parseDate("2027-01-31") },
    );
    expect(describeForecast(result, "en").calendar.map((charge) => charge.labels)).toEqual([
      ["Pro package (专业版)"],
      ["Peak DAU overage", "Message history retention: 30 days"],
    ]);
  });
});

describe("monthRanges", () => {
  it.each([
    [[1], "1"],
    [[1, 2, 3, 5, 7, 8], "1–3, 5, 7–8"],
    [[2, 4, 6], "2, 4, 6"],
  ])("%j → %s", (months, text) => {
    expect(monthRanges(months)).toBe(text);
  });
});
