// `im-bill usage pull` against hostile settings and answers: the UserSig goes only where
// the person running it says (never where a repository's config says), over TLS or to
// loopback, never after a redirect, and is never printed; an answer that does not fit
// the request writes nothing. The built CLI against the loopback stand-in of
// Tencent's API (test/helpers/tim-server.ts).
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuilt, runBuiltAsync } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { ADMIN, SDKAPPID, SECRET, startTimServer, thirtyDays, type TimServer } from "../helpers/tim-server.js";

const FILE = "date,dau,groups\n2026-09-30,21000,80000\n";

let server: TimServer;
/** Another host: whatever reaches it is a leak. */
let spy: Server;
let spyUrl: string;
const spyRequests: string[] = [];
beforeAll(async () => {
  server = await startTimServer({ sdkappid: SDKAPPID, admin: ADMIN, secret: SECRET, days: thirtyDays() });
  spy = createServer((request, response) => {
    spyRequests.push(request.url ?? "");
    response.end("{}");
  });
  await new Promise<void>((resolve) => spy.listen(0, "127.0.0.1", resolve));
  spyUrl = `http://127.0.0.1:${(spy.address() as { port: number }).port}`;
});
afterAll(async () => {
  await server.close();
  spy.closeAllConnections();
  await new Promise((resolve) => spy.close(resolve));
});

const env = { IM_SECRET_KEY: SECRET, IM_BILL_PULL_BACKOFF_MS: "20" };
/** The pull of the test app, before its address and other flags. */
const APP_FLAGS = ["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN];
const pull = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  runBuiltAsync(["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--base-url", server.url, ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...env, ...options.env },
  });

/** What a leaked UserSig looks like in output: its deflated JSON starts "eJ", or a usersig= value. */
const LEAK = /eJ[A-Za-z0-9*_-]{8}|usersig=(?!…)[^&\s]/;

describe("usage pull: where the UserSig goes", () => {
  it("never takes the address from a project config, even with --sdkappid and --admin given", async () => {
    const dir = fixtureDir({
      ".git/HEAD": "ref: refs/heads/main\n",
      "im-bill.config.yaml": `usage:\n  region: singapore\n  baseUrl: ${spyUrl}/\n`,
    });
    const before = spyRequests.length;
    const result = await runBuiltAsync(["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "-o", "u.csv"], {
      cwd: dir,
      env,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "error: im-bill.config.yaml: usage.baseUrl: is not read from a project config: a repository does not choose where the administrator's UserSig is sent; remove it (usage.region chooses Tencent's data center), and give another address with --base-url or IM_BILL_BASE_URL\n",
    );
    expect(spyRequests.length).toBe(before);
  });

  it.each([
    ["http://example.com", "--base-url: must be https: the administrator's UserSig is never sent in clear text"],
    ["ftp://127.0.0.1/", "--base-url: must be an https URL"],
    ["https://127.0.0.1:99999", "--base-url: not a URL (a scheme, a host, a port from 1 to 65535)"],
    ["http://[::1", "--base-url: not a URL"],
    ["https://a%0a.example", "--base-url: not a URL"],
    ["https://console.tim.qq.com/v4/x?y=1", "--base-url: must be a scheme and a host only"],
  ])("refuses --base-url %j with exit 2 and a clear message", (url, said) => {
    const result = runBuilt(["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--base-url", url], { env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(said);
    expect(result.stderr.split("\n")).toHaveLength(2);
  });

  it("refuses a URL with credentials without echoing them, from the flag or the environment", () => {
    const flag = runBuilt(
      ["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--base-url", "https://me:hunter2@127.0.0.1/"],
      { env },
    );
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe(
      'error: --base-url: must not hold a user name or password: the UserSig is the only credential sent, got "https://…@127.0.0.1/"\n',
    );
    const fromEnv = runBuilt(["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN], {
      env: { ...env, IM_BILL_BASE_URL: "http://tok:secret-token@[::1" },
    });
    expect(fromEnv.status).toBe(2);
    expect(fromEnv.stderr).toContain("IM_BILL_BASE_URL: not a URL");
    expect(fromEnv.stderr).not.toMatch(/secret-token|tok:/);
  });

  it("follows no redirect: a 3xx is an error naming where it pointed, and that host gets nothing", async () => {
    server.mode = { redirect: `${spyUrl}/v4/openconfigsvr/getappinfo?steal=1` };
    const before = spyRequests.length;
    const dir = fixtureDir({ "usage.csv": FILE });
    const result = await pull(["-o", "usage.csv"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `error: 127.0.0.1:${new URL(server.url).port} answered HTTP 307, a redirect to ${new URL(spyUrl).host}: not followed, the UserSig goes only to the host named (give that address with --base-url if it is Tencent's)\n`,
    );
    expect(spyRequests.length).toBe(before);
    expect(readFileSync(join(dir, "usage.csv"), "utf8")).toBe(FILE);
  });

  it("prints a server's ErrorInfo without the UserSig it echoes, also under --debug", async () => {
    server.mode = "echo";
    for (const extra of [[], ["--debug"]]) {
      const result = await pull(extra);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        "Tencent answered ErrorCode 70009 (check failed for /v4/openconfigsvr/getappinfo?",
      );
      expect(result.stderr).toContain("usersig=…");
      expect(result.stderr + result.stdout).not.toMatch(LEAK);
    }
  });

  it("names the host it called in the success line, for a region as for an address", async () => {
    server.mode = "ok";
    const result = await pull([]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/ of SDKAppID 1400000001 from 127\.0\.0\.1:\d+\n$/);
    // A region's host is Tencent's own (not called here: the flags are checked, then the call would go there).
    const both = runBuilt(
      ["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--region", "seoul", "--base-url", server.url],
      { env },
    );
    expect(both.stderr).toBe("error: give --base-url or --region, not both\n");
  });
});

describe("usage pull: an answer is checked against the request before anything is written", () => {
  const rowsOf = (rows: Record<string, string>[]) => rows;
  const answer = (result: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ...extra, Result: result });
  it.each<[string, (rows: Record<string, string>[]) => string, string]>([
    [
      "days after today",
      (rows) => answer([...rows.slice(1), { ...rows[0]!, Date: "29991231", ActiveUserNum: "45000" }]),
      "Result[29].Date is 2999-12-31, after today in Beijing",
    ],
    [
      "another app",
      (rows) => answer(rows.map((row, index) => (index === 3 ? { ...row, AppId: "1400000002" } : row))),
      'Result[3].AppId is "1400000002", not the SDKAppID asked for (1400000001)',
    ],
    [
      "ActionStatus FAIL with ErrorCode 0",
      (rows) => answer(rows, { ActionStatus: "FAIL" }),
      'ActionStatus is not "OK"',
    ],
    [
      "a key given twice",
      (rows) => answer(rows).replace('"ErrorCode":0', '"ErrorCode":0,"ErrorCode":0'),
      "is given twice",
    ],
    [
      "400 rows",
      (rows) =>
        answer(
          Array.from({ length: 400 }, (_, index) => ({
            ...rows[0]!,
            Date: new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10).replace(/-/g, ""),
          })),
        ),
      "the Result list has more than 30 days",
    ],
    ["year 1", (rows) => answer([{ ...rows[0]!, Date: "00010101" }]), "Result[0].Date is missing or not"],
    ["a date that does not exist", (rows) => answer([{ ...rows[0]!, Date: "20260230" }]), "Result[0].Date"],
  ])("refuses %s, exit 2, the file untouched", async (_name, raw, said) => {
    server.mode = { raw: (rows) => raw(rowsOf(rows)) };
    const dir = fixtureDir({ "usage.csv": FILE });
    const result = await pull(["-o", "usage.csv"], { cwd: dir });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(said);
    expect(result.stderr).toContain("nothing was written");
    expect(readFileSync(join(dir, "usage.csv"), "utf8")).toBe(FILE);
  });
});

describe("usage pull: flags as typed, the key file, stdout", () => {
  it.each([
    [["--sdkappid", "9007199254740993"], "--sdkappid: must be the app's SDKAppID"],
    [["--sdkappid", "01400000001"], "--sdkappid: must be the app's SDKAppID"],
    [["--admin", ""], '--admin: must be an administrator account (text without control characters), got ""'],
    [["--admin", "adm\u001b[2Jin"], "--admin: must be an administrator account"],
    [["--retries", ""], '--retries: must be a whole number from 0 to 5, got ""'],
    [["--retries", "1e0"], "--retries: must be a whole number from 0 to 5"],
    [["--timeout", ""], '--timeout: must be a number of seconds from 1 to 120, got ""'],
  ])("refuses %j with exit 2", (flags, said) => {
    const result = runBuilt(
      ["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--base-url", server.url, ...flags],
      {
        env,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(said);
    expect(result.stderr).not.toContain("\u001b[2J");
  });

  it("warns of a key file others can read, and refuses one holding NAME=value", async () => {
    server.mode = "ok";
    const dir = fixtureDir({ "open.key": `${SECRET}\n`, "shell.env": `export IM_SECRET_KEY=${SECRET}\n` });
    chmodSync(join(dir, "open.key"), 0o644);
    const withKeyFile = (file: string) => [...APP_FLAGS, "--base-url", server.url, "--secret-key-file", file];
    const open = await runBuiltAsync(withKeyFile("open.key"), { cwd: dir });
    expect(open.status, open.stderr).toBe(0);
    expect(open.stderr).toContain(
      "warning: open.key is readable by other users of this machine (mode 0644): chmod 600 open.key\n",
    );
    const shell = runBuilt(withKeyFile("shell.env"), { cwd: dir });
    expect(shell.status).toBe(2);
    expect(shell.stderr).toBe(
      "error: shell.env holds IM_SECRET_KEY=…, a shell assignment: write the secret key alone, on one line (or set IM_SECRET_KEY in the environment)\n",
    );
    expect(shell.stderr).not.toContain(SECRET);
  });

  it("writes stdout for -o -, and a FIFO as the key file is refused without offering -", async () => {
    server.mode = "ok";
    const result = await pull(["-o", "-"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("date,dau,groups");
    const dir = fixtureDir({});
    const fifo = join(dir, "key");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const refused = runBuilt(
      ["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--base-url", server.url, "--secret-key-file", "key"],
      { cwd: dir },
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("error: key: is a named pipe (FIFO), not a regular file: give a file\n");
  });
});
