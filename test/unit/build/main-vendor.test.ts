import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMainVendors, mainBuildOptions } from '../../../scripts/build.mjs';
import { lazyVendorPackages } from '../../../scripts/lazy-vendor.mjs';

/**
 * Main's bundle leaves axios, yaml and js-yaml to files of their own (scripts/lazy-vendor.mjs),
 * loaded on first use: start must not load them, and each must work, with every export it had,
 * once something calls it. Each check runs the real bundle in a fresh Node process, where
 * `require.cache` shows which files were loaded.
 */
const outDir = mkdtempSync(path.join(tmpdir(), 'rk-main-vendor-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function bundle(name: string, contents: string): Promise<string> {
  const outfile = path.join(outDir, `${name}.cjs`);
  await build({
    ...mainBuildOptions,
    stdin: { contents, resolveDir: path.resolve('.'), loader: 'ts' },
    outfile,
    sourcemap: false,
  });
  return outfile;
}

/** Runs `script` (CommonJS) in a fresh Node process; its last stdout line, parsed. */
function run(script: string): unknown {
  const out = execFileSync(process.execPath, ['-e', script], { cwd: outDir, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? 'null');
}

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
    const file = await bundle(
      'core',
      `export { createCore } from './electron/core/create-core';
       export { createMemorySecretStore } from './electron/core/vault/memory-secret-store';
       export { createMemoryLogger } from './electron/core/log';
       export { systemClock } from './electron/core/ports';`,
    );
    await buildMainVendors(outDir);
    const dataDir = mkdtempSync(path.join(outDir, 'data-'));
    const result = run(`
      const m = require(${JSON.stringify(file)});
      const core = m.createCore({
        appVersion: '0.0.0-test', platform: process.platform, dataDir: ${JSON.stringify(dataDir)},
        secrets: m.createMemorySecretStore(), clock: m.systemClock, log: m.createMemoryLogger(),
        clipboard: { writeText: async () => {}, readText: async () => '', clear: async () => {} },
      });
      (async () => {
        await core.start();
        const servers = await core.dispatch('servers:list', {});
        const settings = await core.dispatch('settings:get', {});
        const loaded = ${loadedVendors};
        await core.stop();
        console.log(JSON.stringify({ ok: servers.ok && settings.ok, loaded }));
      })();`);
    expect(result).toEqual({ ok: true, loaded: [] });
  }, 60_000);
});
