import type { EditionId } from "../catalog/schema.js";
import type { DataCenter, Site } from "../vocabulary.js";
import type { Expect } from "./schema.js";

/** A validated scenario with every default filled in: what the calculator prices. */
export interface Scenario {
  name: string | null;
  plan: EditionId;
  /** the built-in catalog the scenario pins, if any */
  catalog: string | null;
  /** the site whose lists price it (`site`), if it says; else the run's, else the mainland */
  site: Site | null;
  /** on the mainland, the data centres whose lists price it (`dataCenter`), if it says; else the run's, else the mainland's */
  dataCenter: DataCenter | null;
  usage: {
    peakDau: number;
    /** monthly active users: what the international site's lists bill since 2022-12-26 */
    mau: number;
    peakGroups: number;
    /** community downstream messages of the month (the international site, from 2025) */
    communityMessages: number;
    liveGroups: number;
    bandwidth: {
      mainlandMbps: number;
      internationalMbps: number;
      days: number;
      /** the month's daily peaks summed (Mbps·day), when known: replaces Mbps × days */
      mainlandMbpsDays: number | null;
      internationalMbpsDays: number | null;
    };
    /** content moderated in the month, by kind (cloud moderation) */
    moderation: { texts: number; images: number; audioMinutes: number; videoMinutes: number };
  };
  /** What the app needs; null = the edition's default is enough. */
  features: {
    groupMemberLimit: number | null;
    groupsPerUser: number | null;
    historyDays: number | null;
    unlimitedLiveGroups: boolean;
    /** server API rate packs configured each day, and on how many days of the month */
    apiRatePacks: { packs: number; days: number };
    /** add-ons bought on request (kind "switch"), securityStrike included when asked for */
    addons: string[];
  };
  /** what `im-bill check` verifies; null when the scenario states nothing */
  expect: Expect | null;
}

export const DEFAULT_BANDWIDTH_DAYS = 30;
