// `im-bill schema <kind>`: the JSON Schema of a file format, for editors and validators.
import { Argument, Command } from "commander";
import { EXIT_OK } from "../../errors.js";
import type { CommandContext } from "../context.js";

const KINDS = ["scenario", "catalog", "estimate"] as const;

export function schemaCommand(context: CommandContext): Command {
  return new Command("schema")
    .description("print the JSON Schema (2020-12) of scenario files, price catalogs or estimates")
    .addArgument(new Argument("<kind>", "which format").choices(KINDS))
    .addHelpText(
      "after",
      `
Examples:
  $ im-bill schema scenario > scenario.schema.json
  $ im-bill schema estimate

Scenario files may name it in "$schema" so that editors check and complete them.
The package ships them too: node_modules/im-bill/schemas/<kind>.schema.json`,
    )
    .action(async (kind: (typeof KINDS)[number]) => {
      const { renderJsonSchema } = await import("../../validation/json-schema.js");
      context.io.stdout.write(renderJsonSchema(kind));
      context.setExitCode(EXIT_OK);
    });
}
