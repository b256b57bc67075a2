// Every word in English: the messages and --help. Their shape is the type of both
// languages (Messages, Help): ./zh.ts must say everything this says.
import type { DataCenter, FigureStatus, LimitNeed, OverageMetric, Site, StatedLimit } from "../vocabulary.js";
import type { Lang } from "./lang.js";
import { limitValue, n } from "./words.js";

/**
 * A section of words made when it is first read, then kept as a plain value: a run reads
 * few of them (an estimate reads nothing of usage pull's), and what it never reads is
 * never compiled nor made (half of this file, for the commands people start most).
 */
function settle<T>(words: object, section: string, value: T): T {
  Object.defineProperty(words, section, { value, enumerable: true });
  return value;
}

export const enMessages = {
  lang: "en" as Lang,
  /** Clauses said in one breath ("a; b"), items of a list ("a, b"): full-width in Chinese. */
  /** The built-in lists' sources in this language, by list and key, where they are said otherwise than as written (Chinese). */
  catalogSources: {} as Readonly<Record<string, Readonly<Record<string, string>>>>,
  clauses: (parts: readonly string[]) => parts.join("; "),
  /** A label and what it says ("Peak DAU overage: ceil(…)"). */
  labelled: (label: string, text: string) => `${label}: ${text}`,
  items: (parts: readonly string[]) => parts.join(", "),
  rules: {
    wholeNumber: "a whole number ≥ 0",
    numberAtLeastZero: "a number ≥ 0",
    positiveWholeNumber: "a whole number ≥ 1",
    numberUpTo: (max: number) => `a number from 0 to ${n(max)}`,
    days: "a whole number from 1 to 31",
    day: "a day such as 2024-01-01",
    flag: "true or false",
    text: "a non-empty string",
    price: 'an amount ≥ 0 as a string with at most two decimals, such as "999.00"',
    unitPrice: 'an amount ≥ 0 as a string with at most four decimals, such as "0.015"',
    linePrice: 'a price with two decimals (four at most for a price per unit), such as "999.00" or "0.015"',
    amount: 'an amount as a string, such as "4999.00"',
    twoDecimals: 'an amount with two decimals, such as "999.00"',
    plan: "trial, pro or flagship",
    lines: "an object of line ids and amounts",
    violations: "a list of violation codes",
    source: "a key of sources, or a list of them",
    oneOf: (values: string) => `one of ${values}`,
    meteredNeed: "bandwidth.mainland or bandwidth.international",
    billing: "prepaid or postpaid",
    appliesTo: "a list of base, overage, addon",
    percent: 'a percentage from 0 to 100 (at most four decimals), such as "15%"',
    lang: "en or zh",
    sdkappid: "an SDKAppID, digits such as 1400000000",
    editionId: "an id of lower-case letters, digits and hyphens, such as pro",
    editions: "an object of one edition or more",
    kind: (kind: string) => ({ object: "an object", record: "an object", array: "a list" })[kind] ?? `a ${kind}`,
  },
  validation: {
    unknownField: (suggestion: string | undefined) =>
      `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
    required: (rule: string | undefined) => `is required${rule ? ` (${rule})` : ""}`,
    mustBe: (rule: string, got: string) => `must be ${rule}, got ${got}`,
    tooLarge: (max: string) => `is too large: at most ${max}`,
    quotedNumber: (rule: string, text: string) => `must be ${rule}, not a string: write ${text} without quotes`,
    writtenNumber: (rule: string, got: string, plain: string) =>
      `must be ${rule}, got ${got}: write ${plain} (25k, 25,000 and 2.5万 are for flags and the prompt; a file holds the number itself)`,
    oneOf: (known: string, got: string) => `must be one of ${known}, got ${got}`,
    nothing: "nothing",
    aList: "a list",
    anObject: "an object",
    siteAndPin: (site: string, list: string, listSite: string) =>
      `${site} is not the site of ${list} (a list of ${listSite}): leave out one of site and catalog`,
    dataCenterAndPin: (dataCenter: string, list: string, listDataCenter: string) =>
      `${list} prices apps in ${listDataCenter} data centres, not ${dataCenter} ones: leave out one of dataCenter and catalog`,
    dataCenterAbroad: (dataCenter: string) =>
      `${dataCenter} data centres are the mainland site's to price (cn): the international site prices every data centre alike; leave out dataCenter or site`,
    notMeasured: (list: string, metric: string, measured: string[]) =>
      `${list} does not bill ${metric}: it bills ${measured.join(" and ")}`,
    unknownPlan: (plan: string, editions: string, suggestion: string | undefined) =>
      `unknown plan ${plan}: expected ${editions}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
    unknownAddon: (key: string, sold: string, suggestion: string | undefined) =>
      `unknown add-on ${key}: the catalog sells ${sold || "none on request"}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
    repeated: (value: string, first: number) => `${value} is listed twice (first as item ${first})`,
    aliasTaken: (alias: string, edition: string) => `${alias} already names ${edition}: each name may name one edition`,
    unknownCatalog: (id: string, builtin: string) => `unknown catalog ${id}: the built-in ones are ${builtin}`,
    unknownSource: (key: string, suggestion: string | undefined) =>
      `unknown source ${key}: not a key of sources${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
    addonWithoutName: (key: string) => `has no name: add "${key}" to addonNames`,
    priceOnRequest: (edition: string, id: string) =>
      `${edition} has no published price: Tencent quotes it by contract. Give your contract's price in a price file that extends this list (--pricing, or pricing in the project config), at editions.${id}.packageFee.price`,
    builtinId: (id: string) =>
      `${id} is the id of a built-in list: a price file names itself (give it an id of its own), so that an estimate never passes changed prices off as the list's`,
    currencyInherited: (currency: string, base: string, baseCurrency: string, paths: string, more: number) =>
      `is ${currency}, but the figures it takes from ${base} are in ${baseCurrency}: restate every price in ${currency} (it inherits ${paths}${more > 0 ? ` and ${n(more)} more` : ""})`,
    fromAfterTo: (from: string, to: string) => `starts on ${from}, after it ends (${to})`,
    inferredWithoutNote: "is inferred: give the derivation in a note",
  },
  config: {
    expected: 'settings such as {"pricing": "prices.yaml", "discount": "15%"}',
    pricingOrCatalog: "pricing and catalog both choose the prices: keep one",
    baseUrlNotHere:
      "is not read from a project config: a repository does not choose where the administrator's UserSig is sent; remove it (usage.region chooses Tencent's data center), and give another address with --base-url or IM_BILL_BASE_URL",
    footer: (file: string, settings: readonly string[]) => `Settings from ${file}: ${settings.join(", ")}`,
  },
  document: {
    at: (line: number, column: number) => `line ${line}, column ${column}`,
    noSuchFile: "no such file",
    isDirectory: "is a directory, not a file",
    notAFile: (kind: "directory" | "fifo" | "socket" | "device" | "other", stdinWorks: boolean) =>
      `is ${{ directory: "a directory", fifo: "a named pipe (FIFO)", socket: "a socket", device: "a device", other: "not a regular file" }[kind]}${kind === "other" ? "" : ", not a regular file"}: give a file${stdinWorks ? ", or - to read stdin" : ""}`,
    permissionDenied: "permission denied",
    cannotRead: (reason: string) => `cannot be read (${reason})`,
    tooLarge: (size: string, limit: string) => `is ${size}, more than the limit of ${limit}`,
    utf16: "is UTF-16 text: save it as UTF-8",
    nulBytes: "holds NUL bytes: it is not UTF-8 text (UTF-16, or not a text file?)",
    notUtf8: (line: number) => `is not UTF-8 text (line ${n(line)}): save it as UTF-8`,
    notUtf8Line: "is not UTF-8 text: save the file as UTF-8",
    empty: (expected: string) => `is empty; expected ${expected}`,
    expectedScenario: 'a scenario such as {"plan": "pro"}',
    expectedCatalog: (id: string) => `a catalog such as {"extends": "${id}"}`,
    expectedScenarioOrEstimate: "a scenario or a saved estimate",
    expectedReport: "a report saved with --format json",
    severalDocuments: (count: number) => `holds ${n(count)} YAML documents; expected one`,
    invalidJson: (reason: string) => `invalid JSON: ${reason}`,
    json: {
      unexpectedEnd: "the text ends too early",
      expectedValue: "expected a value",
      expectedKey: "expected a key in double quotes",
      expectedColon: "expected : after the key",
      expectedCommaOrBrace: "expected , or }",
      expectedCommaOrBracket: "expected , or ]",
      unterminatedString: "a string is not closed",
      controlCharacter: "a control character in a string (write it as \\n, \\t or \\u001b)",
      badEscape: "an invalid escape in a string",
      badNumber: "an invalid number",
      trailing: "more text after the end of the document",
    },
    invalidYaml: (reason: string) => `invalid YAML: ${reason}`,
    yaml: {
      tabs: "a tab in the indentation (indent with spaces)",
      unexpected: "unexpected text: check the indentation",
      indentation: "bad indentation",
      unexpectedEnd: "the text ends too early",
    },
    numberTooLarge: "a number too large to represent",
    duplicateKey: (first: number, again: number) =>
      first === again
        ? `is given twice on line ${n(first)}`
        : `is given twice: on line ${n(first)} and on line ${n(again)}`,
    duplicateYamlKey: (key: string) => `the key ${key ? `${key} ` : ""}is given twice`,
    protoKey: '"__proto__" is not allowed as a key',
    tooDeep: (limit: number) => `nested deeper than ${n(limit)} levels (the limit)`,
    tooManyItems: (limit: number) => `a list of more than ${n(limit)} items (the limit)`,
    tooManyKeys: (limit: number) => `an object of more than ${n(limit)} keys (the limit)`,
    tooManyValues: (limit: number) =>
      `more than ${n(limit)} values in one file (the limit; a YAML alias counts its values each time it is used)`,
    yamlTag: (tag: string) =>
      `the YAML tag ${tag} is not supported here: write a plain mapping, list, string, number or true/false`,
    unknownAlias: (name: string) => `the alias *${name} refers to no anchor (an &${name} must come before it)`,
    cyclicAlias: "contains itself, through an alias",
    complexKey: "a key must be plain text, not a list or a mapping",
    notAValue: (kind: string) => `holds a value of kind ${kind}, which scenario files cannot hold`,
    lineTooLong: (limit: string) => `the line is longer than the limit of ${limit}; skipped`,
    moreProblems: (count: number) => `… and ${n(count)} more problem${count === 1 ? "" : "s"}`,
  },
  packageLabel: (en: string, zh: string) => `${en} package (${zh})`,
  packageExplain: "package fee",
  month: "month",
  overageLabel: {
    dau: "Peak DAU overage",
    groups: "Peak group count overage",
    mau: "Peak MAU overage",
    communityMessages: "Community messages overage",
  } satisfies Record<OverageMetric, string>,
  overageUnit: (metric: OverageMetric, size: number): string =>
    size === 1
      ? { dau: "DAU", groups: "group", mau: "user", communityMessages: "message" }[metric]
      : `${n(size)} ${{ dau: "DAU", groups: "groups", mau: "MAU", communityMessages: "messages" }[metric]}`,
  overageExplain: (peak: number, free: number, size: number, blocks: string) =>
    `ceil((${n(peak)} − ${n(free)} free) / ${n(size)}) = ${blocks}`,
  perUnitExplain: (peak: number, free: number, quantity: string) => `${n(peak)} − ${n(free)} free = ${n(quantity)}`,
  nextStep: (price: string, at: number, away: number) => `next ${price} from ${n(at)}, ${n(away)} away`,
  headroomLine: (metric: string, current: number, next: string) => `${metric} ${n(current)}: ${next}`,
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
  packDayUnit: "pack·day",
  packsExplain: (packs: number, days: number, quantity: string) =>
    `${n(packs)} pack${packs === 1 ? "" : "s"} × ${days} days = ${n(quantity)} pack·days`,
  deductionUnit: "deduction",
  packageUnit: (size: number) => `package of ${n(size)}`,
  deductionTerms: {
    texts: (used: string) => `${n(used)} texts`,
    images: (used: string) => `${n(used)} images`,
    audioMinutes: (used: string) => `${n(used)} min of audio`,
    videoMinutes: (used: string) => `${n(used)} min of video`,
  },
  deductionsExplain: (terms: string, deductions: string, covered: string, quantity: string) =>
    `${terms} = ${n(deductions)} deductions${covered === "0" ? "" : `; ${n(covered)} in packages, ${n(quantity)} paid as used`}`,
  packagesLabel: (name: string) => `${name}, monthly packages`,
  packagesExplain: (deductions: string, size: number, packages: number) =>
    `${n(deductions)} deductions: ${n(packages)} package${packages === 1 ? "" : "s"} of ${n(size)} cost less than paying per deduction`,
  needs: {
    peakDau: "peak DAU",
    mau: "monthly active users",
    peakGroups: "groups",
    communityMessages: "community messages a month",
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
  renamed: (edition: string, former: string, source: string) =>
    `${edition} was called ${former} before Tencent renamed the editions; it is priced with ${former}'s figures (${source})`,
  // renderers
  item: "Item",
  quantity: "Quantity × unit price",
  formula: "Formula",
  amount: "Amount",
  subtotal: { base: "Base fee", overage: "Overage", addons: "Add-ons", discount: "Discount" },
  total: "Total",
  violations: "Violations:",
  notes: "Notes:",
  estimateTitle: (name: string | null, edition: string) => `${name ? `${name} — ` : ""}${edition}, monthly estimate`,
  pricing: {
    newPrice: (edition: string, price: string) => `${edition} costs ${price}/month`,
    /** `followed`: the list that came next on the site, where that is not the one in effect now */
    superseded: (list: string, to: string, followed: string | undefined, now: string, use: string) =>
      `${list} ended on ${to}${followed ? `; ${followed}` : ""}: ${now} (${use})`,
    followed: (list: string, from: string) => `${list} followed it from ${from}`,
    /** what the list in effect now charges for the edition: another price, the same, or no such edition */
    nowPrice: (change: string, since: string) => `${change} since ${since}`,
    nowSame: (current: string, since: string) =>
      `${current} applies since ${since}, at the same price for this edition`,
    nowNoEdition: (current: string, since: string, edition: string) =>
      `${current} applies since ${since}, and it has no ${edition} edition`,
    notYet: (list: string, from: string, when: string, current: string | null, use: string | undefined) =>
      `${list} applies from ${from}, not ${when}${current ? `: ${current} does (${use})` : ""}`,
    beforeKnown: (list: string, knownFrom: string, when: string, before: string) =>
      `No list im-bill knows applies ${when}: the earliest, ${list}, is known to apply from ${knownFrom}, and this bill uses its prices. ${before}`,
    outOfDates: (list: string, from: string | null, to: string | null, when: string) =>
      `${list} applies ${from && to ? `from ${from} to ${to}` : from ? `from ${from}` : `until ${to}`}, not ${when}`,
    baseSuperseded: (
      list: string,
      base: string,
      baseTo: string,
      followed: string | undefined,
      current: string,
      since: string,
    ) =>
      `${list} extends ${base}, which ended on ${baseTo}${followed ? `; ${followed}` : ""}: ${current} applies since ${since}`,
    today: "today",
    onDay: (day: string) => `on ${day}`,
    then: "then",
    pinOverridden: (pin: string, list: string, by: string) =>
      `The scenario pins ${pin}, but ${by === "catalog" ? "the catalog option" : by} chose ${list}`,
    dataCenterOverridden: (dataCenter: string, list: string, listDataCenter: string, by: string) =>
      `The scenario's app is in ${dataCenter} data centres, but ${by === "catalog" ? "the catalog option" : by} chose ${list}, a list of ${listDataCenter} ones`,
    configNotUsed: (file: string, setting: string, value: string, pin: string) =>
      `The ${setting} of ${file} (${value}) is not used: the scenario pins ${pin}`,
    configOverridden: (file: string, setting: string, by: string) => `${by} replaces the ${setting} of ${file}`,
    configOtherSite: (file: string, setting: string, value: string, site: string) =>
      `The ${setting} of ${file} (${value}) is not used: it is not a list of the ${site === "intl" ? "international site" : "mainland"}, which this scenario is priced on`,
    /** an add-on priced that Tencent no longer sells or lists: its name, what the list says, and the source */
    withdrawn: (addon: string, notice: string, source: string) => `${addon}: ${notice} (${source})`,
    unverified: (list: string, lastVerified: string, days: number, surface: "cli" | "library") =>
      `${list} was last checked against Tencent's pages on ${lastVerified}, more than ${n(days)} days ago: its prices may have changed. ${
        surface === "cli"
          ? "im-bill prices gives each figure's source; a price you know better goes in a price file that extends the list (--pricing)"
          : "Each figure's source is in the list; a price you know better goes in a list that extends it (the catalog option)"
      }`,
    /** how sure the figures a bill used are, and how recently its list was checked: the footer's line */
    certainty: (parts: string[], lastVerified: string | null, days: number | null) =>
      `Figures used: ${parts.join(", ")}; ${
        lastVerified === null
          ? "the list names no date it was checked"
          : `the list was last checked on ${lastVerified}${days === null ? "" : `, ${n(days)} day${days === 1 ? "" : "s"} ago`}`
      }`,
    /** what a line's mark says of the figures that priced it */
    statusLegend: {
      inferred: "inferred: derived from Tencent's pages, not stated by them",
      carriedOver: "carried over unchanged from an earlier list, not checked since",
      assumed: "assumed: no source states it",
    },
    // The provenance of a bill, under every report.
    prices: (id: string, version: string, currency: string, why: string) =>
      `Prices: ${id} ${version} (${currency}), ${why}`,
    byDate: (when: string) => `the list in effect ${when}`,
    byEarliest: (day: string) => `the earliest list im-bill knows (none applies on ${day})`,
    byFlag: (flag: string) => `chosen by ${flag}`,
    byOption: "chosen by the catalog option",
    byPin: "pinned by the scenario",
    byConfig: (file: string) => `chosen by ${file}`,
    file: (file: string, hash: string, base: string | null) =>
      `Price file: ${file || "(a document)"} (sha256 ${hash})${base ? `, extends ${base}` : ""}`,
    discount: (percent: string, from: string) => `Discount: ${percent}% (${from})`,
    optionName: "the discount option",
    sameList: (count: number) => `every scenario (${n(count)})`,
    forScenarios: (count: number) => `${n(count)} scenario${count === 1 ? "" : "s"}`,
    forMonths: (months: string) => `month${/[,\u2013]/.test(months) ? "s" : ""} ${months}`, // , or –
    before: "Before",
    after: "After",
  },
  get interactive() {
    return settle(this, "interactive", {
      edition: "Edition",
      includes: (items: string[]) => `Includes ${items.join(", ")}`,
      free: (quotas: string[]) => `${quotas.join(" and ")} free`,
      site: "Site",
      sites: {
        cn: "Mainland China (cloud.tencent.com, CNY)",
        intl: "International (tencentcloud.com, USD)",
      },
      mau: "Monthly active users (unique users who log in in the month)",
      communityMessages: "Community downstream messages a month",
      peakDau: "Peak DAU of the month",
      peakGroups: "Peak number of groups",
      liveGroups: "Live groups (AVChatRoom) at once",
      groupMemberLimit: "Members the largest group needs",
      groupsPerUser: "Groups one user needs to join",
      history: "Message history to keep",
      historyIncluded: (days: number) => `${n(days)} days, included`,
      dayCount: (days: number) => `${n(days)} days`,
      answerIncluded: (value: string) => `${value}, included`,
      answerPriced: (value: string, price: string) => `${value}, ${price}/month`,
      answerBeyond: (value: string) => `${value}, beyond what this edition can serve`,
      historyTier: (days: number, price: string) => `${n(days)} days, ${price}/month`,
      securityStrike: (price: string) => `Buy the security strike service (${price}/month)?`,
      securityStrikeShort: "Security strike",
      mainlandMbps: "Daily peak danmaku bandwidth in mainland China, Mbps",
      internationalMbps: "Daily peak danmaku bandwidth outside mainland China, Mbps",
      days: "Days of the month with that bandwidth",
      bandwidth: "Bandwidth",
      bandwidthValue: (mainland: string, international: string, days: number) =>
        `${mainland} Mbps in mainland China, ${international} Mbps outside, ${n(days)} days`,
      notANumber: (text: string) => `"${text}" is not a number: type 25000, 25,000, 25k or 2.5万`,
      negative: "Must be 0 or more",
      whole: "Must be a whole number",
      tooLarge: (max: string) => `Too large: at most ${max}`,
      beyond: (edition: string, max: string, withAddons: boolean) =>
        `${edition} serves at most ${max}${withAddons ? ", its add-ons included" : ""}. What now?`,
      beyondAll: (max: string, edition: string) =>
        `No edition serves more than ${max} (${edition}, its add-ons included). What now?`,
      changeEdition: (editions: string, value: string) => `Choose another edition (${editions} can serve ${value})`,
      listSeparator: ", ",
      retype: "Type another number",
      keep: (value: string, edition: string) => `Keep ${value}: the estimate lists what ${edition} cannot serve`,
      daysInMonth: (most: string) => `A month has at most ${most} days`,
      keys: { navigate: "navigate", select: "select" },
      yesNoHint: { yes: "(Y/n)", no: "(y/N)" },
      yesOrNo: "Answer y or n",
      summary: "Your answers:",
      yes: "yes",
      no: "no",
      save: "Save this scenario as a JSON file?",
      savePath: "File",
      pathRequired: "Give a file name",
      overwrite: (path: string) => `${path} exists. Overwrite it?`,
      saved: (path: string) => `Saved ${path}: price it again with im-bill estimate --file ${path}`,
      compare: "Price the same needs on the other editions?",
      cancelled: "Cancelled: nothing was written.",
    });
  },
  get html() {
    return settle(this, "html", {
      made: (day: string) => `For ${day}`,
      usageTitle: (months: string[]) =>
        `Real usage, ${months.length === 1 ? months[0] : `${months[0]} to ${months[months.length - 1]}`}`,
      compareTitle: "Every edition for the same needs",
      forecastTitle: (months: number) => `The next ${n(months)} month${months === 1 ? "" : "s"}`,
      checkTitle: "Bill checks",
      diffTitle: (before: string, after: string) => `Bill changes: ${before} → ${after}`,
      batchTitle: (count: number) => `${n(count)} scenario${count === 1 ? "" : "s"}`,
      passed: "passed",
      failed: "failed",
      noExpectations: "no expectations",
      invalid: "invalid",
      scenario: "Scenario",
      why: "What differed",
      top: (shown: number, of: number) =>
        shown === of ? `Every scenario, by total` : `The ${n(shown)} largest of ${n(of)}, by total`,
      distribution: "How the totals spread",
      range: "Total",
      count: "Scenarios",
      rest: (count: number, total: string) =>
        `…and ${n(count)} more scenario${count === 1 ? "" : "s"}, ${total} together`,
    });
  },
  get pull() {
    return settle(this, "pull", {
      apiError: (code: number, info: string, hint: string | undefined) =>
        `Tencent answered ErrorCode ${code}${info ? ` (${info})` : ""}${hint ? `: ${hint}` : ""}`,
      hints: {
        expired: "the UserSig has expired: check this machine's clock (a pull signs one valid for 5 minutes)",
        signature:
          "the UserSig does not verify: the secret key is not this SDKAppID's (console: Basic configuration, key)",
        admin: "--admin must be an administrator of the app (console: Basic configuration, app administrators)",
        app: "no such app here: check --sdkappid, and --region (an app answers only in its own data center)",
        rate: "too many requests: wait a minute and pull again",
        ip: "the app only takes REST calls from the IP addresses it allows (console: IP allowlist)",
      },
      http: (host: string, status: number) => `${host} answered HTTP ${status}`,
      timedOut: (host: string, seconds: number, hint: string) =>
        `${host} did not answer within ${n(seconds)} s (--timeout): ${hint}`,
      network: (host: string, code: string, hint: string | undefined) =>
        `cannot reach ${host} (${code})${hint === undefined ? "" : `: ${hint}`}`,
      /** Why a host was not reached, and what to try: a name not found, a refusal, silence, a certificate, the proxy. */
      reach: {
        dns: "its name was not found: check the region (--region) and this machine's DNS; behind a company proxy, set HTTPS_PROXY",
        refused: "nothing accepted the connection: a firewall may block it; behind a company proxy, set HTTPS_PROXY",
        timeout:
          "a firewall may drop the traffic, or the network is slow (raise --timeout); behind a company proxy, set HTTPS_PROXY",
        tls: "its TLS certificate was not trusted: check this machine's clock and date; a proxy that inspects TLS needs its certificate authority in NODE_EXTRA_CA_CERTS",
        proxyDns: (proxy: string, variable: string) =>
          `the proxy ${proxy} (${variable}) was not found: check ${variable}`,
        proxyRefused: (proxy: string, variable: string) =>
          `the proxy ${proxy} (${variable}) refused the connection: check ${variable}, or name the host in NO_PROXY to go direct`,
        proxyAuth: (proxy: string, variable: string) =>
          `the proxy ${proxy} (${variable}) asks for credentials: give them in its URL, http://user:password@host:port`,
        proxyStatus: (proxy: string, variable: string, status: string) =>
          `the proxy ${proxy} (${variable}) would not open a tunnel to it (HTTP ${status}): it may not allow this host`,
        through: (proxy: string, variable: string) => `through the proxy ${proxy} (${variable})`,
      },
      proxyUrl: (variable: string, got: string) => `${variable}: not a proxy's URL (http://host:port), got ${got}`,
      malformed: (host: string, what: string) =>
        `${host} answered something that is not operations data: ${what}; nothing was written`,
      tooLarge: "the answer is larger than 1 MiB",
      notJson: "the answer is not JSON",
      notObject: "the answer is not a JSON object",
      noErrorCode: "the answer has no ErrorCode",
      noResult: "the answer has no Result list",
      noRows: "the Result list is empty",
      tooManyRows: (max: number) => `the Result list has more than ${n(max)} days`,
      badRow: (index: number, field: string) => `Result[${index}].${field} is missing or not a whole number as text`,
      dateTwice: (day: string) => `${day} is given twice`,
      secretMissing: (name: string) =>
        `no secret key: set ${name} (or --secret-key-env NAME), or give --secret-key-file; never a flag value, which every user of the machine can see`,
      secretOneOf: "give the secret key one way: --secret-key-env or --secret-key-file",
      secretEmpty: (where: string) => `${where} holds no secret key`,
      needs: (flag: string, key: string) => `${flag} is needed (or usage.${key} in the project config)`,
      sdkappid: (got: string) => `--sdkappid: must be the app's SDKAppID, digits such as 1400000000, got ${got}`,
      seconds: (flag: string, got: string) => `${flag}: must be a number of seconds from 1 to 120, got ${got}`,
      retries: (got: string) => `--retries: must be a whole number from 0 to 5, got ${got}`,
      baseUrl: (where: string, got: string, reason: string) => `${where}: ${reason}, got ${got}`,
      urlMalformed: "not a URL (a scheme, a host, a port from 1 to 65535)",
      urlCredentials: "must not hold a user name or password: the UserSig is the only credential sent",
      urlScheme: "must be an https URL",
      urlPlain:
        "must be https: the administrator's UserSig is never sent in clear text (http only to this machine: 127.0.0.1, ::1, localhost)",
      urlPath: "must be a scheme and a host only, such as https://console.tim.qq.com (no path, query or fragment)",
      baseUrlAndRegion: "give --base-url or --region, not both",
      redirected: (host: string, status: number, to: string | null) =>
        `${host} answered HTTP ${status}, a redirect${to === null ? "" : ` to ${to}`}: not followed, the UserSig goes only to the host named (give that address with --base-url if it is Tencent's)`,
      notOk: 'ActionStatus is not "OK"',
      future: (index: number, day: string, today: string) =>
        `Result[${index}].Date is ${day}, after today in Beijing (${today})`,
      otherApp: (index: number, got: string, app: string) =>
        `Result[${index}].AppId is ${got}, not the SDKAppID asked for (${app})`,
      admin: (got: string) => `--admin: must be an administrator account (text without control characters), got ${got}`,
      secretPermissions: (file: string, mode: string) =>
        `warning: ${file} is readable by other users of this machine (mode ${mode}): chmod 600 ${file}`,
      secretAssignment: (file: string, name: string) =>
        `${file} holds ${name}=…, a shell assignment: write the secret key alone, on one line (or set ${name} in the environment)`,
      otherDataCenter: (file: string, says: string, pulled: string) =>
        `${file} is the usage of an app in ${says} data centres (its data_center column), and this region's are ${pulled}: an app's data centre never changes, so it is another app's file; nothing was written`,
      rowLimit: (file: string, rows: number, limit: number) =>
        `${file} would hold ${n(rows)} days after the pull, more than the ${n(limit)} a usage file may hold: move older days to another file; nothing was written`,
      pulled: (
        days: number,
        first: string,
        last: string,
        app: string,
        host: string,
        region: string | null,
        proxy: string | null,
      ) =>
        `Pulled ${n(days)} day${days === 1 ? "" : "s"}, ${first} to ${last}, of SDKAppID ${app} from ${host}${region === null ? "" : ` (${region})`}${proxy === null ? "" : `, through the proxy ${proxy}`}`,
      merged: (file: string, added: number, changed: number, unchanged: number, kept: number) =>
        `${file}: ${n(added)} new day${added === 1 ? "" : "s"}, ${n(changed)} changed, ${n(unchanged)} unchanged; ${n(kept)} other day${kept === 1 ? "" : "s"} kept`,
      change: (day: string, column: string, before: string, after: string) =>
        `  ${day} ${column}: ${before} → ${after}`,
    });
  },
  get usage() {
    return settle(this, "usage", {
      invalidCsv: (reason: string) => `invalid CSV: ${reason}`,
      csvReasons: {
        quoteNotClosed: "a quoted field is never closed",
        strayQuote:
          'a quote (") inside a field that is not quoted, or after a closing quote: quote the whole field and double the quotes inside it',
        other: "not comma-separated values",
      },
      empty: "is empty; expected a header row: date,dau,groups",
      noRows: "has no rows of daily usage",
      noSuchMonth: (month: string, file: string, first: string, last: string) =>
        `${file} has no day of ${month} (it holds ${first === last ? first : `${first} to ${last}`})`,
      soFar: (to: string, days: number, of: number, total: string) =>
        `So far, to ${to} (${n(days)} of ${n(of)} days): ${total}`,
      projected: (to: string, method: string, dau: string, groups: string, total: string) =>
        `Projected to ${to} (${method}): peak DAU ${dau}, peak groups ${groups}: ${total}`,
      method: (kind: "trend" | "flat", days: number) =>
        kind === "trend"
          ? `the least-squares trend of the last ${n(days)} days`
          : "too few days for a trend: the peaks so far",
      unknownColumn: (name: string, suggestion: string | undefined) =>
        `unknown column ${name}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
      missingColumn: (column: string) => `no ${column} column (date, dau and groups are required)`,
      dataCenterChanged: (said: string, first: string, line: number) =>
        `${said}, but line ${line} says ${first}: an app's data centre is chosen when it is created and never changes (one file, one app)`,
      dateTwice: (date: string) => `date: ${date} appears twice`,
      columnTwice: (name: string, first: number, again: number) =>
        `the column ${name} is given twice (columns ${first} and ${again}): keep one`,
      peakDays: (dau: number, dauDate: string, groups: number, groupsDate: string) =>
        `Peak DAU ${n(dau)} on ${dauDate} and peak groups ${n(groups)} on ${groupsDate} set this month's bill`,
      summary: "Every month",
      month: "Month",
      edition: "Edition",
      peakDau: "Peak DAU",
      peakGroups: "Peak groups",
      atDay: (count: string, day: string) => `${count} on ${day}`,
      total: "Total",
      totalOver: (months: number) => `Total over ${n(months)} month${months === 1 ? "" : "s"}`,
      everyMonth: (months: number, detailed: number) =>
        `All ${n(months)} months; the last ${n(detailed)} day by day below`,
      tooManyRows: (limit: number) => `has more than ${n(limit)} rows of daily usage (the limit)`,
      missingDays: (month: string, missing: number, days: number) =>
        `${month}: ${missing} of ${days} days are missing from the usage file; peaks and bandwidth cover the days present`,
    });
  },
  get forecast() {
    return settle(this, "forecast", {
      catalogChange: (month: number, day: string, id: string, change: string) =>
        `month ${month}${day ? ` (${day})` : ""} on: the prices of ${id}${change ? ` (${change})` : ""}`,
      beyond: (month: number, flag: string, max: number) =>
        `month ${month}: the usage grows past ${n(max)}, the most im-bill prices exactly: lower ${flag} or --months`,
      noFit: (month: number, edition: string) => `month ${month}: no edition fits; priced on ${edition}`,
      postpaidWindow:
        "postpaid charges (overage, history, bandwidth) reach the account on the 1st–3rd of the next month, dated here the 3rd; an account still in arrears 7 days after the bill is suspended (Tencent's 欠费说明: qcloud-documents 欠费说明.md @2015a92e)",
      pastYear: (last: number) => `the months run past the year ${last}: start earlier or give fewer --months`,
      noReturn: (month: number, total: string) =>
        `month ${month}: Trial would fit for ${total}, but an app that left Trial cannot return to it (Tencent does not allow the downgrade)`,
      violationMonths: (months: string, message: string, first: number) =>
        `month${months.includes(",") || months.includes("–") ? "s" : ""} ${months}: ${message}${months.includes(",") || months.includes("–") ? ` (in month ${first})` : ""}`,
      month: "Month",
      edition: "Edition",
      dau: "Peak DAU",
      mau: "MAU",
      groups: "Groups",
      sum: "Sum",
      average: "Average per month",
      calendar: "Billing calendar",
      date: "Date",
      billing: "Billing",
      kind: { prepaid: "prepaid", postpaid: "postpaid" },
      items: "Items",
      amount: "Amount",
    });
  },
  compare: {
    fitsFor: (edition: string, lines: string, total: string) => `${edition} fits for ${total} (${lines})`,
    reason: (fits: string, parts: string[]) => (parts.length > 0 ? `${fits}: ${parts.join("; ")}` : fits),
    /** add-ons Tencent no longer sells, left out of the choice */
    setAside: (addons: string[]) =>
      `chosen without ${addons.join(", ")}: Tencent no longer lists ${addons.length === 1 ? "it" : "them"}, so whether an edition sells ${addons.length === 1 ? "it" : "them"} and at what price decides nothing`,
    why: (edition: string, violations: string[]) => `✗ ${edition}: ${violations.join(" · ")}`,
    recommendationLine: (reason: string) => `Recommendation: ${reason}.`,
    doesNotFit: (edition: string) => `${edition} does not fit`,
    onRequest: (edition: string) => `${edition} has no published price (quoted by contract)`,
    onRequestCell: "on request",
    onRequestFits: (edition: string) => `${edition}: its stated limits serve these needs; its price is on request`,
    saves: (amount: string, edition: string) => `${amount} less than ${edition}`,
    sameAs: (other: string, winner: string, extras: string[]) =>
      `the same as ${other}${extras.length > 0 ? `, and ${winner} also includes ${extras.join(", ")}` : ""}`,
    included: (need: LimitNeed, value: number | null): string => {
      const amount = value === null ? "unlimited" : n(value);
      return {
        peakDau: `${amount} peak DAU`,
        mau: `${amount} MAU`,
        peakGroups: `${amount} groups`,
        communityMessages: `${amount} community messages`,
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
  check: {
    cannotUpdateStdin: "--update writes files: it cannot update stdin",
    dryRunAlone: "--dry-run goes with --update: it says what --update would change",
    wouldChange: (count: number) =>
      `${n(count)} scenario${count === 1 ? "" : "s"} would change (--dry-run): run check --update to write ${count === 1 ? "it" : "them"}`,
    updated: (file: string) => `${file}: updated`,
    wouldUpdate: (file: string) => `${file}: would change`,
    pinned: (id: string) => `pinned to ${id}`,
    anchored: (key: string, anchor: string) =>
      `--update leaves this scenario alone: ${key} is a YAML ${anchor.startsWith("*") ? "alias" : "anchor"} (${anchor}) that other places may share; edit it by hand`,
    noValue: "(none)",
    none: "none",
    missingExpect: "expected an expect block (--require-expect), got none",
    nearStep: (metric: string, current: number, next: string, percent: string) =>
      `${metric}: ${n(current)}, ${next}: within ${percent}% (--headroom)`,
    line: (id: string) => `line ${id}`,
    unknownLine: (suggestion: string | null) =>
      `no such line id${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
    failure: (what: string, expected: string, actual: string, note: string) =>
      `${what}: expected ${expected}, got ${actual}${note ? ` — ${note}` : ""}`,
    noExpectations: (total: string) => `${total}, no expectations`,
    invalid: (error: string) => `invalid: ${error}`,
    counts: (s: { scenarios: number; passed: number; failed: number; noExpectations: number; invalid: number }) =>
      `${n(s.scenarios)} scenario${s.scenarios === 1 ? "" : "s"}: ${[
        `${n(s.passed)} passed`,
        `${n(s.failed)} failed`,
        ...(s.noExpectations ? [`${n(s.noExpectations)} without expectations`] : []),
        ...(s.invalid ? [`${n(s.invalid)} invalid`] : []),
      ].join(", ")}`,
  },
  get batch() {
    return settle(this, "batch", {
      notScenarioFile: (path: string) => `${path}: not a scenario file (expected .json, .jsonl, .yaml or .yml)`,
      emptyDirectory: (path: string) => `${path}: a directory with no .json, .jsonl, .yaml or .yml files`,
      noMatch: (pattern: string) => `${pattern}: no scenario files match this pattern`,
      noSuchPath: (path: string) => `${path}: no such file or directory`,
      noInput: "no input: give files, directories, patterns or - for stdin",
      skipped: (count: number, files: string) =>
        `skipped ${n(count)} file${count === 1 ? "" : "s"} that hold${count === 1 ? "s" : ""} no scenarios (a report, an estimate, a CI file…): ${files}`,
      id: "Scenario",
      plan: "Edition",
      base: "Base",
      overage: "Overage",
      addons: "Add-ons",
      discount: "Discount",
      total: "Total",
      grandTotal: "Total of all priced scenarios",
      grandTotalLine: (total: string) => `Total of all priced scenarios: ${total}`,
      errors: "Errors:",
      counts: (scenarios: number, priced: number, failed: number, violating: number) =>
        `${n(scenarios)} scenario${scenarios === 1 ? "" : "s"}: ${n(priced)} priced, ${n(failed)} invalid, ${n(violating)} with violations (✗)`,
    });
  },
  get prices() {
    return settle(this, "prices", {
      packages: "Packages and overage",
      packageFee: "Package fee",
      overageRule: (price: string, unit: string, free: string, perUnit: boolean) =>
        perUnit ? `${price} per ${unit} above ${free}` : `${price} per started ${unit} above ${free}`,
      notSold: "—",
      perMonth: "/month",
      perMbpsDay: "/Mbps/day",
      perPackDay: "/pack/day",
      perDeduction: "/deduction",
      packageOf: (size: string, price: string) => `${size}: ${price}/month`,
      atPrice: (what: string, price: string) => `${what}: ${price}`,
      listLine: (list: string, currency: string, applies: string | null, verified: string | null) =>
        `${list} (${currency})${applies ? `, ${applies}` : ""}${verified ? `; ${verified}` : ""}`,
      factNote: (mark: string, what: string, editions: readonly string[], note: string) =>
        `${mark} ${what} (${editions.join(", ")}): ${note}`,
      included: "included",
      unlimited: "unlimited",
      addons: "Add-ons (value-added services)",
      addon: "Add-on",
      billingHead: "Billing",
      billing: { prepaid: "prepaid, per package period", postpaid: "postpaid, per calendar month" },
      limits: "Default limits",
      limitNames: {
        peakDau: "Peak DAU",
        mau: "Monthly active users",
        peakGroups: "Peak group count",
        communityMessages: "Community messages a month",
        liveGroups: "Live groups at once",
        groupMemberLimit: "Members per group",
        groupsPerUser: "Groups per user",
        historyDays: "Message history",
        recentContacts: "Recent contacts",
        dailyNewGroups: "New groups a day",
        communities: "Communities",
      } satisfies Record<LimitNeed | StatedLimit, string>,
      unitOf: (need: LimitNeed | StatedLimit): string => (need === "historyDays" ? " days" : ""),
      onRequest: "on request",
      lastVerified: (day: string) => `newest source ${day}`,
      counts: (parts: string[]) => `Figures: ${parts.join(", ")}`,
      statusCount: (status: FigureStatus, count: number) =>
        `${n(count)} ${{ sourced: "sourced", inferred: "inferred", carriedOver: "carried over", assumed: "assumed" }[status]}`,
      sources: "Sources",
      alsoSold: "Sold with IM, not priced here",
      alsoSoldItem: "What and its price",
      sourceKey: "Key",
      sourceText: "Source",
      assumption: "an assumption: no primary source states it",
      assumptionsTitle: "Assumptions (marked *)",
      applies: (from: string | null, to: string | null) =>
        from && to ? `applies ${from} to ${to}` : from ? `applies from ${from}` : `applies until ${to}`,
      carriedOver: (from: string) =>
        `† carried over from ${from}: the figure is that list's, not re-verified for this one (im-bill catalogs --diff shows what changed)`,
      notice: (addon: string, editions: readonly string[], text: string, source: string) =>
        `Notice: ${addon} (${editions.join(", ")}): ${text} [${source}]`,
    });
  },
  interrupted: "interrupted: stopped before the end, no report file was written",
  tooManyArguments: (count: number, limit: number) =>
    `the command line has ${n(count)} words, more than the limit of ${n(limit)}: name a folder, or a pattern in quotes ('scenarios/*.json'), instead of every file`,
  sourceDateEpoch: (got: string) =>
    `SOURCE_DATE_EPOCH: must be a whole number of seconds since 1970-01-01 (the day the run is made), got ${got}`,
  errorPrefix: "error: ",
  noCommand:
    "im-bill was given no command, and this is not a terminal, so it asks no questions: give a command, such as im-bill estimate --plan pro --dau 25000",
  planOrQuestions: "--plan: is required (trial, pro or flagship); or run im-bill estimate -i to answer questions",
  bug: {
    title: "im-bill: internal error:",
    report: (debug: boolean) =>
      `This is a bug in im-bill. ${debug ? "" : "Run again with --debug for details, and "}please report it.`,
  },
  progress: (priced: string, failed: string, rate: string) => `${priced} priced, ${failed} invalid · ${rate}/s`,
  get git() {
    return settle(this, "git", {
      noGit: "git is not installed (or not on PATH): --base reads the base commit with git",
      notARepository: (cwd: string) => `${cwd} is not in a git repository: --base compares with one of its commits`,
      unknownRef: (ref: string) =>
        `--base: ${ref} names no commit of this repository (a branch, a tag, a hash; in a shallow clone, fetch it first)`,
      noMergeBase: (ref: string) =>
        `--base: ${ref} and HEAD have no commit in common (in a shallow clone, fetch the history: fetch-depth: 0)`,
      failed: (command: string, reason: string) => `${command} failed: ${reason}`,
      missingObject: (oid: string) =>
        `the object ${oid.slice(0, 12)} is not in this clone (a partial clone): im-bill fetches nothing; run git fetch first`,
    });
  },
  get project() {
    return settle(this, "project", {
      title: (base: string, head: string) => `Bill changes: ${base} → ${head}`,
      base: (ref: string, commit: string, mergeBase: boolean) => `${ref} (${mergeBase ? "merge base " : ""}${commit})`,
      head: (commit: string | null, dirty: boolean) =>
        commit === null ? "the working tree" : dirty ? `the working tree (${commit} + changes)` : commit,
      atBase: (base: string) => `at ${base}`,
      linkOutside: (target: string) =>
        `is a symbolic link to ${target}, outside the repository: not read (on either side of a project diff)`,
      linkLoop: "is a symbolic link that loops (more than 40 links deep): not read",
      on: (day: string) => `Priced for ${day}, both sides.`,
      scenario: "Scenario",
      file: "File",
      why: "Why",
      total: (currency: string, several: boolean) => (several ? `Total (${currency})` : "Total"),
      added: "new",
      removed: "removed",
      renamedFrom: (file: string) => `renamed from ${file}`,
      counts: (c: {
        changed: number;
        added: number;
        removed: number;
        renamed: number;
        unchanged: number;
        invalid: number;
      }) =>
        [
          `${n(c.changed)} changed`,
          `${n(c.added)} new`,
          `${n(c.removed)} removed`,
          ...(c.renamed ? [`${n(c.renamed)} renamed`] : []),
          ...(c.invalid ? [`${n(c.invalid)} invalid`] : []),
          `${n(c.unchanged)} unchanged`,
        ].join(", "),
      nothing: (count: number) =>
        count === 0
          ? "No scenario files on either side."
          : `No bill changed: ${count === 1 ? "the scenario is" : `all ${n(count)} scenarios are`} priced as at the base.`,
      invalidBefore: "Could not be priced at the base (left out of its total):",
      failedAtBase: (error: string) => `could not be priced at the base: ${error}`,
      moreRows: (count: number) =>
        `…and ${n(count)} smaller change${count === 1 ? "" : "s"} (--format json lists every scenario)`,
      details: "Line by line",
      moreDetails: (count: number) =>
        `…and ${n(count)} more changed scenario${count === 1 ? "" : "s"}: the table above has ${count === 1 ? "it" : "them all"}.`,
      cause: {
        input: (path: string, before: string, after: string) => `${path}: ${before} → ${after}`,
        edition: (before: string, after: string) => `edition: ${before} → ${after}`,
        pin: (before: string, after: string) => `pinned list: ${before} → ${after}`,
        list: (before: string, after: string) => `price list: ${before} → ${after}`,
        discount: (before: string, after: string) => `discount: ${before} → ${after}`,
        figure: (file: string | null, path: string, before: string, after: string) =>
          `${file ? `${file}: ` : ""}${path}: ${before} → ${after}`,
        config: (before: string, after: string) => `project config: ${before} → ${after}`,
        none: "none",
        absent: "—",
        editionDefault: "the edition's",
        more: (count: number) => `and ${n(count)} more`,
      },
      gate: {
        total: (currency: string, change: string, percent: string | null, threshold: string) =>
          `the project total (${currency}) rises by ${change}${percent ? ` (${percent}%)` : ""}, more than --fail-above ${threshold}`,
        each: (scenario: string, change: string, percent: string | null, threshold: string) =>
          `${scenario} rises by ${change}${percent ? ` (${percent}%)` : ""}, more than --fail-above-each ${threshold}`,
      },
      annotation: {
        changed: (change: string, percent: string | null, why: string) =>
          `The bill ${change.startsWith("-") ? "falls" : "rises"} by ${change.replace(/^-/, "")}${percent ? ` (${percent.replace(/^-/, "")}%)` : ""}${why ? `: ${why}` : ""}`,
        added: (total: string) => `A new scenario: ${total} a month`,
        title: "im-bill",
        failed: "im-bill check failed",
        invalid: "im-bill cannot price this",
      },
      noMatch: (path: string) => `${path}: no scenario files, at the base or in the working tree`,
      outside: (path: string, root: string) => `${path} is outside the repository (${root})`,
      twoFiles: (count: number) =>
        `diff compares two files (before and after), or, with --base <ref>, the project with a commit: got ${n(count)} file${count === 1 ? "" : "s"}`,
      baseOnly: (flag: string) => `${flag} goes with --base (a project diff)`,
      notWithBase: (flag: string) => `${flag} compares two files: a project diff totals each currency apart`,
    });
  },
  get diff() {
    return settle(this, "diff", {
      line: "Line",
      before: "Before",
      after: "After",
      change: "Change",
      edition: (before: string, after: string) => `Edition: ${before} → ${after}`,
      prices: (before: string, after: string) => `Prices: ${before} → ${after}`,
      aList: (count: number) => `holds a list of ${n(count)} scenarios; diff compares one with one`,
      risesAbove: (change: string, percent: string | null, threshold: string) =>
        `the total rises by ${change}${percent ? ` (${percent}%)` : ""}, more than --fail-above ${threshold}`,
      threshold: (got: string) => `must be an amount such as 500 or a percentage such as 10%, got ${got}`,
      rateFormat: (got: string) => `must be a rate such as USD:CNY=7.1 (one USD is 7.1 CNY), got ${got}`,
      currencies: (before: string, from: string, after: string, to: string) =>
        `${before} is in ${from} and ${after} in ${to}: give the rate between them (--rate ${from}:${to}=…) to compare them`,
      rateMismatch: (rate: string, from: string, to: string) =>
        `--rate ${rate} is not between ${from} and ${to}, the currencies of the two sides`,
      converted: (from: string, rate: string) => `converted from ${from} at ${rate}`,
      pricesOf: (side: string, line: string) => `${side}: ${line}`,
      verify: {
        lineTwice: (id: string, first: number) => `the line id ${id} is given twice (first at lines[${first}])`,
        twoDecimals: (value: string) => `must be an amount with two decimals, such as "999.00", got "${value}"`,
        unitPrice: (value: string) =>
          `must be a price with two decimals (four at most for a price per unit), such as "999.00" or "0.015", got "${value}"`,
        notTheSum: (stated: string, sum: string) =>
          `is ${stated}, but its lines sum to ${sum}: the file was edited or is not an im-bill estimate`,
        twoCurrencies: (currency: string, list: string) =>
          `is ${currency}, but its price list is in ${list}: one estimate has one currency`,
      },
    });
  },
  get render() {
    return settle(this, "render", {
      notAReport: (kinds: string) => `is not a saved im-bill report: a JSON object with a kind (${kinds}) is expected`,
      unknownKind: (got: string | undefined, kinds: string) =>
        got === undefined
          ? `is missing: a saved report names its kind (${kinds}); an estimate saved by an earlier im-bill can be compared with \`im-bill diff\`, not rendered`
          : `must be one of ${kinds}, got ${got}`,
      unknownVersion: (got: string, version: number) =>
        `must be ${version}, got ${got}: this im-bill renders reports of version ${version}`,
      notTheChange: (stated: string, difference: string) =>
        `is ${stated}, but after − before is ${difference}: the file was edited or is not an im-bill report`,
      notTheCount: (stated: number, counted: number) =>
        `is ${stated}, but the report holds ${counted}: the file was edited or is not an im-bill report`,
      noSuchRow: (index: number, count: number) => `is ${index}, but the report has ${count} scenarios`,
      notInOrder: (index: number, previous: number) => `is ${index}, after ${previous}: places are in the order read`,
      noDetail: (index: number) => `names scenarios[${index}], which has no detail`,
      noFormat: (kind: string, format: string, formats: string) =>
        `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} report has no ${format} format; it has ${formats}`,
    });
  },
  get catalogs() {
    return settle(this, "catalogs", {
      oneOf: (first: string, second: string) => `${first} and ${second} both choose the prices: give one`,
      didYouMean: (id: string) => `did you mean "${id}"?`,
      id: "Catalog",
      applies: "Applies",
      period: (from: string | null, to: string | null) =>
        from === null && to === null ? "any day" : `${from ?? ""} → ${to ?? ""}`.trim(),
      currency: "Currency",
      figures: "Figures",
      status: { sourced: "Sourced", inferred: "Inferred", carriedOver: "Carried", assumed: "Assumed" } satisfies Record<
        FigureStatus,
        string
      >,
      verified: "Verified",
      verifiedOn: (day: string) => `verified ${day}`,
      standing: (current: { id: string; site: Site; dataCenter: DataCenter | null }[]) =>
        `In effect today, and the list a bill is priced with unless told otherwise: ${current.map(({ id, site, dataCenter }) => `${id} (${site === "intl" ? "the international site, --site intl" : dataCenter === "overseas" ? "the mainland site's overseas data centres, --data-center overseas" : "the mainland"})`).join(", ") || "—"}.`,
      legend:
        "Figures: prices, quotas and limits. Sourced: a source of the list's date states it; inferred: derived from what sources state (im-bill prices gives the derivation); carried over: taken unchanged from an earlier list, not re-verified; assumed: no source states it. Verified: the date of the list's newest source.",
      figure: "Figure",
      same: (before: string, after: string) => `${before} and ${after} have the same figures`,
      changes: (count: number) => (count === 1 ? "1 figure differs" : `${n(count)} figures differ`),
      diffTwo: (count: number) =>
        `--diff takes one catalog (compared with today's list) or two (built-in ids or files), got ${n(count)}`,
    });
  },
  flags: {
    percent: (got: string) => `must be a percentage from 0 to 100 (at most four decimals), such as 15%, got ${got}`,
    amount: (got: string) => `must be an amount such as 6000 or 6000.00, got ${got}`,
    growth: (got: string) => `must be a percentage per month above -100% and at most 1000%, such as 8%, got ${got}`,
    months: (got: string) => `must be a whole number from 1 to 120, got ${got}`,
    date: (got: string) => `must be a date such as 2026-03-01, got ${got}`,
    month: (got: string) => `must be a month such as 2026-11, got ${got}`,
    monthWithout: "--month picks a month of a usage file: give --usage-csv too",
    day: (got: string) => `must be a day such as 2024-01-15 (or a month such as 2024-01), got ${got}`,
    twoFiles: (argument: string, file: string, command: string) =>
      `two scenario files given: ${argument} and --file ${file}; ${command} takes one`,
    needsTerminal: "--interactive needs a terminal: in a script, give flags or --file",
    usageCsvWith: (flag: string) =>
      `--usage-csv and ${flag} cannot go together: the usage file gives each month's ${flag === "--dau" ? "peak DAU" : flag === "--groups" ? "peak groups" : "usage"}, so leave out ${flag}`,
  },
  output: {
    needsName: (flag: string) => `${flag}: needs a file name`,
    cannotWrite: (flag: string, path: string, reason: string) => `${flag} ${path}: cannot write there: ${reason}`,
    isDirectory: "it is a directory",
    notRegular: (kind: "directory" | "fifo" | "socket" | "device" | "other") =>
      kind === "other"
        ? "it is not a regular file"
        : `it is ${{ directory: "a directory", fifo: "a named pipe (FIFO)", socket: "a socket", device: "a device" }[kind]}, not a regular file`,
    noFolder: (folder: string) => `the folder ${folder} does not exist`,
    permissionDenied: "permission denied",
    unknownExtension: (path: string, extension: string, known: string) =>
      `--output ${path}: no report format has the extension ${extension || "(none)"}: use ${known}, or give --format`,
  },
  strictMonths: (violating: number, months: number) =>
    `${violating} of ${months} months cannot be served by their edition (--strict)`,
  overBudget: (total: string, max: string) => `the total ${total} is above --max-total ${max}`,
  strictFailed: (edition: string, count: number) =>
    `${edition} cannot serve this scenario: ${count} violation${count === 1 ? "" : "s"} (--strict)`,
};

export type Messages = typeof enMessages;

export const enHelp = {
  program: {
    description: "Estimate the monthly bill of Tencent Cloud IM (即时通信 IM), exact to the fen.",
    noColor: "no colours (also: NO_COLOR=1)",
    debug: "show internals (stack traces) on errors",
    noConfig: 'ignore the project config (im-bill.config.json or .yaml, or "im-bill" in package.json)',
    version: "print the version",
    help: "show help for a command",
    helpCommand: "show help for a command",
    after:
      "\nWith no command, on a terminal: a guided estimate, question by question.\nRun `im-bill <command> --help` for a command's options and examples.\nDocs: README.md",
  },
  titles: {} as Record<string, string>,
  /** commander's words in usage lines ("[options]"); argument names stay as they are */
  placeholders: {} as Record<string, string>,
  choices: (list: string) => `choices: ${list}`,
  default: (value: string) => `default: ${value}`,
  examples: "Examples:",
  file: {
    argument: "scenario file, the same as --file",
    option: "scenario file, JSON or YAML (- reads stdin)",
  },
  flags: {
    "--plan":
      "edition: on the mainland trial, pro, flagship or enterprise (体验版, 专业版, 旗舰版, 企业版); on the international site (--site intl) free-trial, standard, pro, pro-plus or enterprise",
    "--name": "a name for the scenario",
    "--dau": "monthly peak DAU (25000, 25,000, 25k and 2.5万 all work)",
    "--mau": "monthly active users: what the international site's lists bill since 2022-12-26 (--site intl)",
    "--community-messages": "community downstream messages a month (billed on the international site from 2025)",
    "--groups": "monthly peak group count",
    "--live-groups": "live groups (AVChatRoom) existing at once",
    "--bandwidth-mainland": "each day's peak danmaku bandwidth in mainland China, Mbps",
    "--bandwidth-intl": "each day's peak danmaku bandwidth outside mainland China, Mbps",
    "--bandwidth-days": "days of the month with that bandwidth (default 30)",
    "--moderated-texts": "text messages cloud moderation (云端审核) checks in the month",
    "--moderated-images": "images cloud moderation checks in the month",
    "--moderated-audio-minutes": "minutes of audio cloud moderation checks in the month",
    "--moderated-video-minutes": "minutes of video cloud moderation checks in the month",
    "--group-member-limit": "members the largest group needs",
    "--groups-per-user": "groups one user needs to join",
    "--history-days": "days of message history to keep",
    "--api-rate-packs": "server API rate packs (服务端 API 调频) configured each day",
    "--api-rate-pack-days": "days of the month with those packs (default 30)",
    "--security-strike": "buy the security strike service (安全打击)",
    "--no-security-strike": "do not buy it (overrides the file)",
    "--addon": "buy an add-on of the catalog on request, e.g. securityStrike (repeatable)",
    "--unlimited-live-groups": "need unlimited live groups whatever the count",
    "--no-unlimited-live-groups": "do not (overrides the file)",
  } as Record<string, string>,
  lang: "language of labels and messages (default: from the locale)",
  pricing: "price catalog, JSON or YAML: a whole one, or an overlay that extends a built-in one",
  catalog:
    "a built-in price list, such as tencent-im-cn-2020 (see im-bill catalogs); default: the list in effect on the day",
  site: "the site whose lists the day picks: cn (the mainland, CNY; the default) or intl (tencentcloud.com, USD)",
  dataCenter:
    "on the mainland site, where the app's data is kept: mainland (the default) or overseas (Singapore, Seoul, Tokyo, Frankfurt, Mumbai, Silicon Valley, Jakarta), priced by Tencent's overseas table (境外资费)",
  on: "the day the bill is for, YYYY-MM-DD, YYYY-MM or today (default: today): the list in effect then prices it",
  discount: "a discount, e.g. 15%, on what the catalog discounts (package and add-ons by default)",
  output: "write the report to a file, atomically",
  format: "output format",
  noAnnotations:
    "no GitHub workflow commands on stderr (written there by default when GITHUB_ACTIONS=true, so that failures show on their lines)",
  estimate: {
    description: "estimate the monthly bill of one scenario",
    strict: "exit 1 when the edition cannot serve the scenario",
    maxTotal: "exit 1 when the total is above this budget, e.g. 6000",
    usageCsv: "daily usage (date, dau, groups…): an estimate per calendar month",
    month:
      "with --usage-csv, one month, YYYY-MM (default: the current month when the file reaches it: the month so far, projected to its end)",
    headroom:
      "exit 1 when a metric is within this share of its next overage block, e.g. 5% (with --usage-csv: the latest month)",
    noExplain: "leave out each line's formula in the table",
    interactive: "answer questions instead of giving flags (flags given become answers)",
    examples: [
      ["im-bill estimate --plan pro --dau 25000", ""],
      ["im-bill estimate --plan flagship --dau 80k --live-groups 200 --bandwidth-mainland 100", ""],
      ["im-bill estimate examples/live-streaming-flagship.json --format json", ""],
      ["im-bill estimate --file app.yaml --dau 40000", "flags override the file"],
      ["im-bill estimate --plan pro --dau 25k --pricing our-prices.yaml --discount 15%", ""],
      ["cat scenario.json | im-bill estimate --file - --strict", ""],
      ["im-bill estimate app.yaml --max-total 6000", "exit 1 above the budget"],
      ["im-bill estimate --plan pro --usage-csv daily.csv", "real usage: a bill per month"],
      ["im-bill estimate -i --plan pro", "questions for the rest"],
    ] as [string, string][],
    footer: "",
  },
  batch: {
    description: "price many scenarios (files, directories, patterns, - for stdin) into one report",
    paths: "scenario files, directories, glob patterns, or - for stdin",
    format: "report format (default: table on a terminal, else jsonl; or from --output's extension)",
    bom: "start CSV with a byte-order mark (for spreadsheet apps)",
    strict: "exit 1 when an edition cannot serve its scenario",
    examples: [
      ["im-bill batch scenarios/", "every .json, .jsonl, .yaml, .yml under it"],
      ['im-bill batch "apps/**/*.yaml" --format csv --output bills.csv', ""],
      ["im-bill batch what-ifs.jsonl --format jsonl | jq .total", ""],
      ["cat scenarios.jsonl | im-bill batch - --format json", ""],
      ["im-bill batch scenarios/ --format markdown >> $GITHUB_STEP_SUMMARY", ""],
    ] as [string, string][],
    footer:
      'Each scenario is named by its "name", else by where it is: file, file#n (n-th of a list),\nfile:line (JSONL). Exit 0: all priced; 2: some input was invalid (the report lists it);\n1: with --strict, some edition cannot serve its scenario.',
  },
  check: {
    description: "check scenarios against their expected totals, lines and violations (for CI)",
    paths: "scenario files, directories, glob patterns, or - for stdin",
    update:
      "write the current results into what each expect block states (keeps maxTotal), and pin the list that priced a scenario that pins none",
    dryRun: "with --update: say what would change, write nothing, exit 1 if anything would",
    requireExpect: "a scenario without expectations fails",
    headroom:
      "a scenario within this share of a next overage block fails, e.g. 5% (a daily job warns before the bill moves)",
    examples: [
      ["im-bill check scenarios/", ""],
      ["im-bill check scenarios/ --format github", "GitHub workflow commands: each failure on its line"],
      ["im-bill check scenarios/ --format junit --output check.xml", ""],
      ["im-bill check --update scenarios/app.yaml", 'write the current bill into "expect"'],
      ["im-bill check --update --dry-run scenarios/", "fail when an expectation is stale"],
    ] as [string, string][],
    footer:
      'A scenario\'s "expect" block: { "total": "4999.00", "maxTotal": "6000.00",\n"lines": { "overage.dau": "2000.00" }, "violations": [] }.\nExit 0: all pass; 1: some expectation failed (or is missing, with --require-expect);\n2: invalid input.',
  },
  compare: {
    description: "price the same usage and needs on every edition, and recommend one",
    examples: [
      ["im-bill compare --dau 25000 --live-groups 60 --group-member-limit 2000 --history-days 30", ""],
      ["im-bill compare examples/community-large-groups.yaml --format markdown", ""],
    ] as [string, string][],
    footer:
      "The plan of a file or --plan is ignored: every edition is priced. The recommendation is\nthe cheapest edition that fits; at the same price, the one that includes more.",
  },
  forecast: {
    description: "forecast the bill month by month as usage grows",
    months: "how many months, 1–120",
    start: "the purchase day, YYYY-MM-DD: dates the months and lists the billing calendar",
    dauGrowth: "peak DAU growth per month, e.g. 8%",
    mauGrowth: "monthly active users' growth per month, e.g. 8% (the international site's MAU lists)",
    groupsGrowth: "peak group count growth per month",
    bandwidthGrowth: "danmaku bandwidth growth per month",
    autoPlan: "the cheapest edition that fits, month by month",
    chart: "a chart of the monthly totals (shown by default on a terminal)",
    noChart: "no chart",
    examples: [
      ["im-bill forecast --file app.json --months 12 --dau-growth 8% --groups-growth 3%", ""],
      ["im-bill forecast app.json --months 36 --dau-growth 5% --auto-plan --start 2026-12-15", ""],
      ["im-bill forecast app.json --months 12 --dau-growth 10% --format csv > forecast.csv", ""],
    ] as [string, string][],
    footer:
      "Month 1 is the scenario; each later month compounds each growth rate (users and groups\nrounded up). --auto-plan takes the cheapest edition that fits each month, never going\nback to Trial once left. With --start (the purchase day T) the billing calendar lists\neach charge: prepaid items on the first day of each package period (T to T-1 of the\nnext month; in a month without day T, its last day), postpaid items by the 3rd of the\nmonth after their calendar month (the bill comes on the 1st–3rd); each month is priced\nwith the list in effect then.",
  },
  diff: {
    description:
      "compare two scenarios' bills (or saved estimates) line by line; or, with --base, every scenario of the project with a commit",
    files:
      "two scenario files or saved JSON estimates (before, after); with --base: the paths to compare (default: all)",
    base: "a git ref (branch, tag, commit): price the project as it is there and in the working tree, and say what changed and why",
    failAbove: "exit 1 when the total (with --base: the project's) rises by more than this, e.g. 500 or 10%",
    failAboveEach: "with --base: exit 1 when a scenario's total rises by more than this, e.g. 500 or 10%",
    title: "a heading for the markdown output",
    rate: "compare sides in two currencies at this rate, e.g. USD:CNY=7.1 (1 USD = 7.1 CNY)",
    examples: [
      ["im-bill diff before.json after.json", ""],
      ["im-bill diff --base main", "every scenario file of the project against main"],
      ["im-bill diff --base origin/main scenarios/ --format markdown --fail-above 10%", "a pull request's comment"],
      ["im-bill estimate app.json --format json > bill.json; im-bill diff bill.json app.json", ""],
    ] as [string, string][],
    footer:
      "Two files: each is a scenario file (priced now) or a saved estimate (--format json output).\nMarkers: + added, − removed, ~ changed. With --base: the scenario files of the working\ntree and of the commit (read from git, never checked out), each side with its own\nproject config and price files, priced for the same day; changed, new, removed and\nrenamed scenarios, each change with its cause. Exit 1 when --fail-above or\n--fail-above-each is exceeded; 2 when a scenario of the working tree cannot be priced.",
  },
  render: {
    description: "render a saved JSON report again in another format, without pricing it again",
    file: "a report saved with --format json (- reads stdin)",
    format: "output format (default: table)",
    examples: [
      ["im-bill estimate app.json --format json > bill.json; im-bill render bill.json", ""],
      [
        "im-bill render check.json --format markdown --title 'Bill check'",
        "a pull request's comment from a kept artefact",
      ],
      ["im-bill diff --base main --format json | im-bill render - --format html -o changes.html", ""],
    ] as [string, string][],
    footer:
      "Any report im-bill writes as JSON: estimate, usage, compare, forecast, batch, check, diff\nor project. Its words stay in the language it was saved in (--lang of the run that saved\nit). Its arithmetic is checked first: each estimate's lines add up, each total is the sum\nof its parts, each change the difference of its sides; a report that does not add up is\nrefused. GitHub annotations need the scenario files: check and diff --base write them.",
  },
  prices: {
    description: "show the price catalog: packages, overage, add-ons, limits, sources",
    examples: [
      ["im-bill prices", ""],
      ["im-bill prices --lang zh --format markdown > prices.md", ""],
      ["im-bill prices --pricing our-prices.yaml --format json", "the resolved catalog"],
    ] as [string, string][],
    footer: "",
  },
  schema: {
    description:
      "print the JSON Schema (2020-12) of scenario files, price catalogs, the project config or a report's JSON",
    kind: "which format",
    examples: [
      ["im-bill schema scenario > scenario.schema.json", ""],
      [
        "im-bill schema estimate",
        "what `estimate --format json` prints; also usage, compare, forecast, batch, check, diff, project",
      ],
    ] as [string, string][],
    footer:
      'Scenario files (and configs) may name it in "$schema" so that editors check and complete them.\nThe package ships them too: node_modules/im-bill/schemas/<kind>.schema.json',
  },
  usage: {
    description: "the app's real usage: usage pull fetches it from Tencent",
    pull: {
      description:
        "pull the last 30 days of DAU and groups from Tencent's REST API (getappinfo) into a usage CSV, merged by date",
      sdkappid: "the app's SDKAppID (or usage.sdkappid in the project config)",
      admin: "an administrator account of the app, whose UserSig signs the call (or usage.admin)",
      region: "the app's data center (default: china)",
      baseUrl:
        "the REST API's address, for a data center not listed or a test server (also IM_BILL_BASE_URL; never read from a project config): https only, http only to this machine",
      secretKeyEnv: "the environment variable that holds the app's secret key (default: IM_SECRET_KEY)",
      secretKeyFile: "a file that holds the app's secret key (readable by you alone)",
      output:
        "the usage CSV to merge into: days it has are updated, history is kept, written atomically (default: stdout)",
      timeout: "seconds to wait for an answer",
      retries: "attempts after the first, for network errors and 5xx answers, with backoff",
      examples: [
        ["IM_SECRET_KEY=… im-bill usage pull --sdkappid 1400000000 --admin administrator -o usage.csv", ""],
        ["im-bill usage pull --region singapore --secret-key-file ~/.im-secret -o usage.csv", "settings in the config"],
        ["im-bill estimate app.yaml --usage-csv usage.csv", "this month so far, projected to its end"],
      ] as [string, string][],
      footer:
        "The secret key is read from the environment or a file, never from a flag (argv is visible to every user of the machine); neither it nor the UserSig is ever printed.",
    },
  },
  catalogs: {
    description: "list the built-in price lists and their dates; --diff compares two catalogs figure by figure",
    diff: "one catalog (compared with today's list) or two: built-in ids or --pricing files",
    examples: [
      ["im-bill catalogs", ""],
      ["im-bill catalogs --format json", ""],
      ["im-bill catalogs --diff tencent-im-cn-2020 tencent-im-cn-2024", ""],
      ["im-bill catalogs --diff tencent-im-cn-2020", "against the list in effect today"],
      ["im-bill catalogs --diff tencent-im-cn-2024 catalogs/acme-negotiated.yaml", "a --pricing file"],
    ] as [string, string][],
    footer: "",
  },
  completion: {
    description: "print a shell completion script (bash, zsh or fish): commands, options, their values and files",
    shell: "the shell",
    examples: [
      ["im-bill completion bash > ~/.local/share/bash-completion/completions/im-bill", ""],
      ["im-bill completion zsh > ~/.zfunc/_im-bill", "a folder in $fpath, before compinit"],
      ["im-bill completion fish > ~/.config/fish/completions/im-bill.fish", ""],
      ["source <(im-bill completion bash)", "this shell only (zsh too)"],
    ] as [string, string][],
    footer:
      "The descriptions are in the language of the script's --lang. Print the script again after an upgrade:\nit lists the commands and options of the im-bill that printed it.",
  },
};

export type Help = typeof enHelp;
