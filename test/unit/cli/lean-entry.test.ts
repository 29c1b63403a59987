import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * What the `rancher-keys` entry evaluates at start: every module reachable from bin.ts through
 * static imports (a dynamic `import()` is loaded on use). This is what kubectl waits for on each
 * `kubectl-credential` run, and what the single executable's startup snapshot must be able to hold.
 */
async function loadedAtStart(): Promise<{ modules: Set<string>; builtins: Set<string> }> {
  const result = await build({
    entryPoints: [path.join(root, 'electron/cli/bin.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    external: ['keytar'],
    logLevel: 'silent',
  });
  const inputs: Metafile['inputs'] = result.metafile.inputs;
  const modules = new Set<string>();
  const builtins = new Set<string>();
  const pending = ['electron/cli/bin.ts'];
  while (pending.length) {
    const file = pending.pop() as string;
    if (modules.has(file)) continue;
    modules.add(file);
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import') continue;
      if (imported.external) builtins.add(imported.path.replace(/^node:/, ''));
      else pending.push(imported.path);
    }
  }
  return { modules, builtins };
}

describe('rancher-keys entry', () => {
  it('loads only the kubectl-credential path at start: no full command line, yaml, axios or tls', async () => {
    const { modules, builtins } = await loadedAtStart();
    expect(modules).toContain('electron/cli/commands/kubectl-credential.ts');
    const loaded = [...modules];
    for (const heavy of ['node_modules/yaml/', 'node_modules/axios/', 'electron/cli/main.ts']) {
      expect(loaded.filter((m) => m.includes(heavy))).toEqual([]);
    }
    expect(loaded.filter((m) => m.startsWith('electron/cli/commands/'))).toEqual([
      'electron/cli/commands/kubectl-credential.ts',
    ]);
    // node:tls cannot be in a V8 startup snapshot (building one aborts), nor can an HTTP stack.
    for (const builtin of ['tls', 'https', 'http']) expect(builtins).not.toContain(builtin);
  });
});
