import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { lazyVendorPackages } from '../../scripts/lazy-vendor.mjs';

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'rk-package-'));
const out = path.join(work, 'out');
const unpacked = path.join(out, 'linux-unpacked');
const asar = path.join(unpacked, 'resources', 'app.asar');
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's own fuse wire as shipped (version 1, 8 fuses): RunAsNode on, cookie encryption off,
 * NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off,
 * file:// privileges on. The stand-in binary carries it, so a fuse left unflipped shows.
 */
const electronDefaultWire = '10110001';
/** A fuse's byte on the wire: ASCII '1' on, '0' off. */
const on = 0x31;
const off = 0x30;

/** What the packed app's deb and resolved configuration look like, captured during the build. */
let fpmArgs: string[] = [];
let desktopEntry = '';
let afterInstall = '';
let afterRemove = '';
let resolved: Configuration | null = null;

/**
 * Packaging smoke, offline: electron-builder packs the app for Linux (the unpacked dir and the deb
 * up to the point where fpm, which cannot be downloaded here, would run) against a stand-in Electron:
 * a tiny script that also carries the fuse sentinel and Electron's default wire bytes.
 */
beforeAll(async () => {
  if (!existsSync('dist/main/index.cjs') || !existsSync('dist/renderer/index.html')) {
    await run('node', ['scripts/build.mjs']);
  }
  if (!existsSync('dist/cli/rancher-keys')) await run('node', ['scripts/build-cli.mjs', '--sea']);
  // The native credential helper, as `npm run dist` builds it (this fails, naming the fix, without Go).
  if (!existsSync('dist/cli/rancher-keys-credential')) {
    await run('node', ['scripts/build-native.mjs', '--require-go']);
  }
  const stub = path.join(work, 'electron-stub');
  mkdirSync(path.join(stub, 'resources'), { recursive: true });
  writeFileSync(
    path.join(stub, 'electron'),
    `#!/bin/sh\nexit 0\n# ${sentinel}\x01\x08${electronDefaultWire}\n`,
  );
  chmodSync(path.join(stub, 'electron'), 0o755);
  writeFileSync(path.join(stub, 'LICENSE'), 'stub');
  process.env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
  await build({
    targets: Platform.LINUX.createTarget(['dir', 'deb'], Arch.x64),
    publish: 'never',
    config: {
      extends: path.resolve('build/electron-builder.yml'),
      electronDist: stub,
      directories: { output: out },
      afterPack: (context) => {
        resolved = context.packager.config;
      },
    },
    // Called with fpm's arguments just before fpm would run; true stops there.
    effectiveOptionComputed: ([args, desktopFile]: [string[], string]) => {
      fpmArgs = args;
      desktopEntry = readFileSync(desktopFile, 'utf8');
      afterInstall = readFileSync(args[args.indexOf('--after-install') + 1]!, 'utf8');
      afterRemove = readFileSync(args[args.indexOf('--after-remove') + 1]!, 'utf8');
      return Promise.resolve(true);
    },
  });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function asarFiles(): string[] {
  return listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
}

describe('electron-builder package', () => {
  it('contains the main, preload and renderer entry points in app.asar', () => {
    const files = new Set(asarFiles());
    expect(files).toContain('/dist/main/index.cjs');
    // The dependencies main loads on first use (scripts/lazy-vendor.mjs), beside it.
    for (const name of lazyVendorPackages) expect(files).toContain(`/dist/main/vendor/${name}.cjs`);
    expect(files).toContain('/dist/preload/index.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files).toContain('/package.json');
  });

  it('ships keytar and its binding as the only node module, the binding unpacked', () => {
    const modules = new Set(
      asarFiles()
        .filter((f) => f.startsWith('/node_modules/'))
        .map((f) => f.split('/')[2]),
    );
    expect([...modules]).toEqual(['keytar']);
    const native = path.join(
      unpacked,
      'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node',
    );
    expect(existsSync(native)).toBe(true);
    expect(asarFiles()).toContain('/node_modules/keytar/lib/keytar.js');
    // Nothing of keytar's build tree (sources, object files) comes along.
    expect(asarFiles().filter((f) => /\/keytar\/(src|build\/Release\/obj)/.test(f))).toEqual([]);
  });

  it('contains the tray and window icons the main process loads', () => {
    for (const icon of [
      'trayTemplate.png',
      'trayTemplate@2x.png',
      'overlay-expiring.png',
      'overlay-expired.png',
      'tray-large.png',
      'tray-large@2x.png',
      'icon.png',
    ]) {
      expect(asarFiles()).toContain(`/dist/icons/${icon}`);
    }
  });

  it('starts from the bundled main entry point', () => {
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

  it('ships the native kubectl credential helper beside it, runnable without Node', async () => {
    const helper = path.join(unpacked, 'resources', 'bin', 'rancher-keys-credential');
    expect(existsSync(helper)).toBe(true);
    const { stdout } = await run(helper, ['--help'], { env: { PATH: '/nonexistent' } });
    expect(stdout).toMatch(/^Usage: rancher-keys kubectl-credential --server S/);
  });

  it('leaves source maps out of the archive', () => {
    expect(asarFiles().filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('stays small (app.asar under 3 MB; it was 19 MB with every production dependency)', () => {
    expect(statSync(asar).size).toBeLessThan(3 * 1024 * 1024);
  });
});

describe('Electron fuses in the packed binary', () => {
  const states = async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'rancher-keys-app'));
    return (option: FuseV1Options) => wire[option];
  };

  it('turns off running as Node, NODE_OPTIONS and --inspect', async () => {
    const fuse = await states();
    expect(fuse(FuseV1Options.RunAsNode)).toBe(off);
    expect(fuse(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(off);
    expect(fuse(FuseV1Options.EnableNodeCliInspectArguments)).toBe(off);
  });

  it('loads the app only from an integrity-checked app.asar', async () => {
    const fuse = await states();
    expect(fuse(FuseV1Options.OnlyLoadAppFromAsar)).toBe(on);
    expect(fuse(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(on);
  });

  it('encrypts cookies and gives file:// no extra privileges', async () => {
    const fuse = await states();
    expect(fuse(FuseV1Options.EnableCookieEncryption)).toBe(on);
    expect(fuse(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(off);
  });
});

describe('the deb', () => {
  it('depends on everything electron-builder would, plus a Secret Service provider', () => {
    // electron-builder's own list for a deb without `depends` (a private method, read on purpose:
    // when electron-builder adds to it, this test asks for the addition here too).
    const fpm = FpmTarget.prototype as unknown as { getDefaultDepends(target: string): string[] };
    const defaults = fpm.getDefaultDepends.call(null, 'deb');
    expect(defaults.length).toBeGreaterThan(5);
    const depends = resolved?.deb?.depends;
    expect(Array.isArray(depends)).toBe(true);
    for (const dependency of defaults) expect(depends).toContain(dependency);
    expect(depends).toContain('gnome-keyring | kwalletmanager | keepassxc');
  });

  it('is the primary Linux target', () => {
    expect(resolved?.linux?.target).toEqual(['deb', 'AppImage']);
  });

  it('names its launcher after the app id, which is also the window class', () => {
    expect(desktopEntry).toMatch(/^StartupWMClass=io\.rancherkeys\.app$/m);
    expect(desktopEntry).toMatch(/^Exec="\/opt\/Rancher Keys\/rancher-keys-app" %U$/m);
    const installed = fpmArgs.filter((a) => a.endsWith('.desktop')).map((a) => a.split('=')[1]);
    expect(installed).toEqual(['/usr/share/applications/io.rancherkeys.app.desktop']);
  });

  it('ships the AppArmor profile that lets Chromium sandbox itself on Ubuntu 24.04+', () => {
    const profile = readFileSync(path.join(unpacked, 'resources', 'apparmor-profile'), 'utf8');
    expect(profile).toContain('profile "rancher-keys-app" "/opt/Rancher Keys/rancher-keys-app"');
    expect(profile).toMatch(/^\s*userns,$/m);
    expect(afterInstall).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/rancher-keys-app'");
  });

  it('names the Electron binary rancher-keys-app, so `rancher-keys` is free for the command', () => {
    expect(resolved?.linux?.executableName).toBe('rancher-keys-app');
    expect(resolved?.deb?.afterInstall).toBe('build/linux/after-install.tpl');
    expect(resolved?.deb?.afterRemove).toBe('build/linux/after-remove.tpl');
    expect(existsSync(path.join(unpacked, 'rancher-keys-app'))).toBe(true);
    expect(existsSync(path.join(unpacked, 'rancher-keys'))).toBe(false);
  });

  it('links /usr/bin/rancher-keys to the command at install and keeps the app link', () => {
    // The app's own link, as electron-builder's default script makes it.
    expect(afterInstall).toContain(
      "update-alternatives --install '/usr/bin/rancher-keys-app' 'rancher-keys-app' '/opt/Rancher Keys/rancher-keys-app' 100",
    );
    expect(afterInstall).toContain(
      "RANCHER_KEYS_COMMAND='/opt/Rancher Keys/resources/bin/rancher-keys'",
    );
    expect(afterInstall).toContain(
      `update-alternatives --install '/usr/bin/rancher-keys' 'rancher-keys' "$RANCHER_KEYS_COMMAND" 100`,
    );
    // Nothing points /usr/bin/rancher-keys at the Electron binary.
    expect(afterInstall).not.toMatch(/'\/opt\/Rancher Keys\/rancher-keys' /);
    expect(afterInstall).not.toContain('${');
    expect(afterRemove).toContain(
      "update-alternatives --remove 'rancher-keys' '/opt/Rancher Keys/resources/bin/rancher-keys'",
    );
    expect(afterRemove).toContain(
      "update-alternatives --remove 'rancher-keys-app' '/opt/Rancher Keys/rancher-keys-app'",
    );
  });

  it('has install scripts that bash parses', async () => {
    for (const script of [afterInstall, afterRemove]) {
      const file = path.join(work, 'script.sh');
      writeFileSync(file, script);
      await expect(run('bash', ['-n', file])).resolves.toBeDefined();
    }
  });
});
