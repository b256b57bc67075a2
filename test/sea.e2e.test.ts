// `npm run build:sea`: the standalone executable, built into a temporary folder and run
// from an empty one with no Node on PATH and no node_modules anywhere near it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imBill, root, RUN_EPOCH } from "./helpers/cli.js";
import { tmuxServer } from "./helpers/tmux.js";

const work = mkdtempSync(join(tmpdir(), "im-bill-sea-test-"));
const executable = join(work, "bin", "im-bill");
const empty = join(work, "empty");
const examples = join(root, "examples");

/** The executable with an empty environment (no PATH, so no node to fall back on) but the tests' day. */
const standalone = (args: string[]) => {
  const env = { SOURCE_DATE_EPOCH: RUN_EPOCH };
  const result = spawnSync(executable, args, { cwd: empty, env, encoding: "utf8", timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe.runIf(process.platform === "linux")("the standalone executable", () => {
  const terminals = tmuxServer();

  beforeAll(() => {
    mkdirSync(empty, { recursive: true });
    const build = spawnSync(process.execPath, [join(root, "scripts", "build-sea.mjs"), "--out", executable], {
      cwd: root,
      encoding: "utf8",
    });
    expect(build.status, build.stderr).toBe(0);
    expect(statSync(executable).mode & 0o111).not.toBe(0);
  }, 120_000);

  afterAll(() => {
    terminals.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("prices from flags and from YAML what the package prices", () => {
    for (const args of [
      ["estimate", "--plan", "pro", "--dau", "25000", "--groups", "150000", "--format", "json"],
      ["estimate", "--file", join(examples, "community-large-groups.yaml"), "--format", "json"],
      ["estimate", "--plan", "pro", "--usage-csv", join(examples, "daily-usage.csv"), "--format", "json"],
    ]) {
      const result = standalone(args);
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(imBill(args, { cwd: empty }).stdout));
    }
  });

  it("batches over a glob, prints the price sheet, its version and a completion script", () => {
    for (const args of [
      ["batch", `${examples}/*.json`, "--format", "csv"],
      ["prices", "--lang", "zh"],
      ["--version"],
      ["completion", "fish"],
    ]) {
      const result = standalone(args);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe(imBill(args, { cwd: empty }).stdout);
    }
  });

  it("says what is wrong with bad input, exit 2", () => {
    const result = standalone(["estimate", "--plan", "gold"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(imBill(["estimate", "--plan", "gold"], { cwd: empty }).stderr);
  });

  it("asks the questions in a terminal (the prompt library is inside)", async () => {
    const term = terminals.session("sea", empty, `env -i TERM=xterm ${executable}`);
    await term.waitFor("? Site");
    term.keys("Enter");
    await term.waitFor("? Edition");
    term.keys("C-c");
    await term.waitFor("EXIT=130");
  });
});
