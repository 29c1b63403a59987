import type { Output } from '../../../electron/contract/ipc';
import { toAppError } from '../ui/error-text';
import type { UiStore } from '../ui/ui-store';

/**
 * Runs an undo of a rewrite and says how it went in a toast (restored, not restored, or the
 * error). Whether the file is back as it was.
 */
export async function undoWithToast(
  undo: () => Promise<Output<'plaintext:undo'>>,
  ui: UiStore,
): Promise<boolean> {
  try {
    const out = await undo();
    ui.toast(
      out.restored ? `${out.path} is back as it was.` : `${out.path} was not restored.`,
      out.restored ? 'success' : 'warning',
    );
    return out.restored;
  } catch (e) {
    ui.toast(toAppError(e).message, 'error');
    return false;
  }
}
