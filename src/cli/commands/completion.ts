// `im-bill completion <shell>`: a completion script generated from this very program.
import { Argument, Command } from "commander";
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { addLangOption } from "../shared-options.js";
import { SHELLS, type Shell } from "../completion/scripts.js";
import type { CommandContext } from "../context.js";

export function completionCommand(context: CommandContext): Command {
  const h = context.help;
  const command = new Command("completion")
    .description(h.completion.description)
    .addArgument(new Argument("<shell>", h.completion.shell).choices(SHELLS))
    .addHelpText("after", examplesText(h, h.completion.examples, h.completion.footer));
  return addLangOption(command, h).action(async (shell: Shell, _flags: unknown, self: Command) => {
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
    const spec = programSpec(self.parent!, {
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
    context.setExitCode(EXIT_OK);
  });
}
