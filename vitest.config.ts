import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './apps/server/test/slow-first-sequencer.ts';

process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/core/src/**/*.test.ts',
            'apps/server/src/**/*.unit.test.ts',
            'bench/**/*.unit.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.int.test.ts', 'apps/server/src/**/*.routes.test.ts'],
          environment: 'node',
          globalSetup: ['apps/server/test/global-setup.ts'],
          pool: 'forks',
          // A worker imports the server once for all its files instead of once per file (minutes in CI). Tests
          // share no module state: each builds its own app, database and clock and nothing mocks modules
          // (vi.mock would leak into the next file here); a file that must mock gets a project of its own.
          isolate: false,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
