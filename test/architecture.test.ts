// The house's rule, held by the code's own imports: every folder of src/ imports only
// from the floors below it, the calculator and what builds on it never import words,
// and no files import each other in a circle (.dependency-cruiser.cjs says the floors).
import { createRequire } from "node:module";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { describe, expect, it } from "vitest";
import { root } from "./helpers/cli.js";

const config = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs")) as IConfiguration & {
  FLOORS: string[][];
};

describe("the architecture", () => {
  it("has a floor for every folder and top-level file of src/", () => {
    const places = readdirSync(join(root, "src"), { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/, ""),
    );
    expect(places.filter((place) => !config.FLOORS.flat().includes(place))).toEqual([]);
  });

  it("imports point down, words stay in render/, and no circle", async () => {
    const { output } = await cruise(["src"], {
      ...config.options,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
    });
    const result = output as ICruiseResult;
    const violations = result.summary.violations.map(
      (violation) =>
        `${violation.rule.name}: ${[violation.from, ...(violation.cycle?.map((step) => step.name) ?? [violation.to])].join(" → ")}`,
    );
    expect(violations).toEqual([]);
    // The check read the program: every source file, and type-only imports among the imports.
    expect(result.summary.totalCruised).toBeGreaterThan(100);
  }, 60_000);
});
