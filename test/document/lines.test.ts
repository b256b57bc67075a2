import { describe, expect, it } from "vitest";
import { readLines } from "../../src/document/lines.js";
import { textIn } from "../../src/errors.js";

const lines = async (chunks: (string | Buffer)[], limit?: number) => {
  const out: (string | [number, string])[] = [];
  for await (const line of readLines(chunks, limit))
    out.push(line.problem === undefined ? line.text : [line.number, textIn(line.problem, "en")]);
  return out;
};

describe("readLines", () => {
  it("splits across chunks, drops CRs and a BOM, keeps a last line without a newline", async () => {
    expect(await lines(["\uFEFFa\r\nb", "c\n\nd"])).toEqual(["a", "bc", "", "d"]);
    expect(await lines([Buffer.from([0xef, 0xbb]), Buffer.from([0xbf, 0x78, 0x0a])])).toEqual(["x"]);
  });

  it("splits a multi-byte character across chunks without harm", async () => {
    const bytes = Buffer.from("专业版\n旗舰版");
    expect(await lines([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual(["专业版", "旗舰版"]);
  });

  it("refuses a line past the limit without holding it, and goes on", async () => {
    expect(await lines(["short\n", "x".repeat(30), "x".repeat(30), "\nnext\n"], 40)).toEqual([
      "short",
      [2, "the line is longer than the limit of 40 bytes; skipped"],
      "next",
    ]);
  });

  it("refuses a line that is not UTF-8, and goes on", async () => {
    expect(await lines([Buffer.from("ok\ncaf\xe9\nfine\n", "latin1")])).toEqual([
      "ok",
      [2, "is not UTF-8 text: save the file as UTF-8"],
      "fine",
    ]);
  });
});
