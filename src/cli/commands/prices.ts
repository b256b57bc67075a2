// `im-bill prices`: the catalog in use, laid out like Tencent's price page.
import { EXIT_OK } from "../../errors.js";
import { examplesText } from "../../i18n/help.js";
import { renderReport } from "../../render/formats.js";
import { formatRow } from "../report.js";
import { optionTable, rowsOf, type FlagsOf } from "../options.js";
import { defineCommand } from "../spec.js";
import type { CommandContext } from "../context.js";
import { LANG_OPTION, PRICING_OPTIONS, pricingFor, type CatalogFlags, type LangFlags } from "../shared-options.js";
import { choosePrices } from "../../catalog/choose.js";

const PRICES_OPTIONS = optionTable({ format: formatRow("prices") });

type PricesFlags = CatalogFlags & LangFlags & FlagsOf<typeof PRICES_OPTIONS>;

export const PRICES = defineCommand<PricesFlags>()({
  name: "prices",
  description: (h) => h.prices.description,
  options: rowsOf(PRICING_OPTIONS, LANG_OPTION, PRICES_OPTIONS),
  after: (h) => examplesText(h, h.prices.examples, h.prices.footer),
  run: async ({ flags }, context: CommandContext) => {
    const { io } = context;
    const { settings, lang } = await pricingFor(flags, context);
    // The list a bill of the day would be priced with: --catalog, --pricing, the config's, else the
    // day's. A sheet shows list prices: the config's discount is not taken.
    const { discount: _discount, config, ...listed } = settings;
    const taken = config && { ...config, taken: config.taken.filter((setting) => setting !== "discount") };
    const prices = choosePrices({ ...listed, ...(taken ? { config: taken } : {}) });
    const options = { lang, styles: context.styles(io.stdout), width: context.width };
    io.stdout.write(await renderReport("prices", flags.format, prices, options));
    return EXIT_OK;
  },
});
