import { mkdirSync, mkdtempSync, readlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  commandLineStatus,
  installCommandLine,
  nonDefaultLocations,
  type CommandLineDeps,
} from '../../../../electron/core/kubeconfig/command-line';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A home directory and an "app" whose resources/bin holds a (stand-in) executable. */
function world(env: Record<string, string> = {}): CommandLineDeps {
  const root = mkdtempSync(path.join(tmpdir(), 'rk-cli-install-'));
  dirs.push(root);
  const exe = path.join(root, 'app', 'rancher-keys');
  mkdirSync(path.dirname(exe), { recursive: true });
  writeFileSync(exe, '#!/bin/sh\n', { mode: 0o755 });
  return {
    executable: { command: exe, args: [] },
    home: path.join(root, 'home'),
    env,
    platform: 'linux',
    keychainService: 'rancher-keys',
    dataDir: path.join(root, 'home', '.config', 'Rancher Keys'),
  };
}

describe('command-line install', () => {
  it('links ~/.local/bin/rancher-keys to the shipped command and says whether it is on PATH', async () => {
    const deps = world();
    const link = path.join(deps.home, '.local', 'bin', 'rancher-keys');
    expect(await commandLineStatus(deps)).toMatchObject({
      available: true,
      installed: false,
      link,
    });
    const after = await installCommandLine({
      ...deps,
      env: { PATH: `/usr/bin:${path.dirname(link)}` },
    });
    expect(after).toMatchObject({ installed: true, onPath: true, reason: null });
    expect(readlinkSync(link)).toBe(deps.executable?.command);
    // Installing again replaces its own link.
    expect((await installCommandLine(deps)).installed).toBe(true);
  });

  it('leaves a file it did not make alone', async () => {
    const deps = world();
    const link = path.join(deps.home, '.local', 'bin', 'rancher-keys');
    mkdirSync(path.dirname(link), { recursive: true });
    writeFileSync(link, 'mine');
    await expect(installCommandLine(deps)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('passes the data dir and keychain service to kubeconfigs only when they are not the defaults', () => {
    const deps = world();
    expect(nonDefaultLocations(deps)).toEqual({ dataDir: null, keychainService: null });
    expect(
      nonDefaultLocations({ ...deps, dataDir: '/tmp/demo', keychainService: 'rk-demo' }),
    ).toEqual({
      dataDir: '/tmp/demo',
      keychainService: 'rk-demo',
    });
  });
});
