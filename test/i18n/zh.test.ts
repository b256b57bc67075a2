// Chinese mode is Chinese: every command's --help and a matrix of bad inputs, run through
// the CLI's own run() in-process (the words are what is tested; the binary's contract is
// the e2e tests') under --lang zh or LANG=zh_CN.UTF-8, must hold no English sentence. Flags,
// commands, ids, file names, field paths, quoted values and product names stay as typed.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { COMMAND_NAMES } from "../../src/cli/main.js";

/** Words that stay English in Chinese text: product names, units, formats. */
const KEPT = new Set(
  [
    "Tencent",
    "Cloud",
    "IM",
    "DAU",
    "Mbps",
    "JSON",
    "JSONL",
    "YAML",
    "CSV",
    "Schema",
    "Markdown",
    "JUnit",
    "XML",
    "AVChatRoom",
    "UTF",
    "BOM",
    "CI",
    "GitHub",
    "README",
    "md",
    "PR",
    "Ctrl",
    "NO_COLOR",
    "FORCE_COLOR",
  ].map((word) => word.toLowerCase()),
);

/** The English sentences of `text`: two or more English words in a row, other than kept ones. */
export function englishSentences(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split("\n")) {
    if (/^\s*\$ /.test(raw)) continue; // an example command line
    const line = raw
      .replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”/g, " ") // quoted values, commands
      .replace(/(^|\s|[（(])--?[\w-]+(=\S*)?/g, " ") // flags
      .replace(/<[^>]*>|\[[^\]]*\]/g, " ") // placeholders
      .replace(/\bim-bill( [a-z]+)?/g, " ") // commands
      .replace(/[\w.-]*[/\\][\w./\\*-]*|[\w-]+\.(json|jsonl|ya?ml|csv|md|txt|xml)\b/gi, " ") // paths, file names
      .replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b|\b[a-z]+(?:[.-][\w-]+)+\b/g, " "); // field paths, ids (peakDau, usage.peakDau, tencent-im-cn-2024)
    const words = line.match(/[A-Za-z][A-Za-z']+(?:\s+[A-Za-z][A-Za-z']+)+/g) ?? [];
    for (const run of words) {
      const english = run.split(/\s+/).filter((word) => !KEPT.has(word.toLowerCase()));
      if (english.length >= 2) found.push(`${run}   ← ${raw.trim()}`);
    }
  }
  return found;
}

const zhEnv = { LANG: "zh_CN.UTF-8" };

describe("englishSentences", () => {
  it.each([
    ["error: unknown option '--dua'", ["unknown option"]],
    ["错误：未知选项 '--dua'", []],
    ["  $ im-bill estimate --plan pro --dau 25000", []],
    ["Pro can serve at most 100", ["Pro can serve at most"]],
    ["腾讯云即时通信 IM（Tencent Cloud IM）", []],
    ["usage.peakDau：应为 ≥ 0 的整数，实际为 -5", []],
  ])("%j", (text, found) => {
    expect(englishSentences(text).map((line) => line.split("   ← ")[0])).toEqual(found);
  });
});

describe("Chinese mode", () => {
  // The program's own help, each command's, and the one subcommand.
  const commands = ["", ...COMMAND_NAMES, "usage pull"];

  it.each(commands)("im-bill %s --help is Chinese", async (command) => {
    for (const env of [{}, zhEnv]) {
      const args = [...(command ? command.split(" ") : []), "--help", ...(env === zhEnv ? [] : ["--lang", "zh"])];
      const result = await runInProcess(args, { env });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("用法：");
      expect(englishSentences(result.stdout)).toEqual([]);
    }
  });

  const dir = fixtureDir({
    "typo.json": JSON.stringify({ plan: "pro", usgae: { peakDau: 5 } }),
    "types.json": JSON.stringify({ plan: "pro", usage: { peakDau: -5, peakGroups: "many" }, features: [] }),
    "twice.json": '{"plan": "pro", "plan": "flagship"}',
    "broken.json": '{"plan": "pro",',
    "tagged.yaml": "plan: !!js/function pro\n",
    "utf16.json": "\ufeff{}",
    "deep.json": `${"[".repeat(40)}${"]".repeat(40)}`,
    "overlay.yaml": "extends: tencent-im-cn-2020\nediton: {}\n",
    "bad.csv": 'date,dau,groups\n2026-02-30,1,"2\n',
    "expect.json": JSON.stringify({ plan: "pro", expect: { total: "1.00", lines: { "overage.dua": "0.00" } } }),
    "budget.json": JSON.stringify({ plan: "pro", usage: { peakDau: 25_000 } }),
    "trial.json": JSON.stringify({ plan: "trial", usage: { peakDau: 500 } }),
  });
  const at = (file: string) => join(dir, file);

  it.each([
    [["estimat"]],
    [["estimate", "--plan", "gold"]],
    [["estimate", "--plan", "pro", "--dau", "-5"]],
    [["estimate", "--plan", "pro", "--dua", "5"]],
    [["estimate", "--plan"]],
    [["estimate", "--plan", "pro", "--format", "xml"]],
    [["estimate", "--plan", "pro", "--discount", "200%"]],
    [["estimate", "--plan", "pro", "--max-total", "abc"]],
    [["estimate", "--plan", "pro", "--catalog", "nope"]],
    [["estimate", "--plan", "pro", "--on", "2019-13"]],
    [["estimate", "--plan", "pro", "-o", "bill.xlsx"]],
    [["estimate", "-i"]],
    [["estimate", at("typo.json")]],
    [["estimate", at("types.json")]],
    [["estimate", at("twice.json")]],
    [["estimate", at("broken.json")]],
    [["estimate", at("tagged.yaml")]],
    [["estimate", at("deep.json")]],
    [["estimate", at("missing.json")]],
    [["estimate", dir]],
    [["estimate", "--plan", "pro", "--pricing", at("overlay.yaml")]],
    [["estimate", "--plan", "pro", "--usage-csv", at("bad.csv")]],
    [["estimate", "--plan", "pro", "--usage-csv", at("bad.csv"), "--dau", "5"]],
    [["estimate", at("budget.json"), "--max-total", "1000"]],
    [["estimate", at("trial.json"), "--strict"]],
    [["batch", at("nothing-here")]],
    [["batch", dir, "--format", "table"]],
    [["check", at("expect.json")]],
    [["check", at("budget.json"), "--require-expect"]],
    [["diff", at("budget.json")]],
    [["forecast", at("budget.json"), "--months", "0"]],
    [["forecast", at("budget.json"), "--dau-growth", "x"]],
    [["schema", "bogus"]],
    [["completion", "tcsh"]],
    [["catalogs", "--diff", "tencent-im-cn-2020", "nope"]],
    [[]],
  ])("%j says what is wrong in Chinese", async (args) => {
    // The locale's language, and --lang zh after the command's own flags, as a user types it.
    const runs =
      args.length === 0
        ? [await runInProcess([], { env: zhEnv })]
        : [
            await runInProcess(args, { env: zhEnv }),
            // After an option that waits for its value, --lang would be that value: before the command.
            await runInProcess(args.at(-1)?.startsWith("--") ? ["--lang", "zh", ...args] : [...args, "--lang", "zh"]),
          ];
    for (const result of runs) {
      expect(result.status).not.toBe(0);
      expect(result.status).not.toBe(70);
      const said = `${result.stderr}\n${result.stdout}`;
      expect(said.trim()).not.toBe("");
      expect(englishSentences(said), said).toEqual([]);
      expect(said).not.toMatch(/\n\s+at /); // no stack
    }
  });
});
