import { describe as group, expect, it } from "vitest";
import { ESTIMATE_KEYS, price } from "../helpers/scenario.js";

group("describe: a bill in words", () => {
  it("has the documented shape of --format json", () => {
    const estimate = price({ name: "Shape", plan: "pro", usage: { peakDau: 25_000 } });
    // The report: its kind, version and language first, then the estimate (as batch's records hold it).
    expect(Object.keys(estimate)).toEqual(["kind", "version", "lang", ...ESTIMATE_KEYS.slice(1)]);
    expect(estimate).toMatchObject({
      kind: "estimate",
      version: 1,
      lang: "en",
      name: "Shape",
      plan: "pro",
      planName: "Pro",
      currency: "CNY",
      catalog: { id: "tencent-im-cn-2020", currency: "CNY" },
    });
    expect(Object.keys(estimate.lines[0]!)).toEqual([
      "id",
      "category",
      "label",
      "quantity",
      "unit",
      "unitPrice",
      "amount",
      "explain",
      "status",
    ]);
  });

  it.each([
    [{ plan: "pro" }, "package", "Pro package (专业版)", "month", "package fee"],
    [
      { plan: "pro", usage: { peakDau: 25_000 } },
      "overage.dau",
      "Peak DAU overage",
      "10,000 DAU",
      "ceil((25,000 − 10,000 free) / 10,000) = 2; next ¥1,000.00 from 30,001, 5,001 away",
    ],
    [
      { plan: "pro", usage: { peakGroups: 150_000 } },
      "overage.groups",
      "Peak group count overage",
      "100,000 groups",
      "ceil((150,000 − 100,000 free) / 100,000) = 1; next ¥1,000.00 from 200,001, 50,001 away",
    ],
    [
      { plan: "pro", features: { groupMemberLimit: 1500 } },
      "addon.groupMembers",
      "Members per group → 2,000",
      "month",
      "need 1,500 > 200 included; the add-on raises it to 2,000",
    ],
    [
      { plan: "pro", features: { historyDays: 60 } },
      "addon.history",
      "Message history retention: 90 days",
      "month",
      "need 60 > 7 included; smallest tier ≥ 60 is 90",
    ],
    [
      { plan: "pro", features: { securityStrike: true } },
      "addon.securityStrike",
      "Security strike service",
      "month",
      "requested",
    ],
    [
      { plan: "pro", usage: { bandwidth: { mainlandMbps: 12.5, days: 30 } } },
      "addon.bandwidth.mainland",
      "Live-group danmaku bandwidth, mainland",
      "Mbps·day",
      "12.5 Mbps × 30 days = 375 Mbps·day",
    ],
  ])("words a line from its formula: %j → %s", (document, id, label, unit, explain) => {
    expect(price(document).lines.find((line) => line.id === id)).toMatchObject({ label, unit, explain });
  });

  it("words each finding from its facts", () => {
    const beyond = price({ plan: "pro", features: { groupMemberLimit: 5000 } });
    expect(beyond.violations).toEqual([
      { code: "exceeds.groupMemberLimit", message: "Pro can raise members per group to 2,000 at most; 5,000 needed" },
    ]);
    expect(beyond.notes).toEqual([
      { code: "hint.cheapest-fit", message: "The cheapest edition that fits is Flagship: ¥3,499.00 a month" },
      {
        code: "catalog.unverified",
        message:
          "tencent-im-cn-2020 was last checked against Tencent's pages on 2025-11-04, more than 180 days ago: its prices may have changed. im-bill prices gives each figure's source; a price you know better goes in a price file that extends the list (--pricing)",
      },
    ]);
    const trial = price({ plan: "trial", usage: { peakDau: 25_000 }, features: { securityStrike: true } });
    expect(trial.violations.map((violation) => violation.message)).toEqual([
      "Trial allows at most 100 peak DAU; 25,000 needed",
      "Trial does not sell: Security strike service",
    ]);
    expect(price({ plan: "flagship", features: { groupsPerUser: 5000 } }).notes).toContainEqual({
      code: "hint.no-fit",
      message: "No edition fits these needs",
    });
    const findings = (notes: { code: string }[]) => notes.filter((note) => note.code !== "catalog.unverified");
    expect(findings(price({ plan: "flagship", usage: { liveGroups: 5000 } }).notes)).toEqual([
      {
        code: "included.liveGroups",
        message: "Flagship includes this at no charge: Unlimited live groups (AVChatRoom)",
      },
    ]);
  });

  it("speaks Chinese with lang zh", () => {
    const estimate = price({ plan: "trial", features: { historyDays: 30 } }, "zh");
    expect(estimate.planName).toBe("体验版");
    expect(estimate.lines[0]?.label).toBe("体验版套餐包");
    expect(estimate.lines[0]?.unit).toBe("月");
    expect(estimate.violations[0]?.message).toBe("体验版：历史消息存储天数上限为 7，需要 30");
    expect(estimate.notes[0]?.message).toBe("满足需求的最便宜版本是专业版：每月 ¥1,499.00");
  });
});
