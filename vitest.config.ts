import { defineConfig } from 'vitest/config';
import { automaticJsx, reactOnPreact } from './vite.config';

/**
 * Three projects: logic in Node, components in jsdom, and integration against real parts
 * (the private gnome-keyring, the Rancher simulator over loopback HTTP and HTTPS).
 */
export default defineConfig({
  test: {
    projects: [
      {
        // Logic tests import renderer stores, whose modules import react: the same Preact as below.
        resolve: { alias: reactOnPreact },
        test: {
          name: 'unit-node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          server: { deps: { inline: ['zustand'] } },
        },
      },
      {
        // The renderer's components run on Preact here exactly as in the bundle; zustand is inlined
        // so that its `react` import takes the alias too (no React is installed to fall back on).
        resolve: { alias: reactOnPreact },
        oxc: automaticJsx,
        test: {
          name: 'unit-dom',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.tsx'],
          setupFiles: ['test/unit/renderer/setup.ts'],
          server: { deps: { inline: ['zustand'] } },
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts', 'test/rancher-sim/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // The keychain is one shared daemon; files run one at a time so that they do not race on it.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
