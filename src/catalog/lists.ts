// The built-in price lists as choosing needs them: each one's id, site, data centres and
// dates (read from its own file), and how to make it: its file, or an earlier list with
// an overlay laid over it (./overlay.ts). The mainland's: the 2020 list (the seed of this
// tool, every figure sourced) and the 2024 one (the 2020 list with the prices of 2024,
// each figure marked sourced, inferred or carried over); the mainland site's apps in
// overseas data centres have their own (境外资费), the 2024 list with the overseas table's
// prices. The international site's, in USD: the 2020 and 2021 DAU lists, the MAU list of
// 2022-12-26, and its 2025 change (community messages).
//
// The CLI's bundle holds what this module makes as data made at build time
// (scripts/lib/cli-build.mjs): each list as JSON text, parsed when the list is first made,
// so that a start neither builds seven lists' objects nor lays an overlay.
import list2020 from "./tencent-im-cn-2020.json" with { type: "json" };
import overlay2024 from "./tencent-im-cn-2024.json" with { type: "json" };
import overseasOverlay from "./tencent-im-cn-overseas-2023.json" with { type: "json" };
import intl2020 from "./tencent-im-intl-2020.json" with { type: "json" };
import intl2021 from "./tencent-im-intl-2021.json" with { type: "json" };
import intl2022 from "./tencent-im-intl-2022.json" with { type: "json" };
import intlOverlay2025 from "./tencent-im-intl-2025.json" with { type: "json" };
import type { DataCenter, Site } from "../vocabulary.js";
import type { JsonObject } from "../util/json.js";
import { carryOver } from "./overlay.js";

/** A built-in list before it is made: what choosing needs of it, and how to make it. */
export interface BuiltinList {
  id: string;
  site: Site;
  /** left out: the mainland's data centres (or, on the international site, every one) */
  dataCenter?: DataCenter;
  effective: { from: string | null; to: string | null };
  /** the list's data (the catalog) */
  make: () => unknown;
}

type ListFile = {
  id: string;
  site?: string;
  dataCenter?: string;
  effective?: { from: string | null; to: string | null };
};

const listOf = (file: ListFile, make: () => unknown, inherits?: { site: Site }): BuiltinList => ({
  id: file.id,
  site: (file.site as Site | undefined) ?? inherits?.site ?? "cn",
  ...(file.dataCenter === undefined ? {} : { dataCenter: file.dataCenter as DataCenter }),
  effective: { from: file.effective?.from ?? null, to: file.effective?.to ?? null },
  make,
});

/** The 2024 list, made once: the overseas list is laid over it too. */
let made2024: (JsonObject & { id: string }) | undefined;
const cn2024 = () => (made2024 ??= carryOver(list2020, overlay2024) as JsonObject & { id: string });

/** Oldest first within each site: the mainland's (its data centres, then abroad), then the international site's. */
export const BUILTIN_LISTS: readonly BuiltinList[] = [
  listOf(list2020, () => list2020),
  listOf(overlay2024, cn2024),
  listOf(overseasOverlay, () => carryOver(cn2024(), overseasOverlay)),
  listOf(intl2020, () => intl2020),
  listOf(intl2021, () => intl2021),
  listOf(intl2022, () => intl2022),
  listOf(intlOverlay2025, () => carryOver(intl2022, intlOverlay2025), { site: "intl" }),
];
