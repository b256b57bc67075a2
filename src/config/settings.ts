// How a run prices, once its flags have said what they say: the project config's list
// (its catalog by id, or its price file, read by `loadPricing`) and its discount, each
// taken unless a flag chose otherwise, and every setting that lost named. The CLI reads
// the config's files from disk; a project diff reads each side's from its commit.
import type { ConfigSettings, PriceSettings } from "../catalog/choose.js";
import { builtinCatalogById, siteOf } from "../catalog/index.js";
import type { Catalog } from "../catalog/schema.js";
import { unknownCatalogText } from "../catalog/unknown.js";
import { say, textIn, UserError, type Text } from "../errors.js";
import type { Site } from "../vocabulary.js";
import type { ProjectConfig } from "./schema.js";

/** What the run's flags (or the library's options) chose, before the project config is heard. */
export type RunSettings = Omit<PriceSettings, "config">;

/** What a run chose, each already read (a list, a site, a discount's percent). */
export interface RunChoices {
  day: string;
  /** the day the run is made */
  today: string;
  /** the list a flag or an option names, and that flag or option */
  explicit?: { catalog: Catalog; by: string } | undefined;
  site?: Site | undefined;
  discount?: string | undefined;
}

/**
 * The run's settings from its choices, the one way the CLI's flags and the library's
 * options become settings; a site that is not the chosen list's is refused (its words
 * said after the flag or option that asked for the site).
 */
export function runSettingsOf(
  choices: RunChoices,
  surface: PriceSettings["surface"],
  from: "flag" | "option",
): { settings: RunSettings; problem?: Text } {
  const { explicit, site, discount } = choices;
  const settings: RunSettings = { day: choices.day, today: choices.today, surface, ...(explicit ? { explicit } : {}) };
  if (site !== undefined) settings.site = { site, from };
  if (discount !== undefined) settings.discount = { percent: discount, from };
  if (explicit && site !== undefined && siteOf(explicit.catalog) !== site) {
    const [list, listSite] = [explicit.catalog.id, siteOf(explicit.catalog)];
    return { settings, problem: say((t) => t.validation.siteAndPin(site, list, listSite)) };
  }
  return { settings };
}

/** The flag each setting of the config stands for, as notes name it. */
export interface FlagNames {
  catalog: string;
  discount: string;
  site: string;
}

export async function settingsWithConfig(
  run: RunSettings,
  project: ProjectConfig | undefined,
  options: {
    /** settings of the config the command took as option values (lang) */
    taken: readonly string[];
    flags: FlagNames;
    loadPricing(path: string): Promise<Catalog>;
  },
): Promise<PriceSettings> {
  const settings: PriceSettings = { ...run };
  if (!project) return settings;
  const config: ConfigSettings = { file: project.file, taken: [...options.taken], overridden: [] };
  const setting = project.pricing !== undefined ? "pricing" : project.catalog !== undefined ? "catalog" : undefined;
  if (setting && run.explicit) config.overridden.push({ setting, by: run.explicit.by });
  else if (
    setting &&
    project.catalog !== undefined &&
    run.site &&
    siteOf(catalogById("", project.catalog)) !== run.site.site
  )
    // --site asks for another site's lists than the config's catalog.
    config.overridden.push({ setting, by: options.flags.site });
  else if (setting) {
    config.setting = setting;
    config.catalog =
      setting === "pricing"
        ? await configFile(project.file, () => options.loadPricing(project.pricing!))
        : catalogById(`${project.file}: catalog`, project.catalog!);
  }
  if (project.discount !== undefined) {
    if (run.discount) config.overridden.push({ setting: "discount", by: options.flags.discount });
    else {
      settings.discount = { percent: project.discount, from: "config" };
      config.taken.push("discount");
    }
  }
  if (project.site !== undefined) {
    if (run.site || run.explicit)
      config.overridden.push({ setting: "site", by: run.site ? options.flags.site : run.explicit!.by });
    else {
      settings.site = { site: project.site, from: "config" };
      config.taken.push("site");
    }
  }
  settings.config = config;
  return settings;
}

/** What a setting of the project config causes, named with the config file. */
async function configFile<T>(file: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError((lang) => `${file}: pricing: ${error.messageIn(lang)}`, error.exitCode);
  }
}

/** A built-in list by id, or a usage error with the ids there are and the closest one. */
export function catalogById(where: string, id: string): Catalog {
  const catalog = builtinCatalogById(id);
  if (catalog) return catalog;
  const message = unknownCatalogText(id, JSON.stringify(id));
  throw new UserError((lang) => `${where}: ${textIn(message, lang)}`);
}
