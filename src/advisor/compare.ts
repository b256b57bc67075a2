// The same usage and needs priced on every edition, and the cheapest edition that fits:
// bills and how the editions stand against each other, in numbers and codes (their
// words are render/compare.ts's).
import { lineIds } from "../catalog/line-ids.js";
import { Money } from "../util/money.js";
import { priceScenario, violationsOf } from "../calculator/estimate.js";
import type { Bill, Finding } from "../calculator/bill.js";
import { limitNeeds, type EditionId, type LimitNeed } from "../vocabulary.js";
import { editionsOf, pricedEditions, withdrawnAddons } from "../catalog/index.js";
import type { PriceChoice } from "../catalog/choose.js";
import type { Catalog } from "../catalog/schema.js";
import type { Scenario } from "../scenario/types.js";

/** How an edition that fits stands against the recommended one, or why another does not. */
export type Standing =
  /** fits, for `more` a month more */
  | { plan: EditionId; kind: "costs-more"; more: string }
  /** fits for the same total; the recommended one includes more of `extras` */
  | { plan: EditionId; kind: "same"; extras: LimitNeed[] }
  | { plan: EditionId; kind: "no-fit" }
  /** sold by contract: no published price */
  | { plan: EditionId; kind: "on-request" };

export interface Recommendation {
  plan: EditionId;
  total: string;
  /** the other editions, each as it stands against this one */
  others: Standing[];
  /**
   * Add-ons the scenario asks for that Tencent no longer sells or lists: left out of the
   * choice (whether an edition sells one, and what it costs), in the list's order
   */
  setAside: string[];
}

/** An edition sold by contract (no published price), listed when the need is beyond the priced ones. */
export interface OnRequest {
  plan: EditionId;
  /** what its stated limits cannot serve; empty: it may fit, ask for a price */
  violations: Finding[];
}

export interface Comparison {
  /** the prices every edition was priced with */
  prices: PriceChoice;
  /** a bill per edition with a published price, in the list's order */
  editions: Record<EditionId, Bill>;
  /** editions with no published price, when the most the priced ones offer does not fit */
  onRequest: OnRequest[];
  recommendation: Recommendation | null;
  /** the rows a report shows: the line ids any edition charges, in the list's order */
  lines: string[];
}

export function compareEditions(scenario: Scenario, prices: PriceChoice): Comparison {
  const { catalog } = prices;
  const priced = pricedEditions(catalog);
  const editions: Record<EditionId, Bill> = Object.fromEntries(
    priced.map((plan) => [plan, priceScenario({ ...scenario, plan }, prices)]),
  );
  // "Price on request" is worth saying only where the highest priced edition does not fit.
  const top = priced.at(-1);
  const beyond = top === undefined || editions[top]!.violations.length > 0;
  const onRequest = beyond
    ? editionsOf(catalog)
        .filter((plan) => !priced.includes(plan))
        .map((plan) => ({ plan, violations: violationsOf({ ...scenario, plan }, plan, catalog) }))
    : [];
  const charged = new Set(Object.values(editions).flatMap((bill) => bill.lines.map((line) => line.id)));
  const lines = [...lineIds(catalog), "discount"].filter((id) => charged.has(id));
  return { prices, editions, onRequest, recommendation: recommend(editions, catalog, onRequest), lines };
}

/**
 * The cheapest edition that fits; between editions that cost the same, the higher one,
 * which includes more. The others say what it saves on them, or what it also includes.
 */
export function recommend(
  editions: Partial<Record<EditionId, Bill>>,
  catalog: Catalog,
  onRequest: readonly OnRequest[] = [],
): Recommendation | null {
  const order = editionsOf(catalog);
  const priced = order.filter((plan) => editions[plan] !== undefined);
  const bill = (plan: EditionId) => editions[plan]!;
  // What Tencent no longer sells decides nothing: an edition that does not sell it still
  // fits, and what one charges for it is not counted.
  const withdrawn = withdrawnAddons(catalog);
  const unsold = (finding: Finding): string[] =>
    finding.kind === "unavailable" && withdrawn.has(finding.addon) ? [finding.addon] : [];
  const charged = (line: { id: string }): string[] => {
    const key = line.id.slice("addon.".length);
    return line.id.startsWith("addon.") && withdrawn.has(key) ? [key] : [];
  };
  const fitting = priced.filter((plan) => bill(plan).violations.every((finding) => unsold(finding).length > 0));
  if (fitting.length === 0) return null;
  const costs = new Map(
    fitting.map((plan) => {
      const { lines, total } = bill(plan);
      const setAsideLines = lines.filter((line) => charged(line).length > 0);
      return [plan, setAsideLines.reduce((sum, line) => sum.minus(line.amount), new Money(total))];
    }),
  );
  const cost = (plan: EditionId) => costs.get(plan)!;
  const cheapest = fitting.reduce((best, plan) => {
    const cmp = cost(plan).comparedTo(cost(best));
    return cmp < 0 || (cmp === 0 && order.indexOf(plan) > order.indexOf(best)) ? plan : best;
  });
  const winner = bill(cheapest);
  const asked = new Set(
    priced.flatMap((plan) => [...bill(plan).lines.flatMap(charged), ...bill(plan).violations.flatMap(unsold)]),
  );
  const setAside = [...withdrawn].filter((key) => asked.has(key));
  const limit = (plan: EditionId, need: LimitNeed) => catalog.editions[plan]!.limits[need]?.value ?? Infinity;
  const others: Standing[] = [];
  for (const plan of fitting) {
    if (plan === cheapest) continue;
    const more = cost(plan).minus(cost(cheapest));
    others.push(
      more.isZero()
        ? { plan, kind: "same", extras: limitNeeds.filter((need) => limit(cheapest, need) > limit(plan, need)) }
        : { plan, kind: "costs-more", more: more.toFixed(2) },
    );
  }
  for (const plan of priced) if (!fitting.includes(plan)) others.push({ plan, kind: "no-fit" });
  for (const edition of onRequest) others.push({ plan: edition.plan, kind: "on-request" });
  return { plan: cheapest, total: winner.total, others, setAside };
}
