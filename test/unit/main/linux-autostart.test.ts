import { mkdtempSync, readFileSync, existsSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartCommand,
  autostartDesktopEntry,
  autostartDir,
  autostartFileName,
  quoteExecArg,
  setLinuxAutostart,
} from '../../../electron/main/lifecycle/linux-autostart';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('autostartDesktopEntry', () => {
  it('starts the app hidden in the tray when the session logs in', () => {
    const entry = autostartDesktopEntry({
      command: '/opt/Rancher Keys/rancher-keys',
      name: 'Rancher Keys',
    });
    expect(entry.split('\n')).toEqual(
      expect.arrayContaining([
        '[Desktop Entry]',
        'Type=Application',
        'Name=Rancher Keys',
        'Exec="/opt/Rancher Keys/rancher-keys" --hidden',
        'X-GNOME-Autostart-enabled=true',
      ]),
    );
    expect(entry.startsWith('[Desktop Entry]\n')).toBe(true);
  });

  it('refuses a name with a line break that would inject a key', () => {
    expect(() => autostartDesktopEntry({ command: '/x', name: 'A\nExec=evil' })).toThrow();
  });
});

describe('quoteExecArg', () => {
  it('leaves a plain path unquoted', () => {
    expect(quoteExecArg('/usr/bin/rancher-keys')).toBe('/usr/bin/rancher-keys');
  });

  it('quotes and escapes reserved characters when the path has them', () => {
    // Inside quotes: \$ ; then the string level doubles the backslash: \\$.
    expect(quoteExecArg('/home/a b/$x')).toBe('"/home/a b/\\\\$x"');
  });

  it('doubles a percent sign so it is not read as a field code', () => {
    expect(quoteExecArg('/opt/100%/app')).toBe('"/opt/100%%/app"');
  });

  it('refuses a line break', () => {
    expect(() => quoteExecArg('/a\n/b')).toThrow();
  });
});

describe('autostartDir', () => {
  it('uses XDG_CONFIG_HOME when it is absolute', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/autostart');
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset or relative', () => {
    expect(autostartDir({}, '/home/u')).toBe('/home/u/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'rel' }, '/home/u')).toBe('/home/u/.config/autostart');
  });
});

describe('autostartCommand', () => {
  it('names the AppImage file when running from an AppImage', () => {
    expect(autostartCommand({ APPIMAGE: '/home/u/Rancher.AppImage' }, '/tmp/.mount_x/rk')).toBe(
      '/home/u/Rancher.AppImage',
    );
  });

  it('uses the executable otherwise', () => {
    expect(autostartCommand({}, '/usr/bin/rancher-keys')).toBe('/usr/bin/rancher-keys');
  });
});

describe('setLinuxAutostart', () => {
  it('writes the entry with mode 0644 and no temp file left when enabled', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rk-autostart-')), 'autostart');
    dirs.push(path.dirname(dir));
    await setLinuxAutostart({ dir, enabled: true, content: 'X\n' });
    const file = path.join(dir, autostartFileName);
    expect(readFileSync(file, 'utf8')).toBe('X\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readdirSync(dir)).toEqual([autostartFileName]);
  });

  it('removes the entry when disabled, and does not fail when there is none', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rk-autostart-'));
    dirs.push(dir);
    await setLinuxAutostart({ dir, enabled: true, content: 'X\n' });
    await setLinuxAutostart({ dir, enabled: false, content: '' });
    expect(existsSync(path.join(dir, autostartFileName))).toBe(false);
    await expect(setLinuxAutostart({ dir, enabled: false, content: '' })).resolves.toBeUndefined();
  });
});
