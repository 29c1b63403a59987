import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../contract/ipc';

/** A shortcut the window handles. */
export type AppCommand = EventPayload<'app:command'>['command'];

/** What the application menu's own items do (roles need nothing). */
export interface AppMenuActions {
  /** A shortcut the window handles (sent as the `app:command` event). */
  command(command: AppCommand): void;
  refresh(): void;
  openDocumentation(): void;
  /** Shows the log file in the file manager. */
  showLog(): void;
  /** Quit for real (not close-to-tray). */
  quit(): void;
}

/**
 * The application menu: the standard roles (the macOS app menu, Edit, View, Window) plus the app's
 * shortcuts: New key, Refresh, Search, Settings. About uses `app.setAboutPanelOptions`, which
 * shows the version.
 */
export function buildAppMenuTemplate(options: {
  platform: NodeJS.Platform;
  productName: string;
  actions: AppMenuActions;
}): MenuItemConstructorOptions[] {
  const { actions } = options;
  const mac = options.platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: mac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.command('settings'),
  };
  const quit: MenuItemConstructorOptions = {
    id: 'quit',
    label: mac ? `Quit ${options.productName}` : 'Quit',
    accelerator: mac ? 'Cmd+Q' : 'Ctrl+Q',
    click: () => actions.quit(),
  };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.productName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        quit,
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        {
          id: 'new-key',
          label: 'New Key…',
          accelerator: 'CmdOrCtrl+N',
          click: () => actions.command('newKey'),
        },
        ...(mac ? [] : [{ type: 'separator' } as const, settings]),
        { type: 'separator' },
        { role: 'close' },
        ...(mac ? [] : [quit]),
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        {
          id: 'refresh',
          label: 'Refresh',
          accelerator: 'CmdOrCtrl+R',
          click: () => actions.refresh(),
        },
        {
          id: 'search',
          label: 'Search',
          accelerator: 'CmdOrCtrl+F',
          click: () => actions.command('search'),
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { id: 'docs', label: 'Documentation', click: () => actions.openDocumentation() },
        { id: 'log', label: 'Show Log File', click: () => actions.showLog() },
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
      ],
    },
  );
  return template;
}
