// `im-bill usage pull`: the app's real numbers from Tencent (getappinfo: the last 30 days
// of DAU and groups), signed with the administrator's UserSig, merged into the usage CSV
// that `estimate --usage-csv` prices. The secret key comes from the environment or a
// file, never a flag's value (argv is visible to every user of the machine), and never
// appears in any output.
import { Command, Option } from "commander";
import { resolve } from "node:path";
import { EXIT_OK, say, UserError } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import { formatNumber } from "../../util/format.js";
import type { CommandContext } from "../context.js";
import { addLangOption } from "../shared-options.js";
import { REGIONS, regionNames, type Region } from "../../tencent/regions.js";
import { outputProblem } from "../output.js";
import { readFileBytes } from "../../document/text.js";
import { LIMITS } from "../../document/limits.js";

interface PullFlags {
  sdkappid?: string;
  admin?: string;
  region?: Region;
  baseUrl?: string;
  secretKeyEnv?: string;
  secretKeyFile?: string;
  output?: string;
  timeout: string;
  retries: string;
  lang?: string;
}

const DEFAULT_SECRET_ENV = "IM_SECRET_KEY";
/** A secret key file is a line of text: anything larger is not one. */
const SECRET_FILE_LIMIT = 4096;

export function usageCommand(context: CommandContext): Command {
  const h = context.help.usage;
  const pull = new Command("pull")
    .description(h.pull.description)
    .option("--sdkappid <id>", h.pull.sdkappid)
    .option("--admin <account>", h.pull.admin)
    .addOption(new Option("--region <region>", h.pull.region).choices(regionNames))
    .option("--base-url <url>", h.pull.baseUrl)
    .option("--secret-key-env <name>", h.pull.secretKeyEnv)
    .option("--secret-key-file <file>", h.pull.secretKeyFile)
    .option("-o, --output <file>", h.pull.output)
    .option("--timeout <seconds>", h.pull.timeout, "10")
    .option("--retries <n>", h.pull.retries, "2");
  addLangOption(pull, context.help);
  pull
    .addHelpText("after", examplesText(context.help, h.pull.examples, h.pull.footer))
    .action(async (flags: PullFlags) => context.setExitCode(await runPull(flags, context)));
  return new Command("usage")
    .description(h.description)
    .helpCommand("help [command]", context.help.program.helpCommand)
    .addCommand(pull);
}

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
  if (!/^\d{1,20}$/.test(sdkappid) || Number(sdkappid) === 0) {
    const got = JSON.stringify(sdkappid);
    throw new UserError(say((words) => words.pull.sdkappid(got)));
  }
  const admin = need(flags.admin ?? config.admin, "--admin", "admin");
  const region = flags.region ?? (flags.baseUrl === undefined ? config.region : undefined);
  const baseUrl =
    flags.baseUrl ?? (flags.region === undefined ? config.baseUrl : undefined) ?? REGIONS[region ?? "china"];
  if (!/^https?:\/\/[^/?#\s]+\/?$/.test(baseUrl)) {
    const got = JSON.stringify(baseUrl);
    throw new UserError(say((words) => words.pull.baseUrl(got)));
  }
  const seconds = Number(flags.timeout);
  if (!(seconds >= 1 && seconds <= 120)) {
    const got = JSON.stringify(flags.timeout);
    throw new UserError(say((words) => words.pull.seconds("--timeout", got)));
  }
  const retries = Number(flags.retries);
  if (!Number.isInteger(retries) || retries < 0 || retries > 5) {
    const got = JSON.stringify(flags.retries);
    throw new UserError(say((words) => words.pull.retries(got)));
  }
  const output = flags.output ?? config.output;
  if (output !== undefined) {
    const problem = outputProblem(output, io.cwd);
    if (problem) throw problem;
  }
  const secretKey = readSecret(flags, context);
  // The file the pull merges into is read (and checked as the estimate reads it) before any call.
  const existing = output === undefined ? undefined : await existingUsage(output, io.cwd);

  const [{ adminUserSig }, { getAppInfo }] = await Promise.all([
    import("../../tencent/usersig.js"),
    import("../../tencent/appinfo.js"),
  ]);
  const usersig = await adminUserSig(Number(sdkappid), secretKey, admin);
  const abort = new AbortController();
  const stopListening = context.interruption.onInterrupt(() => abort.abort());
  let days;
  try {
    days = await getAppInfo({
      baseUrl,
      sdkappid,
      admin,
      usersig,
      timeoutMs: seconds * 1000,
      retries,
      backoffMs: Number(io.env.IM_BILL_PULL_BACKOFF_MS ?? 500),
      signal: abort.signal,
    });
  } finally {
    stopListening();
  }
  const where = region ?? new URL(baseUrl).host;
  io.stderr.write(`${t.pulled(days.length, days[0]!.date, days[days.length - 1]!.date, sdkappid, where)}\n`);
  if (output === undefined) {
    // No file: the days, as the usage CSV holds them, on stdout.
    const { mergeUsage } = await import("../../usage/merge.js");
    io.stdout.write(mergeUsage(undefined, days, "").text);
    return EXIT_OK;
  }
  const [{ mergeUsage }, { writeFileAtomic }] = await Promise.all([
    import("../../usage/merge.js"),
    import("../../files/write.js"),
  ]);
  const merged = mergeUsage(existing, days, output);
  writeFileAtomic(resolve(io.cwd, output), merged.text);
  const changes = merged.changed.map((change) =>
    t.change(change.date, change.column, formatNumber(Number(change.before)), formatNumber(Number(change.after))),
  );
  io.stderr.write(
    `${[t.merged(output, merged.added.length, merged.changed.length, merged.unchanged, merged.kept), ...changes].join("\n")}\n`,
  );
  return EXIT_OK;
}

/** The usage file so far, read as every input is (its limits, a FIFO refused) and checked; none yet is a new file. */
async function existingUsage(path: string, cwd: string): Promise<string | undefined> {
  const [{ decodeText }, { statOrUndefined }, { monthlyUsage }] = await Promise.all([
    import("../../document/text.js"),
    import("../../util/stat.js"),
    import("../../scenario/usage-csv.js"),
  ]);
  const absolute = resolve(cwd, path);
  if (!statOrUndefined(absolute)) return undefined;
  const text = decodeText(readFileBytes(path, absolute, LIMITS.fileBytes), path);
  if (text.trim() !== "") monthlyUsage(text, path);
  return text;
}

/** The secret key from the environment (IM_SECRET_KEY or --secret-key-env) or --secret-key-file. */
function readSecret(flags: PullFlags, context: CommandContext): string {
  if (flags.secretKeyEnv !== undefined && flags.secretKeyFile !== undefined)
    throw new UserError(say((t) => t.pull.secretOneOf));
  if (flags.secretKeyFile !== undefined) {
    const path = flags.secretKeyFile;
    const text = readSecretFile(path, resolve(context.io.cwd, path));
    if (text === "") throw new UserError(say((t) => t.pull.secretEmpty(path)));
    return text;
  }
  const name = flags.secretKeyEnv ?? DEFAULT_SECRET_ENV;
  const value = context.io.env[name]?.trim();
  if (!value) throw new UserError(say((t) => t.pull.secretMissing(name)));
  return value;
}

function readSecretFile(shown: string, absolute: string): string {
  return readFileBytes(shown, absolute, SECRET_FILE_LIMIT).toString("utf8").trim();
}
