// A saved report read back (`im-bill render`): each kind's JSON as its command writes it
// reads; edited so that it no longer adds up, it is refused at the field that does not.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { readReport } from "../../src/report/read.js";
import { runInProcess } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const ON = ["--on", "2026-11-29"];
const dir = fixtureDir({
  "app.json": JSON.stringify({ plan: "pro", usage: { peakDau: 25_000 }, expect: { total: "1.00" } }),
  "grown.json": JSON.stringify({ plan: "pro", usage: { peakDau: 45_000 } }),
  "apps.jsonl": '{"plan":"pro","usage":{"peakDau":25000}}\n{"plan":"gold"}\n{"plan":"trial","usage":{"peakDau":500}}\n',
});

/** What a command prints as JSON, parsed. */
async function saved(args: string[]): Promise<Record<string, any>> {
  const result = await runInProcess([...args, "--format", "json"], { cwd: dir });
  expect(result.stderr.includes("error"), result.stderr).toBe(false);
  return JSON.parse(result.stdout) as Record<string, any>;
}

/** The problems a report is refused for: each its path and its message. */
function refused(report: unknown): { path: string; message: string }[] {
  try {
    readReport(report, "saved.json");
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems.map(({ path, message }) => ({ path, message }));
  }
  throw new Error("the report was read");
}

describe("readReport", () => {
  it("reads what each command writes, and refuses each when edited, at the field", async () => {
    const forecast = await saved(["forecast", "app.json", "--months", "3", ...ON]);
    expect(readReport(forecast, "f.json").kind).toBe("forecast");
    forecast.months[1].estimate.total = "1.00";
    expect(refused(forecast).map((problem) => problem.path)).toEqual(["months[1].estimate.total", "total"]);

    const diff = await saved(["diff", "app.json", "grown.json", ...ON]);
    expect(readReport(diff, "d.json").kind).toBe("diff");
    diff.lines[1].change = "0.00";
    expect(refused(diff)).toEqual([
      { path: "lines[1].change", message: expect.stringMatching(/^is 0\.00, but after − before is 2000\.00/) },
    ]);

    const check = await saved(["check", "app.json", "grown.json", ...ON]);
    expect(readReport(check, "c.json").kind).toBe("check");
    check.summary.passed = 2;
    expect(refused(check)).toEqual([
      { path: "summary.passed", message: expect.stringMatching(/^is 2, but the report holds 0/) },
    ]);

    const batch = await saved(["batch", "apps.jsonl", ...ON]);
    expect(readReport(batch, "b.json").kind).toBe("batch");
    expect(batch.errors.map((error: { at: number }) => error.at)).toEqual([1]);
    batch.errors[0].at = 7;
    batch.summary.totals.CNY = "0.00";
    expect(refused(batch).map((problem) => problem.path)).toEqual(["summary.totals.CNY", "errors.at[0]"]);

    const compare = await saved(["compare", "app.json", ...ON]);
    compare.editions.pro.subtotals.base = "1.00";
    expect(refused(compare).map((problem) => problem.path)).toEqual(["editions.pro.subtotals.base"]);
  });

  it("refuses a report of a kind or version it does not know, or with a field the kind has not", async () => {
    const estimate = await saved(["estimate", "app.json", ...ON]);
    expect(refused({ ...estimate, kind: "bill" })[0]!.path).toBe("kind");
    expect(refused({ ...estimate, version: 2 })[0]).toEqual({
      path: "version",
      message: "must be 1, got 2: this im-bill renders reports of version 1",
    });
    expect(refused({ ...estimate, extra: true })[0]!.path).toBe("extra");
    expect(refused(null)[0]!.message).toMatch(/^is not a saved im-bill report/);
  });
});
