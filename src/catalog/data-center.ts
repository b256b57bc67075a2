// Whether the data centres asked for suit the site and the list asked for: said the same
// way for a scenario, the project config, the CLI's flags and the library's options.
import { say, type Problem } from "../errors.js";
import { dataCenterOf, siteOf, type Catalog } from "./index.js";

/**
 * Data centres that a site or a list cannot price (a scenario's, a config's, a run's): overseas on the
 * international site (which prices every data centre alike), or a list of the other kind.
 */
export function dataCenterProblems(
  data: { site?: string | undefined; dataCenter?: string | undefined },
  listed: Catalog | undefined,
): Problem[] {
  const { dataCenter } = data;
  if (dataCenter === undefined) return [];
  if (data.site === "intl" || (listed && siteOf(listed) === "intl"))
    return dataCenter === "overseas"
      ? [{ path: "dataCenter", message: say((t) => t.validation.dataCenterAbroad(dataCenter)) }]
      : [];
  const listDataCenter = listed ? dataCenterOf(listed) : null;
  if (listed && listDataCenter !== null && listDataCenter !== dataCenter) {
    const list = listed.id;
    return [
      { path: "dataCenter", message: say((t) => t.validation.dataCenterAndPin(dataCenter, list, listDataCenter)) },
    ];
  }
  return [];
}
