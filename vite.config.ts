import { defineConfig, type Alias } from 'vite';

/**
 * The renderer is written against React's API and runs on Preact through preact/compat: react-dom
 * alone was 62 KiB gzip, Preact with compat is about 5 (bench/RESULTS.md, issue 14). Exact-match
 * patterns, so `react` does not also catch `react-dom` or a subpath nobody mapped. The unit-dom
 * tests use these same aliases (vitest.config.ts), so what ships is what is tested; both also load
 * renderer/src/react-on-preact.ts, where compat's events differ from React's.
 */
export const reactOnPreact: Alias[] = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
];

/**
 * JSX compiles to `react/jsx-runtime` calls (the alias above takes them to Preact). Never the
 * development runtime, which Vite would pick wherever NODE_ENV is not `production` (as under
 * vitest): the bundle is the same wherever it is built, and the tests run the runtime it ships.
 */
export const automaticJsx = {
  jsx: { runtime: 'automatic', importSource: 'react', development: false },
} as const;

/** The renderer: static files loaded by Electron (or served by the test bridge). */
export default defineConfig({
  root: 'renderer',
  base: './',
  resolve: { alias: reactOnPreact },
  oxc: automaticJsx,
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    // Chromium has supported <link rel="modulepreload"> since 66: the polyfill was dead weight.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
