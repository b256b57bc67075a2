// Options that several commands share, defined once.
import { Option, type Command } from "commander";
import { builtinCatalog, type Catalog } from "../catalog/index.js";
import { UserError } from "../errors.js";
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
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = match && Number(match[1]);
  if (value === null || value === undefined || !(value >= 0 && value <= 100)) {
    throw new UserError(`${flag}: must be a percentage from 0 to 100, such as 15%, got ${JSON.stringify(text)}`);
  }
  return match![1]!;
}

/** "6000", "6,000.00" or "¥6000" → "6000.00"; anything else is a usage error. */
export function parseAmount(flag: string, text: string): string {
  const match = /^\s*¥?\s*(\d+(?:\.\d{1,2})?)\s*$/.exec(text.replace(/,/g, ""));
  if (!match) throw new UserError(`${flag}: must be an amount such as 6000 or 6000.00, got ${JSON.stringify(text)}`);
  return formatFen(match[1]!);
}

const formatFen = (plain: string) => {
  const [whole, fraction = ""] = plain.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
};
