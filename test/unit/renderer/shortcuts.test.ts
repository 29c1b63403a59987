import { describe, expect, it } from 'vitest';
import { matchShortcut } from '../../../renderer/src/ui/shortcuts';

const press = (
  key: string,
  extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; typing: boolean }> = {},
) => matchShortcut({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...extra });

describe('matchShortcut', () => {
  it('maps single keys to actions when not typing', () => {
    expect(press('?')).toEqual({ kind: 'help' });
    expect(press('n')).toEqual({ kind: 'newKey' });
    expect(press('/')).toEqual({ kind: 'search' });
    expect(press('r')).toEqual({ kind: 'refresh' });
  });

  it('has one copy key (Enter, in the table and search), so C is no shortcut', () => {
    expect(press('c')).toBeNull();
  });

  it('opens quick copy with Ctrl or Cmd+K, even from a text field', () => {
    expect(press('k', { ctrlKey: true })).toEqual({ kind: 'quickCopy' });
    expect(press('K', { metaKey: true, typing: true })).toEqual({ kind: 'quickCopy' });
    expect(press('k')).toBeNull();
  });

  it('ignores letters while typing in a field but keeps modified shortcuts', () => {
    expect(press('n', { typing: true })).toBeNull();
    expect(press('?', { typing: true })).toBeNull();
    expect(press('f', { ctrlKey: true, typing: true })).toEqual({ kind: 'search' });
  });

  it('switches servers with Ctrl or Cmd and a digit', () => {
    expect(press('1', { ctrlKey: true })).toEqual({ kind: 'switchServer', index: 0 });
    expect(press('9', { metaKey: true })).toEqual({ kind: 'switchServer', index: 8 });
    expect(press('0', { ctrlKey: true })).toBeNull();
  });

  it('leaves Alt combinations and unknown keys alone', () => {
    expect(press('n', { altKey: true })).toBeNull();
    expect(press('x')).toBeNull();
  });
});
