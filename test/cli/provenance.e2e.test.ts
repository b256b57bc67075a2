// Every answer says which prices made it: the list (and what chose it), the price file
// and its hash, the project config, the discount; and where the list is not the day's,
// says that too. Each command, each format, through the built CLI.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const overlay = 'extends: tencent-im-cn-2024\nid: acme\neditions:\n  pro:\n    packageFee: { price: "1299.00" }\n';
const cwd = fixtureDir({
  "im-bill.config.yaml": "pricing: prices/acme.yaml\ndiscount: 10%\n",
  "prices/acme.yaml": overlay,
  "before.json": '{"name": "before", "plan": "pro", "usage": {"peakDau": 25000}}',
  "after.json": '{"name": "after", "plan": "pro", "usage": {"peakDau": 35000}}',
});
const sha256 = createHash("sha256")
  .update(readFileSync(join(cwd, "prices/acme.yaml")))
  .digest("hex");
const run = (args: string[]) => {
  const result = runBuilt(args, { cwd, env: { COLUMNS: "200" } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
/** The lines every text report of this project ends its prices with. */
const lines = [
  /Prices: acme 2024\.2\+[0-9a-f]{8} \(CNY\), chosen by im-bill\.config\.yaml/,
  `Price file: prices/acme.yaml (sha256 ${sha256.slice(0, 12)}), extends tencent-im-cn-2024`,
  "Settings from im-bill.config.yaml: discount, pricing",
  "Discount: 10% (im-bill.config.yaml)",
];
const expectNamed = (text: string) => {
  for (const line of lines)
    if (typeof line === "string") expect(text).toContain(line);
    else expect(text).toMatch(line);
};
const pricing = {
  chosenBy: "config",
  catalog: { id: "acme", builtin: false },
  overlays: [{ file: "prices/acme.yaml", sha256, extends: "tencent-im-cn-2024" }],
  config: { file: "im-bill.config.yaml", settings: ["discount", "pricing"] },
  discount: { percent: "10", from: "config" },
};

describe("the prices of a bill, in every command and format", () => {
  it.each([
    ["estimate", ["estimate", "before.json"]],
    ["compare", ["compare", "before.json"]],
    ["forecast", ["forecast", "before.json", "--months", "2"]],
    ["batch", ["batch", "before.json", "after.json", "--format", "table"]],
    ["check", ["check", "before.json", "after.json"]],
    ["diff", ["diff", "before.json", "after.json"]],
  ])("%s: a table names the list, the file and its hash, the config and the discount", (_, args) => {
    expectNamed(run(args));
  });

  it("prices: the sheet names the list and its file; it shows list prices, so no discount", () => {
    const sheet = run(["prices"]);
    expect(sheet).toMatch(lines[0] as RegExp);
    expect(sheet).toContain(lines[1] as string);
    expect(sheet).toContain("Settings from im-bill.config.yaml: pricing\n");
    expect(sheet).not.toContain("Discount: ");
  });

  it.each([
    ["batch", ["batch", "before.json", "after.json", "--format", "markdown"]],
    ["compare", ["compare", "before.json", "--format", "markdown"]],
    ["diff", ["diff", "before.json", "after.json", "--format", "markdown"]],
  ])("%s: markdown says it under the table", (_, args) => {
    expectNamed(run(args));
  });

  it("JSON says it for every estimate: estimate, batch, check, compare, forecast, diff", () => {
    expect(JSON.parse(run(["estimate", "before.json", "--format", "json"])).pricing).toMatchObject(pricing);
    for (const result of JSON.parse(run(["batch", "before.json", "after.json", "--format", "json"])).results)
      expect(result.pricing).toMatchObject(pricing);
    for (const result of JSON.parse(run(["check", "before.json", "--format", "json"])).results)
      expect(result.pricing).toMatchObject(pricing);
    for (const estimate of Object.values(JSON.parse(run(["compare", "before.json", "--format", "json"])).editions))
      expect((estimate as { pricing: object }).pricing).toMatchObject(pricing);
    for (const month of JSON.parse(run(["forecast", "before.json", "--months", "2", "--format", "json"])).months)
      expect(month.estimate.pricing).toMatchObject(pricing);
    const diff = JSON.parse(run(["diff", "before.json", "after.json", "--format", "json"]));
    expect([diff.before.pricing, diff.after.pricing]).toMatchObject([pricing, pricing]);
  });

  it("each JSONL line and each CSV row names its list", () => {
    for (const line of run(["batch", "before.json", "after.json", "--format", "jsonl"]).trimEnd().split("\n"))
      expect(JSON.parse(line).pricing).toMatchObject(pricing);
    const rows: Record<string, string>[] = parseCsv(run(["batch", "before.json", "--format", "csv"]), {
      columns: true,
    });
    expect(rows[0]).toMatchObject({ currency: "CNY", catalog: expect.stringMatching(/^acme 2024\.2\+[0-9a-f]{8}$/) });
    const forecast: Record<string, string>[] = parseCsv(
      run(["forecast", "before.json", "--months", "1", "--format", "csv"]),
      {
        columns: true,
      },
    );
    expect(forecast[0]!.catalog).toMatch(/^acme /);
  });

  it("JUnit gives each suite the prices as properties", () => {
    const xml = run(["check", "before.json", "--format", "junit"]);
    expect(xml).toContain('<property name="im-bill.config" value="im-bill.config.yaml"/>');
    expect(xml).toContain(`<property name="im-bill.overlay.1" value="prices/acme.yaml sha256:${sha256}"/>`);
    expect(xml).toContain('<property name="im-bill.discount" value="10%"/>');
    expect(xml).toContain('<property name="im-bill.chosenBy" value="config"/>');
  });

  it("says, in every command and format, when the list is not the one in effect on the day", () => {
    const old = ["--catalog", "tencent-im-cn-2020", "--no-config"];
    const said = "tencent-im-cn-2020 ended on 2023-12-31";
    for (const args of [
      ["estimate", "before.json"],
      ["estimate", "before.json", "--format", "json"],
      ["compare", "before.json"],
      ["compare", "before.json", "--format", "markdown"],
      ["forecast", "before.json", "--months", "1"],
      ["batch", "before.json", "--format", "table"],
      ["batch", "before.json", "--format", "markdown"],
      ["batch", "before.json", "--format", "jsonl"],
      ["check", "before.json"],
      ["check", "before.json", "--format", "junit"],
      ["diff", "before.json", "after.json"],
      ["diff", "before.json", "after.json", "--format", "markdown"],
    ])
      expect(run([...args, ...old]), args.join(" ")).toContain(said);
  });

  it("where every scenario uses one list, one line says so; else a line per list with its count", () => {
    const mixed = fixtureDir({
      "a.json": '{"plan": "pro"}',
      "b.json": '{"plan": "pro"}',
      "c.json": '{"plan": "pro", "catalog": "tencent-im-cn-2020"}',
    });
    const one = runBuilt(["batch", join(mixed, "a.json"), join(mixed, "b.json"), "--format", "table"]).stdout;
    expect(one.match(/^Prices: /gm)).toHaveLength(1);
    const two = runBuilt(["batch", mixed, "--format", "table"], { env: { COLUMNS: "120" } }).stdout;
    expect(two).toContain("Prices: tencent-im-cn-2024 2024.2 (CNY), the list in effect today — 2 scenarios");
    expect(two).toContain("Prices: tencent-im-cn-2020 2022.2 (CNY), pinned by the scenario — 1 scenario");
  });
});
