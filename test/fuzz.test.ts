// A short seeded run of the fuzz script (scripts/fuzz.mjs) over the built CLI: the same
// cases every time, so that a regression on hostile input fails CI. Longer runs, with
// other seeds, are `npm run fuzz -- --cases 20000 --seed N`.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { root } from "./helpers/cli.js";

it("300 seeded mutations of the examples: no exit 70, hang, stack trace or broken estimate", () => {
  const result = spawnSync(process.execPath, ["scripts/fuzz.mjs", "--cases", "300", "--seed", "1", "--quiet"], {
    cwd: root,
    encoding: "utf8",
    timeout: 240_000,
  });
  expect(result.stdout).toMatch(/^fuzz: 300 cases, seed 1, [\d.]+ s — exit 0: \d+, .*\nfuzz: 0 failures/);
  expect(result.status).toBe(0);
}, 300_000);
