/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Every HTML report, in both languages, laid out in Chromium at a phone's width, a
// desktop's and on A4, and held to what a reader needs: nothing wider than the page,
// no two labels of a chart on top of each other, no word of a table cell broken (a
// Chinese name stays whole), text no smaller than 11 px on the phone, nothing cut off in
// print. The pages are made by the CLI's run() in-process (the words are render's).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { root, runInProcess } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { needs, needsChineseFont } from "../helpers/programs.js";
import { gitRepository } from "../helpers/repository.js";

const browserNeeded = needs("every report's layout in Chromium", "chromium");
const fontNeeded = needsChineseFont(browserNeeded.title);

const usageCsv = `date,dau,groups\n${Array.from({ length: 28 }, (_, index) => `2026-11-${String(index + 1).padStart(2, "0")},${28_000 + 100 * index},${90_000 + 50 * index}`).join("\n")}\n`;
const work = fixtureDir({
  "usage.csv": usageCsv,
  ...Object.fromEntries(
    Array.from({ length: 24 }, (_, index) => [
      `batch/app-${index}.json`,
      JSON.stringify({
        name: `应用 ${index}`,
        plan: index % 3 === 0 ? "flagship" : "pro",
        usage: { peakDau: 4_000 * (index + 1) },
      }),
    ]),
  ),
});

/** The report kinds, each as a command run in `cwd`. */
const KINDS: [string, string[], () => string][] = [
  ["estimate", ["estimate", "examples/live-streaming-flagship.json"], () => root],
  ["usage", ["estimate", "--plan", "pro", "--usage-csv", join(work, "usage.csv"), "--on", "2026-11-29"], () => root],
  ["compare", ["compare", "--dau", "25000", "--live-groups", "60", "--group-member-limit", "2000"], () => root],
  [
    "forecast",
    ["forecast", "examples/small-chat-pro.json", "--months", "6", "--dau-growth", "12%", "--start", "2026-12-15"],
    () => root,
  ],
  ["batch", ["batch", join(work, "batch")], () => root],
  ["check", ["check", "examples/"], () => root],
  ["diff", ["diff", "examples/small-chat-pro.json", "examples/community-large-groups.yaml"], () => root],
  ["project", ["diff", "--base", "main"], () => projectRepo],
];

let projectRepo = "";
let browser: Browser;
beforeAll(async () => {
  if (browserNeeded.skip || fontNeeded.skip) return;
  const repo = gitRepository(mkdtempSync(join(tmpdir(), "im-bill-layout-")), {
    "scenarios/chat.json": JSON.stringify({ name: "聊天应用", plan: "pro", usage: { peakDau: 25_000 } }),
    "scenarios/live.json": JSON.stringify({
      name: "直播",
      plan: "flagship",
      usage: { peakDau: 60_000, liveGroups: 80 },
    }),
    "scenarios/old.json": JSON.stringify({ plan: "pro" }),
  });
  repo.write("scenarios/chat.json", JSON.stringify({ name: "聊天应用", plan: "pro", usage: { peakDau: 45_000 } }));
  repo.git("rm", "--quiet", "scenarios/old.json");
  projectRepo = repo.dir;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
});
afterAll(async () => browser?.close());

/** What is wrong with the page as laid out now, in words: an empty list when nothing is. */
async function problems(page: Page, phone: boolean): Promise<string[]> {
  return page.evaluate((phone) => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      found.push(`the page is ${document.documentElement.scrollWidth} px wide in ${width}`);
    // No two labels of a chart on top of each other (their boxes overlapping by more than a pixel).
    for (const [index, svg] of [...document.querySelectorAll("svg")].entries()) {
      const boxes = [...svg.querySelectorAll("text")]
        .filter((text) => (text.textContent ?? "").trim() !== "")
        .map((text) => ({ text: text.textContent ?? "", box: text.getBoundingClientRect() }));
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) {
          const [one, two] = [boxes[a]!.box, boxes[b]!.box];
          const x = Math.min(one.right, two.right) - Math.max(one.left, two.left);
          const y = Math.min(one.bottom, two.bottom) - Math.max(one.top, two.top);
          if (x > 1 && y > 1) found.push(`chart ${index}: "${boxes[a]!.text}" overlaps "${boxes[b]!.text}"`);
        }
    }
    // No word of a table cell broken over two lines: a Chinese run, a heading, a month.
    const CJK = /[\u3400-\u9fff]/u;
    for (const cell of document.querySelectorAll("td, th")) {
      const text = cell.textContent ?? "";
      for (const word of text.split(/[\s;:!?()\uff0c\u3002\uff1b\uff1a\u3001\uff08\uff09]+/u)) {
        const chinese = CJK.test(word);
        // Words a phone cannot keep whole are let go: long Latin ones, and Chinese ones past what fits.
        // (As the page keeps them: Latin words of up to 8 letters, Chinese ones of up to 8 characters, 4 on a phone.)
        if (word.length < 2 || (!chinese && word.length > 8) || (chinese && word.length > (phone ? 4 : 8))) continue;
        const at = text.indexOf(word);
        const node = [...cell.childNodes].find(
          (child) => child.nodeType === 3 && (child.textContent ?? "").includes(word),
        );
        if (!node || at < 0) continue;
        const range = document.createRange();
        const start = (node.textContent ?? "").indexOf(word);
        range.setStart(node, start);
        range.setEnd(node, start + word.length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) found.push(`"${word}" is broken over ${lines.size} lines in "${text.slice(0, 40)}"`);
      }
    }
    // Text a phone reader can read: no smaller than 11 px, in the page or a chart (as drawn, scaled).
    if (phone) {
      for (const element of document.querySelectorAll("body *:not(svg *)")) {
        if (![...element.childNodes].some((child) => child.nodeType === 3 && (child.textContent ?? "").trim() !== ""))
          continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 11) found.push(`${element.tagName.toLowerCase()} text at ${size} px`);
      }
      for (const text of document.querySelectorAll("svg text")) {
        const height = text.getBoundingClientRect().height;
        if ((text.textContent ?? "").trim() !== "" && height > 0 && height < 11 * 0.9)
          found.push(`chart text "${text.textContent}" drawn ${height.toFixed(1)} px high`);
      }
    }
    return [...new Set(found)];
  }, phone);
}

describe.skipIf(browserNeeded.skip || fontNeeded.skip)(fontNeeded.title, () => {
  it.each(
    KINDS.flatMap(([kind, args, cwd]) => (["en", "zh"] as const).map((lang) => [kind, lang, args, cwd] as const)),
  )(
    "%s (%s): fits 390×844 and 1280×800, labels apart, words whole, text readable, and A4 in print",
    async (kind, lang, args, cwd) => {
      const result = await runInProcess([...args, "--format", "html", "--lang", lang], { cwd: cwd() });
      expect(result.status, result.stderr).not.toBe(2);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.setContent(result.stdout, { waitUntil: "load" });
      expect(await problems(page, false), `${kind} ${lang} at 1280`).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await problems(page, true), `${kind} ${lang} at 390`).toEqual([]);
      // Printed on A4 (210 mm at 96 dpi, less the default margins): nothing runs past the paper.
      await page.emulateMedia({ media: "print" });
      await page.setViewportSize({ width: 718, height: 1040 });
      const printed = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(printed, `${kind} ${lang} in print`).toBeLessThanOrEqual(718);
      await page.close();
    },
  );
});
