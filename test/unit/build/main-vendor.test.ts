import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMainVendors } from '../../../scripts/build.mjs';
import { lazyVendorPackages } from '../../../scripts/lazy-vendor.mjs';
import { mainBundleHarness } from './main-bundle-harness';

/**
 * Main's bundle leaves axios, yaml and js-yaml to files of their own (scripts/lazy-vendor.mjs),
 * loaded on first use: start must not load them, and each must work, with every export it had,
 * once something calls it. Each check runs the real bundle in a fresh Node process, where
 * `require.cache` shows which files were loaded.
 */
const { outDir, bundle, run, runCore } = mainBundleHarness('rk-main-vendor-');

const loadedVendors = `Object.keys(require.cache).filter((f) => f.includes('/vendor/')).map((f) => require('path').basename(f)).sort()`;

describe('main bundle: large dependencies in files of their own', () => {
  it('puts each of them beside the bundle and none of them in it', async () => {
    const file = await bundle('uses', `export { parseDocument } from 'yaml';`);
    await buildMainVendors(outDir);
    expect(readdirSync(path.join(outDir, 'vendor')).sort()).toEqual(
      lazyVendorPackages.map((p) => `${p}.cjs`).sort(),
    );
    // esbuild marks where each bundled module starts with a `// <path>` comment.
    const bundled = readFileSync(file, 'utf8');
    expect(bundled).toContain('./vendor/yaml.cjs');
    for (const name of lazyVendorPackages)
      expect(bundled).not.toContain(`// node_modules/${name}/`);
  }, 60_000);

  it('loads each only when one of its exports is first used, and then it works', async () => {
    const file = await bundle(
      'lazy',
      `import axios, { AxiosError } from 'axios';
       import { parseDocument, isMap, Document } from 'yaml';
       import { load } from 'js-yaml';
       export const before = () => ${loadedVendors};
       export const useYaml = () => {
         const doc = parseDocument('a: 1\\n');
         return isMap(doc.contents) && doc instanceof Document && doc.get('a') === 1;
       };
       export const useJsYaml = () => (load('b: [1, 2]') as { b: number[] }).b.length === 2;
       export const useAxios = async () =>
         typeof axios.create === 'function' && axios.isAxiosError(new AxiosError('x'));`,
    );
    await buildMainVendors(outDir);
    const result = run(`
      const m = require(${JSON.stringify(file)});
      const steps = { atLoad: m.before() };
      steps.yaml = m.useYaml(); steps.afterYaml = m.before();
      steps.jsYaml = m.useJsYaml(); steps.afterJsYaml = m.before();
      m.useAxios().then((axios) => {
        steps.axios = axios; steps.afterAxios = m.before();
        console.log(JSON.stringify(steps));
      });`);
    expect(result).toEqual({
      atLoad: [],
      yaml: true,
      afterYaml: ['yaml.cjs'],
      jsYaml: true,
      afterJsYaml: ['js-yaml.cjs', 'yaml.cjs'],
      axios: true,
      afterAxios: ['axios.cjs', 'js-yaml.cjs', 'yaml.cjs'],
    });
  }, 60_000);

  it('starts the core and lists without loading any of them', async () => {
    const result = await runCore(`
      const servers = await core.dispatch('servers:list', {});
      const settings = await core.dispatch('settings:get', {});
      return { ok: servers.ok && settings.ok, loaded: ${loadedVendors} };`);
    expect(result).toEqual({ ok: true, loaded: [] });
  }, 60_000);
});
