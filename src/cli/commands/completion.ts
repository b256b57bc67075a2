// `im-bill completion <shell>`: a completion script generated from this very program.
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { LANG_OPTION } from "../shared-options.js";
import { rowsOf } from "../options.js";
import { argument, defineCommand } from "../spec.js";
import { SHELLS } from "../completion/scripts.js";

export const COMPLETION = defineCommand<unknown>()({
  name: "completion",
  description: (h) => h.completion.description,
  arguments: [argument("<shell>", (h) => h.completion.shell, SHELLS)],
  options: rowsOf(LANG_OPTION),
  after: (h) => examplesText(h, h.completion.examples, h.completion.footer),
  // The script is made from the program commander makes of every command.
  needsProgram: true,
  run: async ({ args: [shell], program }, context) => {
    const [
      { programSpec },
      { completionScript },
      { builtinCatalogs, builtinCatalogIds, editionsOf },
      { switchAddons },
    ] = await Promise.all([
      import("../completion/spec.js"),
      import("../completion/scripts.js"),
      import("../../catalog/index.js"),
      import("../../scenario/validate.js"),
    ]);
    const files = { words: [], files: true };
    const catalogIds = builtinCatalogIds();
    // The editions and add-ons of every built-in list: a scenario may pin any of them.
    const unionOf = (words: (catalog: ReturnType<typeof builtinCatalogs>[number]) => string[]) => [
      ...new Set(builtinCatalogs().flatMap(words)),
    ];
    const spec = programSpec(program!, {
      plan: { words: unionOf(editionsOf), files: false },
      "--addon": { words: unionOf(switchAddons), files: false },
      id: { words: catalogIds, files: false },
      catalogs: { words: catalogIds, files: true },
      file: files,
      path: files,
      paths: files,
      files,
    });
    context.io.stdout.write(completionScript(shell, spec));
    return EXIT_OK;
  },
});
