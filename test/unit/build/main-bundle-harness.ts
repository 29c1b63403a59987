import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll } from 'vitest';
import { buildMainVendors, mainBuildOptions } from '../../../scripts/build.mjs';

/**
 * Bundles as scripts/build.mjs bundles main, and runs the bundles in fresh Node processes (what
 * loads at start is only visible there): shared by the main-bundle tests of test/unit/build.
 * Registers the removal of its folder after the calling test file.
 */
export function mainBundleHarness(prefix: string) {
  const outDir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  /** Bundles `contents` (TypeScript, resolved from the repository) to `<outDir>/<name>.cjs`. */
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

  /**
   * Bundles the core (with the vendor files beside it), starts it on an empty data folder in a
   * fresh process, runs `body` (JavaScript in an async function with `core` in scope, returning a
   * JSON value), stops the core and answers what `body` returned.
   */
  async function runCore(body: string): Promise<unknown> {
    const file = await bundle(
      'core',
      `export { createCore } from './electron/core/create-core';
       export { createMemorySecretStore } from './electron/core/vault/memory-secret-store';
       export { createMemoryLogger } from './electron/core/log';
       export { systemClock } from './electron/core/ports';`,
    );
    await buildMainVendors(outDir);
    const dataDir = mkdtempSync(path.join(outDir, 'data-'));
    return run(`
      const m = require(${JSON.stringify(file)});
      const core = m.createCore({
        appVersion: '0.0.0-test', platform: process.platform, dataDir: ${JSON.stringify(dataDir)},
        secrets: m.createMemorySecretStore(), clock: m.systemClock, log: m.createMemoryLogger(),
        clipboard: { writeText: async () => {}, readText: async () => '', clear: async () => {} },
      });
      (async () => {
        await core.start();
        const out = await (async () => { ${body} })();
        await core.stop();
        console.log(JSON.stringify(out));
      })();`);
  }

  return { outDir, bundle, run, runCore };
}
