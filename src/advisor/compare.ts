// The same usage and needs priced on every edition, and the cheapest edition that fits.
import { Money } from "../calculator/decimal.js";
import { priceScenario, violationsOf } from "../calculator/estimate.js";
import type { Estimate, Finding } from "../calculator/types.js";
import { limitNeeds, type EditionId } from "../catalog/editions.js";
import { editionsOf, pricedEditions } from "../catalog/index.js";
import type { PriceChoice } from "../catalog/choose.js";
import type { Catalog } from "../catalog/schema.js";
import type { Lang } from "../i18n/lang.js";
import { messages } from "../i18n/messages.js";
import type { Scenario } from "../scenario/types.js";
import { formatMoney } from "../util/format.js";
import { append } from "../util/array.js";

export interface Recommendation {
  plan: EditionId;
  total: string;
  reason: string;
}

/** An edition sold by contract (no published price), listed when the need is beyond the priced ones. */
export interface OnRequest {
  plan: EditionId;
  planName: string;
  /** what its stated limits cannot serve; empty: it may fit, ask for a price */
  violations: Finding[];
}

export interface Comparison {
  version: 1;
  /** an estimate per edition with a published price, in the list's order */
  editions: Record<EditionId, Estimate>;
  /** editions with no published price, when the most the priced ones offer does not fit */
  onRequest: OnRequest[];
  recommendation: Recommendation | null;
}

export function compareEditions(scenario: Scenario, prices: PriceChoice, lang: Lang = "en"): Comparison {
  const { catalog } = prices;
  const priced = pricedEditions(catalog);
  const editions = Object.fromEntries(
    priced.map((plan) => [plan, priceScenario({ ...scenario, plan }, prices, lang)]),
  ) as Record<EditionId, Estimate>;
  // "Price on request" is worth saying only where the highest priced edition does not fit.
  const top = priced.at(-1);
  const beyond = top === undefined || editions[top]!.violations.length > 0;
  const onRequest = beyond
    ? editionsOf(catalog)
        .filter((plan) => !priced.includes(plan))
        .map((plan) => ({
          plan,
          planName: catalog.editions[plan]!.name[lang],
          violations: violationsOf({ ...scenario, plan }, plan, catalog, lang),
        }))
    : [];
  return { version: 1, editions, onRequest, recommendation: recommend(editions, catalog, lang, onRequest) };
}

/**
 * The cheapest edition that fits; between editions that cost the same, the higher one,
 * which includes more. The reason says what it saves, or what it also includes.
 */
export function recommend(
  editions: Partial<Record<EditionId, Estimate>>,
  catalog: Catalog,
  lang: Lang,
  onRequest: readonly OnRequest[] = [],
): Recommendation | null {
  const t = messages[lang].compare;
  const order = editionsOf(catalog);
  const name = (plan: EditionId) => catalog.editions[plan]!.name[lang];
  const money = (amount: string | Money) =>
    formatMoney(typeof amount === "string" ? amount : amount.toFixed(2), catalog.currency);
  const priced = order.filter((plan) => editions[plan] !== undefined);
  const estimate = (plan: EditionId) => editions[plan]!;
  const fitting = priced.filter((plan) => estimate(plan).violations.length === 0);
  if (fitting.length === 0) return null;
  const cheapest = fitting.reduce((best, plan) => {
    const cmp = new Money(estimate(plan).total).comparedTo(estimate(best).total);
    return cmp < 0 || (cmp === 0 && order.indexOf(plan) > order.indexOf(best)) ? plan : best;
  });
  const winner = estimate(cheapest);
  const limit = (plan: EditionId, need: (typeof limitNeeds)[number]) =>
    catalog.editions[plan]!.limits[need].value ?? Infinity;
  const parts: string[] = [];
  for (const plan of fitting) {
    if (plan === cheapest) continue;
    const more = new Money(estimate(plan).total).minus(winner.total);
    if (more.isZero()) {
      const extras = limitNeeds
        .filter((need) => limit(cheapest, need) > limit(plan, need))
        .map((need) => t.included(need, catalog.editions[cheapest]!.limits[need].value));
      parts.push(t.sameAs(name(plan), name(cheapest), extras));
    } else {
      parts.push(t.saves(money(more), name(plan)));
    }
  }
  append(
    parts,
    priced.filter((plan) => !fitting.includes(plan)).map((plan) => t.doesNotFit(name(plan))),
  );
  append(
    parts,
    onRequest.map((edition) => t.onRequest(edition.planName)),
  );
  const fits = t.fitsFor(name(cheapest), winner.lines.map((line) => line.label).join(" + "), money(winner.total));
  return { plan: cheapest, total: winner.total, reason: t.reason(fits, parts) };
}
