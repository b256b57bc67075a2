// Apps of the mainland site in overseas data centres, through the built CLI:
// --data-center, a scenario's dataCenter, the project config's, a usage file that a pull
// from an overseas region marks, and the errors that keep the data centres apart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuilt, imBillAsync } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { ADMIN, SDKAPPID, SECRET, startTimServer, thirtyDays, type TimServer } from "../helpers/tim-server.js";

const json = (args: string[], cwd?: string) => {
  const result = runBuilt([...args, "--format", "json"], cwd ? { cwd } : {});
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
};

describe("--data-center overseas", () => {
  it("prices with Tencent's overseas table, marks what it inferred, and names the list", () => {
    const result = runBuilt(["estimate", "--plan", "pro", "--dau", "25000", "--data-center", "overseas"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/│ Pro package \(专业版\) ‡ │ 1 × ¥2,999\.00\/month\s+│ ¥2,999\.00 │/);
    expect(result.stdout).toMatch(/│ Peak DAU overage †\s+│ 2 × ¥3,000\.00\/10,000 DAU │ ¥6,000\.00 │/);
    expect(result.stdout).toMatch(/│ Total\s+│ ¥8,999\.00 │/);
    expect(result.stdout).toContain("Prices: tencent-im-cn-overseas-2023 2023.1 (CNY), the list in effect today");
    expect(result.stdout).toContain("‡ inferred: derived from Tencent's pages, not stated by them");
  });

  it("is a scenario's field too: the flag beats it, it beats the project config's", () => {
    const dir = fixtureDir({
      "abroad.json": JSON.stringify({ plan: "flagship", dataCenter: "overseas", usage: { peakDau: 25000 } }),
      "home.json": JSON.stringify({ plan: "flagship", usage: { peakDau: 25000 } }),
      "im-bill.config.json": JSON.stringify({ dataCenter: "overseas" }),
    });
    // ¥5,999 + 2 × ¥3,000 abroad; ¥2,999 + 2 × ¥1,000 at home.
    expect(json(["estimate", "abroad.json"], dir)).toMatchObject({
      total: "11999.00",
      pricing: { catalog: { id: "tencent-im-cn-overseas-2023", dataCenter: "overseas" } },
    });
    const byConfig = json(["estimate", "home.json"], dir);
    expect(byConfig).toMatchObject({ total: "11999.00", pricing: { config: { settings: ["dataCenter"] } } });
    const byFlag = json(["estimate", "abroad.json", "--data-center", "mainland"], dir);
    expect(byFlag).toMatchObject({
      total: "4999.00",
      pricing: { catalog: { id: "tencent-im-cn-2024", dataCenter: "mainland" } },
    });
    expect(byFlag.notes).toContainEqual({
      code: "pricing.config-overridden",
      message: "--data-center replaces the dataCenter of im-bill.config.json",
    });
  });

  it("compares the editions on the overseas list, and never recommends one for bandwidth the table does not list", () => {
    const compared = json(["compare", "--dau", "25000", "--bandwidth-mainland", "50", "--data-center", "overseas"]);
    // ¥2,999 + 2 × ¥3,000 + 50 Mbps × 30 days × ¥2, the bandwidth set aside when choosing.
    expect(compared.recommendation).toMatchObject({ plan: "pro", total: "11999.00", setAside: ["bandwidth.mainland"] });
    expect(compared.said.join("\n")).toContain(
      "Live-group danmaku bandwidth, mainland: Tencent's overseas price table (境外资费) does not list danmaku bandwidth",
    );
  });

  it("is refused where it cannot be, exit 2, naming the flag or the field", () => {
    const intl = runBuilt(["estimate", "--site", "intl", "--data-center", "overseas", "--plan", "standard"]);
    expect(intl.status).toBe(2);
    expect(intl.stderr).toBe(
      "error: --data-center: overseas data centres are the mainland site's to price (cn): the international site prices every data centre alike; leave out dataCenter or site\n",
    );
    const dir = fixtureDir({
      "pinned.yaml": "plan: pro\ncatalog: tencent-im-cn-2024\ndataCenter: overseas\n",
      "typo.yaml": "plan: pro\ndataCentre: overseas\n",
    });
    const pinned = runBuilt(["estimate", "pinned.yaml"], { cwd: dir });
    expect(pinned.status).toBe(2);
    expect(pinned.stderr).toBe(
      "error: pinned.yaml: dataCenter: tencent-im-cn-2024 prices apps in mainland data centres, not overseas ones: leave out one of dataCenter and catalog\n",
    );
    const typo = runBuilt(["estimate", "typo.yaml"], { cwd: dir });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('dataCentre: unknown field (did you mean "dataCenter"?)');
    const unknown = runBuilt(["estimate", "--plan", "pro", "--data-center", "abroad"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Allowed choices are mainland, overseas.");
  });

  it("is in the help of every command that prices, in both languages", () => {
    for (const command of ["estimate", "compare", "forecast", "batch", "check", "prices"]) {
      const help = runBuilt([command, "--help"], { env: { COLUMNS: "200" } }).stdout;
      expect(help, command).toMatch(/--data-center <where>\s+on the mainland site, where the app's data is kept/);
    }
    expect(runBuilt(["estimate", "--help", "--lang", "zh"], { env: { COLUMNS: "200" } }).stdout).toContain(
      "国内站应用的数据中心：mainland（中国境内，默认）或 overseas",
    );
  });
});

describe("usage pulled from an overseas region", () => {
  let server: TimServer;
  beforeAll(async () => {
    server = await startTimServer({ sdkappid: SDKAPPID, admin: ADMIN, secret: SECRET, days: thirtyDays() });
  });
  afterAll(() => server.close());

  it("writes data_center on every row, so that the file prices with the overseas list unless told otherwise", async () => {
    server.mode = "ok";
    // The config's region names where the app is; IM_BILL_BASE_URL sends the call to this machine.
    const dir = fixtureDir({
      "im-bill.config.yaml": `usage:\n  sdkappid: ${SDKAPPID}\n  admin: ${ADMIN}\n  region: singapore\n`,
    });
    const pulled = await imBillAsync(["usage", "pull", "-o", "usage.csv"], {
      cwd: dir,
      env: { IM_SECRET_KEY: SECRET, IM_BILL_PULL_BACKOFF_MS: "20", IM_BILL_BASE_URL: server.url },
    });
    expect(pulled.status, pulled.stderr).toBe(0);
    const rows = readFileSync(join(dir, "usage.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toBe("date,dau,groups,data_center");
    expect(rows.slice(1).every((row) => row.endsWith(",overseas"))).toBe(true);
    const priced = json(["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--month", "2026-11"], dir);
    expect(priced.months[0].estimate.pricing.catalog).toMatchObject({ id: "tencent-im-cn-overseas-2023" });
    const home = json(
      ["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--month", "2026-11", "--data-center", "mainland"],
      dir,
    );
    expect(home.months[0].estimate.pricing.catalog).toMatchObject({ id: "tencent-im-cn-2024" });
  });
});
