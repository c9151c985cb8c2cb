import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['lib/client/testing/node-websocket.ts'],
    // Generous: npm test must pass on a loaded machine (speed is the bench's to judge).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
