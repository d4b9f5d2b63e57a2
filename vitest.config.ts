import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

const alias = {
  '@creator-desk/core': here('./packages/core/src/index.ts'),
  '@creator-desk/queues': here('./packages/queues/src/index.ts'),
};

// Two projects so CI can rerun only the app's Devvit integration tests against a real Redis
// (`vitest run --project app`).
export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    projects: [
      { resolve: { alias }, test: { name: 'app', include: ['test/**/*.test.ts'], testTimeout: 30_000 } },
      {
        resolve: { alias },
        // CLI tests run the built `creator-desk`; this builds the packages first when their sources changed.
        test: { name: 'packages', include: ['packages/*/test/**/*.test.ts'], testTimeout: 30_000, globalSetup: ['packages/queues/test/helpers/build-once.ts'] },
      },
    ],
  },
});
