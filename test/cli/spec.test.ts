// A command's run is typed from its definition: its arguments from their syntax and
// choices (as its flags are from its option tables), so that the two cannot drift.
// The types are checked by `npm run typecheck`; the values by the run below.
import { describe, expect, expectTypeOf, it } from "vitest";
import { argument, type ArgsOf } from "../../src/cli/spec.js";
import { ESTIMATE } from "../../src/cli/commands/estimate.js";
import { CHECK } from "../../src/cli/commands/check.js";
import { DIFF } from "../../src/cli/commands/diff.js";
import { SCHEMA } from "../../src/cli/commands/schema.js";
import { PRICES } from "../../src/cli/commands/prices.js";
import type { SchemaKind } from "../../src/json-schema/kinds.js";
import { help } from "../../src/i18n/help.js";

type ArgsOfRun<Spec extends { run?: (call: never, context: never) => unknown }> = Parameters<
  NonNullable<Spec["run"]>
>[0] extends { args: infer Args }
  ? Args
  : never;

describe("a definition's arguments", () => {
  it("type the run's: [x] may be left out, <x> not, x... is a list, choices narrow", () => {
    const file = argument("[file]", (h) => h.file.argument);
    const kind = argument("<kind>", (h) => h.schema.kind, ["a", "b"] as const);
    expectTypeOf<ArgsOf<[typeof file, typeof kind]>>().toEqualTypeOf<[string | undefined, "a" | "b"]>();
    expectTypeOf<ArgsOfRun<typeof ESTIMATE>>().toEqualTypeOf<[string | undefined]>();
    expectTypeOf<ArgsOfRun<typeof CHECK>>().toEqualTypeOf<[string[]]>();
    expectTypeOf<ArgsOfRun<typeof DIFF>>().toEqualTypeOf<[string[]]>();
    expectTypeOf<ArgsOfRun<typeof SCHEMA>>().toEqualTypeOf<[SchemaKind]>();
    expectTypeOf<ArgsOfRun<typeof PRICES>>().toEqualTypeOf<[]>();
    // And as commander reads them: the syntax, the words, the choices.
    expect(kind).toEqual({ syntax: "<kind>", help: kind.help, choices: ["a", "b"] });
    expect(file.help(help.en)).toBe(help.en.file.argument);
    expect(SCHEMA.arguments?.[0]?.choices).toContain("scenario");
  });
});
