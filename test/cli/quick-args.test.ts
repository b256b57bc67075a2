// A run whose arguments are plain is read from its command's definition, not by
// commander (src/cli/quick-args.ts). Over arguments fast-check makes from each command's
// own options (known flags and values, some a choice it lacks, a value that looks like a
// flag, a bundle of short flags, `--`, --help, operands too few or too many), whatever the
// quick reader is sure of is what commander reads: the same arguments, flags and sources,
// or the same error a flag's parser throws. It is sure of most plain arguments (else the
// quick path would quietly never be taken), and of the runs the start-up bench times.
import fc from "fast-check";
import { Command, CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS, COMMAND_NAMES } from "../../src/cli/commands/index.js";
import { commandOf } from "../../src/cli/program.js";
import { quickArgs } from "../../src/cli/quick-args.js";
import { flagParts } from "../../src/cli/options.js";
import type { AnyCommandSpec, CommandCall } from "../../src/cli/spec.js";
import { definingContext } from "../helpers/context.js";

const context = definingContext();

type Reading =
  | { args: unknown[]; flags: Record<string, unknown>; sources: Record<string, unknown> }
  | { threw: string }
  | { refused: string };

/** What commander makes of `words` after the command's name, in a program set up as the CLI's. */
async function commanderReading(spec: AnyCommandSpec, words: readonly string[]): Promise<Reading> {
  let call: CommandCall<readonly unknown[], Record<string, unknown>> | undefined;
  const capture = {
    ...spec,
    run: (made: typeof call) => ((call = made), Promise.resolve(0)),
  } as unknown as AnyCommandSpec;
  const program = new Command("im-bill").enablePositionalOptions().addCommand(commandOf(capture, context));
  for (const command of [program, ...program.commands])
    command.exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  try {
    await program.parseAsync([spec.name, ...words], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return { refused: error.code };
    return { threw: String((error as Error).message) };
  }
  if (call === undefined) return { refused: "no action" };
  return { args: call.args as unknown[], flags: { ...call.flags }, sources: sourcesOf(call.flags, call.source) };
}

const sourcesOf = (flags: Record<string, unknown>, source: (attribute: string) => unknown) =>
  Object.fromEntries(Object.keys(flags).map((attribute) => [attribute, source(attribute)]));

/** What the quick reader makes of them: undefined where it leaves them to commander. */
function quickReading(spec: AnyCommandSpec, words: readonly string[]): Reading | undefined {
  try {
    const call = quickArgs(spec, words);
    if (call === undefined) return undefined;
    return {
      args: call.args,
      flags: { ...call.flags },
      sources: sourcesOf(call.flags, (key) => call.sources.get(key)),
    };
  } catch (error) {
    return { threw: String((error as Error).message) };
  }
}

/** Words a user might type after the command: its flags, values good and bad, operands, and what only commander reads. */
function wordsFor(spec: AnyCommandSpec): fc.Arbitrary<string[]> {
  const values = fc.constantFrom(
    "pro",
    "25000",
    "15%",
    "12.5",
    "2026-01",
    "json",
    "table",
    "en",
    "zh",
    "x.json",
    "-",
    "",
  );
  const option = fc.oneof(
    ...spec.options.map((row) => {
      const parts = flagParts(row.flags);
      const flag = fc.constantFrom(...[parts.long, parts.short].filter((each) => each !== undefined));
      // A row with choices mostly gets one of them.
      const value = row.choices ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...row.choices) }, values) : values;
      return parts.value === undefined
        ? fc.oneof(
            { weight: 5, arbitrary: flag.map((each) => [each]) },
            values.map((text) => [`${parts.long}=${text}`]),
          )
        : fc.oneof(
            { weight: 4, arbitrary: fc.tuple(flag, value).map(([each, text]) => [each, text]) },
            { weight: 1, arbitrary: value.map((text) => [`${parts.long}=${text}`]) },
            { weight: 1, arbitrary: flag.map((each) => [each, "--strict"]) },
          );
    }),
  );
  const choices = (spec.arguments ?? []).flatMap((argument) => argument.choices ?? []);
  const files = fc.constantFrom("a.json", "b.json", "examples", "-");
  // An argument with choices (a schema's kind) mostly gets one of them.
  const operand = (
    choices.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...choices) }, files) : files
  ).map((each) => [each]);
  // An operand more than the command takes comes with the odd words.
  const odd = fc
    .constantFrom("--", "--help", "-h", "-x", "--nope", "-pi", "-5", "--format", "extra.json")
    .map((each) => [each]);
  const arguments_ = spec.arguments ?? [];
  const required = arguments_.filter((argument) => argument.syntax.startsWith("<")).length;
  const most = arguments_.some((argument) => argument.syntax.includes("...")) ? 3 : arguments_.length;
  const word = fc.oneof({ weight: 12, arbitrary: option }, { weight: 1, arbitrary: odd });
  // Options with the operands among them, as many as the command may take.
  return fc
    .tuple(
      fc.array(word, { maxLength: 5 }),
      fc.oneof(
        { weight: 4, arbitrary: fc.array(operand, { minLength: required, maxLength: Math.max(required, most) }) },
        fc.array(operand, { maxLength: most }),
      ),
      fc.nat(),
    )
    .map(([groups, operands, at]) => {
      const cut = at % (groups.length + 1);
      return [...groups.slice(0, cut), ...operands, ...groups.slice(cut)].flat();
    });
}

describe("the quick reading of a command's arguments", () => {
  const runnable = COMMAND_NAMES.filter((name) => !["usage", "completion"].includes(name));

  it.each(runnable)("%s: whatever it is sure of, commander reads the same", async (name) => {
    const spec = await COMMANDS[name]!();
    let sure = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(wordsFor(spec), async (words) => {
        total++;
        const quick = quickReading(spec, words);
        if (quick === undefined) return;
        sure++;
        expect(await commanderReading(spec, words)).toEqual(quick);
      }),
      { numRuns: 300 },
    );
    // Sure of plain arguments often enough that the quick path is the one taken.
    expect(sure).toBeGreaterThan(total / 5);
  });

  it("is sure of the runs people start most, as the bench times them", async () => {
    const cases: [string, string[]][] = [
      ["estimate", ["--plan", "pro", "--dau", "25000", "--groups", "150000", "--format", "json"]],
      ["estimate", ["--plan", "pro", "--dau", "25000", "--groups", "150000"]],
      ["compare", ["--dau", "25000"]],
      ["check", ["examples/small-chat-pro.json"]],
      ["estimate", ["--interactive"]],
      // A list flag collects its repeats; another flag given twice keeps the last.
      ["estimate", ["--plan", "pro", "--addon", "a", "--addon=b", "--plan", "flagship", "--no-security-strike"]],
    ];
    for (const [name, words] of cases) {
      const spec = await COMMANDS[name]!();
      const quick = quickReading(spec, words);
      expect(quick, `${name} ${words.join(" ")}`).toBeDefined();
      expect(await commanderReading(spec, words)).toEqual(quick);
    }
    const repeated = quickReading(await COMMANDS.estimate!(), cases.at(-1)![1]);
    expect(repeated).toMatchObject({ flags: { plan: "flagship", addon: ["a", "b"], securityStrike: false } });
  });

  it("leaves to commander what only it says: help, usage errors, a command of commands, the completion script", async () => {
    const estimate = await COMMANDS.estimate!();
    for (const words of [["--help"], ["-h"], ["--nope"], ["--plan"], ["a.json", "b.json"], ["--", "a.json"], ["-pi"]])
      expect(quickArgs(estimate, words), words.join(" ")).toBeUndefined();
    expect(quickArgs(await COMMANDS.check!(), [])).toBeUndefined();
    expect(quickArgs(await COMMANDS.usage!(), ["pull"])).toBeUndefined();
    expect(quickArgs(await COMMANDS.completion!(), ["bash"])).toBeUndefined();
  });

  it("reads each option's flags as commander does", async () => {
    for (const name of COMMAND_NAMES) {
      const command = commandOf(await COMMANDS[name]!(), context);
      for (const each of [command, ...command.commands])
        for (const option of each.options) {
          const parts = flagParts(option.flags);
          expect({ ...parts, value: parts.value ?? false }).toEqual({
            long: option.long,
            short: option.short,
            negate: option.negate,
            value: option.required ? "required" : option.optional ? "optional" : false,
            variadic: option.variadic,
            attribute: option.attributeName(),
          });
        }
    }
  });
});
