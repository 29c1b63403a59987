/** What a key press asks the window to do. */
export type ShortcutAction =
  | { kind: 'help' }
  | { kind: 'newKey' }
  | { kind: 'search' }
  | { kind: 'quickCopy' }
  | { kind: 'refresh' }
  | { kind: 'switchServer'; index: number };

/** The shortcuts, as the help overlay lists them. */
export const shortcutList: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: 'Ctrl+K', what: 'Quick copy: find a key on any server and copy it' },
  {
    keys: 'Enter',
    what: 'Copy the bearer token of the highlighted key (in the table, or the only match of a search)',
  },
  { keys: 'N', what: 'New key' },
  { keys: '/  or  Ctrl+F', what: 'Search keys' },
  { keys: 'R  or  F5', what: 'Refresh from the server' },
  { keys: 'Ctrl+1 … Ctrl+9', what: 'Switch to server 1 … 9' },
  { keys: '↑ ↓', what: 'Move between keys in the table' },
  { keys: 'Space', what: 'Select the key under the cursor' },
  { keys: 'Delete', what: 'Delete the selected keys' },
  { keys: '?', what: 'Show this help' },
  { keys: 'Esc', what: 'Close a dialog or menu' },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when focus is in a text field, where plain letters are typing. */
  typing: boolean;
}

/** Maps a key press to a window action (Ctrl on Linux/Windows, Cmd on macOS). */
export function matchShortcut(e: KeyLike): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  if (mod) {
    if (/^[1-9]$/.test(e.key)) return { kind: 'switchServer', index: Number(e.key) - 1 };
    if (e.key === 'f' || e.key === 'F') return { kind: 'search' };
    if (e.key === 'k' || e.key === 'K') return { kind: 'quickCopy' };
    if (e.key === 'n' || e.key === 'N') return { kind: 'newKey' };
    if (e.key === 'r' || e.key === 'R') return { kind: 'refresh' };
    return null;
  }
  if (e.key === 'F5') return { kind: 'refresh' };
  if (e.typing) return null;
  switch (e.key) {
    case '?':
      return { kind: 'help' };
    case '/':
      return { kind: 'search' };
    case 'n':
    case 'N':
      return { kind: 'newKey' };
    case 'r':
    case 'R':
      return { kind: 'refresh' };
    default:
      return null;
  }
}

/** Whether the element takes text input (so letter shortcuts must not fire). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  }
  return false;
}
