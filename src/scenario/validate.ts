import {
  builtinCatalogById,
  editionNames,
  editionsOf,
  billedUsages,
  measures,
  resolveEdition,
  type Catalog,
} from "../catalog/index.js";
import { METRIC_USAGE } from "../vocabulary.js";
import { InputError, say, type Problem } from "../errors.js";
import { unknownCatalogText } from "../catalog/unknown.js";
import { marketProblems } from "../catalog/market.js";
import { closest } from "../util/suggest.js";
import { describeValue } from "../validation/quote.js";
import { parseQuickly } from "../validation/quick.js";
import type { ScenarioDocument } from "./schema.js";
import { SCENARIO_SHAPE } from "./shape.js";
import { fullParse } from "./full-parse.js";
import { DEFAULT_BANDWIDTH_DAYS, type Scenario } from "./types.js";
import { append } from "../util/array.js";

export interface ValidateOptions {
  catalog: Catalog;
  /** where the input came from, e.g. the file name; prefixes every message */
  source: string;
  /** rename a field path in messages (the CLI names the flag that set a value) */
  describePath?: (path: string) => { source: string; path: string } | undefined;
  /** whether the plan must have a published price (default true; compare prices every edition, whatever the plan) */
  requirePrice?: boolean;
}

/** Validate raw input (parsed JSON/YAML or built from flags) into a normalized scenario. */
export function validateScenario(input: unknown, options: ValidateOptions): Scenario {
  // Valid input needs no zod (the quick check); zod says what is wrong with the rest.
  const { data, problems } = parseQuickly<ScenarioDocument>(SCENARIO_SHAPE, input, fullParse);
  const plan = data && resolveEdition(options.catalog, data.plan);
  if (data) append(problems, catalogProblems(data, options.catalog, options.requirePrice ?? true));
  if (problems.length > 0 || !data || !plan) {
    throw new InputError(
      problems.map((problem) => {
        const renamed = options.describePath?.(problem.path);
        return {
          source: renamed?.source ?? options.source,
          path: renamed?.path ?? problem.path,
          message: problem.message,
        };
      }),
    );
  }
  return normalize(data, plan);
}

/** What only the catalogs can tell: a pinned list that exists, the plan names and the add-ons it sells. */
function catalogProblems(data: ScenarioDocument, catalog: Catalog, requirePrice: boolean): Problem[] {
  const problems: Problem[] = [];
  const pinned =
    data.catalog === undefined
      ? undefined
      : (builtinCatalogById(data.catalog) ?? (data.catalog === catalog.id ? catalog : undefined));
  if (data.catalog !== undefined && !pinned)
    problems.push({ path: "catalog", message: unknownCatalogText(data.catalog, describeValue(data.catalog)) });
  append(problems, marketProblems(data, pinned));
  // A metric the list does not bill nor limit (peak DAU on an MAU list): said, never ignored.
  for (const usage of Object.values(METRIC_USAGE)) {
    const value = data.usage?.[usage];
    if (value === undefined || value === 0 || measures(catalog, usage)) continue;
    const list = catalog.id;
    const billed = billedUsages(catalog);
    problems.push({
      path: `usage.${usage}`,
      message: say((t) =>
        t.validation.notMeasured(
          list,
          t.needs[usage],
          billed.map((each) => `${t.needs[each]} (usage.${each})`),
        ),
      ),
    });
  }
  const plan = resolveEdition(catalog, data.plan);
  if (!plan) {
    const suggestion = closest(data.plan, editionNames(catalog));
    const shown = describeValue(data.plan);
    const ids = editionsOf(catalog).join(", ");
    problems.push({ path: "plan", message: say((t) => t.validation.unknownPlan(shown, ids, suggestion)) });
  } else if (requirePrice && catalog.editions[plan]!.packageFee.price === null) {
    // An edition sold by contract only (企业版): say how to give its price.
    const name = catalog.editions[plan]!.name;
    problems.push({ path: "plan", message: say((t) => t.validation.priceOnRequest(name[t.lang], plan)) });
  }
  const switches = switchAddons(catalog);
  for (const [index, key] of (data.features?.addons ?? []).entries()) {
    if (switches.includes(key)) continue;
    const suggestion = closest(key, switches);
    const addon = describeValue(key);
    problems.push({
      path: `features.addons[${index}]`,
      message: say((t) => t.validation.unknownAddon(addon, switches.join(", "), suggestion)),
    });
  }
  return problems;
}

const switchCache = new WeakMap<Catalog, string[]>();

/** Add-ons bought on request (kind "switch") in any edition of the catalog. */
export function switchAddons(catalog: Catalog): string[] {
  let keys = switchCache.get(catalog);
  if (!keys) {
    keys = [
      ...new Set(
        Object.values(catalog.editions).flatMap((edition) =>
          Object.entries(edition.addons)
            .filter(([, addon]) => addon.kind === "switch")
            .map(([key]) => key),
        ),
      ),
    ];
    switchCache.set(catalog, keys);
  }
  return keys;
}

function normalize(input: ScenarioDocument, plan: Scenario["plan"]): Scenario {
  const usage = input.usage ?? {};
  const features = input.features ?? {};
  const addons = new Set(features.addons ?? []);
  if (features.securityStrike === true) addons.add("securityStrike");
  if (features.securityStrike === false) addons.delete("securityStrike");
  return {
    name: input.name ?? null,
    plan,
    catalog: input.catalog ?? null,
    site: input.site ?? null,
    dataCenter: input.dataCenter ?? null,
    usage: {
      peakDau: usage.peakDau ?? 0,
      mau: usage.mau ?? 0,
      peakGroups: usage.peakGroups ?? 0,
      communityMessages: usage.communityMessages ?? 0,
      liveGroups: usage.liveGroups ?? 0,
      bandwidth: {
        mainlandMbps: usage.bandwidth?.mainlandMbps ?? 0,
        internationalMbps: usage.bandwidth?.internationalMbps ?? 0,
        days: usage.bandwidth?.days ?? DEFAULT_BANDWIDTH_DAYS,
        mainlandMbpsDays: usage.bandwidth?.mainlandMbpsDays ?? null,
        internationalMbpsDays: usage.bandwidth?.internationalMbpsDays ?? null,
      },
      moderation: {
        texts: usage.moderation?.texts ?? 0,
        images: usage.moderation?.images ?? 0,
        audioMinutes: usage.moderation?.audioMinutes ?? 0,
        videoMinutes: usage.moderation?.videoMinutes ?? 0,
      },
    },
    features: {
      groupMemberLimit: features.groupMemberLimit ?? null,
      groupsPerUser: features.groupsPerUser ?? null,
      historyDays: features.historyDays ?? null,
      unlimitedLiveGroups: features.unlimitedLiveGroups ?? false,
      apiRatePacks: { packs: features.apiRatePacks ?? 0, days: features.apiRatePackDays ?? DEFAULT_BANDWIDTH_DAYS },
      addons: [...addons],
    },
    expect: input.expect ?? null,
  };
}
