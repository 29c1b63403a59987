import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';

/**
 * End-to-end tests: the built renderer in Debian's Chromium, talking to the real core through the
 * test bridge (design.md §5). Each test starts its own bridge, core and simulator (test/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../.artifacts/e2e-output',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [
    ['list'],
    ['json', { outputFile: '../../.artifacts/e2e.json' }],
    ['html', { open: 'never', outputFolder: '../../.artifacts/e2e-report' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});
