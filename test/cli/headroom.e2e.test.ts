// Headroom: where each stepped overage line's next block starts, in every format, and
// the gates that warn before the bill moves (check --headroom, estimate --headroom).
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

describe("headroom", () => {
  it("says under each stepped line where the next block starts and how far it is", () => {
    const table = runBuilt(["estimate", "--plan", "pro", "--dau", "28400"]).stdout;
    expect(table).toMatch(/│ {3}next ¥1,000\.00 from 30,001, 1,601 away\s+│/);
    const json = JSON.parse(
      runBuilt(["estimate", "--plan", "pro", "--dau", "28400", "--groups", "150000", "--format", "json"]).stdout,
    );
    const line = (id: string) => json.lines.find((each: { id: string }) => each.id === id);
    expect(line("overage.dau").headroom).toEqual({
      metric: "dau",
      current: 28_400,
      nextStepAt: 30_001,
      price: "1000.00",
    });
    expect(line("overage.groups").headroom).toEqual({
      metric: "groups",
      current: 150_000,
      nextStepAt: 200_001,
      price: "1000.00",
    });
    expect(line("overage.dau").explain).toBe(
      "ceil((28,400 − 10,000 free) / 10,000) = 2; next ¥1,000.00 from 30,001, 1,601 away",
    );
    // A line priced per user has no step.
    const mau = JSON.parse(
      runBuilt(["estimate", "--site", "intl", "--plan", "standard", "--mau", "25000", "--format", "json"]).stdout,
    );
    expect(mau.lines.find((each: { id: string }) => each.id === "overage.mau")).not.toHaveProperty("headroom");
  });

  it("check --headroom 5% fails a scenario within 5% of its next block, the first block included", () => {
    const dir = fixtureDir({
      "near.yaml": "name: Near\nplan: pro\nusage: { peakDau: 29000 }\n",
      "below.yaml": "name: Below\nplan: pro\nusage: { peakDau: 9700 }\n",
      "far.yaml": 'name: Far\nplan: pro\nusage: { peakDau: 21000 }\nexpect: { total: "3499.00" }\n',
    });
    const result = runBuilt(["check", ".", "--headroom", "5%"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "✗ Near (near.yaml)\n    Peak DAU: 29,000, next ¥1,000.00 from 30,001, 1,001 away: within 5% (--headroom)",
    );
    expect(result.stdout).toContain(
      "✗ Below (below.yaml)\n    Peak DAU: 9,700, next ¥1,000.00 from 10,001, 301 away: within 5% (--headroom)",
    );
    expect(result.stdout).toContain("✓ Far (far.yaml)");
    // 301 / 10,001 is 3.0%; 1,001 / 30,001 is 3.3%
    const tighter = runBuilt(["check", ".", "--headroom", "3.1%"], { cwd: dir }).stdout;
    expect(tighter).toContain("✗ Below");
    expect(tighter).toContain("– Near (near.yaml)");
    expect(runBuilt(["check", "far.yaml", "--headroom", "5%"], { cwd: dir }).status).toBe(0);
    expect(runBuilt(["check", ".", "--headroom", "lots"], { cwd: dir }).status).toBe(2);
  });

  it("estimate --headroom holds a bill (with --usage-csv, the month so far) to the next block", () => {
    const near = runBuilt(["estimate", "--plan", "pro", "--dau", "29500", "--headroom", "5%"]);
    expect(near.status).toBe(1);
    expect(near.stderr).toBe("error: Peak DAU: 29,500, next ¥1,000.00 from 30,001, 501 away: within 5% (--headroom)\n");
    expect(runBuilt(["estimate", "--plan", "pro", "--dau", "25000", "--headroom", "5%"]).status).toBe(0);
  });
});

describe("estimate --usage-csv --month", () => {
  const file = fixtureDir({
    "usage.csv": `date,dau,groups\n2026-10-31,20000,1000\n${Array.from({ length: 28 }, (_, index) => `2026-11-${String(index + 1).padStart(2, "0")},${28_000 + 100 * index},1000`).join("\n")}\n`,
  });

  it("prices the month so far by default when the file reaches it, with a projection that says its method", () => {
    const result = runBuilt(["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--on", "2026-11-29"], {
      cwd: file,
    });
    expect(result.status).toBe(0);
    // 30,700 on the 28th: three blocks; the trend reaches 30,900 on the 30th
    expect(result.stdout).toContain("So far, to 2026-11-28 (28 of 30 days): ¥4,499.00");
    expect(result.stdout).toMatch(
      /Projected to 2026-11-30 \(the least-squares trend of the last 7 days\): peak DAU\s+30,900, peak groups 1,000: ¥4,499\.00/,
    );
    expect(result.stdout).not.toContain("2026-10 —");
    const json = JSON.parse(
      runBuilt(["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--on", "2026-11-29", "--format", "json"], {
        cwd: file,
      }).stdout,
    );
    expect(json.months).toHaveLength(1);
    expect(json.months[0].soFar).toMatchObject({
      to: "2026-11-28",
      projection: { method: "trend", days: 7, to: "2026-11-30", peakDau: 30_900 },
    });
  });

  it("prices every month of a file that does not reach the current one, and one month with --month", () => {
    const all = JSON.parse(
      runBuilt(["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--on", "2027-01-15", "--format", "json"], {
        cwd: file,
      }).stdout,
    );
    expect(all.months.map((month: { month: string }) => month.month)).toEqual(["2026-10", "2026-11"]);
    expect(all.months[1]).not.toHaveProperty("soFar");
    const october = JSON.parse(
      runBuilt(["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--month", "2026-10", "--format", "json"], {
        cwd: file,
      }).stdout,
    );
    expect(october.months.map((month: { month: string }) => month.month)).toEqual(["2026-10"]);
    expect(
      runBuilt(["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--month", "2026-12"], { cwd: file }).stderr,
    ).toBe("error: --month: usage.csv has no day of 2026-12 (it holds 2026-10 to 2026-11)\n");
    expect(runBuilt(["estimate", "--plan", "pro", "--month", "2026-11"]).stderr).toContain(
      "--month picks a month of a usage file",
    );
    expect(
      runBuilt(["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--month", "11/2026"], { cwd: file }).stderr,
    ).toContain('--month: must be a month such as 2026-11, got "11/2026"');
  });
});
