import { describe, expect, it } from 'vitest';
import { createQuickCopyShortcut } from '../../../electron/main/lifecycle/global-shortcut';

/**
 * Stands in for Electron's `globalShortcut`: a table of registered accelerators, where those in
 * `takenByOthers` are held by another app (Electron's `register` then returns false).
 */
function fakeGlobalShortcut(takenByOthers: readonly string[] = []) {
  const registered = new Map<string, () => void>();
  return {
    registered,
    globalShortcut: {
      register(accelerator: string, callback: () => void): boolean {
        if (takenByOthers.includes(accelerator) || registered.has(accelerator)) return false;
        registered.set(accelerator, callback);
        return true;
      },
      unregister(accelerator: string): void {
        registered.delete(accelerator);
      },
    },
  };
}

function setup(takenByOthers: readonly string[] = [], platform: NodeJS.Platform = 'linux') {
  const fake = fakeGlobalShortcut(takenByOthers);
  let presses = 0;
  const shortcut = createQuickCopyShortcut({
    globalShortcut: fake.globalShortcut,
    platform,
    onPress: () => void presses++,
  });
  return { fake, shortcut, presses: () => presses };
}

describe('quick copy global shortcut', () => {
  it('registers nothing while off (the default)', () => {
    const { fake, shortcut } = setup();
    expect(shortcut.apply('off')).toBeNull();
    expect([...fake.registered.keys()]).toEqual([]);
  });

  it('registers the chosen accelerator, and pressing it opens quick copy', () => {
    const { fake, shortcut, presses } = setup();
    expect(shortcut.apply('CommandOrControl+Shift+K')).toBeNull();
    expect([...fake.registered.keys()]).toEqual(['CommandOrControl+Shift+K']);
    fake.registered.get('CommandOrControl+Shift+K')?.();
    expect(presses()).toBe(1);
  });

  it('re-registers when the setting changes, and unregisters when turned off or on quit', () => {
    const { fake, shortcut } = setup();
    shortcut.apply('CommandOrControl+Shift+K');
    shortcut.apply('CommandOrControl+Alt+K');
    expect([...fake.registered.keys()]).toEqual(['CommandOrControl+Alt+K']);
    shortcut.apply('off');
    expect([...fake.registered.keys()]).toEqual([]);
    shortcut.apply('CommandOrControl+Shift+Space');
    shortcut.dispose();
    expect([...fake.registered.keys()]).toEqual([]);
  });

  it('says clearly when another app holds the accelerator, and retries it when chosen again', () => {
    const { fake, shortcut } = setup(['CommandOrControl+Shift+K'], 'darwin');
    expect(shortcut.apply('CommandOrControl+Shift+K')).toBe(
      'The quick copy shortcut Cmd+Shift+K is already used by another app or the system, so it is not set. Choose another one in Settings.',
    );
    expect([...fake.registered.keys()]).toEqual([]);
    expect(shortcut.apply('CommandOrControl+Alt+K')).toBeNull();
    expect(shortcut.apply('CommandOrControl+Shift+K')).toMatch(/Cmd\+Shift\+K is already used/);
  });

  it('treats an accelerator Electron refuses to parse (it throws) as not set', () => {
    const { shortcut } = createThrowing();
    expect(shortcut.apply('CommandOrControl+Shift+K')).toMatch(/Ctrl\+Shift\+K is already used/);
  });
});

function createThrowing() {
  const shortcut = createQuickCopyShortcut({
    globalShortcut: {
      register: () => {
        throw new Error('Error processing argument');
      },
      unregister: () => undefined,
    },
    platform: 'linux',
    onPress: () => undefined,
  });
  return { shortcut };
}
