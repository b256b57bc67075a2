import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    // End-to-end tests spawn the built binary: a slow machine needs more than 5 s.
    testTimeout: 30_000,
  },
});
