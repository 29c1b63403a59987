import { app, Menu, nativeImage, Tray } from 'electron';
import type { Logger } from '../../core/log';
import { toMenuTemplate } from './tray-menu-template';
import { buildTrayModel, type TrayAction, type TrayModel, type TrayState } from './tray-model';

/** The tray icon: rebuilt from the core's state on every change. */
export interface TrayController {
  /** Reloads the state and rebuilds the menu; concurrent calls coalesce into one more rebuild. */
  refresh(): Promise<TrayModel>;
  /** The model the menu was last built from (read by the Electron suite). */
  model(): TrayModel | null;
  /** A line added to the tooltip until cleared (a warning no notification could show). */
  setNotice(text: string | null): void;
  destroy(): void;
}

/**
 * Creates the tray icon. Linux trays (StatusNotifierItem) deliver clicks unreliably, so everything
 * is in the context menu; the badge count goes to the macOS dock and to Linux launchers that
 * support it (Unity's launcher API); the macOS menu bar also shows it as the tray title.
 */
export function createTrayController(options: {
  iconPath: string;
  platform: NodeJS.Platform;
  load: () => Promise<TrayState>;
  run: (action: TrayAction) => void;
  /** The taskbar's overlay follows the same model (Windows; see taskbar-overlay.ts). */
  taskbar: (overlay: TrayModel['overlay']) => void;
  log: Logger;
}): TrayController {
  const image = nativeImage.createFromPath(options.iconPath);
  // The file name (…Template.png) already marks it; said explicitly so the menu bar tints it.
  if (options.platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  tray.setToolTip('Rancher Keys');
  // On Windows and macOS a click on the icon opens the window; Linux shows the menu.
  tray.on('click', () => options.run({ kind: 'open' }));
  let last: TrayModel | null = null;
  let notice: string | null = null;
  const tooltip = (model: TrayModel) => (notice ? `${model.tooltip}\n${notice}` : model.tooltip);
  let running: Promise<TrayModel> | null = null;
  let again = false;

  function apply(model: TrayModel): void {
    tray.setToolTip(tooltip(model));
    tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(model.items, options.run)));
    options.taskbar(model.overlay);
    if (options.platform === 'darwin') {
      tray.setTitle(model.title);
      app.dock?.setBadge(model.title);
    } else if (options.platform === 'linux') {
      app.setBadgeCount(model.badgeCount);
    }
  }

  async function rebuild(): Promise<TrayModel> {
    do {
      again = false;
      const model = buildTrayModel(await options.load());
      if (!tray.isDestroyed()) apply(model);
      last = model;
    } while (again);
    return last;
  }

  return {
    refresh() {
      if (running) {
        again = true;
        return running;
      }
      running = rebuild()
        .catch((error: unknown) => {
          options.log.warn('tray: could not rebuild the menu', { error: String(error) });
          return (
            last ??
            buildTrayModel({
              servers: [],
              activeId: null,
              keysByServer: {},
              summary: null,
              now: Date.now(),
            })
          );
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    model: () => last,
    setNotice(text) {
      notice = text;
      if (last && !tray.isDestroyed()) tray.setToolTip(tooltip(last));
    },
    destroy: () => tray.destroy(),
  };
}
