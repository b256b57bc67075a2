// The guided estimate driven through inquirer's own test screen: the real prompts,
// keypresses in, the screen out, and the real calculator behind them.
import { screen } from "@inquirer/testing/vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seedPrices } from "../helpers/scenario.js";
import { builtinCatalogById } from "../../src/catalog/index.js";
import { fixedPrices } from "../../src/catalog/choose.js";
import {
  answerText,
  runInteractiveEstimate,
  type FlowContext,
  type PrefilledAnswers,
} from "../../src/interactive/flow.js";
import { formatMoney } from "../../src/util/format.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { displayWidth } from "../../src/render/text.js";

const plain = { bold: String, dim: String, error: String, warning: String, success: String };

/** The flow in English over the built-in prices, its output collected; `context` changes any of that. */
function start(prefill: PrefilledAnswers = {}, cwd = fixtureDir({}), context: Partial<FlowContext> = {}) {
  let written = "";
  const done = runInteractiveEstimate({
    prices: seedPrices(),
    lang: "en",
    styles: plain,
    write: (text) => (written += text),
    cwd,
    prefill,
    ...context,
  });
  return { done, output: () => written, cwd };
}

/** Every question answered by flags: the flow goes straight to the estimate. */
const everyAnswer: PrefilledAnswers = {
  plan: "pro",
  peakDau: 0,
  peakGroups: 0,
  liveGroups: 0,
  groupMemberLimit: 0,
  groupsPerUser: 0,
  historyDays: 0,
  securityStrike: false,
  mainlandMbps: 0,
  internationalMbps: 0,
};

/** Answer the current question with Enter (its default), then wait for the next one. */
async function enter(times = 1) {
  for (let i = 0; i < times; i++) {
    screen.keypress("enter");
    await screen.next();
  }
}

/** Wait until the screen shows `text` (the first prompt comes after the flow's own work). */
async function waitFor(text: string) {
  for (let i = 0; i < 10 && !screen.getScreen().includes(text); i++) await screen.next();
  expect(screen.getScreen()).toContain(text);
}

async function answer(text: string) {
  screen.type(text);
  screen.keypress("enter");
  await screen.next();
}

describe("the guided estimate", () => {
  it("gives a valid estimate when Enter is pressed through (the edition's included values)", async () => {
    const flow = start();
    expect(screen.getScreen()).toContain("Edition");
    expect(screen.getScreen()).toContain("Pro (专业版) — ¥999.00/month");
    // edition, DAU, groups, live groups, members, groups per user, history, strike, 2 × bandwidth
    await enter(10);
    expect(screen.getScreen()).toContain("Save this scenario as a JSON file?");
    await enter(); // no
    screen.keypress("enter"); // do not compare
    const scenario = await flow.done;
    expect(scenario).toEqual({
      plan: "pro",
      usage: { peakDau: 10_000, peakGroups: 100_000, liveGroups: 50 },
      features: { groupMemberLimit: 200, groupsPerUser: 500, historyDays: 7, securityStrike: false },
    });
    expect(flow.output()).toContain("Your answers:");
    expect(flow.output()).toMatch(/Total\s+│\s+¥999.00 │/);
  });

  it("offers today's prices, and shows an edition sold by contract as on request, not to be chosen", async () => {
    const list2024 = builtinCatalogById("tencent-im-cn-2024")!;
    const flow = start({}, fixtureDir({}), { prices: fixedPrices(list2024, { day: "2026-11-29", surface: "cli" }) });
    const menu = screen.getScreen();
    expect(menu).toContain("Pro (专业版) — ¥1,499.00/month");
    expect(menu).toContain("Flagship (旗舰版) — ¥2,999.00/month");
    expect(menu).toMatch(/Enterprise \(企业版\) on request/);
    // Down from Pro: Flagship, then past the edition it cannot price, round to Trial.
    screen.keypress("down");
    screen.keypress("down");
    expect(screen.getScreen()).toMatch(/❯ Trial/);
    screen.keypress("down");
    await enter(10);
    await enter();
    screen.keypress("enter");
    const scenario = await flow.done;
    expect(scenario.plan).toBe("pro");
    expect(flow.output()).toMatch(/Total\s+│\s+¥1,499\.00 │/);
  });

  it("shows a price file's edition names escaped: no BiDi, zero-width or control character reaches the terminal", async () => {
    const list2024 = builtinCatalogById("tencent-im-cn-2024")!;
    const hostile = {
      ...list2024,
      editions: {
        ...list2024.editions,
        pro: { ...list2024.editions.pro!, name: { en: "Pro\u202eXX\u200b\u001b[2J", zh: "专业\u202e版" } },
      },
    };
    const flow = start({ ...everyAnswer, plan: undefined }, fixtureDir({}), {
      prices: fixedPrices(hostile, { day: "2026-11-29", surface: "cli" }),
      offerCompare: false,
    });
    const menu = screen.getScreen();
    expect(menu).toContain("Pro\\u202eXX\\u200b\\u001b[2J (专业\\u202e版)");
    expect(menu).not.toMatch(/[\u202e\u200b\u001b]/);
    screen.keypress("enter");
    await waitFor("Save this scenario as a JSON file?");
    screen.keypress("enter");
    await flow.done;
    expect(flow.output()).not.toMatch(/[\u202e\u200b]/);
  });

  it.each([
    ["abc", '"abc" is not a number: type 25000, 25,000, 25k or 2.5万'],
    ["-5", "Must be 0 or more"],
    ["99999999999999999999", "Too large: at most 9,007,199,254,740,991"],
    ["2.5", "Must be a whole number"],
  ])("explains %s on the spot and asks again", async (typed, explanation) => {
    const flow = start({ plan: "pro" });
    await answer(typed);
    expect(screen.getScreen()).toContain(explanation);
    expect(screen.getScreen()).toContain("Peak DAU of the month");
    screen.keypress({ name: "u", ctrl: true }); // clear the line
    await answer("25k");
    expect(screen.getScreen()).toContain("Peak number of groups");
    await enter(8);
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    expect((await flow.done).usage?.peakDau).toBe(25_000);
  });

  it("past the edition's reach, offers another edition and asks again with the answer kept", async () => {
    const flow = start({ plan: "trial" });
    await answer("25k");
    expect(screen.getScreen()).toContain("Trial serves at most 100. What now?");
    expect(screen.getScreen()).toContain("Choose another edition (Pro, Flagship can serve 25,000)");
    screen.keypress("enter"); // another edition
    await screen.next();
    expect(screen.getScreen()).toContain("Edition");
    expect(screen.getScreen()).toMatch(/❯ Pro \(专业版\)/); // the first edition that serves it
    await enter(); // Pro
    expect(screen.getScreen()).toContain("Peak DAU of the month (25,000)");
    await enter(9); // DAU kept, then the included values
    await enter(); // no save
    screen.keypress("enter"); // no compare
    expect(await flow.done).toMatchObject({ plan: "pro", usage: { peakDau: 25_000 } });
  });

  it("past the edition's reach, takes another number", async () => {
    const flow = start({ plan: "trial" });
    await answer("500");
    screen.keypress("down"); // type another number
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Peak DAU of the month (100)");
    await answer("80");
    await enter(4); // groups, live groups, members, groups per user (trial: no history tiers, no add-ons)
    await enter(); // no save
    screen.keypress("enter");
    expect(await flow.done).toMatchObject({ plan: "trial", usage: { peakDau: 80 } });
  });

  it("past the edition's reach, keeps the answer and lists what the edition cannot serve", async () => {
    const flow = start({ plan: "trial" });
    await answer("500");
    expect(screen.getScreen()).toContain("Keep 500: the estimate lists what Trial cannot serve");
    screen.keypress("down");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    await enter(4);
    await enter();
    screen.keypress("enter");
    expect(await flow.done).toMatchObject({ plan: "trial", usage: { peakDau: 500 } });
    expect(flow.output()).toContain("✗ Trial allows at most 100 peak DAU; 500 needed");
  });

  it("past every edition's reach, says so and offers no edition", async () => {
    const flow = start({ plan: "flagship" });
    await enter(3); // DAU, groups, live groups
    await answer("7000");
    expect(screen.getScreen()).toContain(
      "No edition serves more than 6,000 (Flagship, its add-ons included). What now?",
    );
    expect(screen.getScreen()).not.toContain("Choose another edition");
    expect(screen.getScreen()).toContain("❯ Type another number");
    screen.keypress("enter");
    await screen.next();
    await answer("6000");
    await enter(5); // groups per user, history, strike, 2 × bandwidth
    await enter();
    screen.keypress("enter");
    expect((await flow.done).features?.groupMemberLimit).toBe(6_000);
  });

  it("bounds the days of bandwidth by the month, whatever the edition", async () => {
    const flow = start({ ...everyAnswer, plan: "flagship", mainlandMbps: 10 });
    await waitFor("Days of the month");
    await answer("32");
    expect(screen.getScreen()).toContain("A month has at most 31 days");
    screen.keypress({ name: "u", ctrl: true });
    await answer("31");
    await enter();
    screen.keypress("enter");
    expect((await flow.done).usage?.bandwidth).toEqual({ mainlandMbps: 10, internationalMbps: 0, days: 31 });
  });

  it("hands the estimate to the command that shows it (--format, --output), and may skip the comparison", async () => {
    const shown: string[] = [];
    const { done, output } = start({ ...everyAnswer, peakDau: 25_000 }, fixtureDir({}), {
      present: (estimate) => Promise.resolve(void shown.push(estimate.total)),
      offerCompare: false,
    });
    await waitFor("Save this scenario as a JSON file?");
    screen.keypress("enter");
    await done;
    expect(shown).toEqual(["2999.00"]);
    expect(output()).not.toContain("Total");
    expect(screen.getScreen()).not.toContain("Price the same needs");
  });

  it("speaks Chinese: its key hints, yes and no (是 is typed as an answer), the answers aligned", async () => {
    const { done, output } = start({}, fixtureDir({}), { lang: "zh" });
    expect(screen.getScreen()).toContain("↑↓ 移动 • ⏎ 选择");
    await enter(7); // edition … history
    expect(screen.getScreen()).toContain("购买安全打击服务（¥1,000.00/月）？ （是/否，默认否）");
    await answer("好吗");
    expect(screen.getScreen()).toContain("请回答 是 或 否（也可输入 y 或 n）");
    screen.keypress({ name: "u", ctrl: true });
    await answer("是");
    // Units and product names stay as they are; no English word is left.
    expect(screen.getScreen().replace(/Mbps|DAU|AVChatRoom|JSON/g, "")).not.toMatch(/[A-Za-z]{3,}/);
    await enter(2); // bandwidth
    await answer("n"); // no save
    screen.type("否"); // no compare
    screen.keypress("enter");
    const scenario = await done;
    expect(scenario.features?.securityStrike).toBe(true);
    const written = output();
    const answers = written.slice(
      written.indexOf("您的回答："),
      written.indexOf("\n\n", written.indexOf("您的回答：")),
    );
    // Each line: two spaces, the label (single spaces inside), two or more spaces, the answer.
    const valueColumns = answers
      .split("\n")
      .slice(1)
      .map((line) => displayWidth(/^ {2}\S.*?\S? {2,}(?=\S)/.exec(line)![0]));
    expect(answers).toContain("安全打击");
    expect(new Set(valueColumns).size).toBe(1);
  });

  it("takes large numbers with separators and units", async () => {
    const flow = start({ plan: "flagship" });
    await answer("1.2万");
    await answer("150,000");
    await enter(3);
    screen.keypress("down"); // 90 days
    screen.keypress("down"); // 180 days
    screen.keypress("enter");
    await screen.next();
    await enter(3);
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    const scenario = await flow.done;
    expect(scenario.usage).toMatchObject({ peakDau: 12_000, peakGroups: 150_000 });
    expect(scenario.features?.historyDays).toBe(180);
  });

  it("skips the questions answered by flags", async () => {
    const flow = start({
      plan: "pro",
      peakDau: 30_000,
      peakGroups: 50_000,
      liveGroups: 0,
      groupMemberLimit: 500,
      groupsPerUser: 500,
      historyDays: 30,
      securityStrike: true,
      mainlandMbps: 0,
      internationalMbps: 0,
    });
    await waitFor("Save this scenario as a JSON file?");
    await enter();
    screen.keypress("enter");
    await flow.done;
    // 999 + 2 × 1,000 DAU + 500 members + 500 history + 1,000 strike
    expect(flow.output()).toMatch(/Total\s+│\s+¥4,999.00 │/);
  });

  it("saves the scenario where asked, and never overwrites without a yes", async () => {
    const cwd = fixtureDir({ "taken.json": "keep me\n" });
    const flow = start({ ...everyAnswer, peakDau: 25_000 }, cwd);
    await waitFor("Save this scenario as a JSON file?");
    await answer("y"); // save
    expect(screen.getScreen()).toContain("File");
    await answer("taken.json");
    expect(screen.getScreen()).toContain("taken.json exists. Overwrite it?");
    await answer("n");
    expect(screen.getScreen()).toContain("File");
    await answer("mine.json");
    screen.keypress("enter"); // no compare
    const scenario = await flow.done;
    expect(readFileSync(join(cwd, "taken.json"), "utf8")).toBe("keep me\n");
    expect(JSON.parse(readFileSync(join(cwd, "mine.json"), "utf8"))).toEqual(scenario);
    expect(flow.output()).toContain("Saved mine.json: price it again with im-bill estimate --file mine.json");
  });

  it("asks again, saying why, when the file cannot be written there: a directory, a missing folder", async () => {
    const cwd = fixtureDir({ "folder/kept.txt": "x" });
    const flow = start({ ...everyAnswer, peakDau: 25_000 }, cwd);
    await waitFor("Save this scenario as a JSON file?");
    await answer("y");
    await answer("folder");
    expect(screen.getScreen()).toContain("File folder: cannot write there: it is a directory");
    for (let i = 0; i < "folder".length; i++) screen.keypress("backspace");
    await answer("no/such/place.json");
    expect(screen.getScreen()).toContain("cannot write there: the folder no/such does not exist");
    for (let i = 0; i < "no/such/place.json".length; i++) screen.keypress("backspace");
    await answer("folder/app.json");
    screen.keypress("enter"); // no compare
    const scenario = await flow.done;
    // The answers were never lost: saved at the third try.
    expect(JSON.parse(readFileSync(join(cwd, "folder", "app.json"), "utf8"))).toEqual(scenario);
  });

  it("prices the same needs on the other editions when asked", async () => {
    const flow = start({ ...everyAnswer, peakDau: 5_000 });
    await waitFor("Save this scenario as a JSON file?");
    await enter(); // no save
    screen.type("y");
    screen.keypress("enter");
    await flow.done;
    expect(flow.output()).toContain("Recommendation: Pro fits for ¥999.00");
  });

  it("is cancelled by Ctrl-C with nothing written", async () => {
    const cwd = fixtureDir({});
    const flow = start({}, cwd);
    await enter(); // edition
    screen.keypress({ name: "c", ctrl: true });
    await expect(flow.done).rejects.toMatchObject({ name: "ExitPromptError" });
    expect(existsSync(join(cwd, "im-bill-scenario.json"))).toBe(false);
  });
});

describe("the summary's answers, each with its price", () => {
  const list = builtinCatalogById("tencent-im-cn-2024")!;
  const needs = ["groupMemberLimit", "groupsPerUser", "historyDays"] as const;

  it.each(["en", "zh"] as const)(
    "in %s: within the edition, included; above it, every tier and add-on at its own price; beyond, said",
    (lang) => {
      const money = (price: string) => formatMoney(price, "CNY");
      let checked = 0;
      for (const plan of ["pro", "flagship"]) {
        const edition = list.editions[plan]!;
        for (const need of needs) {
          const included = edition.limits[need].value!;
          expect(answerText(list, plan, need, included, lang)).toMatch(lang === "en" ? /, included$/ : /，已包含$/);
          // Each reach of each add-on for the need, at its price: the tier of 180 days is ¥1,500.00, not "included".
          for (const addon of Object.values(edition.addons)) {
            const options =
              addon.kind === "tiers" && addon.need === need
                ? addon.tiers.map((tier) => [tier.upTo, tier.price] as const)
                : addon.kind === "limit" && addon.need === need && addon.raisesTo !== null
                  ? [[addon.raisesTo, addon.price] as const]
                  : [];
            for (const [reach, price] of options) {
              const text = answerText(list, plan, need, reach, lang);
              expect(text, `${plan} ${need} ${reach}`).toContain(money(price));
              expect(text).toMatch(lang === "en" ? /\/month$/ : /\/月$/);
              checked++;
            }
          }
        }
      }
      expect(checked).toBeGreaterThanOrEqual(9);
      expect(answerText(list, "pro", "historyDays", 180, "zh")).toBe("180 天，¥1,500.00/月");
      expect(answerText(list, "pro", "historyDays", 180, "en")).toBe("180 days, ¥1,500.00/month");
      expect(answerText(list, "pro", "groupMemberLimit", 100_000, lang)).toMatch(
        lang === "en" ? /^100,000, beyond/ : /^100,000，超出/,
      );
    },
  );
});
