// `im-bill catalogs`: the built-in price lists with their dates and how sure each
// figure is; `--diff A B` lists every figure that differs between two catalogs.
import { renderReport } from "../../render/formats.js";
import { formatRow } from "../report.js";
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { defineCommand } from "../spec.js";
import { countFigures, diffCatalogs } from "../../catalog/figures.js";
import { builtinCatalogById, builtinCatalogIds, builtinCatalogs, inEffectFor, siteOf } from "../../catalog/index.js";
import { unknownCatalogText } from "../../catalog/unknown.js";
import { closest } from "../../util/suggest.js";
import { printableLine } from "../../util/printable.js";
import { statOrUndefined } from "../../util/stat.js";
import { resolve } from "node:path";
import { sites } from "../../vocabulary.js";
import type { Catalog } from "../../catalog/schema.js";
import { EXIT_OK, say, textIn, UserError } from "../../errors.js";
import { today } from "../../util/today.js";
import { examplesText } from "../../i18n/help.js";
import type { CommandContext } from "../context.js";
import { LANG_OPTION } from "../shared-options.js";

const CATALOGS_OPTIONS = optionTable({
  diff: { flags: "--diff <catalogs...>", help: (h) => h.catalogs.diff },
  format: formatRow("catalogs"),
  lang: LANG_OPTION.lang,
});

export const CATALOGS = defineCommand<FlagsOf<typeof CATALOGS_OPTIONS>>()({
  name: "catalogs",
  description: (h) => h.catalogs.description,
  options: rowsOf(CATALOGS_OPTIONS),
  after: (h) => examplesText(h, h.catalogs.examples, h.catalogs.footer),
  run: async ({ flags }, context: CommandContext) => {
    const { io } = context;
    const lang = context.lang(flags.lang);
    const styles = context.styles(io.stdout);
    const options = { lang, styles, width: context.width };
    if (flags.diff !== undefined) {
      if (flags.diff.length > 2) throw new UserError(say((t) => t.catalogs.diffTwo(flags.diff!.length)));
      // One list is compared with the list of its site in effect today.
      const first = await catalogNamed(flags.diff[0]!, context);
      const [before, after] =
        flags.diff.length === 1
          ? [first, inEffectFor(first, today())!]
          : [first, await catalogNamed(flags.diff[1]!, context)];
      const changes = diffCatalogs(before, after);
      io.stdout.write(await renderReport("catalog-diff", flags.format, { before, after, changes }, options));
      return EXIT_OK;
    }
    const day = today();
    // The lists by site, each site's oldest first: the one in effect today on each site is marked.
    const rows = sites.flatMap((site) =>
      builtinCatalogs()
        .filter((catalog) => siteOf(catalog) === site)
        .map((catalog) => ({
          catalog,
          counts: countFigures(catalog),
          current: catalog === inEffectFor(catalog, day),
        })),
    );
    io.stdout.write(await renderReport("catalogs", flags.format, rows, options));
    return EXIT_OK;
  },
});

/** A built-in catalog by id, else a catalog file (whole or overlay). */
async function catalogNamed(name: string, context: CommandContext): Promise<Catalog> {
  const builtin = builtinCatalogById(name);
  if (builtin) return builtin;
  // No such file, and a name rather than a path (or one a letter off a list's id): a misspelt id, said as --catalog says it.
  if (!statOrUndefined(resolve(context.io.cwd, name))) {
    const looksLikeId = !/[/\\]/.test(name) && !/\.(json|ya?ml)$/i.test(name);
    if (looksLikeId || closest(name, builtinCatalogIds()) !== undefined) {
      const shown = JSON.stringify(printableLine(name.slice(0, 80)));
      throw new UserError((lang) => `--diff: ${textIn(unknownCatalogText(name, shown), lang)}`);
    }
  }
  const { loadCatalog } = await import("../../catalog/file.js");
  return loadCatalog(name, context.io);
}
