// The arguments read before commander reads them: `--` ends options, an option's value
// stays a value; and the table of options that take values matches every command's definitions.
import { describe, expect, it } from "vitest";
import type { Command } from "commander";
import { earlyArgs, VALUE_OPTIONS } from "../../src/cli/argv.js";
import { COMMANDS } from "../../src/cli/main.js";
import { help } from "../../src/i18n/help.js";
import { runInProcess } from "../helpers/cli.js";
import type { CommandContext } from "../../src/cli/context.js";

/** Every option of every command (and subcommand), as the program defines them. */
async function definedOptions(): Promise<{ flag: string; takesValue: boolean }[]> {
  const context = { help: help.en, language: "en", lang: () => "en", io: { env: {} } } as unknown as CommandContext;
  const options: { flag: string; takesValue: boolean }[] = [];
  const stack: Command[] = [];
  for (const define of Object.values(COMMANDS)) stack.push((await define())(context));
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

  it("stops at --, and takes an option's value as that value", () => {
    expect(earlyArgs(["diff", "a.json", "--title", "--debug", "--lang", "zh", "--", "--debug", "--no-color"])).toEqual({
      debug: false,
      noColor: false,
      noConfig: false,
      lang: "zh",
      command: "diff",
      helpFirst: false,
    });
    // "--title --lang": --lang is the title; --no-config after it is an option again.
    expect(earlyArgs(["--lang=zh", "--debug", "estimate", "--title", "--lang", "--no-config"])).toMatchObject({
      debug: true,
      lang: "zh",
      noConfig: true,
      command: "estimate",
    });
    expect(earlyArgs(["--lang", "zh", "estimate"]).command).toBe("estimate");
    expect(earlyArgs(["--", "--help"]).helpFirst).toBe(false);
  });

  it("leaves --debug or --lang given as an option's value that value, and -- ends the global options too", async () => {
    // Attached, the value is taken: a name "--lang" in an English run, and no --lang of the run.
    const named = await runInProcess(["estimate", "--plan", "pro", "--name=--lang", "--format", "json"]);
    expect(named.status, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).name).toBe("--lang");
    // Apart, commander asks for the value (it takes no option-like word as one); --debug did not switch on.
    const titled = await runInProcess(["diff", "a.json", "b.json", "--title", "--debug"]);
    expect(titled).toEqual({ status: 2, stdout: "", stderr: "error: option '--title <text>' argument missing\n" });
    const chinese = await runInProcess(["estimate", "--plan", "pro", "--name", "--lang", "zh"]);
    expect(chinese.stderr).toBe("error: option '--name <name>' argument missing\n");
    // After --, "--lang" and "--debug" are operands: a file of that name, which does not exist.
    const ended = await runInProcess(["estimate", "--", "--debug"]);
    expect(ended.status).toBe(2);
    expect(ended.stderr).toBe("error: --debug: no such file\n");
  });
});
