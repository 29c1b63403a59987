#!/usr/bin/env node
// `npm run setup`: everything the app and its tests need, on a fresh machine, then `npm ci`.
// Dependency-free on purpose: it runs before node_modules exists. On Debian and Ubuntu it installs
// the missing system packages (keytar builds against libsecret when its prebuilt binary cannot be
// downloaded, so `npm ci` itself needs them): with apt-get as root, otherwise through sudo, showing
// the exact command first. Quick and silent when everything is already there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Debian packages: libsecret's headers (keytar's build), a private Secret Service for the tests
 * (gnome-keyring, secret-tool, dbus), the browser the e2e suite drives, and Go with its D-Bus
 * library for the native kubectl credential helper (native/credential, scripts/build-native.mjs).
 */
export const debianPackages = [
  'libsecret-1-dev',
  'gnome-keyring',
  'libsecret-tools',
  'dbus',
  'chromium',
  'golang-go',
  'golang-dbus-dev',
];
/** Debian's kubectl, for the kubeconfig tests, when no kubectl is on PATH. */
export const kubectlPackage = 'kubernetes-client';
/** The oldest Node the app is developed and tested on. */
export const nodeMinimum = [20, 19];
/** Written into node_modules after a successful `npm ci`: what it was installed from. */
export const stampFile = path.join('node_modules', '.rancher-keys-setup');

/**
 * What setup has to do on this machine.
 * @param {{ platform: NodeJS.Platform, hasApt: boolean, isRoot: boolean, hasSudo: boolean,
 *   installed: ReadonlySet<string>, hasKubectl: boolean }} machine
 * @returns {{ kind: 'none' } | { kind: 'apt', missing: string[], command: string[] }
 *   | { kind: 'manual', missing: string[], command: string[] } | { kind: 'unsupported' }}
 */
export function planSystemPackages(machine) {
  if (machine.platform !== 'linux') return { kind: 'none' };
  if (!machine.hasApt) return { kind: 'unsupported' };
  const wanted = machine.hasKubectl ? debianPackages : [...debianPackages, kubectlPackage];
  const missing = wanted.filter((name) => !machine.installed.has(name));
  if (missing.length === 0) return { kind: 'none' };
  const install = ['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing];
  if (machine.isRoot) return { kind: 'apt', missing, command: install };
  if (machine.hasSudo) return { kind: 'apt', missing, command: ['sudo', ...install] };
  return { kind: 'manual', missing, command: install };
}

/**
 * Whether a Node version is older than [major, minor].
 * @param {string} version `process.versions.node`
 * @param {readonly number[]} minimum
 */
export function isOlderThan(version, minimum) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [wantMajor = 0, wantMinor = 0] = minimum;
  return major < wantMajor || (major === wantMajor && minor < wantMinor);
}

/**
 * One sentence when this Node is too old for developing and testing, or null.
 * @param {string} version `process.versions.node`
 */
export function nodeTooOld(version) {
  if (!isOlderThan(version, nodeMinimum)) return null;
  return `Rancher Keys needs Node.js ${nodeMinimum.join('.')} or newer, but this is Node.js ${version}.`;
}

/** True when this module is the script node was started with (works on Windows too). */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/**
 * What `npm ci` installed from: the lockfile and the Node ABI (keytar's binding is built for it).
 * Setup skips `npm ci` while node_modules carries the same stamp.
 * @param {string} lockfile the text of package-lock.json
 * @param {string} modules `process.versions.modules`
 */
export function installStamp(lockfile, modules) {
  return `${createHash('sha256').update(lockfile).digest('hex')} node-abi-${modules}\n`;
}

function run(command, env = process.env) {
  console.log(`setup: ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

function onPath(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function installedDebianPackages(names) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...names], {
    encoding: 'utf8',
  });
  const lines = (result.stdout ?? '').split('\n');
  return new Set(
    lines.filter((l) => l.endsWith(' install ok installed')).map((l) => l.split(' ')[0]),
  );
}

function systemPackages() {
  const linux = process.platform === 'linux';
  const plan = planSystemPackages({
    platform: process.platform,
    hasApt: linux && onPath('apt-get') && onPath('dpkg-query'),
    isRoot: linux && process.getuid?.() === 0,
    hasSudo: linux && onPath('sudo'),
    installed: linux ? installedDebianPackages([...debianPackages, kubectlPackage]) : new Set(),
    hasKubectl: linux && onPath('kubectl'),
  });
  switch (plan.kind) {
    case 'none':
      return true;
    case 'unsupported':
      console.log(
        'setup: not a Debian or Ubuntu system; install libsecret (with its headers), gnome-keyring, ' +
          'secret-tool, dbus, Chromium and kubectl with your package manager if the tests need them.',
      );
      return true;
    case 'manual':
      console.error(
        `setup: missing system packages ${plan.missing.join(' ')}; run as root: ` +
          `apt-get update && ${plan.command.join(' ')}`,
      );
      return false;
    case 'apt': {
      console.log(`setup: installing ${plan.missing.join(' ')}`);
      const sudo = plan.command[0] === 'sudo' ? ['sudo'] : [];
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const command = sudo.length
        ? ['sudo', 'env', 'DEBIAN_FRONTEND=noninteractive', ...plan.command.slice(1)]
        : plan.command;
      return run([...sudo, 'apt-get', 'update', '-q'], env) && run(command, env);
    }
  }
}

function nodeModules() {
  const lockfile = readFileSync('package-lock.json', 'utf8');
  const stamp = installStamp(lockfile, process.versions.modules);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return true;
  if (!run(['npm', 'ci'])) return false;
  writeFileSync(stampFile, stamp);
  return true;
}

if (isMain(import.meta.url)) {
  process.chdir(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const tooOld = nodeTooOld(process.versions.node);
  if (tooOld) {
    console.error(tooOld);
    process.exit(1);
  }
  if (!systemPackages() || !nodeModules()) process.exit(1);
}
