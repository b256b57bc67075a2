// `im-bill schema <kind>`: the JSON Schema of a file format, for editors and validators.
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { SCHEMA_KINDS } from "../../json-schema/kinds.js";
import { rowsOf } from "../options.js";
import { LANG_OPTION } from "../shared-options.js";
import { argument, defineCommand } from "../spec.js";

export const SCHEMA = defineCommand<unknown>()({
  name: "schema",
  description: (h) => h.schema.description,
  arguments: [argument("<kind>", (h) => h.schema.kind, SCHEMA_KINDS)],
  // Taken as every command takes it (the schema is the same in both languages; its errors are not).
  options: rowsOf(LANG_OPTION),
  after: (h) => examplesText(h, h.schema.examples, h.schema.footer),
  run: async ({ args: [kind] }, context) => {
    const { renderJsonSchema } = await import("../../json-schema/generate.js");
    context.io.stdout.write(renderJsonSchema(kind));
    return EXIT_OK;
  },
});
