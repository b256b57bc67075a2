import { describe, expect, it } from "vitest";
import { displayWidth, wrapText } from "../../src/render/text.js";

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

  it("cuts a word longer than the width", () => {
    expect(wrapText("supercalifragilistic word", 10)).toEqual(["supercalif", "ragilistic", "word"]);
    expect(wrapText("see https://example.com/a/very/long/path", 12)).toEqual([
      "see",
      "https://exam",
      "ple.com/a/ve",
      "ry/long/path",
    ]);
  });

  it("leaves short text alone", () => {
    expect(wrapText("Total", 20)).toEqual(["Total"]);
  });
});
