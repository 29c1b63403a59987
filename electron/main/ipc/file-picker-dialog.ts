import { BrowserWindow, dialog } from 'electron';
import type { FilePickerPort } from '../../core/plaintext/file-picker';

/**
 * The OS "open file" dialog, attached to the focused window: the only way a path reaches the
 * Plaintext check from the window (the renderer never sends one). Hidden files are shown because
 * the files people add (`.kube/…`, `.rancher/…`) live in hidden folders.
 */
export function createFilePickerDialog(): FilePickerPort {
  return {
    async pickFile({ title }) {
      const options: Electron.OpenDialogOptions = {
        title,
        properties: ['openFile', 'showHiddenFiles'],
      };
      const parent = BrowserWindow.getFocusedWindow();
      const picked = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  };
}
