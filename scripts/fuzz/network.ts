// The fuzz surfaces of issue 27, for scripts/fuzz/fuzz.ts:
// - pull: `usage pull` against a loopback stand-in of getappinfo whose answers are
//   mutated (fields, dates, app ids, statuses, duplicate keys, sizes, redirects, echoed
//   UserSigs), into a usage file that may already hold days (a BOM, CRLF). Rules: a
//   refused answer writes nothing; an accepted one round-trips through `estimate
//   --usage-csv` and a second pull of it changes nothing; the UserSig never shows; the
//   host a redirect names gets nothing.
// - gitdiff: `diff --base HEAD` over generated repositories with links (to files, to
//   folders, out of the repository, broken, looping), renames, edits and config changes.
//   Rules: a clean tree shows no change; each side's totals are what `batch` prices in
//   that side's tree (the commit's as `git archive` writes it out).
import { execFileSync, spawnSync } from "node:child_process";
import {
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  existsSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Mutator, RunAgain, RunResult, TestCase } from "./types.js";
import { dirname, join } from "node:path";

const BASE_SDKAPPID = 1_400_000_000;

/** An amount with two decimals ("-154.85") in fen, exactly. */
export const fen = (amount: string): bigint => BigInt(amount.replace(".", ""));

/** An answer of the loopback getappinfo: made when asked, so that it may echo what it was sent. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: (request: { usersig: string; url: string }) => string;
}

export type Servers = Awaited<ReturnType<typeof startFuzzServers>>;

/** The loopback server: an answer per SDKAppID (a case each), the UserSigs it was sent, and a spy host for redirects. */
export async function startFuzzServers() {
  const answers = new Map<string, Answer>();
  const usersigs = new Map<string, string>();
  const spied: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const sdkappid = url.searchParams.get("sdkappid") ?? "";
    const usersig = url.searchParams.get("usersig") ?? "";
    usersigs.set(sdkappid, usersig);
    request.resume();
    request.on("end", () => {
      const answer = answers.get(sdkappid);
      if (!answer) {
        response.writeHead(404);
        return response.end();
      }
      const body = answer.body({ usersig, url: request.url ?? "" });
      response.writeHead(answer.status, answer.headers);
      response.end(body);
    });
  });
  const spy = createServer((request, response) => {
    spied.push(request.url ?? "");
    response.end("{}");
  });
  const listen = (each: Server) =>
    new Promise<number>((done) => each.listen(0, "127.0.0.1", () => done((each.address() as AddressInfo).port)));
  const [port, spyPort] = await Promise.all([listen(server), listen(spy)]);
  return {
    url: `http://127.0.0.1:${port}`,
    spyUrl: `http://127.0.0.1:${spyPort}`,
    answers,
    usersigs,
    spied,
    close: () => {
      server.closeAllConnections();
      spy.closeAllConnections();
      server.close();
      spy.close();
    },
  };
}

/** Today in Beijing, and a day so many days before it. */
const beijingDay = (daysBefore = 0) =>
  new Date(Date.now() + 8 * 3_600_000 - daysBefore * 86_400_000).toISOString().slice(0, 10);

/** A pull case: an answer (valid or mutated), a usage file maybe, the pull, and what to check after. */
export function pullCase(m: Mutator, home: string, servers: Servers, index: number, secret: string) {
  const sdkappid = String(BASE_SDKAPPID + index);
  const days = 1 + m.int(30);
  const rows = Array.from({ length: days }, (_, at) => ({
    Date: beijingDay(days - at).replace(/-/g, ""),
    ActiveUserNum: String(m.pick([m.int(30_000), m.int(300_000), 25_000])),
    GroupAllGroupNum: String(m.int(200_000)),
    AppId: sdkappid,
  }));
  let status = 200;
  const headers: Record<string, string> = { "content-type": "application/json" };
  // An answer of any shape: what a server may send.
  let top: Record<string, any> = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", Result: rows };
  let text: string | undefined;
  let echo = false;
  const kind = m.next() < 0.35 ? "valid" : m.pick(["row", "row", "top", "text", "http"]);
  if (kind === "row") {
    const row: Record<string, unknown> = m.pick(rows);
    const field = m.pick(["Date", "ActiveUserNum", "GroupAllGroupNum", "AppId"]);
    row[field] = m.pick([
      undefined,
      5,
      -1,
      "-1",
      "",
      "1e3",
      "99999999999999999",
      "9007199254740993",
      "29991231",
      beijingDay(-1).replace(/-/g, ""),
      "00010101",
      "20260230",
      "2026-11-01",
      String(BASE_SDKAPPID + index + 1),
      "\u202e1",
      null,
      [],
    ]);
    if (row[field] === undefined) delete row[field];
    if (m.next() < 0.2) top.Result = [...rows, ...rows.slice(0, 1 + m.int(rows.length))];
    if (m.next() < 0.1)
      top.Result = Array.from({ length: m.pick([31, 400]) }, (_, at) => ({
        ...rows[0],
        Date: beijingDay(400 - at).replace(/-/g, ""),
      }));
  } else if (kind === "top") {
    switch (m.int(6)) {
      case 0:
        top.ActionStatus = "FAIL";
        break;
      case 1:
        top = { ActionStatus: "FAIL", ErrorCode: m.pick([70001, 70009, 60007, 1, -1]), ErrorInfo: "check failed" };
        echo = m.next() < 0.7;
        break;
      case 2:
        delete top.Result;
        break;
      case 3:
        top.Result = { 0: rows[0] };
        break;
      case 4:
        top.ErrorCode = m.pick(["0", 0.5, null]);
        break;
      default:
        top.Extra = "x".repeat(m.pick([10, 2_000_000]));
    }
  } else if (kind === "text") {
    const json = JSON.stringify(top);
    text = m.pick([
      json.replace('"ErrorCode":0', '"ErrorCode":0,"ErrorCode":0'),
      json.replace('"Date"', '"Date":"20200101","Date"'),
      json.slice(0, m.int(json.length)),
      `\uFEFF${json}`,
      "<html>maintenance</html>",
      Buffer.from([0xff, 0xfe, 0x00]).toString("latin1"),
      `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
    ]);
  } else if (kind === "http") {
    status = m.pick([301, 302, 303, 307, 308, 404, 500, 502, 204]);
    if (status >= 300 && status < 400 && m.next() < 0.9)
      headers.location = m.pick([
        `${servers.spyUrl}/v4/openconfigsvr/getappinfo`,
        "https://evil.example/steal",
        "//evil.example",
        "http://[::1",
        "/v4/elsewhere?usersig=x",
      ]);
  }
  servers.answers.set(sdkappid, {
    status,
    headers,
    body: ({ usersig, url }: { usersig: string; url: string }) => {
      if (echo) top.ErrorInfo = m.pick([`bad usersig=${usersig}`, `request ${url}`, `sig ${usersig.slice(5, 60)}`]);
      return text ?? JSON.stringify(top);
    },
  });
  // The usage file: none, or one with days of its own (maybe some the answer has too), its style kept.
  const file = join(home, "usage.csv");
  let before;
  if (m.next() < 0.7) {
    const older = Array.from(
      { length: 1 + m.int(60) },
      (_, at) => `${beijingDay(90 - at)},${m.int(30_000)},${m.int(90_000)}`,
    );
    before = `date,dau,groups${m.next() < 0.3 ? ",mainland_mbps" : ""}\n${older.join("\n")}\n`;
    if (m.next() < 0.3) before = before.replace(/\n/g, "\r\n");
    if (m.next() < 0.2) before = `\uFEFF${before}`;
    writeFileSync(file, before);
  }
  const output = m.next() < 0.1 ? "-" : "usage.csv";
  const command = [
    "usage",
    "pull",
    "--sdkappid",
    sdkappid,
    "--admin",
    "administrator",
    "--base-url",
    servers.url,
    "--retries",
    "0",
    "--timeout",
    "5",
    "-o",
    output,
  ];
  return {
    command,
    cwd: home,
    env: { IM_SECRET_KEY: secret },
    files: [file],
    pull: { file, before, sdkappid, output },
  };
}

/** What is wrong with a pull case's result, if anything (bin: the CLI to run again). */
export async function pullProblem(testCase: TestCase, result: RunResult, servers: Servers, run: RunAgain) {
  const { file, before, sdkappid, output } = testCase.pull!;
  if (result.status !== 0 && result.status !== 2) return `usage pull: exit ${result.status}`;
  const usersig = servers.usersigs.get(sdkappid);
  const said = result.stdout + result.stderr;
  if (usersig && (said.includes(usersig) || said.includes(usersig.slice(8, 40))))
    return "usage pull: the UserSig was printed";
  if (/usersig=(?!…)[^&\s]/.test(said)) return "usage pull: a usersig= value was printed";
  if (servers.spied.length > 0) return `usage pull: the redirect's host was called (${servers.spied[0]})`;
  const now = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (result.status !== 0 || output === "-") {
    if (now !== before) return "usage pull: a refused pull (or one to stdout) changed the file";
    return undefined;
  }
  if (now === undefined) return "usage pull: an accepted pull wrote no file";
  if (before?.startsWith("\uFEFF") && !now.startsWith("\uFEFF")) return "usage pull: the BOM was lost";
  if (before?.includes("\r\n") && /(^|[^\r])\n/.test(now)) return "usage pull: LF lines written into a CRLF file";
  const estimate = await run(["estimate", "--plan", "pro", "--usage-csv", file, "--format", "json"]);
  if (estimate.status !== 0)
    return `usage pull: the file it wrote is refused by estimate: ${estimate.stderr.split("\n")[0]}`;
  const again = await run(testCase.command, { cwd: testCase.cwd, env: testCase.env });
  if (again.status !== 0) return `usage pull: a second pull of the same answer failed: ${again.stderr.split("\n")[0]}`;
  if (readFileSync(file, "utf8") !== now) return "usage pull: a second pull of the same answer changed the file";
  return undefined;
}

/** A generated repository: scenario files in folders, a config, links of every kind; maybe changed after the commit. */
export function gitDiffCase(m: Mutator, home: string, scenarioOf: () => unknown) {
  const repo = join(home, "repo");
  const outside = join(home, "outside");
  mkdirSync(repo, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: ["ignore", "pipe", "ignore"] });
  git("init", "--quiet", "--initial-branch=main");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const link = (path: string, target: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    try {
      symlinkSync(target, join(repo, path));
    } catch {
      // a name taken already
    }
  };
  const folders = ["", "scenarios/", "apps/a/", "apps/b/", "common/"];
  const files: string[] = [];
  for (let count = 1 + m.int(6); count > 0; count--) {
    const path = `${m.pick(folders)}s${m.int(20)}.${m.pick(["json", "yaml", "yml"])}`;
    const scenario = scenarioOf();
    write(path, toYamlish(scenario));
    files.push(path);
  }
  if (m.next() < 0.5) write("im-bill.config.yaml", `discount: ${m.int(50)}%\n`);
  writeFileSync(join(outside, "far.yaml"), toYamlish(scenarioOf()));
  let leaves = false;
  for (let count = m.int(4); count > 0; count--) {
    const kind = m.pick(["file", "folder", "outside", "broken", "loop", "config"]);
    const at = `${m.pick(folders)}l${m.int(10)}`;
    if (kind === "file" && files.length > 0) link(`${at}.yaml`, relativeTo(at, m.pick(files)));
    if (kind === "folder") link(at, relativeTo(at, m.pick(["common", "apps/a", "scenarios"])));
    if (kind === "outside") {
      link(
        `${at}.yaml`,
        m.next() < 0.5 ? join(outside, "far.yaml") : `${"../".repeat(at.split("/").length + 1)}outside/far.yaml`,
      );
      leaves = true;
    }
    if (kind === "broken") link(`${at}.json`, "nowhere/none.json");
    if (kind === "loop") {
      link(`${at}.yaml`, `${at.split("/").pop()}-b.yaml`);
      link(`${at}-b.yaml`, `${at.split("/").pop()}.yaml`);
    }
    if (kind === "config") {
      write("shared/im-bill.config.yaml", `discount: ${m.int(50)}%\n`);
      if (!existsSync(join(repo, "im-bill.config.yaml"))) link("im-bill.config.yaml", "shared/im-bill.config.yaml");
    }
  }
  git("add", "-A");
  git("-c", "user.email=f@example.com", "-c", "user.name=fuzz", "commit", "--quiet", "--allow-empty", "-m", "base");
  const clean = m.next() < 0.5;
  if (!clean)
    for (let count = 1 + m.int(3); count > 0; count--) {
      const path = m.pick(files);
      if (!existsSync(join(repo, path))) continue;
      switch (m.int(5)) {
        case 0:
          write(path, toYamlish(scenarioOf()));
          break;
        case 1:
          renameSync(join(repo, path), join(repo, `${path}.moved.yaml`));
          break;
        case 2:
          unlinkSync(join(repo, path));
          break;
        case 3:
          write(`new/n${m.int(9)}.json`, toYamlish(scenarioOf()));
          break;
        default:
          write("im-bill.config.yaml", `discount: ${m.int(50)}%\n`);
      }
    }
  return {
    command: ["diff", "--base", "HEAD", "--format", "json"],
    cwd: repo,
    files: [],
    gitdiff: { repo, clean, leaves, home },
  };
}

const relativeTo = (from: string, to: string) => `${"../".repeat(from.split("/").length - 1)}${to}`;

/** A scenario as text: JSON, which is YAML too ("{}" for a mutated value that cannot be written: a cycle). */
const toYamlish = (value: unknown) => {
  try {
    return `${JSON.stringify(value)}\n`;
  } catch {
    return "{}\n";
  }
};

/** Each currency's total of the priced records of `batch` in a folder. */
async function batchTotals(run: RunAgain, cwd: string): Promise<{ totals: Record<string, bigint>; error?: string }> {
  const result = await run(["batch", ".", "--format", "json"], { cwd });
  if (result.status === null || ![0, 1, 2].includes(result.status))
    return { totals: {}, error: `batch exit ${result.status}` };
  if (result.stdout.trim() === "") return { totals: {} };
  const report = JSON.parse(result.stdout);
  const totals: Record<string, bigint> = {};
  for (const record of report.results ?? []) {
    if (record.error !== undefined || record.total === undefined) continue;
    totals[record.currency] = (totals[record.currency] ?? 0n) + fen(record.total);
  }
  return { totals };
}

/** What is wrong with a project diff's result, if anything. */
export async function gitDiffProblem(testCase: TestCase, result: RunResult, run: RunAgain) {
  const { repo, clean, leaves, home } = testCase.gitdiff!;
  if (result.status === null || ![0, 1, 2].includes(result.status)) return `diff --base: exit ${result.status}`;
  if (result.stdout.trim() === "") return undefined; // refused whole (exit 2, said on stderr)
  const diff = JSON.parse(result.stdout);
  if (clean) {
    if (diff.head.dirty) return "diff --base: a clean tree called dirty";
    const moved = diff.scenarios.find((scenario: any) => !["unchanged", "invalid"].includes(scenario.status));
    if (moved) return `diff --base: a clean tree shows ${moved.file} ${moved.status}`;
    for (const [currency, total] of Object.entries<any>(diff.totals))
      if (total.change !== "0.00") return `diff --base: a clean tree's ${currency} total moved by ${total.change}`;
  }
  // Each side's totals are batch's in that side's tree (where no link leaves it: batch follows one anywhere);
  // a scenario that cannot be priced counts on neither.
  if (leaves) return undefined;
  const base = join(home, "base");
  mkdirSync(base, { recursive: true });
  const archive = spawnSync("git", ["archive", "HEAD"], { cwd: repo, maxBuffer: 1 << 28 });
  spawnSync("tar", ["-x", "-C", base], { input: archive.stdout });
  for (const [side, cwd] of [
    ["before", base],
    ["after", repo],
  ] as const) {
    const { totals, error } = await batchTotals(run, cwd);
    if (error) return `diff --base: ${error}`;
    for (const currency of new Set([...Object.keys(totals), ...Object.keys(diff.totals)])) {
      const mine = diff.totals[currency] ? fen(diff.totals[currency][side]) : 0n;
      if (mine !== (totals[currency] ?? 0n))
        return `diff --base: the ${side} ${currency} total is ${mine}, batch prices that tree at ${totals[currency] ?? 0n} (fen)`;
    }
  }
  rmSync(base, { recursive: true, force: true });
  return undefined;
}
