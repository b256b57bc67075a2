// `im-bill usage pull` end to end: the built CLI against a stand-in of Tencent's REST
// API on loopback (test/helpers/tim-server.ts), which verifies the UserSig with the
// secret as Tencent does. No network beyond loopback.
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuilt, runBuiltAsync } from "../helpers/cli.js";
import { closedPort } from "../helpers/net.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { ADMIN, SDKAPPID, SECRET, startTimServer, thirtyDays, type TimServer } from "../helpers/tim-server.js";

let server: TimServer;
beforeAll(async () => {
  server = await startTimServer({ sdkappid: SDKAPPID, admin: ADMIN, secret: SECRET, days: thirtyDays() });
});
afterAll(() => server.close());

const pull = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  runBuiltAsync(["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--base-url", server.url, ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { IM_SECRET_KEY: SECRET, IM_BILL_PULL_BACKOFF_MS: "20", ...options.env },
  });

describe("im-bill usage pull", () => {
  it("signs a UserSig Tencent's check accepts, asks for the three fields, and prints the days as a usage CSV", async () => {
    server.mode = "ok";
    const result = await pull([]);
    expect(result.stderr).toBe(
      `Pulled 30 days, 2026-10-30 to 2026-11-28, of SDKAppID ${SDKAPPID} from 127.0.0.1:${new URL(server.url).port}\n`,
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("date,dau,groups");
    expect(lines).toHaveLength(31);
    expect(lines[30]).toBe("2026-11-28,28700,92350");
    const request = server.requests.at(-1)!;
    expect(request).toMatchObject({
      sigValid: "ok",
      query: { sdkappid: SDKAPPID, identifier: ADMIN, contenttype: "json" },
      body: { RequestField: ["Date", "ActiveUserNum", "GroupAllGroupNum", "AppId"] },
    });
    expect(Number(request.query.random)).toBeLessThanOrEqual(0xffffffff);
  });

  it("merges into a usage file: idempotent by date, history kept, a changed day replaced and said", async () => {
    server.mode = "ok";
    const dir = fixtureDir({
      // an older month, a day the pull also has (with another value), and a column of its own
      "usage.csv": "date,dau,groups,mainland_mbps\n2026-09-30,21000,80000,12.5\n2026-11-27,28100,92200,3\n",
    });
    const first = await pull(["-o", "usage.csv"], { cwd: dir });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain("usage.csv: 29 new days, 1 changed, 0 unchanged; 1 other day kept");
    expect(first.stderr).toContain("  2026-11-27 dau: 28,100 → 28,610");
    const text = readFileSync(join(dir, "usage.csv"), "utf8");
    const rows = text.trim().split("\n");
    expect(rows[0]).toBe("date,dau,groups,mainland_mbps");
    expect(rows[1]).toBe("2026-09-30,21000,80000,12.5");
    expect(rows).toContain("2026-11-27,28610,92200,3");
    expect(rows.at(-1)).toBe("2026-11-28,28700,92350,");
    expect(rows).toHaveLength(32);
    // Again: nothing changes.
    const again = await pull(["-o", "usage.csv"], { cwd: dir });
    expect(again.stderr).toContain("usage.csv: 0 new days, 0 changed, 30 unchanged; 1 other day kept");
    expect(readFileSync(join(dir, "usage.csv"), "utf8")).toBe(text);
    // And what the estimate makes of it: the month so far.
    const estimate = runBuilt(["estimate", "--plan", "pro", "--usage-csv", "usage.csv", "--on", "2026-11-29"], {
      cwd: dir,
    });
    expect(estimate.status, estimate.stderr).toBe(0);
    // ¥1,499 + 2 × ¥1,000 DAU blocks + 3 Mbps·day of mainland bandwidth at ¥2
    expect(estimate.stdout).toContain("So far, to 2026-11-28 (28 of 30 days): ¥3,505.00");
  });

  it("takes the settings from the project config, the address from IM_BILL_BASE_URL, and the secret key from a file", async () => {
    server.mode = "ok";
    const dir = fixtureDir({
      ".git/HEAD": "ref: refs/heads/main\n",
      "im-bill.config.yaml": `usage:\n  sdkappid: ${SDKAPPID}\n  admin: ${ADMIN}\n  output: data/usage.csv\n`,
      "data/.keep": "",
      "secret.txt": `${SECRET}\n`,
    });
    chmodSync(join(dir, "secret.txt"), 0o600);
    const result = await runBuiltAsync(["usage", "pull", "--secret-key-file", "secret.txt"], {
      cwd: dir,
      env: { IM_BILL_PULL_BACKOFF_MS: "20", IM_BILL_BASE_URL: server.url },
    });
    expect(result.status, result.stderr).toBe(0);
    // A key file only its owner reads: no warning.
    expect(result.stderr).not.toContain("warning");
    expect(readFileSync(join(dir, "data/usage.csv"), "utf8").split("\n")[0]).toBe("date,dau,groups");
  });

  it.each([
    [
      { errorCode: 70001, errorInfo: "usersig expired" },
      "ErrorCode 70001 (usersig expired): the UserSig has expired: check this machine's clock",
    ],
    [{ errorCode: 70013, errorInfo: "identifier mismatch" }, "--admin must be an administrator of the app"],
    [{ errorCode: 70020, errorInfo: "SDKAppID not found" }, "check --sdkappid, and --region"],
    [{ errorCode: 60007, errorInfo: "rate limit" }, "too many requests: wait a minute"],
  ] as const)("exits 2 on ErrorCode %j, with Tencent's message and a hint, writing nothing", async (mode, hint) => {
    server.mode = mode;
    const dir = fixtureDir({ "usage.csv": "date,dau,groups\n2026-09-30,21000,80000\n" });
    const result = await pull(["-o", "usage.csv"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(hint);
    expect(readFileSync(join(dir, "usage.csv"), "utf8")).toBe("date,dau,groups\n2026-09-30,21000,80000\n");
  });

  it("is refused by the server's own check when the secret is wrong, and never shows the secret or the UserSig", async () => {
    server.mode = "ok";
    const result = await pull(["--debug"], { env: { IM_SECRET_KEY: "not-the-key" } });
    expect(result.status).toBe(2);
    expect(server.requests.at(-1)!.sigValid).toBe("signature");
    expect(result.stderr).toContain("ErrorCode 70009 (check usersig failed): the UserSig does not verify");
    expect(result.stderr + result.stdout).not.toMatch(/not-the-key|usersig=|eJ/);
  });

  it("retries a 5xx with backoff, and gives up after --retries", async () => {
    server.mode = "5xx-once";
    const recovered = await pull([]);
    expect(recovered.status, recovered.stderr).toBe(0);
    server.mode = "5xx";
    const before = server.requests.length;
    const failed = await pull(["--retries", "1"]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/127\.0\.0\.1:\d+ answered HTTP 502/);
    expect(server.requests.length - before).toBe(2);
  });

  it("refuses a malformed or partial answer without touching the file", async () => {
    const dir = fixtureDir({ "usage.csv": "date,dau,groups\n2026-09-30,21000,80000\n" });
    for (const [mode, said] of [
      ["malformed", "not operations data: invalid JSON: a string is not closed (line 1, column 34)"],
      ["html", "not operations data: invalid JSON"],
      ["partial", "Result[0].GroupAllGroupNum is missing"],
    ] as const) {
      server.mode = mode;
      const result = await pull(["-o", "usage.csv"], { cwd: dir });
      expect(result.status, mode).toBe(2);
      expect(result.stderr).toContain(said);
      expect(result.stderr).toContain("nothing was written");
    }
    expect(readFileSync(join(dir, "usage.csv"), "utf8")).toBe("date,dau,groups\n2026-09-30,21000,80000\n");
  });

  it("times out a slow answer (--timeout), and a refused connection is a clear error", async () => {
    server.mode = "slow";
    const slow = await pull(["--timeout", "1", "--retries", "0"]);
    expect(slow.status).toBe(2);
    expect(slow.stderr).toBe(
      `error: 127.0.0.1:${new URL(server.url).port} did not answer within 1 s (--timeout): a firewall may drop the traffic, or the network is slow (raise --timeout); behind a company proxy, set HTTPS_PROXY\n`,
    );
    const port = await closedPort();
    const closed = await runBuiltAsync(
      [
        "usage",
        "pull",
        "--sdkappid",
        SDKAPPID,
        "--admin",
        ADMIN,
        "--base-url",
        `http://127.0.0.1:${port}`,
        "--retries",
        "0",
      ],
      { env: { IM_SECRET_KEY: SECRET } },
    );
    expect(closed.status).toBe(2);
    expect(closed.stderr).toBe(
      `error: cannot reach 127.0.0.1:${port} (ECONNREFUSED): nothing accepted the connection: a firewall may block it; behind a company proxy, set HTTPS_PROXY\n`,
    );
  });

  it("asks for the secret the safe way, and checks every setting before it calls", async () => {
    const none = runBuilt(["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(
      "no secret key: set IM_SECRET_KEY (or --secret-key-env NAME), or give --secret-key-file",
    );
    expect(runBuilt(["usage", "pull", "--secret-key", "x"]).stderr).toMatch(/unknown option '--secret-key'/);
    expect(runBuilt(["usage", "pull", "--sdkappid", "abc", "--admin", ADMIN]).stderr).toContain(
      '--sdkappid: must be the app\'s SDKAppID, digits such as 1400000000, got "abc"',
    );
    expect(runBuilt(["usage", "pull", "--admin", ADMIN]).stderr).toContain(
      "--sdkappid is needed (or usage.sdkappid in the project config)",
    );
    const invalidFile = fixtureDir({ "usage.csv": "date,dau\n2026-09-30,1\n" });
    server.mode = "ok";
    const bad = await pull(["-o", "usage.csv"], { cwd: invalidFile });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("usage.csv:1: no groups column (date, dau and groups are required)");
    // checked before the call: the server was not asked
    expect(bad.stderr).not.toContain("Pulled");
    writeFileSync(join(invalidFile, "secret"), "");
    expect(
      runBuilt(["usage", "pull", "--sdkappid", SDKAPPID, "--admin", ADMIN, "--secret-key-file", "secret"], {
        cwd: invalidFile,
      }).stderr,
    ).toContain("secret holds no secret key");
  });
});
