// Options that several commands share, defined once.
import { Option, type Command } from "commander";
import { builtinCatalog, type Catalog } from "../catalog/index.js";
import { discountOf } from "../calculator/discount.js";
import { say, UserError } from "../errors.js";
import type { Io } from "./io.js";

export function addLangOption(command: Command): Command {
  return command.addOption(
    new Option("--lang <lang>", "language of labels and messages (default: from the locale)").choices(["en", "zh"]),
  );
}

export function addPricingOption(command: Command): Command {
  return command.option(
    "--pricing <file>",
    "price catalog, JSON or YAML: a whole one, or an overlay that extends the built-in one",
  );
}

/** --discount, checked as it is parsed: the flag's value is the percentage ("15"). */
export function addDiscountOption(command: Command): Command {
  return command.addOption(
    new Option(
      "--discount <percent>",
      "a discount, e.g. 15%, on what the catalog discounts (package and add-ons by default)",
    ).argParser((text) => parsePercent("--discount", text)),
  );
}

/** The catalog of --pricing, else the built-in one (the loader and its schema load only then). */
export async function catalogFor(pricing: unknown, io: Io): Promise<Catalog> {
  if (typeof pricing !== "string") return builtinCatalog;
  const { loadCatalog } = await import("../catalog/load.js");
  return loadCatalog(pricing, io);
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
