import { describe, expect, it } from "vitest";
import { BatchSummary, priceRecord } from "../../../src/batch/price.js";
import { builtinCatalog } from "../../../src/catalog/index.js";
import { plainStyles } from "../../../src/render/styles.js";
import { summaryWriter } from "../../../src/render/report/summary.js";

describe("the summary table", () => {
  it("reports 130,000 scenarios (a spread of that many widths once overflowed the stack)", () => {
    const writer = summaryWriter("table", { catalog: builtinCatalog, lang: "en", styles: plainStyles, width: 80 });
    const summary = new BatchSummary();
    const item = priceRecord(
      { id: "x", source: "x", data: { plan: "pro" } },
      { catalog: builtinCatalog, chosen: true },
      { lang: "en" },
    );
    for (let i = 0; i < 130_000; i++) {
      const named = { result: { ...item.result!, id: `app-${i}` } };
      summary.add(named);
      writer.item(named);
    }
    const text = [...writer.end(summary)].join("");
    expect(text.split("\n").filter((line) => line.startsWith("│ app-"))).toHaveLength(130_000);
    expect(text).toContain("Total of all priced scenarios: ¥129,870,000.00");
  });
});
