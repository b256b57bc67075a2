// `im-bill prices` and `im-bill schema`, and --pricing/--discount on estimate, through the built CLI.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogOn } from "../../src/catalog/index.js";
import { today } from "../../src/util/today.js";
import { SCHEMA_KINDS } from "../../src/json-schema/kinds.js";
import { runBuilt, root } from "../helpers/cli.js";

describe("im-bill prices", () => {
  it.each(["en", "zh"])("prints the price sheet in %s (golden)", async (lang) => {
    const result = runBuilt(["prices", "--lang", lang]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    await expect(result.stdout).toMatchFileSnapshot(`../golden/prices.${lang}.txt`);
  });

  it("prints markdown (golden), every table row with the same number of cells as its head", async () => {
    const result = runBuilt(["prices", "--format", "markdown"]);
    await expect(result.stdout).toMatchFileSnapshot("../golden/prices.en.md");
    const tables = result.stdout.split(/\n\n/).filter((block) => block.startsWith("|"));
    // Packages, add-ons, limits, what is sold but not priced, sources.
    expect(tables).toHaveLength(5);
    for (const table of tables) {
      const cells = table.split("\n").map((row) => row.replace(/\\\|/g, "").split("|").length);
      expect(new Set(cells).size).toBe(1);
    }
  });

  it("prints the catalog in use as JSON: the one in effect today, or one with an overlay", () => {
    const builtinCatalog = catalogOn(today())!;
    expect(JSON.parse(runBuilt(["prices", "--format", "json"]).stdout)).toEqual(builtinCatalog);
    const overlaid = JSON.parse(
      runBuilt(["prices", "--format", "json", "--pricing", "catalogs/acme-negotiated.yaml"]).stdout,
    );
    expect(overlaid.id).toBe("acme-negotiated");
    expect(overlaid.editions.pro.packageFee.price).toBe("1274.15");
    expect(overlaid.editions.flagship).toEqual(builtinCatalog.editions.flagship);
  });

  it("shows an overlay's prices", () => {
    const result = runBuilt(["prices", "--pricing", "catalogs/acme-negotiated.yaml"]);
    expect(result.stdout).toContain("¥1,274.15/month");
    expect(result.stdout).toMatch(/acme-negotiated 2026-01\+[0-9a-f]{8} \(CNY\)/);
    expect(result.stdout).toMatch(/Price file: catalogs\/acme-negotiated.yaml \(sha256 [0-9a-f]{12}\), extends/);
  });
});

describe("estimate --pricing and --discount", () => {
  it("prices with an overlay and names it", () => {
    const result = runBuilt([
      "estimate",
      "examples/small-chat-pro.json",
      "--pricing",
      "catalogs/acme-negotiated.yaml",
      "--format",
      "json",
    ]);
    const estimate = JSON.parse(result.stdout);
    const sha256 = createHash("sha256")
      .update(readFileSync(join(root, "catalogs/acme-negotiated.yaml")))
      .digest("hex");
    // A negotiated overlay does not take the public list's dates: it says none, so nothing says it has ended.
    expect(estimate.catalog).toEqual({
      id: "acme-negotiated",
      version: `2026-01+${sha256.slice(0, 8)}`,
      currency: "CNY",
      effective: { from: null, to: null },
    });
    expect(estimate.pricing).toMatchObject({
      chosenBy: "flag",
      catalog: { id: "acme-negotiated", builtin: false },
      overlays: [{ file: "catalogs/acme-negotiated.yaml", sha256, extends: "tencent-im-cn-2024" }],
    });
    // The example pins the list of 2024: the flag wins, and says so.
    expect(estimate.notes).toEqual([
      {
        code: "pricing.pin-overridden",
        message: "The scenario pins tencent-im-cn-2024, but --pricing chose acme-negotiated",
      },
    ]);
    // 1,274.15 + 1 × 800 DAU overage + 500 members + 500 history
    expect(estimate.total).toBe("3074.15");
  });

  it("shows the discount as its own line, with the list prices kept", () => {
    const result = runBuilt(["estimate", "--plan", "pro", "--dau", "25000", "--security-strike", "--discount", "10%"]);
    // Today's list: Pro ¥1,499.00 + security strike ¥1,000.00 = ¥2,499.00 discounted; the overage is not.
    expect(result.stdout).toMatch(/Discount 10% on package and add-ons │ 10% × ¥2,499.00\s+│\s+-¥249.90 │/);
    expect(result.stdout).toMatch(/Total\s+│ ¥4,249.10 │/);
    expect(result.stdout).toContain("Discount: 10% (--discount)");
  });

  it.each([
    [
      ["--discount", "110"],
      'error: --discount: must be a percentage from 0 to 100 (at most four decimals), such as 15%, got "110"',
    ],
    [
      ["--discount", "ten"],
      'error: --discount: must be a percentage from 0 to 100 (at most four decimals), such as 15%, got "ten"',
    ],
    [["--pricing", "examples/nope.yaml"], "error: examples/nope.yaml: no such file"],
  ])("rejects %j with exit 2", (args, message) => {
    const result = runBuilt(["estimate", "--plan", "pro", ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd()).toBe(message);
  });

  it("rejects an invalid catalog with exit 2 and the field path", () => {
    const result = runBuilt(["estimate", "--plan", "pro", "--pricing", "-"], {
      input: '{"extends": "tencent-im-cn-2020", "editions": {"pro": {"overage": {"dau": {"unit": 0}}}}}',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd()).toBe(
      "error: stdin: editions.pro.overage.dau.unit: must be a whole number ≥ 1, got 0",
    );
  });
});

describe("im-bill schema", () => {
  it.each(SCHEMA_KINDS)("prints schemas/%s.schema.json", (kind) => {
    const result = runBuilt(["schema", kind]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(root, "schemas", `${kind}.schema.json`), "utf8"));
  });

  it("exits 2 for an unknown kind", () => {
    const result = runBuilt(["schema", "scenarios"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Allowed choices are scenario, catalog, config, estimate");
  });
});
