import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from 'electron';
import { applyStartAtLogin } from '../../../electron/main/lifecycle/login-item';

/** Stands in for Electron's `app.setLoginItemSettings`, recording what it was given. */
function recordingApp() {
  const calls: Settings[] = [];
  return { calls, app: { setLoginItemSettings: (s: Settings) => void calls.push(s) } };
}

describe('applyStartAtLogin', () => {
  it('uses the OS login items on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { calls, app } = recordingApp();
      await applyStartAtLogin(true, {
        platform,
        app,
        env: {},
        home: '/nowhere',
        execPath: '/x',
        productName: 'Rancher Keys',
      });
      expect(calls).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
    }
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'rk-home-'));
    try {
      const { calls, app } = recordingApp();
      const deps = {
        platform: 'linux' as const,
        app,
        env: {},
        home,
        execPath: '/usr/bin/rancher-keys',
        productName: 'Rancher Keys',
      };
      await applyStartAtLogin(true, deps);
      const file = path.join(home, '.config', 'autostart', 'rancher-keys.desktop');
      expect(readFileSync(file, 'utf8')).toContain('Exec=/usr/bin/rancher-keys --hidden');
      await applyStartAtLogin(false, deps);
      expect(() => readFileSync(file)).toThrow();
      expect(calls).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
