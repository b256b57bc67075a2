import { defineConfig } from "vitest/config";

// `npm run test:routes`: the README's install routes (test/routes/), run by .ci/run after
// `npm test`, which leaves them out (a clone's install and two builds take a minute).
export default defineConfig({
  test: {
    include: ["test/routes/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
