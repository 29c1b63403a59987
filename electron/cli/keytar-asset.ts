import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getAsset, isSea } from 'node:sea';
import type { KeytarLike } from '../core/vault/keytar-secret-store';

/** The asset name under which the single executable carries keytar's native binding. */
export const KEYTAR_ASSET = 'keytar.node';

/** Where a user's caches live: the binding is written there once per version. */
function cacheDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'rancher-keys');
  if (platform === 'win32') {
    return path.join(
      env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'),
      'rancher-keys',
      'cache',
    );
  }
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
      ? env.XDG_CACHE_HOME
      : path.join(home, '.cache');
  return path.join(base, 'rancher-keys');
}

/**
 * keytar's binding for the single executable: a SEA can only `require` built-in modules, so the
 * `.node` file travels as an asset and is loaded with `process.dlopen` from the user's cache
 * directory (a native library must be a file). The file is named by its SHA-256 and rewritten
 * when its content differs, so a tampered or stale copy is never loaded. Null outside a SEA.
 */
export function loadKeytarFromAsset(home: string): KeytarLike | null {
  if (!isSea()) return null;
  const binding = Buffer.from(getAsset(KEYTAR_ASSET));
  const digest = createHash('sha256').update(binding).digest('hex');
  const dir = cacheDir(process.platform, process.env, home);
  const file = path.join(dir, `keytar-${digest.slice(0, 16)}.node`);
  let current: Buffer | null;
  try {
    current = readFileSync(file);
  } catch {
    current = null;
  }
  if (!current?.equals(binding)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, binding, { mode: 0o600 });
    renameSync(temp, file);
  }
  const mod = { exports: {} as KeytarLike };
  process.dlopen(mod, file);
  return mod.exports;
}
