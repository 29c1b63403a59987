import { createStore } from 'zustand/vanilla';
import type { CertificateInfo } from '../../../electron/contract/errors';

/** The main area's view. */
export type View = 'keys' | 'expiring' | 'hygiene' | 'activity' | 'settings' | 'plaintext';

/** The one open dialog, if any: plain data, so it can be inspected and restored. */
export type DialogState =
  | { kind: 'addServer' }
  | { kind: 'editServer'; serverId: string }
  | { kind: 'removeServer'; serverId: string }
  | { kind: 'signIn'; serverId: string }
  | { kind: 'trustCertificate'; serverId: string; certificate: CertificateInfo }
  | { kind: 'createKey'; serverId: string }
  /** With `accessKey`: store the secret of a key we list but lack ("Store secret…"). */
  | { kind: 'importKey'; serverId: string; accessKey?: string }
  | { kind: 'editLabels'; serverId: string; keyId: string }
  | { kind: 'renewKey'; serverId: string; keyId: string }
  | { kind: 'shortenExpiry'; serverId: string; keyId: string }
  | { kind: 'kubectl'; serverId: string; keyId: string }
  | { kind: 'whereUsed'; serverId: string; keyId: string }
  | { kind: 'deleteKeys'; serverId: string; keyIds: string[] }
  | { kind: 'renameLabel'; serverId: string; from: string | null }
  | { kind: 'help' }
  | { kind: 'quickCopy' };

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'success' | 'warning' | 'error';
  /** Toasts of one slot replace each other (a new copy replaces the last copy's toast). */
  slot?: string;
  /** "clears in N s" follows the text, counting down to `shownAt + countdownMs`. */
  countdownMs?: number;
  shownAt: number;
}

/** Options of a toast: its slot and countdown (see {@link Toast}). */
export interface ToastOptions {
  slot?: string;
  countdownMs?: number;
}

export interface UiState {
  view: View;
  dialog: DialogState | null;
  toasts: Toast[];
}

/** How long a toast stays; errors stay a little longer so they can be read. */
const TOAST_MS = { info: 4_000, success: 4_000, warning: 6_000, error: 8_000 } as const;

/** View, dialogs and toasts of the window. */
export function createUiStore() {
  const store = createStore<UiState>()(() => ({ view: 'keys', dialog: null, toasts: [] }));
  let nextId = 1;
  const dismiss = (id: number) =>
    store.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));

  /** Where focus was before a dialog opened, to give it back on close. */
  let returnFocus: HTMLElement | null = null;

  return {
    store,
    setView(view: View) {
      store.setState({ view });
    },
    open(dialog: DialogState) {
      if (store.getState().dialog === null && typeof document !== 'undefined') {
        returnFocus = document.activeElement as HTMLElement | null;
      }
      store.setState({ dialog });
    },
    close() {
      store.setState({ dialog: null });
      const target = returnFocus;
      returnFocus = null;
      if (target && target.isConnected) queueMicrotask(() => target.focus());
    },
    toast(text: string, tone: Toast['tone'] = 'info', options: ToastOptions = {}) {
      const id = nextId++;
      const toast: Toast = { id, text, tone, shownAt: Date.now(), ...options };
      store.setState((s) => ({
        toasts: [
          ...s.toasts
            .filter((t) => options.slot === undefined || t.slot !== options.slot)
            .slice(-3),
          toast,
        ],
      }));
      setTimeout(() => dismiss(id), TOAST_MS[tone]);
      return id;
    },
    dismiss,
  };
}
export type UiStore = ReturnType<typeof createUiStore>;
