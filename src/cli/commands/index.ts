// The commands, by name, in the order of --help: each definition loaded when a run needs
// it (its module, and what that imports, are not even initialised otherwise).
import type { Help as HelpWords } from "../../i18n/help.js";
import type { AnyCommandSpec } from "../spec.js";

export const COMMANDS: Record<string, () => Promise<AnyCommandSpec>> = {
  estimate: async () => (await import("./estimate.js")).ESTIMATE,
  batch: async () => (await import("./batch.js")).BATCH,
  compare: async () => (await import("./compare.js")).COMPARE,
  forecast: async () => (await import("./forecast.js")).FORECAST,
  check: async () => (await import("./check.js")).CHECK,
  diff: async () => (await import("./diff.js")).DIFF,
  prices: async () => (await import("./prices.js")).PRICES,
  catalogs: async () => (await import("./catalogs.js")).CATALOGS,
  usage: async () => (await import("./usage.js")).USAGE,
  render: async () => (await import("./render.js")).RENDER,
  schema: async () => (await import("./schema.js")).SCHEMA,
  completion: async () => (await import("./completion.js")).COMPLETION,
};

/** The commands' names, in the order of --help (the README and the tests name them from here). */
export const COMMAND_NAMES = Object.keys(COMMANDS);

/**
 * What the program's --help shows of each command: its arguments and its description.
 * A run that shows only that help (or names commands: a mistyped one) defines each
 * command as a stand-in made of this, not from its module: defining all twelve cost
 * that help ~4 ms. test/cli/stand-ins.test.ts holds each to its command.
 */
export const COMMAND_SUMMARIES: Record<string, { args?: string; description: (h: HelpWords) => string }> = {
  estimate: { args: "[file]", description: (h) => h.estimate.description },
  batch: { args: "<paths...>", description: (h) => h.batch.description },
  compare: { args: "[file]", description: (h) => h.compare.description },
  forecast: { args: "[file]", description: (h) => h.forecast.description },
  check: { args: "<paths...>", description: (h) => h.check.description },
  diff: { args: "[files...]", description: (h) => h.diff.description },
  prices: { description: (h) => h.prices.description },
  catalogs: { description: (h) => h.catalogs.description },
  usage: { description: (h) => h.usage.description },
  render: { args: "<file>", description: (h) => h.render.description },
  schema: { args: "<kind>", description: (h) => h.schema.description },
  completion: { args: "<shell>", description: (h) => h.completion.description },
};
