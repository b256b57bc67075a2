// A short seeded run of the fuzz script (scripts/fuzz/fuzz.ts, on fast-check) over the built CLI: the same
// cases every time, so that a regression on hostile input fails CI, and every surface
// among them. The cases run in worker threads but for the signal surface's, which spawn
// (`--spawn` spawns every one, with the same outcomes): 200 take 3.9 s of a 2-core
// machine alone, 10.7 s spawned. Longer runs, with other seeds, are
// `npm run fuzz -- --cases 20000 --seed N`.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { root } from "./helpers/cli.js";

const SURFACES = [
  "scenario",
  "config",
  "overlay",
  "usage",
  "update",
  "markdown",
  "junit",
  "terminal",
  "signal",
  "pull",
  "gitdiff",
];

it("200 seeded mutations of the examples, on every surface: no exit 70, hang, stack trace or broken estimate", () => {
  const result = spawnSync(
    process.execPath,
    ["scripts/run-ts.mjs", "scripts/fuzz/fuzz.ts", "--cases", "200", "--seed", "1", "--quiet"],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 240_000,
    },
  );
  expect(result.stdout).toMatch(/^fuzz: 200 cases, seed 1, [\d.]+ s — exit 0: \d+, .*\nfuzz: 0 failures/);
  for (const surface of SURFACES)
    expect(result.stdout).toMatch(new RegExp(`\\n  ${surface}: [1-9]\\d* cases, 0 failures`));
  expect(result.status).toBe(0);
}, 300_000);
