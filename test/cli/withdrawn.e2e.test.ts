// What Tencent no longer sells or lists (on the 2024 list: the security strike service and
// danmaku bandwidth) is said, with its source, wherever it is priced: every command, once
// a report, and a machine-readable code in JSON.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const STRIKE = "Security strike service: Tencent no longer maintains the security strike service (";
const BANDWIDTH =
  "Live-group danmaku bandwidth, mainland: Tencent's current domestic price table (国内资费) no longer lists danmaku bandwidth: this price is the 2020 list's (";
const dir = fixtureDir({
  "strike.json": JSON.stringify({ plan: "pro", usage: { peakDau: 25000 }, features: { securityStrike: true } }),
  "bandwidth.json": JSON.stringify({ plan: "pro", usage: { peakDau: 25000, bandwidth: { mainlandMbps: 10 } } }),
});
// A footer wraps at 80 columns: the note is read back on one line.
const said = (args: string[]) => {
  const result = runBuilt(args, { env: { COLUMNS: "400" } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
const times = (text: string, part: string) => text.split(part).length - 1;

describe("an add-on Tencent no longer sells, priced", () => {
  it.each([
    ["estimate", ["estimate", join(dir, "strike.json")]],
    ["compare", ["compare", join(dir, "strike.json")]],
    ["forecast", ["forecast", join(dir, "strike.json"), "--months", "2"]],
    ["batch", ["batch", join(dir, "strike.json"), join(dir, "strike.json")]],
    ["check", ["check", join(dir, "strike.json")]],
  ])("is said once by %s, with its source", (_, args) => {
    expect(times(said(args), STRIKE)).toBe(1);
  });

  it("is said by diff for either side, and danmaku bandwidth too", () => {
    const out = said(["diff", join(dir, "strike.json"), join(dir, "bandwidth.json")]);
    expect(times(out, STRIKE)).toBe(1);
    expect(times(out, BANDWIDTH)).toBe(1);
  });

  it("is a note about the prices in JSON, code catalog.withdrawn", () => {
    const estimate = JSON.parse(said(["estimate", join(dir, "bandwidth.json"), "--format", "json"])) as {
      notes: { code: string; message: string }[];
    };
    expect(estimate.notes.find((note) => note.code === "catalog.withdrawn")?.message).toBe(
      `${BANDWIDTH}国内资费 (the mainland's price table), tencentyun/qcloud-documents product/移动与通信/即时通信/2购买指南/资费详情/国内资费.md @6de84f1b (also @10d375d5; content from 2023-03 on))`,
    );
  });
});

describe("what Tencent sells with IM that im-bill does not price", () => {
  it("is listed by im-bill prices with its source, in both languages", () => {
    const en = said(["prices"]);
    expect(en).toContain("Sold with IM, not priced here");
    expect(en).toMatch(/Audio and video calls \(TUICallKit\) bought with IM: ¥2,875 and ¥8,000 a month.*│ calls-2026/);
    // Priced now, as add-ons: not listed as unpriced.
    expect(en).not.toContain("Cloud moderation (云端审核): ¥0.0010 a deduction, settled daily");
    expect(en).toMatch(/│ Cloud moderation \(云端审核\)\s+│ postpaid, per calendar month │ —\s+│ ¥0\.0010\/deduction /);
    expect(en).toMatch(
      /│ Server API rate packs \(服务端 API 调频\)\s+│ postpaid, per calendar month │ —\s+│ ¥10\.00\/pack\/day /,
    );
    const zh = said(["prices", "--lang", "zh"]);
    expect(zh).toContain("与 IM 一同销售、此处未计价的服务");
    expect(zh).toContain("与 IM 一同购买的音视频通话（TUICallKit）");
  });
});
