// The project config (im-bill.config.json / .yaml, or "im-bill" in package.json): the
// settings a team would otherwise repeat on every command. Its type, its validation and
// its JSON Schema come from this one definition.
import * as z from "zod/mini";
import type { Lang } from "../i18n/lang.js";
import { field, text } from "../validation/fields.js";
import { dataCenters, sites, type DataCenter, type Site } from "../vocabulary.js";
import { regionNames, type Region } from "../tencent/regions.js";

/** A config found and validated: each setting as the flag it stands for would give it. */
export interface ProjectConfig {
  /** the file, as messages and footers name it: relative to the current directory */
  file: string;
  /** the catalog file, as a path from the current directory (the config's own is relative to the config) */
  pricing?: string;
  catalog?: string;
  /** the percentage, as --discount parses it ("15") */
  discount?: string;
  lang?: Lang;
  site?: Site;
  dataCenter?: DataCenter;
  /** `usage pull`'s settings (never the secret key) */
  usage?: UsagePullSettings;
}

export interface UsagePullSettings {
  sdkappid?: string;
  admin?: string;
  region?: Region;
  /** the usage file, as a path from the current directory (the config's own is relative to the config) */
  output?: string;
}

/** "15%", "15" or 15: a percentage from 0 to 100 with at most four decimals (checked again by discountOf). */
const percent = field(
  z.union([
    z.string().check(z.regex(/^\s*\d{1,3}(\.\d{1,4})?\s*%?\s*$/)),
    z.number().check(z.minimum(0), z.maximum(100)),
  ]),
  'A discount in percent, such as "15%", on what the catalog\'s discounts name (as --discount)',
  (r) => r.percent,
);

export const ProjectConfigSchema = z.strictObject({
  $schema: z.optional(z.string()),
  pricing: z.optional(
    text("A price catalog file, JSON or YAML, relative to this config (as --pricing): a whole catalog or an overlay"),
  ),
  catalog: z.optional(text("A built-in price list by id, such as tencent-im-cn-2024 (as --catalog)")),
  discount: z.optional(percent),
  lang: z.optional(field(z.enum(["en", "zh"]), "The language of labels and messages (as --lang)", (r) => r.lang)),
  site: z.optional(
    field(
      z.enum(sites),
      "The site whose price lists the day picks: cn (the mainland, the default) or intl (tencentcloud.com, USD) (as --site)",
      (r) => r.oneOf(sites.join(", ")),
    ),
  ),
  dataCenter: z.optional(
    field(
      z.enum(dataCenters),
      "On the mainland site, where the project's apps keep their data: mainland (the default) or overseas, priced by Tencent's overseas table (境外资费) (as --data-center)",
      (r) => r.oneOf(dataCenters.join(", ")),
    ),
  ),
  // The secret key is not a setting: it comes from the environment or a file of its own. Nor
  // is the address the UserSig goes to (usage.baseUrl is refused by name: ./validate.ts).
  usage: z.optional(
    z.strictObject({
      sdkappid: z.optional(
        field(
          z.union([z.string().check(z.regex(/^\d{1,20}$/)), z.int().check(z.minimum(1))]),
          "The app's SDKAppID (as --sdkappid)",
          (r) => r.sdkappid,
        ),
      ),
      admin: z.optional(text("An administrator account of the app (as --admin)")),
      region: z.optional(
        field(z.enum(regionNames as [Region, ...Region[]]), "The app's data center (as --region)", (r) =>
          r.oneOf(regionNames.join(", ")),
        ),
      ),
      output: z.optional(text("The usage CSV the pull merges into, relative to this config (as --output)")),
    }),
  ),
});

export type ProjectConfigInput = z.infer<typeof ProjectConfigSchema>;
