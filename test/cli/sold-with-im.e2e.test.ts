// Cloud moderation and server API rate packs through the built CLI: their flags, a
// scenario file's fields, the errors, and the help that names them.
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

describe("cloud moderation and API rate packs", () => {
  it("are priced from flags: each deduction, each package, each pack a day, as lines of their own", () => {
    const result = runBuilt([
      "estimate",
      "--plan",
      "pro",
      "--moderated-texts",
      "2.5m",
      "--moderated-images",
      "100k",
      "--api-rate-packs",
      "2",
      "--api-rate-pack-days",
      "10",
    ]);
    expect(result.status, result.stderr).toBe(0);
    // 2,500,000 + 100,000 × 0.65 = 2,565,000: 2 packages (¥2,100) and 365,000 at ¥0.001 (¥365).
    expect(result.stdout).toMatch(/│ Cloud moderation \(云端审核\),\s+│ 2 × ¥1,050\.00\/package of\s+│ ¥2,100\.00 │/);
    expect(result.stdout).toMatch(/│ Cloud moderation \(云端审核\)\s+│ 365,000 × ¥0\.001\/deduction\s+│\s+¥365\.00 │/);
    expect(result.stdout).toMatch(/│ Server API rate packs \(服务端\s+│ 20 × ¥10\.00\/pack·day\s+│\s+¥200\.00 │/);
    expect(result.stdout).toMatch(/│ Total\s+│ ¥4,164\.00 │/);
  });

  it("are a scenario's fields, checked as every field is", () => {
    const dir = fixtureDir({
      "app.yaml":
        "plan: flagship\nusage:\n  moderation:\n    texts: 1000\n    videoMinutes: 10\nfeatures:\n  apiRatePacks: 1\n",
      "typo.yaml": "plan: pro\nusage:\n  moderation:\n    text: 10\n",
      "days.yaml": "plan: pro\nfeatures:\n  apiRatePacks: 1\n  apiRatePackDays: 32\n",
    });
    const priced = runBuilt(["estimate", "app.yaml", "--format", "json"], { cwd: dir });
    expect(priced.status, priced.stderr).toBe(0);
    const bill = JSON.parse(priced.stdout);
    // 1,000 + 10 × 56 = 1,560 deductions; a pack for 30 days.
    expect(bill.lines.map((line: { id: string; amount: string }) => [line.id, line.amount])).toEqual([
      ["package", "2999.00"],
      ["addon.moderation", "1.56"],
      ["addon.apiRatePacks", "300.00"],
    ]);
    const typo = runBuilt(["estimate", "typo.yaml"], { cwd: dir });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('typo.yaml: usage.moderation.text: unknown field (did you mean "texts"?)');
    const days = runBuilt(["estimate", "days.yaml"], { cwd: dir });
    expect(days.status).toBe(2);
    expect(days.stderr).toContain("days.yaml: features.apiRatePackDays:");
    const negative = runBuilt(["estimate", "--plan", "pro", "--moderated-texts", "-5"]);
    expect(negative.status).toBe(2);
    expect(negative.stderr).toContain("--moderated-texts");
  });

  it("are refused on Trial with the edition that fits, and under --strict exit 1", () => {
    const result = runBuilt(["estimate", "--plan", "trial", "--moderated-texts", "10", "--strict"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("✗ Trial does not sell: Cloud moderation (云端审核) [unavailable.moderation]");
  });

  it("are in estimate's help, in both languages", () => {
    const en = runBuilt(["estimate", "--help"], { env: { COLUMNS: "200" } }).stdout;
    expect(en).toMatch(/--moderated-texts <count>\s+text messages cloud moderation \(云端审核\) checks in the month/);
    expect(en).toMatch(/--api-rate-packs <count>\s+server API rate packs \(服务端 API 调频\) configured each day/);
    const zh = runBuilt(["estimate", "--help", "--lang", "zh"], { env: { COLUMNS: "200" } }).stdout;
    expect(zh).toMatch(/--moderated-audio-minutes <minutes>\s+当月云端审核的音频分钟数/);
  });
});
