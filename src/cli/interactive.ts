// Starting the guided estimate: only on a terminal (it never waits on a pipe), with the
// flags given as answers, and the prompt library loaded only here.
import type { PriceSettings } from "../catalog/choose.js";
import { say, UserError } from "../errors.js";
import type { Bill } from "../calculator/bill.js";
import type { Lang } from "../i18n/lang.js";
import type { CommandContext } from "./context.js";
import { applyScenarioFlags, type ScenarioFlagValues } from "./scenario-flags.js";
import { readScenario } from "./scenario-input.js";
import type { PrefilledAnswers } from "../interactive/flow.js";

export const isInteractive = (context: CommandContext): boolean =>
  Boolean(context.io.stdin.isTTY && context.io.stdout.isTTY);

export async function startInteractive(
  flags: ScenarioFlagValues,
  context: CommandContext,
  options: {
    /** how the answers are priced: the day, the list, the discount, the config */
    settings: PriceSettings;
    lang: Lang;
    /** shows the estimate after the questions (as --format and --output say) */
    present(bill: Bill): Promise<void>;
    /** whether to offer the other editions' prices (only where a table goes to the terminal) */
    offerCompare: boolean;
  },
): Promise<void> {
  if (!isInteractive(context)) {
    throw new UserError(say((t) => t.flags.needsTerminal));
  }
  const { flagByPath } = applyScenarioFlags({}, flags);
  // The flags are validated like any scenario (errors name the flag), then become answers.
  const { scenario: given, prices } = await readScenario(undefined, flags, {
    io: context.io,
    settings: options.settings,
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
    prices,
    lang: options.lang,
    styles: context.styles(context.io.stdout),
    write: (text) => context.io.stdout.write(text),
    cwd: context.io.cwd,
    width: context.width,
    prefill,
    present: options.present,
    offerCompare: options.offerCompare,
  });
}
