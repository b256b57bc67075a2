import { describe, expect, it } from "vitest";
import { BatchSummary, priceRecord } from "../../../src/batch/price.js";
import { seedSettings } from "../../helpers/scenario.js";
import { plainStyles } from "../../../src/render/styles.js";
import { summaryWriter } from "../../../src/render/batch/summary.js";
import { rowOf, summaryOf } from "../../../src/render/batch/writers.js";

describe("the summary table", () => {
  it("reports 130,000 scenarios (a spread of that many widths once overflowed the stack)", () => {
    const writer = summaryWriter("table", { lineIds: [], lang: "en", styles: plainStyles, width: 80 });
    const summary = new BatchSummary();
    const item = priceRecord({ id: "x", source: "x", data: { plan: "pro" } }, seedSettings());
    for (let i = 0; i < 130_000; i++) {
      const named = { result: { ...item.result!, id: `app-${i}` } };
      summary.add(named);
      writer.item(rowOf(named, "en"));
    }
    const text = [...writer.end(summaryOf(summary, "en"))].join("");
    expect(text.split("\n").filter((line) => line.startsWith("│ app-"))).toHaveLength(130_000);
    expect(text).toContain("Total of all priced scenarios: ¥129,870,000.00");
    // Every scenario priced alike: one provenance, once.
    expect(text.match(/Prices: /g)).toHaveLength(1);
    expect(text).toContain("Prices: tencent-im-cn-2020 2022.2 (CNY), chosen by --catalog");
  });
});
