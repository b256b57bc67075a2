import { describe, expect, it } from "vitest";
import { describe as describeBill } from "../../src/render/describe.js";
import { renderTable, type TableOptions } from "../../src/render/table.js";
import type { Styles } from "../../src/render/styles.js";
import { displayWidth } from "../../src/render/text.js";
import { bill } from "../helpers/scenario.js";

/** A scenario's bill as the table lays it out: described in the table's language. */
const table = (document: unknown, options: TableOptions) =>
  renderTable(describeBill(bill(document), options.lang), options);

const busy = {
  name: "Everything at once",
  plan: "pro",
  usage: {
    peakDau: 25_000,
    peakGroups: 150_000,
    liveGroups: 60,
    bandwidth: { mainlandMbps: 100, internationalMbps: 12.5, days: 30 },
  },
  features: { groupMemberLimit: 2000, groupsPerUser: 1000, historyDays: 90, securityStrike: true },
};

describe("renderTable", () => {
  it.each([80, 100, 60])("fits %i columns", (width) => {
    const text = table(busy, { lang: "en", width });
    for (const line of text.trimEnd().split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  });

  it("fits 80 columns in Chinese", () => {
    const text = table(busy, { lang: "zh", width: 80 });
    for (const line of text.trimEnd().split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  it("matches the golden file (en)", async () => {
    await expect(table(busy, { lang: "en" })).toMatchFileSnapshot("../golden/table-busy.en.txt");
  });

  it("matches the golden file (zh), violations and notes included", async () => {
    const text = table({ ...busy, plan: "trial" }, { lang: "zh" });
    await expect(text).toMatchFileSnapshot("../golden/table-trial.zh.txt");
  });

  it("styles only through the styles it is given", () => {
    const marked: Styles = {
      bold: (t) => `<b>${t}</b>`,
      dim: (t) => t,
      error: (t) => `<e>${t}</e>`,
      warning: (t) => t,
      success: (t) => t,
    };
    const text = table(
      { plan: "trial", usage: { peakDau: 500 } },
      {
        lang: "en",
        styles: marked,
      },
    );
    expect(text).toContain("<b>Total</b>");
    expect(text).toContain("<e>  ✗ Trial allows at most 100 peak DAU; 500 needed [exceeds.peakDau]</e>");
    expect(text).not.toMatch(/\u001b\[/);
  });
});
