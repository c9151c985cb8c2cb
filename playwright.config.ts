import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser';

const PORT = Number(process.env.E2E_PORT ?? 3107);

export default defineConfig({
  testDir: './e2e',
  timeout: 300_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() } }],
  webServer: {
    // The real server, production build, on loopback, with a fresh in-memory store and a
    // clock that moves only when a test says (review.spec.ts checks exact durations). Every
    // device of the tests is 127.0.0.1, like a class behind one address: the network's budgets
    // are scaled as for one (SIMUL_NETWORK_SCALE), so a class of 100 can be seated.
    command: `node --import tsx server/index.ts`,
    url: `http://127.0.0.1:${PORT}/`,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      SIMUL_STORE: 'memory',
      SIMUL_TEST_CLOCK: '1',
      SIMUL_NETWORK_SCALE: '20',
      // seat-link.spec.ts opens the app as http://school.test (a name the browser does not trust).
      SIMUL_ALLOWED_ORIGINS: `http://school.test:${PORT}`,
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
