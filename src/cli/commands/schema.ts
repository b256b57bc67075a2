// `im-bill schema <kind>`: the JSON Schema of a file format, for editors and validators.
import { Argument, Command } from "commander";
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import type { CommandContext } from "../context.js";
import { SCHEMA_KINDS, type SchemaKind } from "../../json-schema/kinds.js";
import { addLangOption } from "../shared-options.js";

export function schemaCommand(context: CommandContext): Command {
  const h = context.help;
  const command = new Command("schema")
    .description(h.schema.description)
    .addArgument(new Argument("<kind>", h.schema.kind).choices(SCHEMA_KINDS));
  // Taken as every command takes it (the schema is the same in both languages; its errors are not).
  addLangOption(command, h);
  return command
    .addHelpText("after", examplesText(h, h.schema.examples, h.schema.footer))
    .action(async (kind: SchemaKind) => {
      const { renderJsonSchema } = await import("../../json-schema/generate.js");
      context.io.stdout.write(renderJsonSchema(kind));
      context.setExitCode(EXIT_OK);
    });
}
