// The scenario a command prices: from a file (or stdin), from flags, or both — flags
// override the file. Shared by estimate, compare and forecast.
import type { PriceChoice, PriceSettings } from "../catalog/choose.js";
import { scenarioOf } from "../calculator/document.js";
import { say, UserError } from "../errors.js";
import { readDocument } from "../document/read.js";
import type { Scenario } from "../scenario/types.js";
import type { ScenarioDocument } from "../scenario/schema.js";
import type { Io } from "./io.js";
import { optionTable, type FlagsOf, type OptionSpec } from "./options.js";
import { argument } from "./spec.js";
import {
  SCENARIO_FLAGS,
  applyScenarioFlags,
  flagForPath,
  flagParser,
  type ScenarioFlagValues,
} from "./scenario-flags.js";

const FILE_OPTION = optionTable({ file: { flags: "-f, --file <path>", help: (h) => h.file.option } });

/** The flags of a command that prices a scenario: its fields, and the file (`--file`) they go over. */
export type ScenarioFlags = ScenarioFlagValues & FlagsOf<typeof FILE_OPTION>;

/** `[file]`: the scenario file, which `--file` may name instead. */
export const FILE_ARGUMENT = argument("[file]", (h) => h.file.argument);

/** `--file` and a flag per scenario field, as rows of a command's options. */
export const SCENARIO_OPTIONS: readonly OptionSpec[] = [
  FILE_OPTION.file,
  ...SCENARIO_FLAGS.map((flag): OptionSpec => {
    const long = /--[a-z-]+/.exec(flag.flags)![0];
    const parse = flagParser(flag);
    return { flags: flag.flags, help: (h) => h.flags[long] ?? "", ...(parse ? { parse } : {}) };
  }),
];

/** The file of `[file]` or `--file` (not both), if any. */
export function scenarioFile(argument: string | undefined, flags: ScenarioFlags, command: string): string | undefined {
  if (argument !== undefined && flags.file !== undefined && argument !== flags.file) {
    const file = flags.file;
    throw new UserError(say((t) => t.flags.twoFiles(argument, file, command)));
  }
  return flags.file ?? argument;
}

/**
 * Load, merge and validate, with the prices of the run's settings and the scenario's
 * pin (`choosePrices`). Errors name the flag that set a value, or the file and field;
 * without a file a missing plan is a missing --plan.
 */
export async function readScenario(
  path: string | undefined,
  flags: ScenarioFlagValues,
  context: {
    io: Io;
    settings: PriceSettings;
    /** the document the flags go over when there is no file */
    defaults?: Partial<ScenarioDocument>;
    /** compare prices every edition: the plan may be left out, or name an edition sold by contract */
    anyPlan?: boolean;
  },
): Promise<{ scenario: Scenario; prices: PriceChoice }> {
  const file =
    path === undefined
      ? undefined
      : await readDocument(
          path,
          context.io,
          say((t) => t.document.expectedScenario),
        );
  const merged = applyScenarioFlags(file ? file.data : (context.defaults ?? {}), flags);
  const { flagByPath } = merged;
  return scenarioOf(merged.document, context.settings, {
    source: file?.source ?? "",
    anyPlan: Boolean(context.anyPlan),
    describePath: (fieldPath) => {
      const field = fieldPath.replace(/\[\d+\]$/, ""); // an item of a list flag (--addon) is the flag
      const flag = flagByPath.get(field) ?? (file ? undefined : flagForPath(field));
      return flag ? { source: "", path: flag } : undefined;
    },
  });
}
