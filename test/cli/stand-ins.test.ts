// The program's --help lists stand-ins of the commands (src/cli/program.ts), not the commands
// defined from their modules: each stand-in shows exactly what its command would, its
// arguments, whether it has options, its description, in both languages.
import { Help } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS, COMMAND_NAMES } from "../../src/cli/main.js";
import { commandOf, standIn } from "../../src/cli/program.js";
import { help } from "../../src/i18n/help.js";
import { runInProcess } from "../helpers/cli.js";
import { definingContext } from "../helpers/context.js";

describe("the stand-ins the program's --help lists", () => {
  const cases = COMMAND_NAMES.flatMap((name) => (["en", "zh"] as const).map((lang) => [name, lang] as const));
  it.each(cases)("%s (%s) is listed as its command would be", async (name, lang) => {
    const whole = commandOf(await COMMANDS[name]!(), definingContext(lang));
    const stand = standIn(name, help[lang]);
    const list = new Help();
    expect(list.subcommandTerm(stand)).toBe(list.subcommandTerm(whole));
    expect(list.subcommandDescription(stand)).toBe(list.subcommandDescription(whole));
  });

  it("are what --help, help and a mistyped command get; help <command> gets the command whole", async () => {
    const program = await runInProcess(["--help"]);
    expect(program.stdout).toMatch(/^ {2}estimate \[options\] \[file\] +estimate the monthly bill/m);
    expect((await runInProcess(["help"])).stdout).toBe(program.stdout);
    expect((await runInProcess(["estmate"])).stderr).toContain("(Did you mean estimate?)");
    const estimate = await runInProcess(["help", "estimate"]);
    expect(estimate.stdout).toContain("--max-total <amount>");
    expect(estimate.stdout).not.toContain("--stand-in");
  });
});
