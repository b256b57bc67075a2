// The CLI's `run` in-process: exit codes, streams and colour decisions, with the
// real calculator behind it.
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";
import { COMMAND_NAMES } from "../../src/cli/main.js";

const ANSI = /\u001b\[\d+m/;

describe("run", () => {
  it("prints the estimate on stdout and nothing on stderr", async () => {
    const result = await runInProcess(["estimate", "--plan", "pro", "--dau", "25000", "--format", "json"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).total).toBe("3499.00");
  });

  it("exits 2 with one line naming the flag for a bad value", async () => {
    const result = await runInProcess(["estimate", "--plan", "pro", "--dau", "-5"]);
    expect(result).toEqual({ status: 2, stdout: "", stderr: "error: --dau: must be a whole number ≥ 0, got -5\n" });
  });

  it("exits 2 on commander's usage errors, not commander's 1", async () => {
    const result = await runInProcess(["estimate", "--plan", "pro", "--dua", "5"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--dua'");
    expect(result.stderr).toContain("Did you mean --dau?");
  });

  it("exits 2 for an unknown command", async () => {
    const result = await runInProcess(["estimat"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("(Did you mean estimate?)");
  });

  it("exits 2 and shows help on stderr with no arguments", async () => {
    const result = await runInProcess([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Usage: im-bill");
    // Every command, whatever stdout is: the help is where a CI log's reader learns them.
    for (const name of COMMAND_NAMES) expect(result.stderr).toMatch(new RegExp(`^  ${name}\\b`, "m"));
  });

  it("exits 0 for --help and --version, on stdout", async () => {
    const help = await runInProcess(["estimate", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Examples:");
    const version = await runInProcess(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("exits 1 under --strict when the edition cannot serve the scenario", async () => {
    const result = await runInProcess(["estimate", "--plan", "trial", "--dau", "500", "--strict", "--format", "json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).violations).toHaveLength(1);
    expect(result.stderr).toBe("error: Trial cannot serve this scenario: 1 violation (--strict)\n");
  });

  it("prints violations but exits 0 without --strict", async () => {
    const result = await runInProcess(["estimate", "--plan", "trial", "--dau", "500"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("✗ Trial allows at most 100 peak DAU; 500 needed");
  });

  it("reports a bug as a bug", async () => {
    // A stdout that fails on write is not the user's doing.
    const { run } = await import("../../src/cli/main.js");
    const { PassThrough, Writable } = await import("node:stream");
    let stderr = "";
    const status = await run(["estimate", "--plan", "pro", "--format", "json"], {
      stdout: new Writable({
        write: () => {
          throw new Error("disk on fire");
        },
      }),
      stderr: Object.assign(new PassThrough(), { write: (chunk: string) => ((stderr += chunk), true) }),
      stdin: new PassThrough(),
      cwd: process.cwd(),
      env: {},
    });
    expect(status).toBe(70);
    expect(stderr).toContain("internal error: disk on fire");
    expect(stderr).toContain("This is a bug in im-bill");
  });

  it("reports a bug before the command runs (finding the project config) as a bug, in the run's language, never a throw", async () => {
    const { run } = await import("../../src/cli/main.js");
    const { PassThrough } = await import("node:stream");
    const said = async (args: string[], env: Record<string, string>) => {
      let stderr = "";
      const io = {
        stdout: new PassThrough(),
        stderr: Object.assign(new PassThrough(), { write: (chunk: string) => ((stderr += chunk), true) }),
        stdin: new PassThrough(),
        env,
        get cwd(): string {
          throw new Error("no folder");
        },
      };
      return { status: await run(args, io), stderr };
    };
    expect(await said(["estimate", "--plan", "pro"], {})).toEqual({
      status: 70,
      stderr:
        "im-bill: internal error: no folder\nThis is a bug in im-bill. Run again with --debug for details, and please report it.\n",
    });
    const zh = await said(["estimate", "--plan", "pro", "--debug"], { LANG: "zh_CN.UTF-8" });
    expect(zh.status).toBe(70);
    expect(zh.stderr).toMatch(/^im-bill：内部错误：no folder\n/);
    // --debug: the stack, from where the config was being found.
    expect(zh.stderr).toContain("\n    at projectConfig (");
  });
});

describe("colour", () => {
  const table = ["estimate", "--plan", "trial", "--dau", "500"];
  it("is off in a pipe", async () => {
    expect((await runInProcess(table)).stdout).not.toMatch(ANSI);
  });

  it("is on on a TTY", async () => {
    expect((await runInProcess(table, { tty: true, env: { TERM: "xterm-256color" } })).stdout).toMatch(ANSI);
  });

  it("is on in a pipe with FORCE_COLOR", async () => {
    expect((await runInProcess(table, { env: { FORCE_COLOR: "1" } })).stdout).toMatch(ANSI);
  });

  it.each([
    ["NO_COLOR", { NO_COLOR: "1", FORCE_COLOR: "1" }, []],
    ["FORCE_COLOR=0", { FORCE_COLOR: "0" }, []],
    ["--no-color", { FORCE_COLOR: "1" }, ["--no-color"]],
  ])("is off on a TTY with %s", async (_, env, flags) => {
    expect((await runInProcess([...table, ...flags], { tty: true, env })).stdout).not.toMatch(ANSI);
  });

  it("colours stderr's error prefix by stderr's own terminal", async () => {
    const result = await runInProcess(["estimate", "--plan", "gold"], { env: { FORCE_COLOR: "1" } });
    expect(result.stderr).toMatch(/^\u001b\[31merror:\u001b\[39m --plan: unknown plan "gold"/);
  });
});

describe("language", () => {
  it("follows --lang, else the locale", async () => {
    const json = (result: { stdout: string }) => JSON.parse(result.stdout).lines[0].label;
    expect(json(await runInProcess(["estimate", "--plan", "pro", "--format", "json", "--lang", "zh"]))).toBe(
      "专业版套餐包",
    );
    expect(
      json(await runInProcess(["estimate", "--plan", "pro", "--format", "json"], { env: { LANG: "zh_CN.UTF-8" } })),
    ).toBe("专业版套餐包");
    expect(
      json(
        await runInProcess(["estimate", "--plan", "pro", "--format", "json", "--lang", "en"], {
          env: { LANG: "zh_CN.UTF-8" },
        }),
      ),
    ).toBe("Pro package (专业版)");
  });
});
