#!/usr/bin/env node
// Runs a command inside a private D-Bus session with an unlocked, throwaway gnome-keyring, so that
// keychain code is tested against a real Secret Service without touching the user's keyring.
//
//   node scripts/with-keyring.mjs [--if-needed] -- <command> [args...]
//
// --if-needed: when a Secret Service already answers (a desktop session, or an outer run of this
// script), run the command directly. On macOS and Windows the command always runs directly: their
// keychains need no set-up.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
if (separator < 0 || separator === argv.length - 1) {
  console.error('usage: with-keyring.mjs [--if-needed] -- <command> [args...]');
  process.exit(2);
}
const flags = argv.slice(0, separator);
const command = argv.slice(separator + 1);

function secretServiceAnswers() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  const probe = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { encoding: 'utf8', timeout: 3000 },
  );
  return probe.status === 0 && /boolean true/.test(probe.stdout);
}

function run(cmd, args, env) {
  const child = spawn(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.platform !== 'linux' || (flags.includes('--if-needed') && secretServiceAnswers())) {
  run(command[0], command.slice(1), process.env);
} else {
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      console.error(
        `with-keyring: ${tool} is missing. Install it: sudo apt-get install --no-install-recommends dbus gnome-keyring libsecret-tools`,
      );
      process.exit(2);
    }
  }
  const dataHome = mkdtempSync(path.join(tmpdir(), 'rk-keyring-data-'));
  const runtimeDir = mkdtempSync(path.join(tmpdir(), 'rk-keyring-run-'));
  chmodSync(runtimeDir, 0o700);
  // The daemon forks before it owns org.freedesktop.secrets: wait for the name (toolchain.md).
  const script = `
    eval "$(printf 'rancher-keys-test' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    for i in $(seq 1 100); do
      if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
          org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
        exec "$@"
      fi
      sleep 0.1
    done
    echo "with-keyring: the Secret Service did not start within 10 s" >&2
    exit 3`;
  const env = {
    ...process.env,
    XDG_DATA_HOME: dataHome,
    XDG_RUNTIME_DIR: runtimeDir,
    RANCHER_KEYS_PRIVATE_KEYRING: '1',
  };
  const child = spawn(
    'dbus-run-session',
    ['--', 'bash', '-c', script, 'with-keyring', ...command],
    {
      stdio: 'inherit',
      env,
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    rmSync(dataHome, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
    process.exit(code ?? (signal ? 1 : 0));
  });
}
