import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'rk-package-'));
const out = path.join(work, 'out');
const unpacked = path.join(out, 'linux-unpacked');

/**
 * Packaging smoke, offline: electron-builder `--dir` against a stub Electron dist (the real zip
 * cannot be downloaded here, toolchain.md), then the archive's contents are checked.
 */
beforeAll(async () => {
  if (!existsSync('dist/main/index.cjs') || !existsSync('dist/renderer/index.html')) {
    await run('node', ['scripts/build.mjs']);
  }
  if (!existsSync('dist/cli/rancher-keys')) await run('node', ['scripts/build-cli.mjs', '--sea']);
  const stub = path.join(work, 'electron-stub');
  mkdirSync(path.join(stub, 'resources'), { recursive: true });
  writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(stub, 'electron'), 0o755);
  writeFileSync(path.join(stub, 'LICENSE'), 'stub');
  await run(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      '--publish',
      'never',
      '--config',
      'build/electron-builder.yml',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${out}`,
    ],
    { env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, maxBuffer: 16 * 1024 * 1024 },
  );
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder package', () => {
  it('contains the main, preload and renderer entry points in app.asar', () => {
    const asar = path.join(unpacked, 'resources', 'app.asar');
    expect(existsSync(asar)).toBe(true);
    const files = new Set(listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/')));
    expect(files).toContain('/dist/main/index.cjs');
    expect(files).toContain('/dist/preload/index.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files).toContain('/package.json');
  });

  it('unpacks keytar.node from the archive so it can be loaded', () => {
    const native = path.join(
      unpacked,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'keytar',
      'build',
      'Release',
      'keytar.node',
    );
    expect(existsSync(native)).toBe(true);
  });

  it('contains the tray and window icons the main process loads', () => {
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false });
    for (const icon of [
      'tray.png',
      'tray@2x.png',
      'tray-large.png',
      'tray-large@2x.png',
      'icon.png',
    ]) {
      expect(files.map((f) => f.replaceAll('\\', '/'))).toContain(`/dist/icons/${icon}`);
    }
  });

  it('starts from the bundled main entry point', () => {
    const asar = path.join(unpacked, 'resources', 'app.asar');
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as {
      main: string;
    };
    expect(manifest.main).toBe('dist/main/index.cjs');
  });

  it('ships the rancher-keys single executable in resources/bin, and it runs without Node', async () => {
    const exe = path.join(unpacked, 'resources', 'bin', 'rancher-keys');
    expect(existsSync(exe)).toBe(true);
    const { stdout } = await run(exe, ['--version'], { env: { PATH: '/nonexistent' } });
    expect(stdout).toMatch(/^rancher-keys \d+\.\d+\.\d+\n$/);
  });

  it('leaves source maps out of the archive', () => {
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false });
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});
