import { describe, expect, it } from "vitest";
import { fitWidths, gridText, renderGrid, type Grid } from "../../src/render/grid.js";
import { displayWidth, wrapCell } from "../../src/render/text.js";

const grid = (rows: string[][], width = 80, flexible = true): Grid => ({
  columns: [{ flexible, min: 6, maxLines: 2 }, { align: "right" }],
  sections: [[["Name", "Amount"]], rows],
  width,
});

describe("renderGrid", () => {
  it("draws a box with the columns' widest cells, right-aligned where asked", () => {
    expect(
      gridText(
        grid([
          ["Pro", "¥999.00"],
          ["旗舰版", "¥2,999.00"],
        ]),
      ),
    ).toBe(
      [
        "┌────────┬───────────┐",
        "│ Name   │    Amount │",
        "├────────┼───────────┤",
        "│ Pro    │   ¥999.00 │",
        "│ 旗舰版 │ ¥2,999.00 │",
        "└────────┴───────────┘",
        "",
      ].join("\n"),
    );
  });

  it("shrinks a flexible column to fit the width: wrapped, then cut with an ellipsis", () => {
    const text = gridText(grid([["a fairly long scenario name that will not fit", "¥1.00"]], 24));
    expect(text.split("\n").every((line) => displayWidth(line) <= 24)).toBe(true);
    expect(text).toContain("│ a fairly    │  ¥1.00 │\n│ long…       │        │");
  });

  it("spans cells over columns, with the rules joined where columns end", () => {
    const text = gridText({
      columns: [{}, {}, { align: "right" }],
      sections: [[["Item", "Quantity", "Amount"]], [[{ text: "Total", span: 2 }, "¥3.00"]]],
      width: 80,
    });
    expect(text).toContain("├──────┴──────────┼────────┤");
    expect(text).toContain("│ Total           │  ¥3.00 │");
  });

  it("escapes control characters in cells", () => {
    expect(gridText(grid([["a\u001b[2J", "1"]]))).toContain("a\\u001b[2J");
  });

  it("draws 130,000 rows in chunks, in linear time, and a 1 MB cell at once", () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => [`app-${i}`, `¥${i}.00`]);
    let lines = 0;
    let chunks = 0;
    for (const chunk of renderGrid(grid(rows))) {
      chunks++;
      lines += chunk.split("\n").length - 1;
    }
    expect(lines).toBe(130_000 + 4);
    expect(chunks).toBeGreaterThan(200);
    const huge = gridText(grid([["n".repeat(1_000_000), "1"]]));
    expect(huge.split("\n").every((line) => displayWidth(line) <= 80)).toBe(true);
    expect(huge).toContain("…");
  });

  it("keeps fixed columns whole and gives the rest to the flexible one", () => {
    expect(fitWidths(grid([["x".repeat(200), "¥1.00"]], 40))).toEqual([40 - 7 - 6, 6]);
  });
});

describe("a narrow table still adds up", () => {
  it("leaves out a group of optional columns together, never one alone", () => {
    const grid = {
      columns: [{}, { optional: true, group: "sums" }, { optional: true, group: "sums" }, {}],
      sections: [[["scenario", "base 1,000.00", "overage 2,000.00", "total 3,000.00"]]],
      width: 50,
    };
    const text = gridText(grid);
    expect(text).not.toContain("base");
    expect(text).not.toContain("overage");
    expect(text).toContain("total 3,000.00");
  });

  it("keeps a wrapped formula's indent, and a cut label's tail after ': '", () => {
    expect(wrapCell("  ceil((28,400 − 10,000 free) / 10,000) = 2", 24)).toEqual([
      "  ceil((28,400 − 10,000",
      "  free) / 10,000) = 2",
    ]);
    expect(wrapCell("Message history retention: 180 days", 10, 3)).toEqual(["Message", "history…", "180 days"]);
  });
});
