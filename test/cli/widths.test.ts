// Every table fits the width (COLUMNS here, as a terminal's would be): each command at
// 80 and 60 columns, in English and Chinese, no line wider (by display width: a CJK
// character takes two columns), compared with golden files. `npm test -- -u` rewrites them.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/render/text.js";
import { runInProcess } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const dir = fixtureDir({
  "daily.csv":
    "date,dau,groups,mainland_mbps\n2026-02-27,12000,90000,10.5\n2026-02-28,15000,101000,0.1\n2026-03-01,22000,50000,0.2\n",
  "expect.json": JSON.stringify({
    name: "Main app",
    plan: "pro",
    usage: { peakDau: 20_001, peakGroups: 300_000 },
    expect: { total: "4999.00", maxTotal: "4000.00", lines: { "overage.dau": "1000.00" } },
  }),
});

const commands: [string, string[]][] = [
  ["estimate", ["estimate", "examples/live-streaming-flagship.json"]],
  ["estimate-violations", ["estimate", "examples/trial-outgrown.json"]],
  ["usage-csv", ["estimate", "--plan", "pro", "--usage-csv", join(dir, "daily.csv")]],
  ["batch", ["batch", "examples/", "--format", "table"]],
  ["compare", ["compare", "examples/community-large-groups.yaml"]],
  [
    "forecast",
    [
      "forecast",
      "examples/small-chat-pro.json",
      "--months",
      "4",
      "--dau-growth",
      "30%",
      "--auto-plan",
      "--start",
      "2026-01-31",
    ],
  ],
  ["check", ["check", join(dir, "expect.json")]],
  ["diff", ["diff", "examples/small-chat-pro.json", "examples/community-large-groups.yaml"]],
  ["prices", ["prices"]],
  ["catalogs", ["catalogs"]],
  ["catalogs-diff", ["catalogs", "--diff", "tencent-im-cn-2020", "tencent-im-cn-2024"]],
];

describe.each([80, 60])("at %i columns", (columns) => {
  it.each(commands.flatMap(([name, args]) => (["en", "zh"] as const).map((lang) => [name, lang, args] as const)))(
    "%s (%s) fits",
    async (name, lang, args) => {
      const result = await runInProcess([...args, "--lang", lang], { env: { COLUMNS: String(columns) } });
      expect(result.stderr).not.toMatch(/error|错误/);
      // The temp folder's name differs from run to run.
      const shown = result.stdout.replaceAll(dir, "<dir>");
      for (const line of shown.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      await expect(shown).toMatchFileSnapshot(`../golden/widths/${name}.${lang}.${columns}.txt`);
    },
  );
});
