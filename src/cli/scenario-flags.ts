// The scenario fields that `estimate`, `compare` and `forecast` take as flags, typed
// against the scenario format: every field of a scenario document is listed here with
// its flags, or with null where a file alone gives it, and a flag's kind must suit its
// field's type, so that a field added to the format does not compile until it is
// decided. The values commander parses are typed from the same table
// (`ScenarioFlagValues`). Their help, in both languages, is in i18n/help.ts, by flag.
import { parseQuantity } from "../util/quantity.js";
import { formatPath } from "../util/path.js";
import type { ScenarioDocument } from "../scenario/schema.js";

/** Every field of T that holds a value (not an object of fields), as its dotted path and its type. */
type Fields<T, Prefix extends string = ""> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends string | number | boolean | readonly unknown[]
    ? { path: `${Prefix}${K}`; value: NonNullable<T[K]> }
    : // A record (expect.lines: line ids to amounts) is one value: no flag reaches into it.
      string extends keyof NonNullable<T[K]>
      ? { path: `${Prefix}${K}`; value: NonNullable<T[K]> }
      : Fields<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

type ScenarioField = Fields<ScenarioDocument>;
type ValueAt<Path> = Extract<ScenarioField, { path: Path }>["value"];

/** How a flag's text becomes its field's value: the kind its type allows. */
type KindOf<Value> = Value extends number
  ? "number"
  : Value extends boolean
    ? "boolean"
    : Value extends string
      ? "string"
      : Value extends readonly string[]
        ? "list"
        : never;

interface FlagOf<Value> {
  /** commander's flag syntax */
  readonly flags: string;
  /** the key commander stores the value under */
  readonly key: string;
  readonly kind: KindOf<Value>;
}

/** A decision for every field: its flags (`--x` and `--no-x` share a key), or null. */
type ScenarioOptions = { readonly [Path in ScenarioField["path"]]: readonly FlagOf<ValueAt<Path>>[] | null };

const SCENARIO_OPTIONS = {
  $schema: null,
  name: [{ flags: "--name <name>", key: "name", kind: "string" }],
  plan: [{ flags: "-p, --plan <plan>", key: "plan", kind: "string" }],
  // --catalog chooses the run's list (shared-options.ts); a scenario's own pin is written in its file.
  catalog: null,
  // --site and --data-center choose the run's site and data centres (shared-options.ts), as --catalog its list.
  site: null,
  dataCenter: null,
  "usage.peakDau": [{ flags: "--dau <count>", key: "dau", kind: "number" }],
  "usage.mau": [{ flags: "--mau <count>", key: "mau", kind: "number" }],
  "usage.peakGroups": [{ flags: "--groups <count>", key: "groups", kind: "number" }],
  "usage.communityMessages": [{ flags: "--community-messages <count>", key: "communityMessages", kind: "number" }],
  "usage.liveGroups": [{ flags: "--live-groups <count>", key: "liveGroups", kind: "number" }],
  "usage.bandwidth.mainlandMbps": [{ flags: "--bandwidth-mainland <mbps>", key: "bandwidthMainland", kind: "number" }],
  "usage.bandwidth.internationalMbps": [{ flags: "--bandwidth-intl <mbps>", key: "bandwidthIntl", kind: "number" }],
  "usage.bandwidth.days": [{ flags: "--bandwidth-days <days>", key: "bandwidthDays", kind: "number" }],
  "usage.moderation.texts": [{ flags: "--moderated-texts <count>", key: "moderatedTexts", kind: "number" }],
  "usage.moderation.images": [{ flags: "--moderated-images <count>", key: "moderatedImages", kind: "number" }],
  "usage.moderation.audioMinutes": [
    { flags: "--moderated-audio-minutes <minutes>", key: "moderatedAudioMinutes", kind: "number" },
  ],
  "usage.moderation.videoMinutes": [
    { flags: "--moderated-video-minutes <minutes>", key: "moderatedVideoMinutes", kind: "number" },
  ],
  // The month's summed daily peaks come from real usage (--usage-csv).
  "usage.bandwidth.mainlandMbpsDays": null,
  "usage.bandwidth.internationalMbpsDays": null,
  "features.groupMemberLimit": [{ flags: "--group-member-limit <count>", key: "groupMemberLimit", kind: "number" }],
  "features.groupsPerUser": [{ flags: "--groups-per-user <count>", key: "groupsPerUser", kind: "number" }],
  "features.historyDays": [{ flags: "--history-days <days>", key: "historyDays", kind: "number" }],
  "features.apiRatePacks": [{ flags: "--api-rate-packs <count>", key: "apiRatePacks", kind: "number" }],
  "features.apiRatePackDays": [{ flags: "--api-rate-pack-days <days>", key: "apiRatePackDays", kind: "number" }],
  "features.securityStrike": [
    { flags: "--security-strike", key: "securityStrike", kind: "boolean" },
    { flags: "--no-security-strike", key: "securityStrike", kind: "boolean" },
  ],
  "features.unlimitedLiveGroups": [
    { flags: "--unlimited-live-groups", key: "unlimitedLiveGroups", kind: "boolean" },
    { flags: "--no-unlimited-live-groups", key: "unlimitedLiveGroups", kind: "boolean" },
  ],
  "features.addons": [{ flags: "--addon <name>", key: "addon", kind: "list" }],
  // What `check` holds a bill to is written beside the scenario, in its file.
  "expect.total": null,
  "expect.maxTotal": null,
  "expect.lines": null,
  "expect.violations": null,
} as const satisfies ScenarioOptions;

type Entry = {
  [Path in keyof typeof SCENARIO_OPTIONS]: (typeof SCENARIO_OPTIONS)[Path] extends readonly (infer Flag)[]
    ? Flag
    : never;
}[keyof typeof SCENARIO_OPTIONS];

/** What commander gives for a kind of flag: the text as typed (a count is parsed here), a switch, the repeats. */
type Given<Kind> = Kind extends "boolean" ? boolean : Kind extends "list" ? string[] : string;

/** The scenario flags' values, as commander parses them, by key. */
export type ScenarioFlagValues = { [Flag in Entry as Flag["key"]]?: Given<Flag["kind"]> };

export interface ScenarioFlag {
  flags: string;
  key: keyof ScenarioFlagValues;
  /** where its value goes in the scenario */
  path: readonly string[];
  kind: "number" | "boolean" | "string" | "list";
}

/** Every scenario flag, in the order of the table (and of --help). */
export const SCENARIO_FLAGS: readonly ScenarioFlag[] = Object.entries(SCENARIO_OPTIONS).flatMap(([path, flags]) =>
  (flags ?? []).map((flag: Entry) => ({ ...flag, path: path.split(".") })),
);

/** Commander's parser for a flag: a list flag collects its repeats. */
export function flagParser(flag: ScenarioFlag): ((value: string, previous: unknown) => unknown) | undefined {
  if (flag.kind !== "list") return undefined;
  return (value, previous) => [...(Array.isArray(previous) ? (previous as unknown[]) : []), value];
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
  values: ScenarioFlagValues,
): { document: unknown; flagByPath: Map<string, string> } {
  const flagByPath = new Map<string, string>();
  if (typeof document !== "object" || document === null || Array.isArray(document)) return { document, flagByPath };
  // A parsed document (JSON or YAML, plain objects all the way down), copied before the flags go in.
  const merged = structuredClone(document) as { [key: string]: unknown };
  for (const flag of SCENARIO_FLAGS) {
    const raw = values[flag.key];
    if (raw === undefined) continue;
    const pathText = formatPath(flag.path);
    if (flagByPath.has(pathText)) continue; // --x and --no-x share a key
    let target: { [key: string]: unknown } | undefined = merged;
    for (const key of flag.path.slice(0, -1)) {
      target[key] ??= {};
      const next: unknown = target[key];
      // The file's own value is not an object: leave it for the validator to report.
      target = typeof next === "object" && next !== null && !Array.isArray(next) ? (next as typeof merged) : undefined;
      if (!target) break;
    }
    if (!target) continue;
    flagByPath.set(pathText, longFlag(flag));
    // A count that does not parse stays a string, so the validator reports it as typed.
    target[flag.path.at(-1)!] = flag.kind === "number" && typeof raw === "string" ? (parseQuantity(raw) ?? raw) : raw;
  }
  return { document: merged, flagByPath };
}
