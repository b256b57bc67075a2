// The guided estimate: a question per scenario field, each validated where it is asked
// (a typo is explained and asked again, never fatal), then a summary, the estimate,
// and the offers to save the scenario and to price it on the other editions.
// Loaded only on this path: @inquirer/prompts is the heaviest thing im-bill uses.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { input, select } from "@inquirer/prompts";
import { compareEditions } from "../advisor/compare.js";
import { compiledEdition } from "../calculator/compiled.js";
import { priceScenario } from "../calculator/estimate.js";
import { overageMetrics, sites, type EditionId, type Site } from "../vocabulary.js";
import { editionsOf, measures, pricedEditions, usualEdition } from "../catalog/index.js";
import type { PriceChoice } from "../catalog/choose.js";
import type { Catalog, LimitNeed } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { printableLine } from "../util/printable.js";
import { describeComparison, renderCompareTable } from "../render/compare.js";
import { describe } from "../render/describe.js";
import type { Styles } from "../render/styles.js";
import { renderTable } from "../render/table.js";
import { parseQuantity } from "../util/quantity.js";
import type { PlanName, ScenarioInput } from "../scenario/schema.js";
import type { Bill } from "../calculator/bill.js";
import { displayWidth, pad } from "../render/text.js";
import { validateScenario } from "../scenario/validate.js";
import { outputProblem, writeFileAtomic } from "../files/write.js";
import { MAGNITUDES } from "../document/limits.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { maxOf } from "../util/array.js";

export interface FlowContext {
  /** the run's prices: the list the menus show and the answers are priced with, and where it came from */
  prices: PriceChoice;
  lang: Lang;
  styles: Styles;
  write(text: string): void;
  cwd: string;
  width?: number;
  /** answers given as flags: their questions are skipped */
  prefill: PrefilledAnswers;
  /** shows the estimate (a table, or as --format and --output say); the flow's own table otherwise */
  present?: (bill: Bill) => Promise<void>;
  /** whether to offer the other editions' prices (default: yes) */
  offerCompare?: boolean;
}

export interface PrefilledAnswers {
  plan?: EditionId;
  peakDau?: number;
  mau?: number;
  peakGroups?: number;
  communityMessages?: number;
  liveGroups?: number;
  groupMemberLimit?: number;
  groupsPerUser?: number;
  historyDays?: number;
  securityStrike?: boolean;
  mainlandMbps?: number;
  internationalMbps?: number;
  days?: number;
}

type CountKey =
  "peakDau" | "mau" | "peakGroups" | "communityMessages" | "liveGroups" | "groupMemberLimit" | "groupsPerUser";

/** Thrown when the user chose to pick another edition: the questions start again, the answers kept as defaults. */
class ChangeEdition extends Error {
  constructor(
    /** the first edition that serves the answer: the default of the edition question */
    readonly suggested: EditionId,
  ) {
    super("change of edition");
    this.name = "ChangeEdition";
  }
}

/** Ask, price, show; returns the scenario as saved (or that could be saved). */
export async function runInteractiveEstimate(context: FlowContext): Promise<ScenarioInput> {
  const { prices, lang, prefill } = context;
  const { catalog } = prices;
  const t = messages[lang].interactive;
  const prompts = promptWords(lang, context.styles);
  // Answers typed so far: asked again after a change of edition, they are the defaults.
  const typed: Partial<Record<keyof PrefilledAnswers, number>> = {};
  const priced = pricedEditions(catalog);
  const askEdition = (suggested: EditionId) =>
    select<EditionId>({
      message: t.edition,
      default: suggested,
      // An edition sold by contract is shown, but cannot be priced here.
      choices: editionsOf(catalog).map((id) => ({
        value: id,
        name: editionChoice(catalog, id, lang),
        description: t.includes(included(catalog, id, lang)),
        ...(priced.includes(id) ? {} : { disabled: messages[lang].compare.onRequestCell }),
      })),
      theme: prompts.select,
    });
  const usual = usualEdition(catalog);
  let plan = prefill.plan ?? (await askEdition(usual));
  let scenario: ScenarioInput | undefined;
  while (!scenario) {
    try {
      scenario = await askNeeds(plan, context, typed);
    } catch (caught) {
      if (!(caught instanceof ChangeEdition)) throw caught;
      plan = await askEdition(caught.suggested);
    }
  }

  context.write(summary(scenario, catalog, lang));
  const valid = validateScenario(scenario, { catalog, source: "" });
  const bill = priceScenario(valid, prices);
  if (context.present) await context.present(bill);
  else context.write(renderTable(describe(bill, lang), { lang, styles: context.styles, width: context.width }));

  if (await yesNo(t.save, false, lang)) await save(scenario, context);
  if (context.offerCompare !== false && (await yesNo(t.compare, false, lang))) {
    const comparison = describeComparison(compareEditions(valid, prices), lang);
    context.write(renderCompareTable(comparison, lang, context.styles, context.width));
  }
  return scenario;
}

/** Which site's lists price the answers: asked where nothing else (a flag, the project config) said. */
export async function askSite(lang: Lang, styles: Styles): Promise<Site> {
  const t = messages[lang].interactive;
  return select<Site>({
    message: t.site,
    default: "cn",
    choices: sites.map((site) => ({ value: site, name: t.sites[site] })),
    theme: promptWords(lang, styles).select,
  });
}

/** The questions after the edition; throws ChangeEdition when an answer made the user pick another one. */
async function askNeeds(
  plan: EditionId,
  context: FlowContext,
  typed: Partial<Record<keyof PrefilledAnswers, number>>,
): Promise<ScenarioInput> {
  const { lang, prefill } = context;
  const { catalog } = context.prices;
  const t = messages[lang].interactive;
  const prompts = promptWords(lang, context.styles);
  const money = (amount: string) => formatMoney(amount, catalog.currency);
  const edition = catalog.editions[plan]!;
  const limit = (need: LimitNeed) => edition.limits[need]?.value;

  /** A number, checked as it is typed; `most` is a bound of the question itself (the days of a month). */
  const number = async (
    key: keyof PrefilledAnswers,
    message: string,
    fallback: number,
    whole = true,
    most?: number,
  ) => {
    const given = prefill[key];
    if (typeof given === "number") return given;
    const answer = await input({
      message,
      default: formatNumber(typed[key] ?? fallback),
      validate: (text) => {
        const value = parseQuantity(text);
        if (value === undefined) return t.notANumber(text);
        if (value < 0) return t.negative;
        if (whole && !Number.isInteger(value)) return t.whole;
        // The bounds every amount relies on (a count a double holds exactly; bandwidth).
        const bound = whole ? MAGNITUDES.count : MAGNITUDES.mbps;
        if (value > bound) return t.tooLarge(formatNumber(bound));
        if (most !== undefined && value > most) return t.daysInMonth(formatNumber(most));
        return true;
      },
      theme: prompts.input,
    });
    const value = parseQuantity(answer)!;
    typed[key] = value;
    return value;
  };

  /**
   * A count the edition may not reach (its add-ons included): past it, the user picks
   * another edition, types another number, or keeps it (the estimate lists the violation).
   */
  const count = async (key: CountKey, message: string, fallback: number): Promise<number> => {
    for (;;) {
      const asked = prefill[key] === undefined;
      const value = await number(key, message, fallback);
      const most = reach(catalog, plan, key);
      if (!asked || most === null || value <= most) return value;
      // Editions sold by contract have no price to show: the others are offered.
      const priced = pricedEditions(catalog);
      const others = priced.filter((id) => id !== plan && (reach(catalog, id, key) ?? Infinity) >= value);
      const names = others.map((id) => printableLine(catalog.editions[id]!.name[lang]));
      const shown = formatNumber(value);
      const top = priced.reduce((best, id) =>
        (reach(catalog, id, key) ?? Infinity) > (reach(catalog, best, key) ?? Infinity) ? id : best,
      );
      const next = await select<"edition" | "retype" | "keep">({
        message:
          others.length > 0
            ? t.beyond(printableLine(edition.name[lang]), formatNumber(most), most !== limit(key))
            : t.beyondAll(
                formatNumber(reach(catalog, top, key) ?? most),
                printableLine(catalog.editions[top]!.name[lang]),
              ),
        choices: [
          ...(others.length > 0
            ? [{ value: "edition" as const, name: t.changeEdition(names.join(t.listSeparator), shown) }]
            : []),
          { value: "retype", name: t.retype },
          { value: "keep", name: t.keep(shown, printableLine(edition.name[lang])) },
        ],
        theme: prompts.select,
      });
      if (next === "edition") throw new ChangeEdition(others[0]!);
      if (next === "keep") return value;
      delete typed[key];
    }
  };

  const free = edition.overage;
  // The metrics this list bills: peak DAU on the mainland's, MAU on the international site's.
  const peakDau = measures(catalog, "peakDau")
    ? await count("peakDau", t.peakDau, free?.dau?.free ?? limit("peakDau") ?? 0)
    : 0;
  const mau = measures(catalog, "mau") ? await count("mau", t.mau, free?.mau?.free ?? limit("mau") ?? 0) : 0;
  const peakGroups = await count("peakGroups", t.peakGroups, free?.groups?.free ?? limit("peakGroups") ?? 0);
  // Community messages, where the edition can have communities (a limit of 0: it cannot).
  const communityMessages =
    measures(catalog, "communityMessages") && limit("communityMessages") !== 0
      ? await count("communityMessages", t.communityMessages, free?.communityMessages?.free ?? 0)
      : 0;
  const liveGroups = await count("liveGroups", t.liveGroups, limit("liveGroups") ?? 0);
  const groupMemberLimit = await count("groupMemberLimit", t.groupMemberLimit, limit("groupMemberLimit") ?? 0);
  const groupsPerUser = await count("groupsPerUser", t.groupsPerUser, limit("groupsPerUser") ?? 0);
  const historyDays = prefill.historyDays ?? (await askHistory(catalog, plan, lang, prompts));
  const sells = (key: string) => Object.hasOwn(edition.addons, key);
  const securityStrike =
    prefill.securityStrike ??
    (sells("securityStrike")
      ? await yesNo(t.securityStrike(money((edition.addons.securityStrike as { price: string }).price)), false, lang)
      : false);
  let mainlandMbps = 0;
  let internationalMbps = 0;
  let days = 30;
  if (sells("bandwidth.mainland") || prefill.mainlandMbps !== undefined)
    mainlandMbps = await number("mainlandMbps", t.mainlandMbps, 0, false);
  if (sells("bandwidth.international") || prefill.internationalMbps !== undefined) {
    internationalMbps = await number("internationalMbps", t.internationalMbps, 0, false);
    // A month's days, whatever the edition.
    if (mainlandMbps > 0 || internationalMbps > 0) days = await number("days", t.days, 30, true, 31);
  }
  return {
    // An edition of the list: a name the library's type knows for the built-in lists.
    plan: plan as PlanName,
    usage: {
      ...(measures(catalog, "peakDau") ? { peakDau } : {}),
      ...(measures(catalog, "mau") ? { mau } : {}),
      peakGroups,
      ...(communityMessages ? { communityMessages } : {}),
      liveGroups,
      ...(mainlandMbps || internationalMbps ? { bandwidth: { mainlandMbps, internationalMbps, days } } : {}),
    },
    features: { groupMemberLimit, groupsPerUser, historyDays, securityStrike },
  };
}

/** The most an edition can serve of a need, its add-ons included (the calculator's own options); null = unlimited. */
function reach(catalog: Catalog, plan: EditionId, need: LimitNeed): number | null {
  const most = Math.max(
    catalog.editions[plan]!.limits[need]?.value ?? Infinity,
    ...compiledEdition(catalog, plan)!.options[need].map((option) => option.reach),
  );
  return most === Infinity ? null : most;
}

/** The prompts' own words (key hints) in the user's language, styled like the rest. */
function promptWords(lang: Lang, styles: Styles) {
  const keys = messages[lang].interactive.keys;
  return {
    select: {
      style: {
        keysHelpTip: (tips: [string, string][]) =>
          tips
            .map(
              ([key, action]) =>
                `${styles.bold(key)} ${styles.dim(Object.hasOwn(keys, action) ? keys[action as keyof typeof keys] : action)}`,
            )
            .join(styles.dim(" • ")),
      },
    },
    input: {},
  };
}

/**
 * A yes/no question that takes y, yes, n, no, and 是, 否 in Chinese (inquirer's confirm
 * reads only English: "是" there would silently mean the default). Enter takes the default.
 */
async function yesNo(message: string, fallback: boolean, lang: Lang): Promise<boolean> {
  const t = messages[lang].interactive;
  const hint = fallback ? t.yesNoHint.yes : t.yesNoHint.no;
  const answer = await input({
    message,
    validate: (text) => (parseYesNo(text) !== undefined ? true : t.yesOrNo),
    transformer: (text, { isFinal }) => (isFinal ? ((parseYesNo(text) ?? fallback) ? t.yes : t.no) : text),
    theme: { style: { message: (text: string, status: string) => (status === "done" ? text : `${text} ${hint}`) } },
  });
  return parseYesNo(answer) ?? fallback;
}

/** true, false, null for empty (the default), undefined for anything else. */
export function parseYesNo(text: string): boolean | null | undefined {
  const answer = text.trim().toLowerCase();
  if (answer === "") return null;
  if (["y", "yes", "是", "是的", "好", "对"].includes(answer)) return true;
  if (["n", "no", "否", "不", "不是"].includes(answer)) return false;
  return undefined;
}

async function askHistory(
  catalog: Catalog,
  plan: EditionId,
  lang: Lang,
  prompts: ReturnType<typeof promptWords>,
): Promise<number> {
  const t = messages[lang].interactive;
  const edition = catalog.editions[plan]!;
  const includedDays = edition.limits.historyDays.value ?? 0;
  const tiers = Object.values(edition.addons).flatMap((addon) =>
    addon.kind === "tiers" && addon.need === "historyDays" ? addon.tiers : [],
  );
  if (tiers.length === 0) return includedDays; // nothing to choose: the edition's retention
  return select<number>({
    message: t.history,
    default: includedDays,
    choices: [
      { value: includedDays, name: t.historyIncluded(includedDays) },
      ...tiers.map((tier) => ({
        value: tier.upTo,
        name: t.historyTier(tier.upTo, formatMoney(tier.price, catalog.currency)),
      })),
    ],
    theme: prompts.select,
  });
}

/** Ask where; a place that cannot be written is said and asked again; never overwrite a file without a yes. */
async function save(scenario: ScenarioInput, context: FlowContext): Promise<void> {
  const t = messages[context.lang].interactive;
  // Where it cannot be written, as the answer is typed: a directory, a missing folder.
  const problem = (text: string) => outputProblem(text.trim(), context.cwd, t.savePath)?.messageIn(context.lang);
  let failed: string | undefined;
  for (;;) {
    const path = (
      await input({
        message: failed ? `${t.savePath} (${failed})` : t.savePath,
        default: "im-bill-scenario.json",
        validate: (text) => (text.trim() === "" ? t.pathRequired : (problem(text) ?? true)),
      })
    ).trim();
    const absolute = resolve(context.cwd, path);
    if (existsSync(absolute) && !(await yesNo(t.overwrite(path), false, context.lang))) continue;
    try {
      writeFileAtomic(absolute, `${JSON.stringify(scenario, null, 2)}\n`);
    } catch (error) {
      // Permission denied, a disk full: the answers are kept, the question asked again.
      failed = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      continue;
    }
    context.write(`${t.saved(path)}\n`);
    return;
  }
}

function editionChoice(catalog: Catalog, id: EditionId, lang: Lang): string {
  const edition = catalog.editions[id]!;
  const name = `${printableLine(edition.name[lang])}${lang === "en" ? ` (${printableLine(edition.name.zh)})` : ""}`;
  const price = edition.packageFee.price;
  return price === null ? name : `${name} — ${formatMoney(price, catalog.currency)}${messages[lang].prices.perMonth}`;
}

function included(catalog: Catalog, id: EditionId, lang: Lang): string[] {
  const t = messages[lang].compare;
  const edition = catalog.editions[id]!;
  const quotas = overageMetrics.flatMap((metric) => {
    const rule = edition.overage?.[metric];
    return rule && rule.free > 0 ? [messages[lang].overageUnit(metric, rule.free)] : [];
  });
  const free = quotas.length > 0 ? [messages[lang].interactive.free(quotas)] : [];
  return [
    ...free,
    ...(["liveGroups", "groupMemberLimit", "historyDays"] as const).map((need) =>
      t.included(need, edition.limits[need].value),
    ),
  ];
}

/**
 * An answer to a need as the summary says it, with what it costs on the edition: within
 * what the edition includes, the add-on (or tier) the calculator buys for it, or beyond
 * what any reaches. The same options the bill prices with, so the two never disagree.
 */
export function answerText(catalog: Catalog, plan: EditionId, need: LimitNeed, value: number, lang: Lang): string {
  const t = messages[lang].interactive;
  const shown = need === "historyDays" ? t.dayCount(value) : formatNumber(value);
  const included = catalog.editions[plan]!.limits[need]?.value ?? Infinity;
  if (value <= included) return t.answerIncluded(shown);
  const option = compiledEdition(catalog, plan)!.options[need].find((each) => each.reach >= value);
  return option ? t.answerPriced(shown, formatMoney(option.price.text, catalog.currency)) : t.answerBeyond(shown);
}

/** One screen: what was answered. */
function summary(scenario: ScenarioInput, catalog: Catalog, lang: Lang): string {
  const t = messages[lang].interactive;
  const usage = scenario.usage ?? {};
  const features = scenario.features ?? {};
  const rows: [string, string][] = [
    [t.edition, printableLine(catalog.editions[scenario.plan]!.name[lang])],
    ...(usage.peakDau !== undefined ? [[t.peakDau, formatNumber(usage.peakDau)] as [string, string]] : []),
    ...(usage.mau !== undefined ? [[t.mau, formatNumber(usage.mau)] as [string, string]] : []),
    [t.peakGroups, formatNumber(usage.peakGroups ?? 0)],
    ...(usage.communityMessages !== undefined
      ? [[t.communityMessages, formatNumber(usage.communityMessages)] as [string, string]]
      : []),
    [t.liveGroups, formatNumber(usage.liveGroups ?? 0)],
    [t.groupMemberLimit, answerText(catalog, scenario.plan, "groupMemberLimit", features.groupMemberLimit ?? 0, lang)],
    [t.groupsPerUser, answerText(catalog, scenario.plan, "groupsPerUser", features.groupsPerUser ?? 0, lang)],
    [t.history, answerText(catalog, scenario.plan, "historyDays", features.historyDays ?? 0, lang)],
    ...(Object.values(catalog.editions).some((edition) => Object.hasOwn(edition.addons, "securityStrike"))
      ? [[t.securityStrikeShort, features.securityStrike ? t.yes : t.no] as [string, string]]
      : []),
    [
      t.bandwidth,
      usage.bandwidth
        ? t.bandwidthValue(
            formatNumber(usage.bandwidth.mainlandMbps ?? 0),
            formatNumber(usage.bandwidth.internationalMbps ?? 0),
            usage.bandwidth.days ?? 30,
          )
        : t.no,
    ],
  ];
  // Aligned by display width: a CJK character takes two columns.
  const width = maxOf(rows.map(([label]) => displayWidth(label)));
  return `\n${t.summary}\n${rows.map(([label, value]) => `  ${pad(label, width)}  ${value}`).join("\n")}\n\n`;
}
