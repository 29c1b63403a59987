import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { mainBuildOptions } from '../../../scripts/build.mjs';
import { mainBundleHarness } from './main-bundle-harness';

/**
 * Start builds only what it uses: single sign-on, the clean-up view, the Plaintext check, kubectl
 * and the command, and the channel schemas of those and of the activity log are imported on first
 * use (contract/ipc.ts, core/lazy-part.ts). In main's bundle esbuild then runs their modules only
 * when first imported; a static import from anything start loads would build them at load again.
 */
const lazyModules = [
  'electron/contract/sign-in-channels.ts',
  'electron/contract/sign-in.ts',
  'electron/contract/hygiene-channels.ts',
  'electron/contract/hygiene.ts',
  'electron/contract/plaintext-channels.ts',
  'electron/contract/plaintext.ts',
  'electron/contract/command-line.ts',
  'electron/contract/activity-channels.ts',
  'electron/core/sso/sso-service.ts',
  'electron/core/sso/sso-handlers.ts',
  'electron/core/hygiene/hygiene-service.ts',
  'electron/core/plaintext/plaintext-service.ts',
  'electron/core/kubeconfig/kubectl-handlers.ts',
  'electron/core/activity/activity-handlers.ts',
];

const { outDir, runCore } = mainBundleHarness('rk-main-lazy-');

/** The modules reached from `entry` through static imports only (what runs at load). */
function staticallyReached(metafile: Metafile, entry: string): Set<string> {
  const reached = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const imp of metafile.inputs[file]?.imports ?? [])
      if (imp.kind === 'import-statement' && !imp.external) queue.push(imp.path);
  }
  return reached;
}

describe('main bundle: parts start does not use are built on first use', () => {
  it('reaches none of them by a static import from main, yet bundles them all', async () => {
    const result = await build({
      ...mainBuildOptions,
      entryPoints: ['electron/main/index.ts'],
      outfile: path.join(outDir, 'index.cjs'),
      sourcemap: false,
      write: false,
      metafile: true,
    });
    const reached = staticallyReached(result.metafile, 'electron/main/index.ts');
    expect(reached.has('electron/core/create-core.ts')).toBe(true);
    expect(reached.has('electron/contract/ipc.ts')).toBe(true);
    expect(lazyModules.filter((m) => reached.has(m))).toEqual([]);
    expect(lazyModules.filter((m) => !(m in result.metafile.inputs))).toEqual([]);
  }, 60_000);

  it('starts and lists in a fresh process, then serves and refuses a lazy channel', async () => {
    const result = await runCore(`
      const out = {};
      out.servers = (await core.dispatch('servers:list', {})).ok;
      out.activity = await core.dispatch('activity:list', { limit: 5 });
      out.refused = await core.dispatch('auth:methods', { serverId: 5 });
      out.unknown = await core.dispatch('hygiene:cancel', { jobId: 'job-none' });
      return out;`);
    expect(result).toEqual({
      servers: true,
      activity: { ok: true, value: { entries: [], total: 0 } },
      refused: {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'serverId: Invalid input: expected string, received number',
        },
      },
      unknown: { ok: true, value: { cancelled: false } },
    });
  }, 60_000);
});
