import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, fitLine, wrapText } from "../../src/render/text.js";

describe("displayWidth", () => {
  it.each([
    ["abc", 3],
    ["专业版", 6],
    ["Pro package (专业版)", 20],
    ["（国内）", 8],
    ["\u001b[1mbold\u001b[22m", 4],
  ])("%s is %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe("wrapText", () => {
  it("breaks at spaces", () => {
    expect(wrapText("Live-group danmaku bandwidth, international", 30)).toEqual([
      "Live-group danmaku bandwidth,",
      "international",
    ]);
  });

  it("breaks CJK text anywhere, by display width", () => {
    // never a line that starts with "）" or ends with "（"
    expect(wrapText("扩展直播群（AVChatRoom）创建数量至无上限", 20)).toEqual([
      "扩展直播群",
      "（AVChatRoom）创建数",
      "量至无上限",
    ]);
  });

  it("breaks a word longer than the width after - . / _ where one fits, else cuts it", () => {
    expect(wrapText("supercalifragilistic word", 10)).toEqual(["supercalif", "ragilistic", "word"]);
    expect(wrapText("see https://example.com/a/very/long/path", 12)).toEqual([
      "see",
      "https://",
      "example.com/",
      "a/very/long/",
      "path",
    ]);
    expect(wrapText("tencent-im-cn-2020", 12)).toEqual(["tencent-im-", "cn-2020"]);
    expect(wrapText("editions.pro.packageFee.price", 20)).toEqual(["editions.pro.", "packageFee.price"]);
    expect(wrapText("a-very-long-identifier-here", 8, 2)).toEqual(["a-very-", "long-…"]);
    // never inside an amount or a date
    expect(wrapText("¥1,000,000.00/month", 10)).toEqual(["¥1,000,000", ".00/month"]);
    expect(wrapText("2024-01-01→2025-01-01", 12)).toEqual(["2024-01-01→2", "025-01-01"]);
  });

  it("leaves short text alone", () => {
    expect(wrapText("Total", 20)).toEqual(["Total"]);
  });
});

describe("glyphs, not code points", () => {
  it.each([
    ["👩‍💻", 2],
    ["👨‍👩‍👧‍👦 team", 7],
    ["e\u0301", 1],
    ["cafe\u0301", 4],
    ["🇨🇳", 2],
    ["한국어", 6],
  ])("%s is %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("never splits an emoji or a letter from its accent", () => {
    expect(wrapText("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 4)).toEqual(["👨‍👩‍👧‍👦👨‍👩‍👧‍👦", "👨‍👩‍👧‍👦"]);
    expect(wrapText("cafe\u0301cafe\u0301", 5)).toEqual(["cafe\u0301c", "afe\u0301"]);
    expect(fitLine("cafe\u0301 au lait", 6)).toBe("cafe\u0301…");
    expect(fitLine("👩‍💻👩‍💻👩‍💻", 5)).toBe("👩‍💻👩‍💻…");
    expect(fitLine("cafe\u0301", 4)).toBe("cafe\u0301");
  });

  it("measures a megabyte name no further than the line", () => {
    expect(fitLine("名".repeat(1_000_000), 10)).toBe(`${"名".repeat(4)}…`);
  });
});

describe("ASCII, wrapped by words", () => {
  // "~" and "¬" (U+00AC) are alike to every rule here: one column, neither a letter, a
  // digit nor a mark a line may not start or end with. Text with "¬" is read glyph by
  // glyph; the same text with "~" is printable ASCII, read by words (indexOf).
  // Long enough to wrap at every width tried; a "~" in each, so that one side is never ASCII.
  const ascii = fc
    .tuple(fc.string({ unit: fc.constantFrom(..."ab ~ Z9-./_(),:x"), maxLength: 160, size: "max" }), fc.nat())
    .map(([text, at]) => `${text.slice(0, at % (text.length + 1))}~${text.slice(at % (text.length + 1))}`);
  const glyphByGlyph = (text: string) => text.replaceAll("~", "\u00ac");
  const back = (text: string) => text.replaceAll("\u00ac", "~");

  it("wraps as text read glyph by glyph does", () => {
    fc.assert(
      fc.property(
        ascii,
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 5 })),
        (text, width, most) => {
          const lines = wrapText(text, width, most ?? Infinity);
          expect(lines).toEqual(wrapText(glyphByGlyph(text), width, most ?? Infinity).map(back));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
