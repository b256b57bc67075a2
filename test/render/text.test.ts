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
