// Options that several commands share, defined once.
import type { Catalog } from "../catalog/index.js";
import type { PriceSettings } from "../catalog/choose.js";
import { catalogById, runSettingsOf, settingsWithConfig, type RunSettings } from "../config/settings.js";
import { parseDate } from "../util/calendar.js";
import { today } from "../util/today.js";
import { discountOf } from "../util/money.js";
import { say, textIn, UserError } from "../errors.js";
import { dataCenters, sites } from "../vocabulary.js";
import type { Help } from "../i18n/help.js";
import type { Lang } from "../i18n/lang.js";
import type { ProjectConfigInput } from "../config/schema.js";
import type { CommandContext } from "./context.js";
import { optionTable, rowsOf, type FlagsOf } from "./options.js";
import type { Io } from "./io.js";

/** A setting's name as a flag spells it: dataCenter → data-center. */
type Kebab<Name extends string> = Name extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}`
  : Name;

/**
 * The flag each setting of the project config stands for, typed against the config: a
 * setting added to it does not compile until it has a flag of its name.
 */
export const CONFIG_FLAGS = {
  pricing: "--pricing",
  catalog: "--catalog",
  discount: "--discount",
  lang: "--lang",
  site: "--site",
  dataCenter: "--data-center",
} as const satisfies {
  [Setting in Exclude<keyof ProjectConfigInput, "$schema" | "usage">]-?: `--${Kebab<Setting>}`;
};

/** --lang: every command's (also the program's, before the command). */
export const LANG_OPTION = optionTable({
  lang: { flags: `${CONFIG_FLAGS.lang} <lang>`, help: (h) => h.lang, choices: ["en", "zh"] },
});

export type LangFlags = FlagsOf<typeof LANG_OPTION>;

/** --pricing, --catalog, --site, --data-center and --on: which prices a command uses. */
export const PRICING_OPTIONS = optionTable({
  pricing: { flags: `${CONFIG_FLAGS.pricing} <file>`, help: (h) => h.pricing },
  catalog: { flags: `${CONFIG_FLAGS.catalog} <id>`, help: (h) => h.catalog },
  site: { flags: `${CONFIG_FLAGS.site} <site>`, help: (h) => h.site, choices: sites },
  dataCenter: {
    flags: `${CONFIG_FLAGS.dataCenter} <where>`,
    help: (h) => h.dataCenter,
    choices: dataCenters,
  },
  on: { flags: "--on <date>", help: (h) => h.on },
});

/** --pricing, --catalog, --site, --data-center and --on. */
export type CatalogFlags = FlagsOf<typeof PRICING_OPTIONS>;

/** --discount, checked as it is parsed: the flag's value is the percentage ("15"). */
export const DISCOUNT_OPTION = optionTable({
  discount: {
    flags: `${CONFIG_FLAGS.discount} <percent>`,
    help: (h) => h.discount,
    parse: (text: string) => parsePercent(CONFIG_FLAGS.discount, text),
  },
});

export type DiscountFlags = FlagsOf<typeof DISCOUNT_OPTION>;

/** --pricing, --catalog, --site, --data-center, --on, --discount and --lang: the options of every command that prices scenarios. */
export const PRICE_OPTIONS = rowsOf(PRICING_OPTIONS, DISCOUNT_OPTION, LANG_OPTION);

/** The flags of every command that prices: one for each setting of the project config, and --on. */
export type PriceFlags = CatalogFlags & FlagsOf<typeof DISCOUNT_OPTION> & LangFlags;

/**
 * How the run prices, from its flags and the project config: the day, the list a flag
 * or the config chose (a price file is read here), the discount, and which config
 * settings a flag replaced. Each scenario's list is then chosen by `choosePrices`.
 */
export async function pricingFor(
  flags: PriceFlags,
  context: CommandContext,
): Promise<{ settings: PriceSettings; run: RunSettings; lang: Lang }> {
  const lang = context.lang(flags.lang);
  if (flags.pricing !== undefined && flags.catalog !== undefined)
    throw new UserError(say((t) => t.catalogs.oneOf(CONFIG_FLAGS.pricing, CONFIG_FLAGS.catalog)));
  const day = flags.on === undefined ? today() : parseDay("--on", flags.on);
  const explicit =
    flags.pricing !== undefined
      ? { catalog: await loadCatalogFile(flags.pricing, context.io), by: CONFIG_FLAGS.pricing }
      : flags.catalog !== undefined
        ? { catalog: catalogById(CONFIG_FLAGS.catalog, flags.catalog), by: CONFIG_FLAGS.catalog }
        : undefined;
  const { settings: run, problem } = runSettingsOf(
    { day, today: today(), explicit, site: flags.site, dataCenter: flags.dataCenter, discount: flags.discount },
    "cli",
    "flag",
  );
  if (problem) {
    const flag = CONFIG_FLAGS[problem.setting];
    throw new UserError((lang) => `${flag}: ${textIn(problem.text, lang)}`);
  }
  const settings = await settingsWithConfig(run, context.project, {
    taken: context.configTaken,
    flags: CONFIG_FLAGS,
    loadPricing: (path) => loadCatalogFile(path, context.io),
  });
  return { settings, run, lang };
}

/** A price file; its reader and schema load only here. */
async function loadCatalogFile(path: string, io: Io): Promise<Catalog> {
  const { loadCatalog } = await import("../catalog/file.js");
  return loadCatalog(path, io);
}

/** "2024-01-15", "2024-01" for its first day, or "today"; anything else is a usage error. */
export function parseDay(flag: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === "today") return today();
  const day = /^\d{4}-\d{2}$/.test(trimmed) ? `${trimmed}-01` : trimmed;
  if (!parseDate(day)) {
    const got = JSON.stringify(text);
    throw new UserError(say((t) => `${flag}: ${t.flags.day(got)}`));
  }
  return day;
}

/** --headroom as a row of an options table (estimate's and check's, each with its own words). */
export const headroomRow = (help: (h: Help) => string) => ({
  flags: "--headroom <percent>" as const,
  help,
  parse: (text: string) => parsePercent("--headroom", text),
});

/** "15%", "15" or "12.5%" → "15", "12.5"; anything else is a usage error. */
export function parsePercent(flag: string, text: string): string {
  const number = text.trim().replace(/\s*%$/, "");
  if (discountOf(number) === undefined) {
    const got = JSON.stringify(text);
    throw new UserError(say((t) => `${flag}: ${t.flags.percent(got)}`));
  }
  return number;
}

/** "6000", "6,000.00" or "¥6000" → "6000.00"; anything else is a usage error. */
export function parseAmount(flag: string, text: string): string {
  // ¥ (\u00a5), escaped: see scripts/build.mjs.
  const match = /^\s*[\u00a5$]?\s*(\d{1,30}(?:\.\d{1,2})?)\s*$/.exec(text.replace(/,/g, ""));
  if (!match) {
    const got = JSON.stringify(text);
    throw new UserError(say((t) => `${flag}: ${t.flags.amount(got)}`));
  }
  return formatFen(match[1]!);
}

const formatFen = (plain: string) => {
  const [whole, fraction = ""] = plain.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
};
