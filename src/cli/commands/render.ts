// `im-bill render <saved.json>`: a report saved as JSON, laid out again in another
// format without pricing anything: CI keeps the JSON as an artefact and renders the
// comment or the page later. Its words are in the language it was saved in.
import { EXIT_OK, say, UserError } from "../../errors.js";
import { readDocument } from "../../document/read.js";
import { examplesText } from "../../i18n/help.js";
import { renderedFormats, renderModel } from "../../render/formats.js";
import { REPORT_KINDS } from "../../report/kinds.js";
import type { CommandContext } from "../context.js";
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { argument, defineCommand } from "../spec.js";
import { OUTPUT_ROW, optionalFormatRow, reportTarget, writeReport } from "../report.js";
import { LANG_OPTION } from "../shared-options.js";

/** Every format a saved report of some kind has. */
const FORMATS = renderedFormats(REPORT_KINDS);

const RENDER_OPTIONS = optionTable({
  format: optionalFormatRow(FORMATS, (h) => h.render.format),
  title: { flags: "--title <text>", help: (h) => h.diff.title },
  // A forecast's chart of the months, as `forecast` draws it: on a terminal unless --no-chart.
  chart: { flags: "--chart", help: (h) => h.forecast.chart },
  noChart: { flags: "--no-chart", help: (h) => h.forecast.noChart },
  output: OUTPUT_ROW,
});

type RenderFlags = FlagsOf<typeof RENDER_OPTIONS>;

export const RENDER = defineCommand<RenderFlags>()({
  name: "render",
  description: (h) => h.render.description,
  arguments: [argument("<file>", (h) => h.render.file)],
  // --lang: the language of its messages; the report's words stay in the language it was saved in.
  options: rowsOf(LANG_OPTION, RENDER_OPTIONS),
  after: (h) => examplesText(h, h.render.examples, h.render.footer),
  run: async ({ args: [file], flags, source: sourceOf }, context: CommandContext) => {
    const target = reportTarget(sourceOf, flags, FORMATS, context, "table");
    const { source, data } = await readDocument(
      file,
      context.io,
      say((t) => t.document.expectedReport),
    );
    const { readReport } = await import("../../report/read.js");
    const saved = readReport(data, source);
    const formats = renderedFormats([saved.kind]);
    if (!formats.includes(target.format)) {
      const [kind, format, list] = [saved.kind, target.format, formats.join(", ")];
      throw new UserError(say((t) => t.render.noFormat(kind, format, list)));
    }
    const text = await renderModel(saved.kind, target.format, saved.model as never, {
      lang: saved.model.lang,
      styles: target.styles,
      width: target.width,
      title: flags.title,
      chart: flags.chart ?? target.terminal,
    });
    await writeReport(text, target, context);
    return EXIT_OK;
  },
});
