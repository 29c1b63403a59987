import { useEffect } from 'react';
import { selectActiveServer } from '../servers/servers-store';
import { isTyping, matchShortcut } from './shortcuts';
import { useStores } from './stores-context';

/** The window's global shortcuts (see shortcuts.ts), off while a dialog is open. */
export function useShortcuts(searchRef: React.RefObject<HTMLInputElement | null>) {
  const stores = useStores();
  useEffect(() => {
    const { ui, keys, servers } = stores;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const action = matchShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        typing: isTyping(event.target),
      });
      if (!action) return;
      if (ui.store.getState().dialog !== null) return;
      const server = selectActiveServer(servers.store.getState());
      event.preventDefault();
      switch (action.kind) {
        case 'help':
          ui.open({ kind: 'help' });
          return;
        case 'quickCopy':
          ui.open({ kind: 'quickCopy' });
          return;
        case 'search':
          ui.setView('keys');
          queueMicrotask(() => searchRef.current?.focus());
          return;
        case 'newKey':
          if (server && server.signIn.state === 'signed_in') {
            ui.open({ kind: 'createKey', serverId: server.id });
          }
          return;
        case 'refresh':
          void keys.refresh();
          return;
        case 'switchServer': {
          const target = servers.store.getState().servers[action.index];
          if (target) {
            ui.setView('keys');
            void servers.switchTo(target.id).catch(() => undefined);
          }
          return;
        }
      }
    }
    // The app menu's accelerators arrive from main as `app:command`.
    const offCommand = stores.api.on('app:command', ({ command }) => {
      const server = selectActiveServer(servers.store.getState());
      if (command === 'quickCopy') {
        // The global shortcut (from any app): over whatever view, unless a dialog is open.
        if (ui.store.getState().dialog === null) ui.open({ kind: 'quickCopy' });
      } else if (command === 'settings') ui.setView('settings');
      else if (command === 'search') {
        ui.setView('keys');
        queueMicrotask(() => searchRef.current?.focus());
      } else if (server && server.signIn.state === 'signed_in') {
        ui.open({ kind: 'createKey', serverId: server.id });
      }
    });
    window.addEventListener('keydown', onKeyDown);
    return () => {
      offCommand();
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [stores, searchRef]);
}
