import { defineConfig } from "vitest/config";

// `npm run test:routes`: the road to a user's machine (test/routes/): the package as
// installed, the README's install routes, the CI installs before a publish, and
// `npm run release:check`. .ci/run runs it after `npm test`, which leaves it out (a
// clone's install and three builds take a minute, the packed package's tests 20 s of CPU).
export default defineConfig({
  test: {
    include: ["test/routes/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
