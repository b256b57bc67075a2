// The HTML reports in a real browser (Debian's Chromium, driven by playwright-core):
// every figure on the page is the JSON's of the same run, no console error, no request
// leaves the page (each is blocked and counted), and screenshots at a desktop and a
// phone width plus one printed PDF are kept in test-artifacts/html/.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { runBuilt, root, runInProcess } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { needs, needsChineseFont } from "../helpers/programs.js";

const browserNeeded = needs("HTML reports in Chromium", "chromium");
const artifacts = join(root, "test-artifacts", "html");
const work = fixtureDir({
  "usage.csv": `date,dau,groups\n${Array.from({ length: 28 }, (_, index) => `2026-11-${String(index + 1).padStart(2, "0")},${28_000 + 100 * index},${90_000 + 50 * index}`).join("\n")}\n`,
});

let browser: Browser;
beforeAll(async () => {
  if (browserNeeded.skip) return;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => browser?.close());

/**
 * The report of `args` as HTML and as JSON, the same run but for the format: made by the
 * CLI's run() in-process (the pages are what is tested here; the binary's contract is below).
 */
async function report(args: string[], cwd = root): Promise<{ html: string; json: any }> {
  const html = await runInProcess([...args, "--format", "html"], { cwd });
  expect(html.status, html.stderr).not.toBe(2);
  const json = await runInProcess([...args, "--format", "json"], { cwd });
  return { html: html.stdout, json: JSON.parse(json.stdout) };
}

/** The page in Chromium, every request refused and counted, every console error kept. */
async function open(
  html: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.setContent(html, { waitUntil: "load" });
  return { page, requests, errors };
}

/** The exact values a table holds, in order. */
const values = (page: Page, table: string) =>
  page.$$eval(`#${table} td[data-value]`, (cells) => cells.map((cell) => cell.getAttribute("data-value")));

describe.skipIf(browserNeeded.skip)(browserNeeded.title, () => {
  it("estimate: the lines, subtotals and total of the JSON; nothing requested; a screenshot at each width and a PDF", async () => {
    const { html, json } = await report(["estimate", "examples/live-streaming-flagship.json"]);
    const { page, requests, errors } = await open(html);
    expect(await values(page, "lines")).toEqual([
      ...json.lines.map((line: { amount: string }) => line.amount),
      json.subtotals.base,
      json.subtotals.overage,
      json.subtotals.addons,
      ...(json.subtotals.discount === "0.00" ? [] : [json.subtotals.discount]),
      json.total,
    ]);
    expect(await page.locator("svg").count()).toBeGreaterThan(0);
    expect(await page.textContent("footer")).toContain("Prices: tencent-im-cn-2024");
    await page.screenshot({ path: join(artifacts, "estimate-1280x800.png"), fullPage: true });
    await page.pdf({ path: join(artifacts, "estimate-a4.pdf"), format: "A4" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(artifacts, "estimate-390x844.png"), fullPage: true });
    // No part of the page is wider than a phone.
    // (in the page, where `document` is: this file is compiled without the DOM's types)
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(readFileSync(join(artifacts, "estimate-a4.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });

  it.each([
    [
      "compare",
      ["compare", "--dau", "25000", "--live-groups", "60", "--group-member-limit", "2000"],
      "editions",
      (json: any) => Object.values(json.editions).map((e: any) => e.total),
    ],
    [
      "forecast",
      ["forecast", "examples/small-chat-pro.json", "--months", "6", "--dau-growth", "12%", "--start", "2023-10-15"],
      "months",
      // Each month's users (DAU here), groups and total, then the sum; the calendar's charges in the next test.
      (json: any) => [
        ...json.months.flatMap((m: any) => [String(m.usage.peakDau), String(m.usage.peakGroups), m.estimate.total]),
        json.total,
      ],
    ],
    [
      "check",
      ["check", "examples/"],
      "results",
      (json: any) => json.results.filter((r: any) => r.total !== undefined).map((r: any) => r.total),
    ],
    [
      "diff",
      ["diff", "examples/small-chat-pro.json", "examples/community-large-groups.yaml"],
      "lines",
      (json: any) => [
        ...json.lines.flatMap((l: any) => [l.before ?? "", l.after ?? "", l.change]),
        json.total.before,
        json.total.after,
        json.total.change,
      ],
    ],
  ] as const)(
    "%s: every figure is the JSON's, nothing requested, no console error",
    async (name, args, table, expected) => {
      const { html, json } = await report([...args]);
      const { page, requests, errors } = await open(html);
      expect(await values(page, table)).toEqual(expected(json));
      await page.screenshot({ path: join(artifacts, `${name}-1280x800.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(artifacts, `${name}-390x844.png`), fullPage: true });
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it("forecast: the billing calendar's charges, each the JSON's, and they add up to the sum", async () => {
    const args = ["forecast", "examples/small-chat-pro.json", "--months", "3", "--start", "2026-12-15"];
    const { html, json } = await report(args);
    const { page } = await open(html);
    const charges = (await values(page, "calendar")).filter((_, index) => index % 2 === 1);
    expect(charges).toEqual(json.calendar.map((charge: { amount: string }) => charge.amount));
    const total = charges.reduce((sum, amount) => sum + Number(amount), 0);
    expect(total.toFixed(2)).toBe(json.total);
    expect(await page.textContent("#calendar")).toContain("2027-01-03");
    await page.close();
  });

  it("usage: the month so far, its peaks and total as the JSON says", async () => {
    const args = ["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--on", "2026-11-29"];
    const { html, json } = await report(args, work);
    const { page, requests, errors } = await open(html);
    const month = json.months[0];
    expect(await values(page, "usage-0")).toEqual([
      String(month.peakDau),
      String(month.peakGroups),
      month.estimate.total,
    ]);
    expect(await page.textContent("body")).toContain("So far, to 2026-11-28 (28 of 30 days)");
    await page.screenshot({ path: join(artifacts, "usage-1280x800.png"), fullPage: true });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("batch: the largest scenarios and the spread, in Chinese, a stranger's names shown as text", async () => {
    const dir = fixtureDir(
      Object.fromEntries(
        Array.from({ length: 24 }, (_, index) => [
          `s${index}.json`,
          JSON.stringify({
            name: index === 0 ? '<img src=x onerror="alert(1)">' : `App ${index}`,
            plan: "pro",
            usage: { peakDau: 5_000 * (index + 1) },
          }),
        ]),
      ),
    );
    const html = (await runInProcess(["batch", ".", "--format", "html", "--lang", "zh"], { cwd: dir })).stdout;
    const json = JSON.parse((await runInProcess(["batch", ".", "--format", "json"], { cwd: dir })).stdout);
    const { page, requests, errors } = await open(html);
    const totals = json.results
      .map((result: { total: string }) => result.total)
      .sort((a: string, b: string) => Number(b) - Number(a));
    expect(await values(page, "scenarios")).toEqual(totals);
    expect((await values(page, "spread")).reduce((sum, count) => sum + Number(count), 0)).toBe(24);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.textContent("#scenarios")).toContain('<img src=x onerror="alert(1)">');
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await page.screenshot({ path: join(artifacts, "batch-1280x800.png"), fullPage: true });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    // Four scenarios make no spread: their sorted bars say it all.
    const few = (
      await runInProcess(["batch", "s1.json", "s2.json", "s3.json", "s4.json", "--format", "html"], { cwd: dir })
    ).stdout;
    const small = await open(few);
    expect(await small.page.locator("#spread").count()).toBe(0);
    // One chart (drawn for a desktop and for a phone).
    expect(await small.page.locator(".chart .wide svg").count()).toBe(1);
    await small.page.close();
  });

  it("a price file's hostile names: escaped where shown, wrapped so the totals stay on screen at 390 and 1,000 px and inside A4", async () => {
    const name = `Pro\u202eXX\u200b\u001b[31m${"Pro".repeat(60)}`;
    const dir = fixtureDir({
      "evil.yaml": `extends: tencent-im-cn-2024\nid: acme\nversion: "1"\ntitle: { en: "Acme \\u202e list", zh: "Acme" }\nsources:\n  contract: "c"\neditions:\n  pro:\n    name: { en: ${JSON.stringify(name)}, zh: "专业版" }\n    packageFee: { price: "1000.00", source: contract }\n`,
      "app.json": '{"plan": "pro", "usage": {"peakDau": 25000}}',
    });
    for (const args of [
      ["estimate", "app.json", "--pricing", "evil.yaml"],
      ["compare", "--dau", "25000", "--pricing", "evil.yaml"],
      ["forecast", "app.json", "--months", "2", "--pricing", "evil.yaml"],
      ["batch", "app.json", "--pricing", "evil.yaml"],
    ]) {
      const html = await runInProcess([...args, "--format", "html"], { cwd: dir });
      expect(html.status, html.stderr).toBe(0);
      expect(html.stdout).not.toMatch(/[\u202e\u200b\u001b]/);
      expect(html.stdout).toContain("Pro\\u202eXX\\u200b\\u001b[31m");
      for (const [width, media] of [
        [390, "screen"],
        [1000, "screen"],
        // A4 less its 14 mm margins, at 96 px an inch.
        [Math.floor(((210 - 28) / 25.4) * 96), "print"],
      ] as const) {
        const { page } = await open(html.stdout, { width, height: 800 });
        await page.emulateMedia({ media });
        // As a string: this project's types know no DOM.
        const fits = await page.evaluate<{ page: number; view: number; widest: number }>(`({
          page: document.documentElement.scrollWidth,
          view: window.innerWidth,
          widest: Math.max(...[...document.querySelectorAll("table, td, th, h1, p")].map((e) => e.getBoundingClientRect().right)),
        })`);
        expect(fits.page, `${args[0]} at ${width} px (${media})`).toBeLessThanOrEqual(fits.view);
        expect(fits.widest, `${args[0]} at ${width} px (${media})`).toBeLessThanOrEqual(fits.view + 0.5);
        await page.close();
      }
    }
  });
});

const fontNeeded = needsChineseFont("Chinese on the pages, drawn with a font that has its glyphs");

describe.skipIf(browserNeeded.skip || fontNeeded.skip)(fontNeeded.title, () => {
  /** The fonts Chromium drew an element's text with (DevTools' "rendered fonts"), by family, with how many glyphs each drew. */
  async function renderedFonts(page: Page, selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
    const session = await page.context().newCDPSession(page);
    await session.send("DOM.enable");
    await session.send("CSS.enable");
    const { root } = await session.send("DOM.getDocument", { depth: -1 });
    const { nodeId } = await session.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { fonts } = await session.send("CSS.getPlatformFontsForNode", { nodeId });
    await session.detach();
    return fonts;
  }
  const CJK_FAMILY = /Noto Sans CJK|Noto Sans SC|Source Han Sans|PingFang|Hiragino|Microsoft YaHei|WenQuanYi/;

  it.each([
    ["estimate", ["estimate", "examples/live-streaming-flagship.json"]],
    ["compare", ["compare", "examples/small-chat-pro.json"]],
  ])(
    "%s in Chinese: every Chinese character of its title and first line from a CJK font; a screenshot at each width",
    async (name, args) => {
      const html = (await runInProcess([...args, "--format", "html", "--lang", "zh"])).stdout;
      const { page, errors } = await open(html);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      for (const selector of ["h1", "table tbody tr td"]) {
        const text = (await page.textContent(selector)) ?? "";
        expect(text, selector).toMatch(/[\u4e00-\u9fff]/);
        const fonts = await renderedFonts(page, selector);
        const chinese = fonts.filter((font) => CJK_FAMILY.test(font.familyName));
        // Every Chinese character drawn by a font that has it: no box from a font without it.
        expect(chinese.length, `${selector}: ${JSON.stringify(fonts)}`).toBeGreaterThan(0);
        expect(chinese.reduce((sum, font) => sum + font.glyphCount, 0)).toBeGreaterThanOrEqual(
          [...text].filter((char) => /[\u4e00-\u9fff]/.test(char)).length,
        );
      }
      await page.screenshot({ path: join(artifacts, `${name}-zh-1280x800.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(artifacts, `${name}-zh-390x844.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it("names CJK fonts of every platform before the generic one, in the page and in the charts", async () => {
    const html = (await runInProcess(["compare", "examples/small-chat-pro.json", "--format", "html"])).stdout;
    for (const family of [
      "PingFang SC",
      "Hiragino Sans GB",
      "Microsoft YaHei",
      "Noto Sans CJK SC",
      "Source Han Sans SC",
    ]) {
      expect(html).toContain(`'${family}'`);
      expect(html).toMatch(new RegExp(`font-family:[^;"]*'${family}'`));
    }
  });
});

describe("HTML without a browser", () => {
  it("keeps the usage page of a 100,000-day file bounded: every month in the overview, the last 12 day by day", () => {
    const start = Date.UTC(1750, 0, 1);
    const rows = Array.from({ length: 100_000 }, (_, index) => {
      const day = new Date(start + index * 86_400_000).toISOString().slice(0, 10);
      return `${day},${20_000 + (index % 5_000)},${80_000 + (index % 3_000)}`;
    });
    const dir = fixtureDir({ "big.csv": `date,dau,groups\n${rows.join("\n")}\n` });
    const args = ["estimate", "--plan", "pro", "--usage-csv", "big.csv"];
    // Written to files: the JSON is megabytes, more than a spawn's pipe buffer keeps.
    expect(runBuilt([...args, "-o", "big.html"], { cwd: dir }).status).toBe(0);
    expect(runBuilt([...args, "-o", "big.json"], { cwd: dir }).status).toBe(0);
    const html = { stdout: readFileSync(join(dir, "big.html"), "utf8") };
    expect(Buffer.byteLength(html.stdout)).toBeLessThanOrEqual(5 * 1024 * 1024);
    const json = JSON.parse(readFileSync(join(dir, "big.json"), "utf8"));
    const months = json.months as { month: string; estimate: { total: string } }[];
    expect(months.length).toBe(3_286);
    // The overview: a row a month, each total the JSON's.
    const overview = html.stdout.slice(
      html.stdout.indexOf('id="usage-months"'),
      html.stdout.indexOf("</table>", html.stdout.indexOf('id="usage-months"')),
    );
    const totals = [
      ...overview.matchAll(
        /<tr><td[^>]*>(\d{4}-\d{2})<\/td>(?:<td[^>]*>[^<]*<\/td>){2}<td class="num" data-value="([\d.]+)">/g,
      ),
    ];
    expect(totals.map((match) => [match[1], match[2]])).toEqual(
      months.map((month) => [month.month, month.estimate.total]),
    );
    expect(html.stdout).toContain("All 3,286 months; the last 12 day by day below");
    // Day by day: the last 12 months, each with its own table.
    expect(html.stdout.match(/id="usage-\d+"/g)).toHaveLength(12);
    expect(html.stdout).toContain(`id="usage-${months.length - 1}"`);
  });

  it("is one file with nothing to fetch: no script, no link, no font, no external URL", () => {
    const html = runBuilt(["estimate", "examples/small-chat-pro.json", "--format", "html"]).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|@import|@font-face|url\(|src="http/i);
    expect(html).toContain("Content-Security-Policy");
  });

  it("takes its format from -o's extension, and md as markdown", () => {
    const dir = fixtureDir({});
    expect(runBuilt(["estimate", "--plan", "pro", "-o", "bill.html"], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, "bill.html"), "utf8")).toMatch(/^<!doctype html>/);
    expect(runBuilt(["estimate", "--plan", "pro", "-o", "bill.md"], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, "bill.md"), "utf8")).toMatch(/^### Pro, monthly estimate/);
    expect(runBuilt(["estimate", "--plan", "pro", "--format", "md"]).stdout).toMatch(/^### Pro, monthly estimate/);
    writeFileSync(join(dir, "app.json"), JSON.stringify({ plan: "pro", expect: { total: "1499.00" } }));
    expect(runBuilt(["check", "app.json", "-o", "check.xml"], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, "check.xml"), "utf8")).toContain("<testsuites");
  });
});

describe("global options, before or after the command", () => {
  it.each([[["--lang", "zh", "estimate", "--plan", "pro"]], [["estimate", "--plan", "pro", "--lang", "zh"]]])(
    "%j speaks Chinese",
    (args) => {
      const result = runBuilt(args);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain("专业版套餐包");
    },
  );

  it("takes --no-color, --no-config and --debug on either side", () => {
    const dir = fixtureDir({ ".git/HEAD": "ref: refs/heads/main\n", "im-bill.config.yaml": "discount: 15%\n" });
    for (const args of [
      ["--no-config", "estimate", "--plan", "pro", "--format", "json"],
      ["estimate", "--plan", "pro", "--format", "json", "--no-config", "--no-color", "--debug"],
    ]) {
      const result = runBuilt(args, { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).pricing.discount).toBeNull();
    }
  });
});
