// `im-bill prices`: the catalog in use, laid out like Tencent's price page.
import { Command, Option } from "commander";
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { messages } from "../../i18n/messages.js";
import type { CommandContext } from "../context.js";
import { addLangOption, addPricingOption, pricingFor, type CatalogFlags } from "../shared-options.js";
import { choosePrices } from "../../catalog/choose.js";

export function pricesCommand(context: CommandContext): Command {
  const h = context.help;
  const command = new Command("prices").description(h.prices.description);
  addPricingOption(command, h);
  addLangOption(command, h);
  return command
    .addOption(new Option("--format <format>", h.format).choices(["table", "json", "markdown"]).default("table"))
    .addHelpText("after", examplesText(h, h.prices.examples, h.prices.footer))
    .action(async (flags: CatalogFlags & { lang?: string; format: "table" | "json" | "markdown" }) => {
      const { io } = context;
      const { settings, lang } = await pricingFor(flags, context);
      // The list a bill of the day would be priced with: --catalog, --pricing, the config's, else the
      // day's. A sheet shows list prices: the config's discount is not taken.
      const { discount: _discount, config, ...listed } = settings;
      const taken = config && { ...config, taken: config.taken.filter((setting) => setting !== "discount") };
      const prices = choosePrices({ ...listed, ...(taken ? { config: taken } : {}) });
      const { catalog } = prices;
      if (flags.format === "json") {
        io.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
        return context.setExitCode(EXIT_OK);
      }
      const { priceSheet } = await import("../../render/price-sheet.js");
      const sheet = priceSheet(prices, lang);
      const assumptionsTitle = messages[lang].prices.assumptionsTitle;
      if (flags.format === "markdown") {
        const { renderPriceMarkdown } = await import("../../render/prices.js");
        io.stdout.write(renderPriceMarkdown(sheet, assumptionsTitle));
      } else {
        const { renderPriceTables } = await import("../../render/prices.js");
        io.stdout.write(
          renderPriceTables(sheet, { styles: context.styles(io.stdout), width: context.width, assumptionsTitle }),
        );
      }
      context.setExitCode(EXIT_OK);
    });
}
