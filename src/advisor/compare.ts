// The same usage and needs priced on every edition, and the cheapest edition that fits.
import { Money } from "../calculator/decimal.js";
import { priceScenario, type PriceOptions } from "../calculator/estimate.js";
import type { Estimate } from "../calculator/types.js";
import { editionIds, limitNeeds, type EditionId } from "../catalog/editions.js";
import type { Catalog } from "../catalog/schema.js";
import { messages } from "../i18n/messages.js";
import type { Scenario } from "../scenario/types.js";
import { formatMoney } from "../util/format.js";
import { append } from "../util/array.js";

export interface Recommendation {
  plan: EditionId;
  total: string;
  reason: string;
}

export interface Comparison {
  version: 1;
  editions: Record<EditionId, Estimate>;
  recommendation: Recommendation | null;
}

export function compareEditions(scenario: Scenario, catalog: Catalog, options: PriceOptions = {}): Comparison {
  const editions = Object.fromEntries(
    editionIds.map((plan) => [plan, priceScenario({ ...scenario, plan }, catalog, options)]),
  ) as Record<EditionId, Estimate>;
  return { version: 1, editions, recommendation: recommend(editions, catalog, options) };
}

/**
 * The cheapest edition that fits; between editions that cost the same, the higher one,
 * which includes more. The reason says what it saves, or what it also includes.
 */
export function recommend(
  editions: Partial<Record<EditionId, Estimate>>,
  catalog: Catalog,
  options: PriceOptions,
): Recommendation | null {
  const lang = options.lang ?? "en";
  const t = messages[lang].compare;
  const name = (plan: EditionId) => catalog.editions[plan].name[lang];
  const money = (amount: string | Money) =>
    formatMoney(typeof amount === "string" ? amount : amount.toFixed(2), catalog.currency);
  const priced = editionIds.filter((plan) => editions[plan] !== undefined);
  const estimate = (plan: EditionId) => editions[plan]!;
  const fitting = priced.filter((plan) => estimate(plan).violations.length === 0);
  if (fitting.length === 0) return null;
  const cheapest = fitting.reduce((best, plan) => {
    const order = new Money(estimate(plan).total).comparedTo(estimate(best).total);
    return order < 0 || (order === 0 && editionIds.indexOf(plan) > editionIds.indexOf(best)) ? plan : best;
  });
  const winner = estimate(cheapest);
  const parts: string[] = [];
  for (const plan of fitting) {
    if (plan === cheapest) continue;
    const more = new Money(estimate(plan).total).minus(winner.total);
    if (more.isZero()) {
      const extras = limitNeeds
        .filter(
          (need) =>
            (catalog.editions[cheapest].limits[need].value ?? Infinity) >
            (catalog.editions[plan].limits[need].value ?? Infinity),
        )
        .map((need) => t.included(need, catalog.editions[cheapest].limits[need].value));
      parts.push(t.sameAs(name(plan), name(cheapest), extras));
    } else {
      parts.push(t.saves(money(more), name(plan)));
    }
  }
  append(
    parts,
    priced.filter((plan) => !fitting.includes(plan)).map((plan) => t.doesNotFit(name(plan))),
  );
  const fits = t.fitsFor(name(cheapest), winner.lines.map((line) => line.label).join(" + "), money(winner.total));
  return { plan: cheapest, total: winner.total, reason: t.reason(fits, parts) };
}
