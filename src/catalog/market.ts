// Whether the site and the data centres asked for suit the list asked for: said the same
// way for a scenario, the project config, the CLI's flags and the library's options.
import { say, type Problem } from "../errors.js";
import { dataCenterOf, siteOf, type Catalog } from "./index.js";

/**
 * What a list cannot price of the market asked for (a scenario's, a config's, a run's),
 * each at its path: a site that is not the list's; data centres overseas on the
 * international site (which prices every data centre alike), or of the other kind than the list's.
 */
export function marketProblems(
  data: { site?: string | undefined; dataCenter?: string | undefined },
  listed: Catalog | undefined,
): Problem[] {
  const { site } = data;
  const problems: Problem[] = [];
  if (site !== undefined && listed && siteOf(listed) !== site) {
    const [list, listSite] = [listed.id, siteOf(listed)];
    problems.push({ path: "site", message: say((t) => t.validation.siteAndPin(site, list, listSite)) });
  }
  const dataCenter = dataCenterProblem(data, listed);
  if (dataCenter) problems.push(dataCenter);
  return problems;
}

function dataCenterProblem(
  data: { site?: string | undefined; dataCenter?: string | undefined },
  listed: Catalog | undefined,
): Problem | undefined {
  const { dataCenter } = data;
  if (dataCenter === undefined) return undefined;
  if (data.site === "intl" || (listed && siteOf(listed) === "intl"))
    return dataCenter === "overseas"
      ? { path: "dataCenter", message: say((t) => t.validation.dataCenterAbroad(dataCenter)) }
      : undefined;
  const listDataCenter = listed ? dataCenterOf(listed) : null;
  if (listed && listDataCenter !== null && listDataCenter !== dataCenter) {
    const list = listed.id;
    return { path: "dataCenter", message: say((t) => t.validation.dataCenterAndPin(dataCenter, list, listDataCenter)) };
  }
  return undefined;
}
