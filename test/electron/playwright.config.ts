import { defineConfig } from '@playwright/test';

/**
 * The Electron suite (Playwright's Electron driver). It needs an Electron binary: where there is
 * none, every spec reports itself skipped with the reason (test/electron/electron-app.ts).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../.artifacts/electron-output',
  timeout: 60_000,
  workers: 1,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '../../.artifacts/electron.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
