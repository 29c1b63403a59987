import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  debianPackages,
  installStamp,
  kubectlPackage,
  nodeTooOld,
  planSystemPackages,
} from '../../../scripts/setup.mjs';

const fresh = {
  platform: 'linux' as const,
  hasApt: true,
  isRoot: true,
  hasSudo: false,
  installed: new Set<string>(),
  hasKubectl: false,
};

describe('npm run setup: system packages', () => {
  it('installs every missing package, and Debian kubectl, with apt-get as root', () => {
    const plan = planSystemPackages(fresh);
    expect(plan).toEqual({
      kind: 'apt',
      missing: [...debianPackages, kubectlPackage],
      command: [
        'apt-get',
        'install',
        '-y',
        '-q',
        '--no-install-recommends',
        ...debianPackages,
        kubectlPackage,
      ],
    });
    expect(debianPackages).toEqual(
      expect.arrayContaining([
        'libsecret-1-dev',
        'gnome-keyring',
        'libsecret-tools',
        'dbus',
        'chromium',
        'golang-go',
        'golang-dbus-dev',
      ]),
    );
  });

  it('installs only what is missing and leaves an existing kubectl alone', () => {
    const plan = planSystemPackages({
      ...fresh,
      installed: new Set(['libsecret-1-dev', 'dbus', 'chromium', 'golang-go', 'golang-dbus-dev']),
      hasKubectl: true,
    });
    expect(plan).toMatchObject({ kind: 'apt', missing: ['gnome-keyring', 'libsecret-tools'] });
  });

  it('goes through sudo when not root, and asks for root when there is no sudo', () => {
    const viaSudo = planSystemPackages({ ...fresh, isRoot: false, hasSudo: true });
    expect(viaSudo.kind).toBe('apt');
    expect(viaSudo.kind === 'apt' && viaSudo.command.slice(0, 2)).toEqual(['sudo', 'apt-get']);
    expect(planSystemPackages({ ...fresh, isRoot: false, hasSudo: false }).kind).toBe('manual');
  });

  it('does nothing when everything is there, or off Linux', () => {
    const all = new Set([...debianPackages]);
    expect(planSystemPackages({ ...fresh, installed: all, hasKubectl: true })).toEqual({
      kind: 'none',
    });
    expect(planSystemPackages({ ...fresh, platform: 'darwin' })).toEqual({ kind: 'none' });
    expect(planSystemPackages({ ...fresh, platform: 'win32' })).toEqual({ kind: 'none' });
    expect(planSystemPackages({ ...fresh, hasApt: false })).toEqual({ kind: 'unsupported' });
  });
});

describe('npm run setup: node_modules', () => {
  it('reinstalls when the lockfile or the Node ABI changes, not otherwise', () => {
    const stamp = installStamp('{"lockfileVersion":3}', '115');
    expect(installStamp('{"lockfileVersion":3}', '115')).toBe(stamp);
    expect(installStamp('{"lockfileVersion":3,"x":1}', '115')).not.toBe(stamp);
    expect(installStamp('{"lockfileVersion":3}', '127')).not.toBe(stamp);
  });

  it('refuses a Node older than 20.19 in one sentence', () => {
    expect(nodeTooOld('20.18.3')).toMatch(
      /^Rancher Keys needs Node\.js 20\.19 or newer, but this is Node\.js 20\.18\.3\.$/,
    );
    expect(nodeTooOld('20.19.0')).toBeNull();
    expect(nodeTooOld('22.1.0')).toBeNull();
  });
});

describe('the README and CI', () => {
  const readme = readFileSync('README.md', 'utf8');
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const [runLine, testLine] = firstBlock
    .trim()
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, ''));

  it('opens with one line that runs the app and one that runs the tests, both set up first', () => {
    expect(runLine).toBe('npm run setup && npm run demo');
    expect(testLine).toBe('npm run setup && npm test');
  });

  it('.ci/run runs the README test line verbatim and nothing before it', () => {
    const commands = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(commands).toEqual(['set -euo pipefail', 'cd "$(dirname "$0")/.."', testLine]);
  });

  it('package.json has the setup script, dependency-free', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.setup).toBe('node scripts/setup.mjs');
    const imports = [...readFileSync('scripts/setup.mjs', 'utf8').matchAll(/from '([^']+)'/g)].map(
      (m) => m[1],
    );
    expect(imports.every((name) => name?.startsWith('node:'))).toBe(true);
  });
});
