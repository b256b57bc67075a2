// Every word the estimate and its renderers show, in English and Chinese.
// Names of editions and add-ons are catalog data; this holds only the phrasing.
import type { LimitNeed } from "../catalog/schema.js";
import { formatNumber as n } from "../util/format.js";
import type { Lang } from "./lang.js";

/** Chinese next to Latin text gets a space between ("峰值 DAU 上限"). */
const spaced = (left: string, right: string) => (/[A-Za-z0-9]$/.test(left) ? `${left} ${right}` : `${left}${right}`);

const limitValue = (value: number, unlimited: string) => (value === Infinity ? unlimited : n(value));

const en = {
  packageLabel: (en: string, zh: string) => `${en} package (${zh})`,
  packageExplain: "package fee",
  month: "month",
  dauOverageLabel: "Peak DAU overage",
  groupOverageLabel: "Peak group count overage",
  dauUnit: (size: number) => `${n(size)} DAU`,
  groupUnit: (size: number) => `${n(size)} groups`,
  overageExplain: (peak: number, free: number, size: number, blocks: string) =>
    `ceil((${n(peak)} − ${n(free)} free) / ${n(size)}) = ${blocks}`,
  limitAddonLabel: (name: string, raisesTo: number | null) => (raisesTo === null ? name : `${name} → ${n(raisesTo)}`),
  limitAddonExplain: (need: number, included: number, raisesTo: number | null) =>
    `need ${limitValue(need, "unlimited")} > ${n(included)} included; the add-on raises it to ${raisesTo === null ? "unlimited" : n(raisesTo)}`,
  tierLabel: (name: string, upTo: number, noun: string) => `${name}: ${n(upTo)} ${noun}`,
  tierExplain: (need: number, included: number, upTo: number) =>
    `need ${n(need)} > ${n(included)} included; smallest tier ≥ ${n(need)} is ${n(upTo)}`,
  switchExplain: "requested",
  discountLabel: (percent: string, categories: readonly string[]) =>
    `Discount ${percent}% on ${categories.map((c) => ({ base: "package", overage: "overage", addon: "add-ons" })[c] ?? c).join(" and ")}`,
  discountExplain: (percent: string, base: string) => `${percent}% × ${base}`,
  meteredUnit: "Mbps·day",
  meteredExplain: (mbps: string, days: number, quantity: string) =>
    `${n(mbps)} Mbps × ${days} days = ${n(quantity)} Mbps·day`,
  meteredSumExplain: (quantity: string) => `Σ daily peaks = ${n(quantity)} Mbps·day`,
  needs: {
    peakDau: "peak DAU",
    peakGroups: "groups",
    liveGroups: "live groups",
    groupMemberLimit: "members per group",
    groupsPerUser: "groups per user",
    historyDays: "days of message history",
  } satisfies Record<LimitNeed, string>,
  tierNoun: { historyDays: "days" } as Partial<Record<LimitNeed, string>>,
  exceedsLimit: (edition: string, noun: string, limit: number, need: number) =>
    `${edition} allows at most ${n(limit)} ${noun}; ${limitValue(need, "unlimited")} needed`,
  exceedsReach: (edition: string, noun: string, reach: number, need: number) =>
    `${edition} can raise ${noun} to ${n(reach)} at most; ${limitValue(need, "unlimited")} needed`,
  unavailable: (edition: string, addon: string) => `${edition} does not sell: ${addon}`,
  included: (edition: string, addon: string) => `${edition} includes this at no charge: ${addon}`,
  cheapestFit: (edition: string, total: string) => `The cheapest edition that fits is ${edition}: ${total} a month`,
  noFit: "No edition fits these needs",
  // renderers
  item: "Item",
  quantity: "Quantity × unit price",
  amount: "Amount",
  subtotal: { base: "Base fee", overage: "Overage", addons: "Add-ons", discount: "Discount" },
  total: "Total",
  violations: "Violations:",
  notes: "Notes:",
  estimateTitle: (name: string | null, edition: string) => `${name ? `${name} — ` : ""}${edition}, monthly estimate`,
  catalogFooter: (id: string, version: string, currency: string) => `Prices: ${id} ${version} (${currency})`,
  usage: {
    missingDays: (month: string, missing: number, days: number) =>
      `${month}: ${missing} of ${days} days are missing from the usage file; peaks and bandwidth cover the days present`,
  },
  forecast: {
    noFit: (month: number) => `month ${month}: no edition fits; priced on Flagship`,
    noReturn: (month: number, total: string) =>
      `month ${month}: Trial would fit for ${total}, but an app that left Trial cannot return to it (Tencent does not allow the downgrade)`,
    violations: (month: number, edition: string) =>
      `month ${month}: ${edition} cannot serve the usage (see its violations)`,
    month: "Month",
    edition: "Edition",
    dau: "Peak DAU",
    groups: "Groups",
    sum: "Sum",
    average: "Average per month",
    calendar: "Billing calendar",
    date: "Date",
    billing: "Billing",
    kind: { prepaid: "prepaid", postpaid: "postpaid" },
    items: "Items",
    amount: "Amount",
  },
  compare: {
    fitsFor: (edition: string, lines: string, total: string) => `${edition} fits for ${total} (${lines})`,
    doesNotFit: (edition: string) => `${edition} does not fit`,
    saves: (amount: string, edition: string) => `${amount} less than ${edition}`,
    sameAs: (other: string, winner: string, extras: string[]) =>
      `the same as ${other}${extras.length > 0 ? `, and ${winner} also includes ${extras.join(", ")}` : ""}`,
    included: (need: LimitNeed, value: number | null): string => {
      const amount = value === null ? "unlimited" : n(value);
      return {
        peakDau: `${amount} peak DAU`,
        peakGroups: `${amount} groups`,
        liveGroups: `${amount} live groups`,
        groupMemberLimit: `${amount} members per group`,
        groupsPerUser: `${amount} groups per user`,
        historyDays: `${amount} days of message history`,
      }[need];
    },
    line: "Line",
    fits: "Fits",
    fitsYes: "✓ fits",
    recommendation: "Recommendation",
    none: "No edition fits these needs.",
  },
  batch: {
    id: "Scenario",
    plan: "Edition",
    base: "Base",
    overage: "Overage",
    addons: "Add-ons",
    discount: "Discount",
    total: "Total",
    grandTotal: "Total of all priced scenarios",
    errors: "Errors:",
    counts: (scenarios: number, priced: number, failed: number, violating: number) =>
      `${n(scenarios)} scenario${scenarios === 1 ? "" : "s"}: ${n(priced)} priced, ${n(failed)} invalid, ${n(violating)} with violations (✗)`,
  },
  prices: {
    packages: "Packages and overage",
    packageFee: "Package fee",
    dauOverage: "Peak DAU overage",
    groupOverage: "Peak group count overage",
    overageRule: (price: string, unit: string, free: string) => `${price} per started ${unit} above ${free}`,
    notSold: "—",
    perMonth: "/month",
    perMbpsDay: "/Mbps/day",
    included: "included",
    unlimited: "unlimited",
    addons: "Add-ons (value-added services)",
    addon: "Add-on",
    billingHead: "Billing",
    billing: { prepaid: "prepaid, per package period", postpaid: "postpaid, per calendar month" },
    limits: "Default limits",
    limitNames: {
      peakDau: "Peak DAU",
      peakGroups: "Peak group count",
      liveGroups: "Live groups at once",
      groupMemberLimit: "Members per group",
      groupsPerUser: "Groups per user",
      historyDays: "Message history",
    } satisfies Record<LimitNeed, string>,
    unitOf: (need: LimitNeed): string => (need === "historyDays" ? " days" : ""),
    sources: "Sources",
    sourceKey: "Key",
    sourceText: "Source",
    assumption: "an assumption: no primary source states it",
    assumptionsTitle: "Assumptions (marked *)",
  },
  strictMonths: (violating: number, months: number) =>
    `${violating} of ${months} months cannot be served by their edition (--strict)`,
  overBudget: (total: string, max: string) => `the total ${total} is above --max-total ${max}`,
  strictFailed: (edition: string, count: number) =>
    `${edition} cannot serve this scenario: ${count} violation${count === 1 ? "" : "s"} (--strict)`,
};

export type Messages = typeof en;

const zh: Messages = {
  packageLabel: (_en, zh) => `${zh}套餐包`,
  packageExplain: "套餐包月费",
  month: "月",
  dauOverageLabel: "峰值 DAU 超量",
  groupOverageLabel: "峰值群组数超量",
  dauUnit: (size) => `${n(size)} DAU`,
  groupUnit: (size) => `${n(size)} 个群组`,
  overageExplain: (peak, free, size, blocks) => `ceil((${n(peak)} − 免费 ${n(free)}) / ${n(size)}) = ${blocks}`,
  limitAddonLabel: (name, raisesTo) => (raisesTo === null ? name : `${name}至 ${n(raisesTo)}`),
  limitAddonExplain: (need, included, raisesTo) =>
    `需要 ${limitValue(need, "无上限")} > 默认 ${n(included)}；增值服务提升至 ${raisesTo === null ? "无上限" : n(raisesTo)}`,
  tierLabel: (name, upTo, noun) => `${name}：${n(upTo)} ${noun}`,
  tierExplain: (need, included, upTo) => `需要 ${n(need)} > 默认 ${n(included)}；≥ ${n(need)} 的最小档位为 ${n(upTo)}`,
  switchExplain: "已选择",
  discountLabel: (percent, categories) =>
    `折扣 ${percent}%（${categories.map((c) => ({ base: "套餐包", overage: "超量", addon: "增值服务" })[c] ?? c).join("、")}）`,
  discountExplain: (percent, base) => `${percent}% × ${base}`,
  meteredUnit: "Mbps·天",
  meteredExplain: (mbps, days, quantity) => `${n(mbps)} Mbps × ${days} 天 = ${n(quantity)} Mbps·天`,
  meteredSumExplain: (quantity) => `每日峰值之和 = ${n(quantity)} Mbps·天`,
  needs: {
    peakDau: "峰值 DAU",
    peakGroups: "群组数",
    liveGroups: "直播群数",
    groupMemberLimit: "单群成员数",
    groupsPerUser: "单用户可加入群组数",
    historyDays: "历史消息存储天数",
  },
  tierNoun: { historyDays: "天" },
  exceedsLimit: (edition, noun, limit, need) =>
    `${edition}：${spaced(noun, "上限为")} ${n(limit)}，需要 ${limitValue(need, "无上限")}`,
  exceedsReach: (edition, noun, reach, need) =>
    `${edition}：${spaced(noun, "最多可提升至")} ${n(reach)}，需要 ${limitValue(need, "无上限")}`,
  unavailable: (edition, addon) => `${edition}不支持：${addon}`,
  included: (edition, addon) => `${edition}已包含${addon}，不另收费`,
  cheapestFit: (edition, total) => `满足需求的最便宜版本是${edition}：每月 ${total}`,
  noFit: "没有能满足这些需求的版本",
  item: "计费项",
  quantity: "数量 × 单价",
  amount: "金额",
  subtotal: { base: "基础费用", overage: "超量费用", addons: "增值服务", discount: "折扣" },
  total: "合计",
  violations: "不满足：",
  notes: "说明：",
  estimateTitle: (name, edition) => `${name ? `${name} — ` : ""}${edition}月度费用估算`,
  catalogFooter: (id, version, currency) => `价格表：${id} ${version}（${currency}）`,
  usage: {
    missingDays: (month, missing, days) =>
      `${month}：用量文件缺少 ${days} 天中的 ${missing} 天；峰值与带宽只按已有日期计算`,
  },
  forecast: {
    noFit: (month) => `第 ${month} 月：没有满足需求的版本，按旗舰版计价`,
    noReturn: (month, total) => `第 ${month} 月：体验版本可满足需求（${total}），但已升级的应用不能退回体验版`,
    violations: (month, edition) => `第 ${month} 月：${edition}无法满足用量（见不满足项）`,
    month: "月份",
    edition: "版本",
    dau: "峰值 DAU",
    groups: "群组数",
    sum: "合计",
    average: "月均",
    calendar: "扣费日历",
    date: "日期",
    billing: "计费方式",
    kind: { prepaid: "预付", postpaid: "后付" },
    items: "计费项",
    amount: "金额",
  },
  compare: {
    fitsFor: (edition, lines, total) => `${edition}满足需求，每月 ${total}（${lines}）`,
    doesNotFit: (edition) => `${edition}不满足`,
    saves: (amount, edition) => `比${edition}少 ${amount}`,
    sameAs: (other, winner, extras) =>
      `与${other}相同${extras.length > 0 ? `，且${winner}还包含${extras.join("、")}` : ""}`,
    included: (need, value) => {
      const amount = value === null ? "无上限" : n(value);
      return {
        peakDau: `峰值 DAU ${amount}`,
        peakGroups: `群组数 ${amount}`,
        liveGroups: `直播群 ${amount}`,
        groupMemberLimit: `单群成员 ${amount}`,
        groupsPerUser: `单用户加群 ${amount}`,
        historyDays: `历史消息 ${amount} 天`,
      }[need];
    },
    line: "计费项",
    fits: "是否满足",
    fitsYes: "✓ 满足",
    recommendation: "推荐",
    none: "没有能满足这些需求的版本。",
  },
  batch: {
    id: "场景",
    plan: "版本",
    base: "基础费用",
    overage: "超量费用",
    addons: "增值服务",
    discount: "折扣",
    total: "合计",
    grandTotal: "已计价场景合计",
    errors: "错误：",
    counts: (scenarios, priced, failed, violating) =>
      `共 ${n(scenarios)} 个场景：已计价 ${n(priced)}，无效 ${n(failed)}，不满足 ${n(violating)}（✗）`,
  },
  prices: {
    packages: "套餐包与超量费用",
    packageFee: "套餐包单价",
    dauOverage: "峰值 DAU 超量",
    groupOverage: "峰值群组数超量",
    overageRule: (price, unit, free) => `超出 ${free} 后每 ${unit} 个 ${price}，不足按整计算`,
    notSold: "—",
    perMonth: "/月",
    perMbpsDay: "/Mbps/天",
    included: "已包含",
    unlimited: "无上限",
    addons: "增值服务",
    addon: "计费项",
    billingHead: "计费周期",
    billing: { prepaid: "按周期购买", postpaid: "按自然月结算" },
    limits: "默认限制",
    limitNames: {
      peakDau: "峰值 DAU",
      peakGroups: "峰值群组数",
      liveGroups: "直播群数量",
      groupMemberLimit: "单群成员数",
      groupsPerUser: "单用户可加入群组数",
      historyDays: "历史消息存储",
    },
    unitOf: (need) => (need === "historyDays" ? " 天" : ""),
    sources: "来源",
    sourceKey: "键",
    sourceText: "来源",
    assumption: "假设：没有一手资料说明",
    assumptionsTitle: "假设（标 * 处）",
  },
  strictMonths: (violating, months) => `${months} 个月中有 ${violating} 个月不满足（--strict）`,
  overBudget: (total, max) => `合计 ${total} 超出 --max-total ${max}`,
  strictFailed: (edition, count) => `${edition}无法满足此场景：${count} 项不满足（--strict）`,
};

export const messages: Record<Lang, Messages> = { en, zh };
