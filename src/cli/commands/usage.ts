// `im-bill usage pull`: the app's real numbers from Tencent (getappinfo: the last 30 days
// of DAU and groups), signed with the administrator's UserSig, merged into the usage CSV
// that `estimate --usage-csv` prices. The secret key comes from the environment or a
// file, never a flag's value (argv is visible to every user of the machine), and never
// appears in any output.
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { defineCommand } from "../spec.js";
import { resolve } from "node:path";
import { EXIT_OK, say, UserError } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import { formatNumber } from "../../util/format.js";
import type { CommandContext } from "../context.js";
import { LANG_OPTION } from "../shared-options.js";
import { dataCenterOfRegion, regionNames } from "../../tencent/regions.js";
import { outputProblem } from "../output.js";
import { decodeText, hasBom, readFileBytes } from "../../document/text.js";
import { statOrUndefined } from "../../util/stat.js";
import { BASE_URL_ENV, endpointOf } from "../../tencent/endpoint.js";
import { printableLine } from "../../util/printable.js";
import { LIMITS } from "../../document/limits.js";
import type { UsageFile } from "../../pull/merge.js";

/** `usage pull`'s options, in the order of its --help; its flags' type is this table's. */
const PULL_OPTIONS = optionTable({
  sdkappid: { flags: "--sdkappid <id>", help: (h) => h.usage.pull.sdkappid },
  admin: { flags: "--admin <account>", help: (h) => h.usage.pull.admin },
  region: { flags: "--region <region>", help: (h) => h.usage.pull.region, choices: regionNames },
  baseUrl: { flags: "--base-url <url>", help: (h) => h.usage.pull.baseUrl },
  secretKeyEnv: { flags: "--secret-key-env <name>", help: (h) => h.usage.pull.secretKeyEnv },
  secretKeyFile: { flags: "--secret-key-file <file>", help: (h) => h.usage.pull.secretKeyFile },
  output: { flags: "-o, --output <file>", help: (h) => h.usage.pull.output },
  timeout: { flags: "--timeout <seconds>", help: (h) => h.usage.pull.timeout, default: "10" },
  retries: { flags: "--retries <n>", help: (h) => h.usage.pull.retries, default: "2" },
  lang: LANG_OPTION.lang,
});

type PullFlags = FlagsOf<typeof PULL_OPTIONS>;

const DEFAULT_SECRET_ENV = "IM_SECRET_KEY";
/** A secret key file is a line of text: anything larger is not one. */
const SECRET_FILE_LIMIT = 4096;

const PULL = defineCommand<PullFlags>()({
  name: "pull",
  description: (h) => h.usage.pull.description,
  options: rowsOf(PULL_OPTIONS),
  after: (h) => examplesText(h, h.usage.pull.examples, h.usage.pull.footer),
  run: ({ flags }, context) => runPull(flags, context),
});

export const USAGE = defineCommand<unknown>()({
  name: "usage",
  description: (h) => h.usage.description,
  // Before the subcommand too (im-bill usage --lang zh pull): the run's language, as the program's is.
  options: rowsOf(LANG_OPTION),
  subcommands: [PULL],
});

async function runPull(flags: PullFlags, context: CommandContext): Promise<number> {
  const { io } = context;
  const lang = context.lang(flags.lang);
  const t = messages[lang].pull;
  const config = context.project?.usage ?? {};
  const need = <T>(value: T | undefined, flag: string, key: string): T => {
    if (value === undefined) throw new UserError(say((words) => words.pull.needs(flag, key)));
    return value;
  };
  const sdkappid = need(flags.sdkappid ?? config.sdkappid, "--sdkappid", "sdkappid").trim();
  // Digits with no leading zero, within what a number holds exactly (the UserSig signs it as one).
  if (!/^[1-9]\d{0,15}$/.test(sdkappid) || Number(sdkappid) > Number.MAX_SAFE_INTEGER) {
    const got = JSON.stringify(printableLine(sdkappid.slice(0, 40)));
    throw new UserError(say((words) => words.pull.sdkappid(got)));
  }
  const admin = need(flags.admin ?? config.admin, "--admin", "admin");
  if (admin.trim() === "" || admin.length > 256 || printableLine(admin) !== admin) {
    const got = JSON.stringify(printableLine(admin.slice(0, 40)));
    throw new UserError(say((words) => words.pull.admin(got)));
  }
  if (flags.baseUrl !== undefined && flags.region !== undefined)
    throw new UserError(say((words) => words.pull.baseUrlAndRegion));
  // The address: --base-url, else IM_BILL_BASE_URL, else the region's (the flag's, else the config's).
  const endpoint = endpointOf(
    { flag: flags.baseUrl, env: flags.region === undefined ? io.env[BASE_URL_ENV] : undefined },
    flags.region ?? config.region,
  );
  const seconds = /^\d{1,3}(\.\d{1,3})?$/.test(flags.timeout.trim()) ? Number(flags.timeout) : Number.NaN;
  if (!(seconds >= 1 && seconds <= 120)) {
    const got = JSON.stringify(printableLine(flags.timeout.slice(0, 40)));
    throw new UserError(say((words) => words.pull.seconds("--timeout", got)));
  }
  if (!/^[0-5]$/.test(flags.retries.trim())) {
    const got = JSON.stringify(printableLine(flags.retries.slice(0, 40)));
    throw new UserError(say((words) => words.pull.retries(got)));
  }
  const retries = Number(flags.retries);
  // -o - is stdout, as no -o is.
  const given = flags.output ?? config.output;
  const output = given === "-" ? undefined : given;
  if (output !== undefined) {
    const problem = outputProblem(output, io.cwd);
    if (problem) throw problem;
  }
  const secretKey = readSecret(flags, context);
  // The file the pull merges into is read (and checked as the estimate reads it) before any call.
  const existing = output === undefined ? undefined : await existingUsage(output, io.cwd);

  const [{ adminUserSig }, { getAppInfo }, { proxyFor }] = await Promise.all([
    import("../../tencent/usersig.js"),
    import("../../tencent/appinfo.js"),
    import("../../tencent/proxy.js"),
  ]);
  // A company network's proxy, from this run's environment (HTTPS_PROXY…, NO_PROXY), never a config's.
  const proxy = proxyFor(endpoint.url, io.env);
  const usersig = await adminUserSig(Number(sdkappid), secretKey, admin);
  const abort = new AbortController();
  const stopListening = context.interruption.onInterrupt(() => abort.abort());
  let days;
  try {
    days = await getAppInfo({
      baseUrl: endpoint.url,
      sdkappid,
      admin,
      usersig,
      timeoutMs: seconds * 1000,
      retries,
      backoffMs: Number(io.env.IM_BILL_PULL_BACKOFF_MS ?? 500),
      signal: abort.signal,
      today: beijingToday(),
      proxy,
    });
  } finally {
    stopListening();
  }
  const region = endpoint.from.kind === "region" ? endpoint.from.region : null;
  io.stderr.write(
    `${t.pulled(days.length, days[0]!.date, days[days.length - 1]!.date, sdkappid, endpoint.host, region, proxy?.host ?? null)}\n`,
  );
  const { mergeUsage } = await import("../../pull/merge.js");
  // An overseas region's usage says so in the file: it prices with the overseas data centres' list.
  // The region named says where the app is, even where IM_BILL_BASE_URL gives another address.
  const named = flags.region ?? config.region;
  const dataCenter = named === undefined ? null : dataCenterOfRegion(named);
  if (output === undefined) {
    // No file: the days, as the usage CSV holds them, on stdout.
    io.stdout.write(mergeUsage(undefined, days, "", dataCenter).text);
    return EXIT_OK;
  }
  const merged = mergeUsage(existing, days, output, dataCenter);
  const { writeFileAtomic } = await import("../../files/write.js");
  writeFileAtomic(resolve(io.cwd, output), merged.text);
  const changes = merged.changed.map((change) =>
    t.change(change.date, change.column, formatNumber(Number(change.before)), formatNumber(Number(change.after))),
  );
  io.stderr.write(
    `${[t.merged(output, merged.added.length, merged.changed.length, merged.unchanged, merged.kept), ...changes].join("\n")}\n`,
  );
  return EXIT_OK;
}

/** Today in Beijing (UTC+8, no daylight saving): the day the API's rows are dated in. */
function beijingToday(now = Date.now()): string {
  return new Date(now + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The usage file so far, read as every input is (its limits, a FIFO refused) and checked; none yet is a new file. */
async function existingUsage(path: string, cwd: string): Promise<UsageFile | undefined> {
  const { monthlyUsage } = await import("../../scenario/usage-csv.js");
  const absolute = resolve(cwd, path);
  if (!statOrUndefined(absolute)) return undefined;
  const bytes = readFileBytes(path, absolute, LIMITS.fileBytes);
  const text = decodeText(bytes, path);
  if (text.trim() !== "") monthlyUsage(text, path);
  return { text, bom: hasBom(bytes) };
}

/** The secret key from the environment (IM_SECRET_KEY or --secret-key-env) or --secret-key-file. */
function readSecret(flags: PullFlags, context: CommandContext): string {
  if (flags.secretKeyEnv !== undefined && flags.secretKeyFile !== undefined)
    throw new UserError(say((t) => t.pull.secretOneOf));
  const name = flags.secretKeyEnv ?? DEFAULT_SECRET_ENV;
  if (flags.secretKeyFile !== undefined) {
    const path = flags.secretKeyFile;
    const absolute = resolve(context.io.cwd, path);
    const { text, mode } = readSecretFile(path, absolute);
    if (text === "") throw new UserError(say((t) => t.pull.secretEmpty(path)));
    // NAME=value: a shell file, which would sign with "NAME=value" as the key.
    const assignment = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(text);
    if (assignment) {
      const variable = assignment[1]!;
      throw new UserError(say((t) => t.pull.secretAssignment(path, variable)));
    }
    // As ssh says of a private key: others should not read it (Windows has no such bits).
    if (process.platform !== "win32" && (mode & 0o077) !== 0) {
      const warning = messages[context.lang(flags.lang)].pull.secretPermissions(
        path,
        (mode & 0o777).toString(8).padStart(4, "0"),
      );
      context.io.stderr.write(`${warning}\n`);
    }
    return text;
  }
  const value = context.io.env[name]?.trim();
  if (!value) throw new UserError(say((t) => t.pull.secretMissing(name)));
  return value;
}

/** The key file's text (as the one reader reads it: a regular file, within its limit), and its mode (for the warning). */
function readSecretFile(shown: string, absolute: string): { text: string; mode: number } {
  const bytes = readFileBytes(shown, absolute, SECRET_FILE_LIMIT);
  const text = bytes.toString("utf8", hasBom(bytes) ? 3 : 0).trim();
  return { text, mode: statOrUndefined(absolute)?.mode ?? 0 };
}
