// `--plan`'s help names the editions of each site apart, by the names Tencent uses today:
// held against the lists in effect on the tests' day, so that a renamed or added edition
// cannot leave the help behind.
import { describe, expect, it } from "vitest";
import { catalogOn, editionNames, editionsOf } from "../../src/catalog/index.js";
import { help } from "../../src/i18n/help.js";
import { RUN_DAY } from "../helpers/scenario.js";

describe("--plan's help", () => {
  const words = (text: string) => new Set(text.split(/[\s,;:()（）、；：]+/).filter(Boolean));

  it.each(["en", "zh"] as const)("in %s names every edition of the lists in effect, each site's apart", (lang) => {
    const text = help[lang].flags["--plan"]!;
    const [mainland, international] = text.split(/;|；/);
    for (const [site, part] of [
      ["cn", mainland],
      ["intl", international],
    ] as const) {
      const list = catalogOn(RUN_DAY, site)!;
      const named = words(part!);
      for (const id of editionsOf(list)) {
        const edition = list.editions[id]!;
        // By its id or one of its names (free-trial for developer, pro for premium).
        const names = [id, ...edition.aliases];
        expect(
          names.some((name) => named.has(name)),
          `${lang}: ${site} ${id} (${names.join(", ")})`,
        ).toBe(true);
      }
      // Nothing named there that the site's list does not know.
      const known = new Set(editionNames(list));
      for (const word of named)
        if (/^[a-z]+(-[a-z]+)*$/.test(word) && word !== "site" && word !== "intl") {
          if (["edition", "on", "the", "mainland", "or", "international"].includes(word)) continue;
          expect(known.has(word), `${lang}: ${site} names ${word}`).toBe(true);
        }
    }
  });
});
