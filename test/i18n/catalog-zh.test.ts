// What the price sheet says of its figures (how an inferred one was derived, what an
// assumed one rests on) is in Chinese under --lang zh, for every built-in list: each
// such note of a list carries its Chinese (noteZh) beside the English.
import { describe, expect, it } from "vitest";
import { builtinCatalogs } from "../../src/catalog/index.js";
import { fixedPrices } from "../../src/catalog/choose.js";
import { priceSheet } from "../../src/render/price-sheet.js";
import { RUN_DAY } from "../helpers/scenario.js";

describe("the price sheet's derivations and assumptions", () => {
  it.each(builtinCatalogs().map((list) => [list.id, list] as const))("%s: in Chinese under zh", (_id, list) => {
    const prices = fixedPrices(list, { day: RUN_DAY, today: RUN_DAY, surface: "cli" });
    const zh = priceSheet(prices, "zh");
    const en = priceSheet(prices, "en");
    const said = [...zh.inferred, ...zh.footnotes];
    expect(said.length).toBe([...en.inferred, ...en.footnotes].length);
    for (const line of said) {
      expect(line, line).toMatch(/[\u4e00-\u9fff]/);
      // No English sentence left: the words every English note is made of.
      expect(line, line).not.toMatch(/\b(no source|assumed|billed|inferred|the price|source gives)\b/i);
    }
  });
});
