// Where the prices of an estimate come from, as `--format json` prints it under
// `pricing`: one definition for its type and its JSON Schema. Code that prices imports
// only the type, so that start-up never builds this schema.
import * as z from "zod/mini";
import { documented } from "../validation/fields.js";

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const PricingRefSchema = documented(
  z.strictObject({
    on: documented(Day, "The day the bill is for (--on, else the day it was made), YYYY-MM-DD"),
    chosenBy: documented(
      z.enum(["flag", "option", "pin", "config", "date", "earliest"]),
      "What chose the list: --catalog or --pricing (flag; option in the library), the scenario's catalog (pin), the project config, the day (the list in effect on it), or none applying on the day (earliest: the site's earliest list, said in a note)",
    ),
    catalog: z.strictObject({
      id: z.string(),
      version: documented(z.string(), "A list read from a file has a hash of its content here (+sha256:…)"),
      currency: z.string(),
      site: documented(
        z.enum(["cn", "intl"]),
        "The site that sells the list: cn (the mainland) or intl (tencentcloud.com)",
      ),
      // Optional so that reports saved before it still read; im-bill writes it for every mainland list.
      dataCenter: z.optional(
        documented(
          z.enum(["mainland", "overseas"]),
          "The data centres the list prices, on the mainland site: mainland (in China) or overseas (境外); absent for the international site's lists, which price every data centre alike",
        ),
      ),
      effective: documented(
        z.strictObject({ from: z.nullable(Day), to: z.nullable(Day) }),
        "The days the list applies; null: open, or not stated by a source",
      ),
      lastVerified: documented(z.nullable(Day), "The date of the newest source the list cites"),
      // Optional so that reports saved before it still read; im-bill always writes it.
      verifiedDaysAgo: z.optional(
        documented(
          z.nullable(z.int()),
          "Days from lastVerified to the day the bill was made; null: the list names no such date. Past 180, a note says so",
        ),
      ),
      builtin: documented(z.boolean(), "One of im-bill's own lists (`im-bill catalogs`)"),
    }),
    overlays: documented(
      z.array(z.strictObject({ file: z.string(), sha256: z.string(), extends: z.nullable(z.string()) })),
      "The price files the list was read from (--pricing, or the project config's pricing): an overlay extends a built-in list, a whole catalog extends none",
    ),
    config: documented(
      z.nullable(z.strictObject({ file: z.string(), settings: z.array(z.string()) })),
      'The project config this estimate took settings from (im-bill.config.*, or "im-bill" in package.json), and which',
    ),
    discount: documented(
      z.nullable(z.strictObject({ percent: z.string(), from: z.enum(["flag", "option", "config"]) })),
      "The discount in percent, and what gave it: --discount, the library's option, or the project config",
    ),
  }),
  "Which prices made this bill: the list, the files, the project config and the discount",
);
export type PricingRef = z.infer<typeof PricingRefSchema>;
