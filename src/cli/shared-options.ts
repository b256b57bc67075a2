// Options that several commands share, defined once.
import { Option, type Command } from "commander";
import { builtinCatalog, builtinCatalogById, catalogOn, type CatalogChoice } from "../catalog/index.js";
import { parseDate } from "../advisor/calendar.js";
import { today } from "../util/today.js";
import { discountOf } from "../calculator/discount.js";
import { say, textIn, UserError } from "../errors.js";
import { unknownCatalogText } from "../catalog/unknown.js";
import type { Help } from "../i18n/help.js";
import type { Lang } from "../i18n/lang.js";
import type { PriceOptions } from "../calculator/estimate.js";
import type { CommandContext } from "./context.js";
import type { Io } from "./io.js";

export function addLangOption(command: Command, h: Help): Command {
  return command.addOption(new Option("--lang <lang>", h.lang).choices(["en", "zh"]));
}

/** --pricing, --catalog and --on: which prices a command uses. */
export function addPricingOption(command: Command, h: Help): Command {
  return command.option("--pricing <file>", h.pricing).option("--catalog <id>", h.catalog).option("--on <date>", h.on);
}

export interface CatalogFlags {
  pricing?: string;
  catalog?: string;
  on?: string;
}

/** --discount, checked as it is parsed: the flag's value is the percentage ("15"). */
export function addDiscountOption(command: Command, h: Help): Command {
  return command.addOption(
    new Option("--discount <percent>", h.discount).argParser((text) => parsePercent("--discount", text)),
  );
}

/** --pricing, --catalog, --on, --discount and --lang: the options of every command that prices scenarios. */
export function addPriceOptions(command: Command, h: Help): Command {
  return addLangOption(addDiscountOption(addPricingOption(command, h), h), h);
}

export interface PriceFlags extends CatalogFlags {
  discount?: string;
  lang?: string;
}

/** The options a run prices with, all decided: language, day, the --discount percentage, config. */
export type RunPricing = PriceOptions & { lang: Lang; asOf: string; discountPercent?: string };

/**
 * What the price flags (and the project config) say: the catalog choice, and the options
 * every scenario of the run is priced with.
 */
export async function pricingFor(
  flags: PriceFlags,
  context: CommandContext,
): Promise<{ choice: CatalogChoice & { asOf: string }; options: RunPricing }> {
  const choice = await catalogFor(flags, context.io);
  const options: RunPricing = {
    lang: context.lang(flags.lang),
    discountPercent: flags.discount,
    asOf: choice.asOf,
    config: context.config,
  };
  return { choice, options };
}

/**
 * The catalog of --pricing, --catalog or --on, else the default (that a scenario may
 * pin another over), and the day the bill is for (--on, else today). The loader and its
 * schema load only for --pricing.
 */
export async function catalogFor(flags: CatalogFlags, io: Io): Promise<CatalogChoice & { asOf: string }> {
  const given = (["pricing", "catalog", "on"] as const).filter((key) => flags[key] !== undefined);
  if (given.length > 1) {
    const [first, second] = given.map((key) => `--${key}`);
    throw new UserError(say((t) => t.catalogs.oneOf(first!, second!)));
  }
  const asOf = flags.on === undefined ? today() : parseDay("--on", flags.on);
  if (flags.pricing !== undefined) {
    const { loadCatalog } = await import("../catalog/file.js");
    return { catalog: await loadCatalog(flags.pricing, io), chosen: true, asOf };
  }
  if (flags.catalog !== undefined) {
    const catalog = builtinCatalogById(flags.catalog);
    if (!catalog) {
      const message = unknownCatalogText(flags.catalog, JSON.stringify(flags.catalog));
      throw new UserError((lang) => `--catalog: ${textIn(message, lang)}`);
    }
    return { catalog, chosen: true, asOf };
  }
  if (flags.on !== undefined) return { catalog: catalogOn(asOf) ?? builtinCatalog, chosen: true, asOf };
  return { catalog: builtinCatalog, chosen: false, asOf };
}

/** "2024-01-15", or "2024-01" for its first day; anything else is a usage error. */
export function parseDay(flag: string, text: string): string {
  const day = /^\d{4}-\d{2}$/.test(text.trim()) ? `${text.trim()}-01` : text.trim();
  if (!parseDate(day)) {
    const got = JSON.stringify(text);
    throw new UserError(say((t) => `${flag}: ${t.flags.day(got)}`));
  }
  return day;
}

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
  const match = /^\s*¥?\s*(\d{1,30}(?:\.\d{1,2})?)\s*$/.exec(text.replace(/,/g, ""));
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
