// What the price sheet says of its figures (how an inferred one was derived, what an
// assumed one rests on) is in Chinese under --lang zh, for every built-in list: each
// such note of a list carries its Chinese (noteZh) beside the English.
import { describe, expect, it } from "vitest";
import { builtinCatalogs } from "../../src/catalog/index.js";
import { fixedPrices } from "../../src/catalog/choose.js";
import { priceSheet } from "../../src/render/price-sheet.js";
import { sourceText } from "../../src/render/names.js";
import { resolveCatalog } from "../../src/catalog/load.js";
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

describe("the sources of every list", () => {
  it.each(builtinCatalogs().map((list) => [list.id, list] as const))(
    "%s: each said in Chinese, its titles, quotes, addresses and commits as written",
    (_id, list) => {
      for (const [key, english] of Object.entries(list.sources)) {
        const chinese = sourceText(list, key, "zh")!;
        expect(chinese, key).not.toBe(english);
        expect(chinese, key).toMatch(/[\u4e00-\u9fff]/);
        // What is cited stays as cited: every address and commit of the English is in the Chinese.
        for (const kept of english.match(/https?:\/\/\S+?(?=[),;，；）]|$)|@[0-9a-f]{7,40}|commit [0-9a-f]{7,40}/g) ??
          [])
          expect(chinese, `${key}: ${kept.replace("commit ", "")}`).toContain(kept.replace("commit ", ""));
        // Our own words are Chinese: what is left once the quotes and the page's title (before the first comma) are set aside.
        const ours = chinese.replace(/"[^"]*"/g, "").replace(/^[^，]*，/, "");
        expect(ours, key).not.toMatch(/\b[a-z]{3,} [a-z]{2,} [a-z]{3,}\b/i);
      }
    },
  );
});

describe("a price file's sources", () => {
  it("are said in Chinese where the file says them so, and never as a built-in source of the same key", () => {
    const file = resolveCatalog(
      {
        extends: "tencent-im-cn-2024",
        id: "acme",
        sources: { "price-list": "Acme's contract with Tencent, 2026", contract: "Order form 42" },
        sourcesZh: { contract: "订单 42" },
        editions: { pro: { packageFee: { price: "849.15", source: "contract" } } },
      },
      "acme.yaml",
    );
    expect(sourceText(file, "contract", "zh")).toBe("订单 42");
    expect(sourceText(file, "price-list", "zh")).toBe("Acme's contract with Tencent, 2026");
    // What the file inherits unchanged is the built-in list's, in Chinese.
    expect(sourceText(file, "usage-limits-2025", "zh")).toMatch(/^使用限制，https:/);
    expect(sourceText(file, "contract", "en")).toBe("Order form 42");
  });
});
