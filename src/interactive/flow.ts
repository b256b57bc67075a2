// The guided estimate: a question per scenario field, each validated where it is asked
// (a typo is explained and asked again, never fatal), then a summary, the estimate,
// and the offers to save the scenario and to price it on the other editions.
// Loaded only on this path: @inquirer/prompts is the heaviest thing im-bill uses.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { confirm, input, select } from "@inquirer/prompts";
import { compareEditions } from "../advisor/compare.js";
import { compile } from "../calculator/compiled.js";
import { priceScenario } from "../calculator/estimate.js";
import { editionIds, type EditionId } from "../catalog/editions.js";
import type { Catalog, LimitNeed } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import { renderCompareTable } from "../render/compare.js";
import type { Styles } from "../render/styles.js";
import { renderTable } from "../render/table.js";
import { parseQuantity } from "../scenario/quantity.js";
import type { ScenarioInput } from "../scenario/schema.js";
import { validateScenario } from "../scenario/validate.js";
import { outputProblem, writeFileAtomic } from "../util/atomic-write.js";
import { MAGNITUDES } from "../document/limits.js";
import { formatMoney, formatNumber } from "../util/format.js";
import { maxOf } from "../util/array.js";

export interface FlowContext {
  catalog: Catalog;
  lang: Lang;
  /** the day the bill is for: a price list that had ended by then says so */
  asOf?: string;
  styles: Styles;
  write(text: string): void;
  cwd: string;
  width?: number;
  /** answers given as flags: their questions are skipped */
  prefill: PrefilledAnswers;
}

export interface PrefilledAnswers {
  plan?: EditionId;
  peakDau?: number;
  peakGroups?: number;
  liveGroups?: number;
  groupMemberLimit?: number;
  groupsPerUser?: number;
  historyDays?: number;
  securityStrike?: boolean;
  mainlandMbps?: number;
  internationalMbps?: number;
  days?: number;
}

/** Ask, price, show; returns the scenario as saved (or that could be saved). */
export async function runInteractiveEstimate(context: FlowContext): Promise<ScenarioInput> {
  const { catalog, lang, prefill } = context;
  const t = messages[lang].interactive;
  const money = (amount: string) => formatMoney(amount, catalog.currency);

  const plan =
    prefill.plan ??
    (await select<EditionId>({
      message: t.edition,
      default: "pro",
      choices: editionIds.map((id) => ({
        value: id,
        name: editionChoice(catalog, id, lang),
        description: t.includes(included(catalog, id, lang)),
      })),
    }));
  const edition = catalog.editions[plan];
  const limit = (need: LimitNeed) => edition.limits[need].value;
  // The most this edition can serve, its add-ons included (the calculator's own options); null = unlimited.
  const reach = (need: LimitNeed): number | null => {
    const most = Math.max(
      limit(need) ?? Infinity,
      ...compile(catalog)[plan].options[need].map((option) => option.reach),
    );
    return most === Infinity ? null : most;
  };
  const count = async (
    key: keyof PrefilledAnswers,
    message: string,
    fallback: number,
    max: number | null,
    whole = true,
  ): Promise<number> => {
    const given = prefill[key];
    if (typeof given === "number") return given;
    const answer = await input({
      message,
      default: formatNumber(fallback),
      validate: (text) => {
        const value = parseQuantity(text);
        if (value === undefined) return t.notANumber(text);
        if (value < 0) return t.negative;
        if (whole && !Number.isInteger(value)) return t.whole;
        // The bounds every amount relies on (a count a double holds exactly; bandwidth).
        const most = whole ? MAGNITUDES.count : MAGNITUDES.mbps;
        if (value > most) return t.tooLarge(formatNumber(most));
        if (max !== null && value > max) return t.beyond(edition.name[lang], formatNumber(max));
        return true;
      },
    });
    return parseQuantity(answer)!;
  };

  const free = edition.overage;
  const peakDau = await count("peakDau", t.peakDau, free?.dau.free ?? limit("peakDau") ?? 0, reach("peakDau"));
  const peakGroups = await count(
    "peakGroups",
    t.peakGroups,
    free?.groups.free ?? limit("peakGroups") ?? 0,
    reach("peakGroups"),
  );
  const liveGroups = await count("liveGroups", t.liveGroups, limit("liveGroups") ?? 0, reach("liveGroups"));
  const groupMemberLimit = await count(
    "groupMemberLimit",
    t.groupMemberLimit,
    limit("groupMemberLimit") ?? 0,
    reach("groupMemberLimit"),
  );
  const groupsPerUser = await count(
    "groupsPerUser",
    t.groupsPerUser,
    limit("groupsPerUser") ?? 0,
    reach("groupsPerUser"),
  );
  const historyDays = prefill.historyDays ?? (await askHistory(catalog, plan, lang));
  const sells = (key: string) => Object.hasOwn(edition.addons, key);
  const securityStrike =
    prefill.securityStrike ??
    (sells("securityStrike")
      ? await confirm({
          message: t.securityStrike(money((edition.addons.securityStrike as { price: string }).price)),
          default: false,
        })
      : false);
  let mainlandMbps = 0;
  let internationalMbps = 0;
  let days = 30;
  if (sells("bandwidth.mainland") || prefill.mainlandMbps !== undefined) {
    mainlandMbps = await count("mainlandMbps", t.mainlandMbps, 0, null, false);
    internationalMbps = await count("internationalMbps", t.internationalMbps, 0, null, false);
    if (mainlandMbps > 0 || internationalMbps > 0) days = await count("days", t.days, 30, 31);
  }

  const scenario: ScenarioInput = {
    plan,
    usage: {
      peakDau,
      peakGroups,
      liveGroups,
      ...(mainlandMbps || internationalMbps ? { bandwidth: { mainlandMbps, internationalMbps, days } } : {}),
    },
    features: { groupMemberLimit, groupsPerUser, historyDays, securityStrike },
  };
  context.write(summary(scenario, catalog, lang));
  const valid = validateScenario(scenario, { catalog, source: "" });
  const estimate = priceScenario(valid, catalog, { lang, asOf: context.asOf });
  context.write(renderTable(estimate, { lang, catalog, styles: context.styles, width: context.width }));

  if (await confirm({ message: t.save, default: false })) await save(scenario, context);
  if (await confirm({ message: t.compare, default: false })) {
    context.write(
      renderCompareTable(compareEditions(valid, catalog, { lang }), catalog, lang, context.styles, context.width),
    );
  }
  return scenario;
}

async function askHistory(catalog: Catalog, plan: EditionId, lang: Lang): Promise<number> {
  const t = messages[lang].interactive;
  const edition = catalog.editions[plan];
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
    if (existsSync(absolute) && !(await confirm({ message: t.overwrite(path), default: false }))) continue;
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
  const edition = catalog.editions[id];
  const fee = formatMoney(edition.packageFee.price, catalog.currency);
  return `${edition.name[lang]}${lang === "en" ? ` (${edition.name.zh})` : ""} — ${fee}${messages[lang].prices.perMonth}`;
}

function included(catalog: Catalog, id: EditionId, lang: Lang): string[] {
  const t = messages[lang].compare;
  const edition = catalog.editions[id];
  const free = edition.overage
    ? [
        messages[lang].interactive.free(
          formatNumber(edition.overage.dau.free),
          formatNumber(edition.overage.groups.free),
        ),
      ]
    : [];
  return [
    ...free,
    ...(["liveGroups", "groupMemberLimit", "historyDays"] as const).map((need) =>
      t.included(need, edition.limits[need].value),
    ),
  ];
}

/** One screen: what was answered. */
function summary(scenario: ScenarioInput, catalog: Catalog, lang: Lang): string {
  const t = messages[lang].interactive;
  const usage = scenario.usage ?? {};
  const features = scenario.features ?? {};
  const rows: [string, string][] = [
    [t.edition, catalog.editions[scenario.plan as EditionId].name[lang]],
    [t.peakDau, formatNumber(usage.peakDau ?? 0)],
    [t.peakGroups, formatNumber(usage.peakGroups ?? 0)],
    [t.liveGroups, formatNumber(usage.liveGroups ?? 0)],
    [t.groupMemberLimit, formatNumber(features.groupMemberLimit ?? 0)],
    [t.groupsPerUser, formatNumber(features.groupsPerUser ?? 0)],
    [t.history, t.historyIncluded(features.historyDays ?? 0).replace(/,.*$/, "")],
    [t.securityStrikeShort, features.securityStrike ? t.yes : t.no],
    [
      t.bandwidth,
      usage.bandwidth
        ? `${usage.bandwidth.mainlandMbps} / ${usage.bandwidth.internationalMbps} Mbps × ${usage.bandwidth.days}`
        : t.no,
    ],
  ];
  const width = maxOf(rows.map(([label]) => label.length));
  return `\n${t.summary}\n${rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")}\n\n`;
}
