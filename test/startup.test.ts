// Start-up guarded by what a run loads, not by luck: the modules of src/ and the bundled
// packages each common run initialises, and what it requires from outside the bundle,
// held against golden lists (update them with `npx vitest run test/startup.test.ts -u`
// when a module is meant to load there), and the bytes they take held to a budget. A
// static import that drags a renderer, a schema or a chart library into every run fails
// here, before any benchmark notices. Timings are the benchmark's (npm run bench:startup).
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a script of the project, in JavaScript
import { startupModules } from "../scripts/startup-modules.mjs";

interface Traced {
  code: number;
  modules: { path: string; bytes: number }[];
  required: string[];
}

/** The runs people start most, and the bytes of the bundle each may initialise (today's, plus a tenth). */
const RUNS: { name: string; argv: string[]; budget: number }[] = [
  { name: "estimate-json", argv: ["estimate", "--plan", "pro", "--dau", "25000", "--format", "json"], budget: 194_200 },
  { name: "estimate-table", argv: ["estimate", "--plan", "pro", "--dau", "25000"], budget: 212_200 },
  { name: "compare", argv: ["compare", "--dau", "25000"], budget: 216_200 },
  { name: "check", argv: ["check", "examples/small-chat-pro.json"], budget: 218_600 },
  { name: "help", argv: ["--help"], budget: 153_300 },
];

describe("what a run loads", async () => {
  const traced = (await startupModules(...RUNS.map((run) => run.argv))) as Traced[];
  it.each(RUNS.map((run, index) => ({ ...run, traced: traced[index]! })))(
    "$name: the modules and packages it initialises, what it requires, and their bytes within budget",
    async ({ name, traced: { code, modules, required }, budget }) => {
      expect([0, 1]).toContain(code);
      const list = [...modules.map((module) => module.path), `required: ${[...required].sort().join(", ")}`];
      await expect(`${list.join("\n")}\n`).toMatchFileSnapshot(`golden/startup/${name}.txt`);
      const bytes = modules.reduce((sum, module) => sum + module.bytes, 0);
      console.log(`${name}: ${modules.length} modules, ${bytes} bytes`);
      expect(bytes).toBeLessThanOrEqual(budget);
    },
  );
});
