// Every format of every kind of report, rendered in-process through the registry from
// fixed fixtures (the seed list, a fixed day, fixed commits), held against golden files:
// what a reader sees, format by format. Update them with
// `npx vitest run test/render/formats.golden.test.ts -u` and read the diff.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareEditions } from "../../src/advisor/compare.js";
import { forecast } from "../../src/advisor/forecast.js";
import { priceMonths } from "../../src/advisor/usage.js";
import { priceDocument } from "../../src/calculator/document.js";
import { builtinCatalogById } from "../../src/catalog/index.js";
import { seedCatalog } from "../helpers/seed.js";
import { diffCatalogs } from "../../src/catalog/figures.js";
import { checkRecord, summarize } from "../../src/check/run.js";
import { diffEstimates } from "../../src/estimate-diff/diff.js";
import { openRepository, resolveCommit } from "../../src/git/repository.js";
import { projectDiff } from "../../src/project/project-diff.js";
import { describe as describeBill } from "../../src/render/describe.js";
import { BatchSummary, priceRecord } from "../../src/batch/price.js";
import { lineIds } from "../../src/catalog/line-ids.js";
import {
  batchWriters,
  formatsOf,
  modelOf,
  renderModel,
  renderReport,
  type ReportKind,
  type Reports,
} from "../../src/render/formats.js";
import { REPORT_SCHEMAS } from "../../src/report/index.js";
import { REPORT_KINDS } from "../../src/report/kinds.js";
import { readReport } from "../../src/report/read.js";
import { plainStyles } from "../../src/render/styles.js";
import { monthlyUsage } from "../../src/scenario/usage-csv.js";
import { root } from "../helpers/cli.js";
import { findProjectConfig, type ConfigContext } from "../../src/config/load.js";
import { settingsWithConfig } from "../../src/config/settings.js";
import { gitRepository } from "../helpers/repository.js";
import { RUN_DAY, SEED_DAY, seedPrices, seedSettings } from "../helpers/scenario.js";

const app = {
  name: "Chat app",
  plan: "pro",
  usage: { peakDau: 25_000, peakGroups: 150_000 },
  features: { historyDays: 30 },
};
const grown = { ...app, usage: { peakDau: 45_000, peakGroups: 150_000 } };
const priced = (document: unknown) => priceDocument(document, seedSettings(), { source: "app.json" });

const work = mkdtempSync(join(tmpdir(), "im-bill-golden-"));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  delete process.env.GIT_AUTHOR_DATE;
  delete process.env.GIT_COMMITTER_DATE;
});

/** Each kind's report, made by the floors below render/ as the commands make them. */
const fixtures: Partial<{ [K in ReportKind]: Reports[K] }> = {};

beforeAll(async () => {
  const { scenario, prices, bill } = priced(app);
  fixtures.estimate = bill;
  const usage = readFileSync(join(root, "examples/daily-usage.csv"), "utf8");
  const days = monthlyUsage(usage, "daily-usage.csv");
  fixtures.usage = priceMonths(scenario, days, seedSettings(), "daily-usage.csv");
  fixtures.compare = compareEditions(scenario, prices);
  fixtures.forecast = forecast(scenario, {
    settings: seedSettings(),
    months: 4,
    growth: { dau: "20", mau: "0", groups: "5", bandwidth: "0" },
    autoPlan: true,
  });
  const results = [
    checkRecord(
      { id: "Chat app", source: "app.json", data: { ...app, expect: { total: bill.total } } },
      seedSettings(),
    ),
    checkRecord({ id: "Grown", source: "grown.json", data: { ...grown, expect: { total: "1.00" } } }, seedSettings()),
    checkRecord({ id: "broken.json", source: "broken.json", data: { plan: "gold" } }, seedSettings()),
  ];
  fixtures.check = { results, summary: summarize(results) };
  // A batch as `batch --format json` writes it (a scenario that cannot be priced among them), read back.
  const { reportWriter, rowOf, summaryOf } = await batchWriters();
  const writer = await reportWriter("json", { lineIds: lineIds(seedCatalog), lang: "en", styles: plainStyles });
  const batch = new BatchSummary();
  const parts = [writer.start()];
  for (const [index, data] of [app, { plan: "gold" }, grown, { ...app, plan: "trial" }].entries()) {
    const item = priceRecord({ id: `app-${index}`, source: `apps.jsonl:${index + 1}`, data }, seedSettings());
    batch.add(item);
    parts.push(writer.item(rowOf(item, "en")));
  }
  parts.push(...writer.end(summaryOf(batch, "en")));
  fixtures.batch = JSON.parse(parts.join("")) as Reports["batch"];
  fixtures.diff = diffEstimates(describeBill(bill, "en"), describeBill(priced(grown).bill, "en"));
  fixtures.prices = seedPrices();
  fixtures["catalog-diff"] = {
    before: seedCatalog,
    after: builtinCatalogById("tencent-im-cn-2024")!,
    changes: diffCatalogs(seedCatalog, builtinCatalogById("tencent-im-cn-2024")!),
  };
  fixtures.catalogs = [
    { catalog: seedCatalog, counts: { sourced: 35, inferred: 0, carriedOver: 0, assumed: 4 }, current: false },
  ];
  // The project diff: a repository of fixed commits (fixed dates and names: fixed hashes).
  const dates = { GIT_AUTHOR_DATE: "2026-11-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-11-01T00:00:00Z" };
  Object.assign(process.env, dates);
  const repo = gitRepository(work, {
    "im-bill.config.yaml": "discount: 15%\n",
    "scenarios/app.json": JSON.stringify(app),
    "scenarios/old.json": JSON.stringify({ plan: "pro" }),
  });
  repo.write("im-bill.config.yaml", "discount: 10%\n");
  repo.write("scenarios/app.json", JSON.stringify(grown));
  rmSync(join(repo.dir, "scenarios/old.json"));
  const repository = await openRepository(repo.dir, process.env);
  const run = {
    day: SEED_DAY,
    today: RUN_DAY,
    surface: "cli" as const,
    explicit: { catalog: seedCatalog, by: "--catalog" },
  };
  // The working tree's config, found and taken as the CLI takes it.
  const flags = { catalog: "--catalog", discount: "--discount", site: "--site", dataCenter: "--data-center" };
  const config = await findProjectConfig({ cwd: repo.dir, home: work } as ConfigContext);
  const settings = await settingsWithConfig(run, config, {
    taken: [],
    flags,
    loadPricing: () => Promise.reject(new Error("no price file here")),
  });
  fixtures.project = await projectDiff({
    repository,
    cwd: repo.dir,
    base: { ref: "main", ...(await resolveCommit(repository, "main")) },
    paths: [],
    run,
    settings,
    config,
    useConfig: true,
    flags,
  });
}, 60_000);

const EXTENSIONS: Record<string, string> = { table: "txt", markdown: "md", junit: "xml" };

const cases = (Object.keys(fixturesKinds()) as ReportKind[]).flatMap((kind) =>
  formatsOf(kind)
    .filter((format) => format !== "github")
    .map((format) => ({ kind, format })),
);

/** Every kind the registry has: a kind without a fixture fails below, so that none is skipped. */
function fixturesKinds(): Record<ReportKind, true> {
  return {
    estimate: true,
    usage: true,
    compare: true,
    forecast: true,
    batch: true,
    check: true,
    diff: true,
    project: true,
    prices: true,
    catalogs: true,
    "catalog-diff": true,
  };
}

describe("every format of every kind of report", () => {
  it.each(cases)("$kind as $format", async ({ kind, format }) => {
    const report = fixtures[kind];
    expect(report, `no fixture for ${kind}`).toBeDefined();
    const text = await renderReport(kind, format, report as never, { lang: "en", styles: plainStyles, width: 80 });
    expect(text.length).toBeGreaterThan(0);
    await expect(text).toMatchFileSnapshot(`../golden/reports/${kind}.${EXTENSIONS[format] ?? format}`);
  });

  it("covers each kind's every format", () => {
    expect(cases.length).toBe(
      (Object.keys(fixturesKinds()) as ReportKind[]).reduce(
        (count, kind) => count + formatsOf(kind).filter((format) => format !== "github").length,
        0,
      ),
    );
  });
});

/** The kinds whose JSON is their model, each rendered again from it by `im-bill render`. */
const modelCases = cases.filter(({ kind }) => (REPORT_KINDS as readonly string[]).includes(kind));

describe("a report rendered again from its saved JSON", () => {
  it.each(modelCases)("$kind as $format: the same text as when it was made", async ({ kind, format }) => {
    const options = { lang: "en" as const, styles: plainStyles, width: 80 };
    const made = await renderReport(kind, format, fixtures[kind] as never, options);
    const saved = JSON.parse(await renderReport(kind, "json", fixtures[kind] as never, options)) as unknown;
    const read = readReport(saved, `${kind}.json`);
    expect(read.kind).toBe(kind);
    expect(await renderModel(read.kind, format, read.model as never, options)).toBe(made);
  });

  it.each([...REPORT_KINDS])("%s: its model is what its JSON Schema's definition accepts, strictly", async (kind) => {
    const model = await modelOf(kind, fixtures[kind] as never, "zh");
    const parsed = REPORT_SCHEMAS[kind].safeParse(model);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    // A batch's model is the saved report itself (a batch is written as it is priced): in the language it was saved in.
    expect(model).toMatchObject({ kind, version: 1, lang: kind === "batch" ? "en" : "zh" });
  });

  it("covers every kind with a model", () => {
    expect(new Set(modelCases.map(({ kind }) => kind))).toEqual(new Set(REPORT_KINDS));
  });
});
