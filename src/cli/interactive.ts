// Starting the guided estimate: only on a terminal (it never waits on a pipe), with the
// flags given as answers, and the prompt library loaded only here.
import { choosePrices, type PriceSettings } from "../catalog/choose.js";
import { usualEdition } from "../catalog/index.js";
import { sites, type Site } from "../vocabulary.js";
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
    present: (bill: Bill) => Promise<void>;
    /** whether to offer the other editions' prices (only where a table goes to the terminal) */
    offerCompare: boolean;
  },
): Promise<void> {
  if (!isInteractive(context)) {
    throw new UserError(say((t) => t.flags.needsTerminal));
  }
  const { flagByPath } = applyScenarioFlags({}, flags);
  const flow = await import("../interactive/flow.js");
  const { settings } = options;
  // The flags are validated like any scenario (errors name the flag), then become answers.
  const read = (chosen: PriceSettings) =>
    readScenario(undefined, flags, {
      io: context.io,
      settings: chosen,
      defaults: { plan: usualEdition(choosePrices(chosen).catalog) },
    });
  let chosen = settings;
  if (!settings.explicit && !settings.site && !settings.config?.catalog) {
    // No flag or setting chose a list or a site: the sites whose lists take the flags
    // (--mau is the international site's, --plan flagship the mainland's). Where both
    // do, the site is asked first: it decides the questions.
    const withSite = (site: Site): PriceSettings => ({ ...settings, site: { site, from: "flag" } });
    const fitting: Site[] = [];
    for (const site of sites) {
      try {
        await read(withSite(site));
        fitting.push(site);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
      }
    }
    if (fitting.length === 1) chosen = withSite(fitting[0]!);
    else if (fitting.length > 1) chosen = withSite(await flow.askSite(options.lang, context.styles(context.io.stdout)));
  }
  const { scenario: given, prices } = await read(chosen);
  const set = (path: string) => flagByPath.has(path);
  const prefill: PrefilledAnswers = {
    ...(set("plan") ? { plan: given.plan } : {}),
    ...(set("usage.peakDau") ? { peakDau: given.usage.peakDau } : {}),
    ...(set("usage.mau") ? { mau: given.usage.mau } : {}),
    ...(set("usage.communityMessages") ? { communityMessages: given.usage.communityMessages } : {}),
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
  await flow.runInteractiveEstimate({
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
