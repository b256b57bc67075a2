// The arguments read before commander reads them: `--` ends options, an option's value
// stays a value; and the table of options that take values matches every command's definitions.
import { describe, expect, it } from "vitest";
import type { Command } from "commander";
import { earlyArgs, VALUE_OPTIONS } from "../../src/cli/argv.js";
import { COMMANDS } from "../../src/cli/main.js";
import { commandOf } from "../../src/cli/program.js";
import { runInProcess } from "../helpers/cli.js";
import { definingContext } from "../helpers/context.js";

/** Every option of every command (and subcommand), as the program defines them. */
async function definedOptions(): Promise<{ flag: string; takesValue: boolean }[]> {
  const context = definingContext();
  const options: { flag: string; takesValue: boolean }[] = [];
  const stack: Command[] = [];
  for (const define of Object.values(COMMANDS)) stack.push(commandOf(await define(), context));
  while (stack.length > 0) {
    const command = stack.pop()!;
    stack.push(...command.commands);
    for (const option of command.options)
      for (const flag of [option.long, option.short])
        if (flag) options.push({ flag, takesValue: option.required || option.optional });
  }
  return options;
}

describe("earlyArgs", () => {
  it("knows every option that takes a value, and only those", async () => {
    const options = await definedOptions();
    const taking = [...new Set(options.filter((option) => option.takesValue).map((option) => option.flag))].sort();
    expect([...VALUE_OPTIONS].sort()).toEqual(taking);
  });

  it("stops at --, takes an option's value as that value, and takes the run's switches out of the rest", () => {
    const argv = ["diff", "a.json", "--title", "--debug", "--lang", "zh", "--", "--debug", "--no-color"];
    expect(earlyArgs(argv)).toEqual({
      debug: false,
      noColor: false,
      noConfig: false,
      lang: "zh",
      command: "diff",
      helpFirst: false,
      rest: argv,
    });
    // "--title --lang": --lang is the title; --no-config after it is the run's switch again.
    expect(earlyArgs(["--lang=zh", "--debug", "estimate", "--title", "--lang", "--no-config"])).toEqual({
      debug: true,
      noColor: false,
      noConfig: true,
      lang: "zh",
      command: "estimate",
      helpFirst: false,
      rest: ["--lang=zh", "estimate", "--title", "--lang"],
    });
    expect(earlyArgs(["--lang", "zh", "estimate"]).command).toBe("estimate");
    expect(earlyArgs(["--", "--help"]).helpFirst).toBe(false);
  });

  it("leaves --debug or --lang given as an option's value that value, and -- ends the global options too", async () => {
    const named = await runInProcess(["estimate", "--plan", "pro", "--name", "--lang", "--format", "json"]);
    expect(named.status, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).name).toBe("--lang");
    const debug = await runInProcess(["estimate", "--plan", "pro", "--name", "--debug", "--format", "json"]);
    expect(JSON.parse(debug.stdout).name).toBe("--debug");
    // A title "--debug": the diff runs (and fails on its files) without --debug's stack.
    const titled = await runInProcess(["diff", "a.json", "b.json", "--title", "--debug"]);
    expect(titled).toEqual({ status: 2, stdout: "", stderr: "error: a.json: no such file\n" });
    // --lang as --plan's value: the plan "--lang", said in English; the run's --lang is the one before the command.
    const plan = await runInProcess(["estimate", "--plan", "--lang", "--format", "json"]);
    expect(plan.status).toBe(2);
    expect(plan.stderr).toContain('unknown plan "--lang"');
    const chinese = await runInProcess(["--lang", "zh", "estimate", "--plan", "--lang"]);
    expect(chinese.stderr).toContain("--lang");
    expect(chinese.stderr).toMatch(/^错误：/);
    // After --, "--debug" is an operand: a file of that name, which does not exist.
    const ended = await runInProcess(["estimate", "--", "--debug"]);
    expect(ended).toEqual({ status: 2, stdout: "", stderr: "error: --debug: no such file\n" });
  });
});
