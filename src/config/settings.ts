// How a run prices, once its flags have said what they say: the project config's list
// (its catalog by id, or its price file, read by `loadPricing`) and its discount, each
// taken unless a flag chose otherwise, and every setting that lost named. The CLI reads
// the config's files from disk; a project diff reads each side's from its commit.
import type { ConfigSettings, PriceSettings } from "../catalog/choose.js";
import { builtinCatalogById, dataCenterOf, siteOf } from "../catalog/index.js";
import type { Catalog } from "../catalog/schema.js";
import { unknownCatalogText } from "../catalog/unknown.js";
import { textIn, UserError, type Text } from "../errors.js";
import type { DataCenter, Site } from "../vocabulary.js";
import { marketProblems } from "../catalog/market.js";
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
  dataCenter?: DataCenter | undefined;
  discount?: string | undefined;
}

/**
 * The run's settings from its choices, the one way the CLI's flags and the library's
 * options become settings; a site or data centres that the chosen list does not price
 * are refused (its words said after the flag or option that asked for them).
 */
export function runSettingsOf(
  choices: RunChoices,
  surface: PriceSettings["surface"],
  from: "flag" | "option",
): { settings: RunSettings; problem?: { setting: "site" | "dataCenter"; text: Text } } {
  const { explicit, site, dataCenter, discount } = choices;
  const settings: RunSettings = { day: choices.day, today: choices.today, surface, ...(explicit ? { explicit } : {}) };
  if (site !== undefined) settings.site = { site, from };
  if (dataCenter !== undefined) settings.dataCenter = { dataCenter, from };
  if (discount !== undefined) settings.discount = { percent: discount, from };
  // The first: a site the list is not of is said before its data centres.
  const [problem] = marketProblems({ site, dataCenter }, explicit?.catalog);
  if (problem) return { settings, problem: { setting: problem.path as "site" | "dataCenter", text: problem.message } };
  return { settings };
}

/** The flag each setting of the config stands for, as notes name it. */
export interface FlagNames {
  catalog: string;
  discount: string;
  site: string;
  dataCenter: string;
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
  else if (
    setting &&
    project.catalog !== undefined &&
    run.dataCenter &&
    (dataCenterOf(catalogById("", project.catalog)) ?? run.dataCenter.dataCenter) !== run.dataCenter.dataCenter
  )
    // --data-center asks for another data centre's lists than the config's catalog.
    config.overridden.push({ setting, by: options.flags.dataCenter });
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
  if (project.dataCenter !== undefined) {
    if (run.dataCenter || run.explicit)
      config.overridden.push({
        setting: "dataCenter",
        by: run.dataCenter ? options.flags.dataCenter : run.explicit!.by,
      });
    else {
      settings.dataCenter = { dataCenter: project.dataCenter, from: "config" };
      config.taken.push("dataCenter");
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
