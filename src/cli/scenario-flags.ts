// The scenario fields that `estimate` takes as flags: one table gives the options,
// where each value goes in the scenario, and how messages name it (their help, in
// both languages, is in i18n/help.ts, by flag).
import { parseQuantity } from "../util/quantity.js";
import { formatPath } from "../scenario/validate.js";

interface ScenarioFlag {
  /** commander's flag syntax */
  flags: string;
  /** the key commander stores the value under */
  key: string;
  path: readonly string[];
  kind: "number" | "boolean" | "string" | "list";
}

export const SCENARIO_FLAGS: readonly ScenarioFlag[] = [
  {
    flags: "-p, --plan <plan>",
    key: "plan",
    path: ["plan"],
    kind: "string",
  },
  { flags: "--name <name>", key: "name", path: ["name"], kind: "string" },
  {
    flags: "--dau <count>",
    key: "dau",
    path: ["usage", "peakDau"],
    kind: "number",
  },
  {
    flags: "--groups <count>",
    key: "groups",
    path: ["usage", "peakGroups"],
    kind: "number",
  },
  {
    flags: "--live-groups <count>",
    key: "liveGroups",
    path: ["usage", "liveGroups"],
    kind: "number",
  },
  {
    flags: "--bandwidth-mainland <mbps>",
    key: "bandwidthMainland",
    path: ["usage", "bandwidth", "mainlandMbps"],
    kind: "number",
  },
  {
    flags: "--bandwidth-intl <mbps>",
    key: "bandwidthIntl",
    path: ["usage", "bandwidth", "internationalMbps"],
    kind: "number",
  },
  {
    flags: "--bandwidth-days <days>",
    key: "bandwidthDays",
    path: ["usage", "bandwidth", "days"],
    kind: "number",
  },
  {
    flags: "--group-member-limit <count>",
    key: "groupMemberLimit",
    path: ["features", "groupMemberLimit"],
    kind: "number",
  },
  {
    flags: "--groups-per-user <count>",
    key: "groupsPerUser",
    path: ["features", "groupsPerUser"],
    kind: "number",
  },
  {
    flags: "--history-days <days>",
    key: "historyDays",
    path: ["features", "historyDays"],
    kind: "number",
  },
  {
    flags: "--security-strike",
    key: "securityStrike",
    path: ["features", "securityStrike"],
    kind: "boolean",
  },
  {
    flags: "--no-security-strike",
    key: "securityStrike",
    path: ["features", "securityStrike"],
    kind: "boolean",
  },
  {
    flags: "--addon <name>",
    key: "addon",
    path: ["features", "addons"],
    kind: "list",
  },
  {
    flags: "--unlimited-live-groups",
    key: "unlimitedLiveGroups",
    path: ["features", "unlimitedLiveGroups"],
    kind: "boolean",
  },
  {
    flags: "--no-unlimited-live-groups",
    key: "unlimitedLiveGroups",
    path: ["features", "unlimitedLiveGroups"],
    kind: "boolean",
  },
];

/** Commander's parser for a flag: a list flag collects its repeats. */
export function flagParser(flag: ScenarioFlag): ((value: string, previous: unknown) => unknown) | undefined {
  if (flag.kind !== "list") return undefined;
  return (value, previous) => [...(Array.isArray(previous) ? previous : []), value];
}

const longFlag = (flag: ScenarioFlag) => /--[a-z-]+/.exec(flag.flags)![0].replace(/^--no-/, "--");

/** The flag that sets a scenario field ("usage.peakDau" → "--dau"). */
export function flagForPath(path: string): string | undefined {
  const flag = SCENARIO_FLAGS.find((candidate) => formatPath(candidate.path) === path);
  return flag && longFlag(flag);
}

/**
 * Put the flags' values over a scenario document (from a file, or empty).
 * Returns the merged document and, by field path, the flag that set each value,
 * so that an error names the flag the user typed.
 */
export function applyScenarioFlags(
  document: unknown,
  options: Record<string, unknown>,
): { document: unknown; flagByPath: Map<string, string> } {
  const flagByPath = new Map<string, string>();
  if (typeof document !== "object" || document === null || Array.isArray(document)) return { document, flagByPath };
  const merged = structuredClone(document) as Record<string, unknown>;
  for (const flag of SCENARIO_FLAGS) {
    const raw = options[flag.key];
    if (raw === undefined) continue;
    const pathText = formatPath(flag.path);
    if (flagByPath.has(pathText)) continue; // --x and --no-x share a key
    let target: Record<string, unknown> | undefined = merged;
    for (const key of flag.path.slice(0, -1)) {
      target[key] ??= {};
      const next: unknown = target[key];
      // The file's own value is not an object: leave it for the validator to report.
      target =
        typeof next === "object" && next !== null && !Array.isArray(next)
          ? (next as Record<string, unknown>)
          : undefined;
      if (!target) break;
    }
    if (!target) continue;
    flagByPath.set(pathText, longFlag(flag));
    // A count that does not parse stays a string, so the validator reports it as typed.
    target[flag.path.at(-1)!] = flag.kind === "number" && typeof raw === "string" ? (parseQuantity(raw) ?? raw) : raw;
  }
  return { document: merged, flagByPath };
}
