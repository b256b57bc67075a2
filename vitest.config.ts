import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The road to a user's machine (the installed package, install routes, release check): `npm run test:routes`, run by .ci/run.
    exclude: ["test/routes/**", "**/node_modules/**"],
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    // End-to-end tests spawn the built binary: a slow machine needs more than 5 s.
    testTimeout: 30_000,
    // A worker a core, at least two: most tests wait on a child process (the binary, git,
    // a browser), so vitest's default of one fewer than the cores leaves a 2-core machine
    // running one file at a time (measured: 170 s with one worker, 112 s with two).
    maxWorkers: Math.max(2, availableParallelism()),
    minWorkers: 1,
    // A worker imports src/ once for all its files, not once a file: measured on 2 cores,
    // 118 s → 97 s and a third less CPU, every test passing. The price: a test file must
    // leave no global state behind (process.env, listeners, module state); the golden
    // tests restore what they set in afterAll.
    isolate: false,
  },
});
