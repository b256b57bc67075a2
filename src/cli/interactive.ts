// Starting the guided estimate: only on a terminal (it never waits on a pipe), with the
// flags given as answers, and the prompt library loaded only here.
import type { CatalogChoice } from "../catalog/index.js";
import { say, UserError } from "../errors.js";
import type { Estimate } from "../calculator/types.js";
import type { Catalog } from "../catalog/schema.js";
import type { CommandContext } from "./context.js";
import { applyScenarioFlags } from "./scenario-flags.js";
import { readScenario } from "./scenario-input.js";
import type { RunPricing } from "./shared-options.js";
import type { PrefilledAnswers } from "../interactive/flow.js";

export const isInteractive = (context: CommandContext): boolean =>
  Boolean(context.io.stdin.isTTY && context.io.stdout.isTTY);

export async function startInteractive(
  flags: Record<string, unknown>,
  context: CommandContext,
  options: {
    choice: CatalogChoice;
    /** how the answers are priced: the command's language, day, discount and config */
    pricing: RunPricing;
    /** shows the estimate after the questions (as --format and --output say) */
    present(estimate: Estimate, catalog: Catalog): Promise<void>;
    /** whether to offer the other editions' prices (only where a table goes to the terminal) */
    offerCompare: boolean;
  },
): Promise<void> {
  if (!isInteractive(context)) {
    throw new UserError(say((t) => t.flags.needsTerminal));
  }
  const { flagByPath } = applyScenarioFlags({}, flags);
  // The flags are validated like any scenario (errors name the flag), then become answers.
  const { scenario: given, catalog } = await readScenario(undefined, flags, {
    io: context.io,
    choice: options.choice,
    defaults: { plan: "pro" },
  });
  const set = (path: string) => flagByPath.has(path);
  const prefill: PrefilledAnswers = {
    ...(set("plan") ? { plan: given.plan } : {}),
    ...(set("usage.peakDau") ? { peakDau: given.usage.peakDau } : {}),
    ...(set("usage.peakGroups") ? { peakGroups: given.usage.peakGroups } : {}),
    ...(set("usage.liveGroups") ? { liveGroups: given.usage.liveGroups } : {}),
    ...(set("features.groupMemberLimit") ? { groupMemberLimit: given.features.groupMemberLimit ?? 0 } : {}),
    ...(set("features.groupsPerUser") ? { groupsPerUser: given.features.groupsPerUser ?? 0 } : {}),
    ...(set("features.historyDays") ? { historyDays: given.features.historyDays ?? 0 } : {}),
    ...(set("features.securityStrike") ? { securityStrike: given.features.addons.includes("securityStrike") } : {}),
    ...(set("usage.bandwidth.mainlandMbps") ? { mainlandMbps: given.usage.bandwidth.mainlandMbps } : {}),
    ...(set("usage.bandwidth.internationalMbps") ? { internationalMbps: given.usage.bandwidth.internationalMbps } : {}),
    ...(set("usage.bandwidth.days") ? { days: given.usage.bandwidth.days } : {}),
  };
  const { runInteractiveEstimate } = await import("../interactive/flow.js");
  await runInteractiveEstimate({
    catalog,
    ...options.pricing,
    styles: context.styles(context.io.stdout),
    write: (text) => context.io.stdout.write(text),
    cwd: context.io.cwd,
    width: context.width,
    prefill,
    present: options.present,
    offerCompare: options.offerCompare,
  });
}
