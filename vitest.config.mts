import { configDefaults, defineConfig } from "vitest/config";

// Two projects: "unit" (everything but test/build) runs on its own; "build" (test/build) first gets a
// production and a development build from its globalSetup, which runs only when build tests are
// selected, so `npx vitest run test/core` never waits for webpack.
export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/build/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "build",
          include: ["test/build/**/*.test.ts"],
          globalSetup: ["test/setup/build-dist.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
