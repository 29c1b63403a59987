import { useMemo } from 'react';
import type { CopyFormat } from '../../../electron/contract/keys';
import { formatDateTime } from '../format/time';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';
import { copiedToast } from './copy-formats';

/** Row actions with their feedback (toasts), shared by the table, the menu and shortcuts. */
export function useKeyActions() {
  const { keys, ui } = useStores();
  return useMemo(
    () => ({
      async copy(keyId: string, format: CopyFormat = 'bearer') {
        try {
          const { clearsInMs } = await keys.copy(keyId, format);
          const { text, ...options } = copiedToast(format, keyId, clearsInMs);
          ui.toast(text, 'success', options);
        } catch (e) {
          ui.toast(toAppError(e).message, 'error');
        }
      },
      async setEnabled(keyId: string, enabled: boolean) {
        try {
          await keys.update({ keyId, enabled });
          ui.toast(enabled ? 'Key enabled.' : 'Key disabled.', 'success');
        } catch (e) {
          ui.toast(toAppError(e).message, 'error');
        }
      },
      async setDefault(keyId: string, isDefault: boolean) {
        try {
          await keys.setDefault(keyId, isDefault);
          ui.toast(
            isDefault
              ? `${keyId} is the default key for tools: rancher-keys uses it when no key is named.`
              : `${keyId} is no longer the default key for tools.`,
            'success',
          );
        } catch (e) {
          ui.toast(toAppError(e).message, 'error');
        }
      },
      async snooze(keyId: string, until: string | null) {
        try {
          await keys.snooze(keyId, until);
          ui.toast(
            until === null
              ? 'Warnings for this key are back on.'
              : `Warnings snoozed until ${formatDateTime(until)}.`,
            'success',
          );
        } catch (e) {
          ui.toast(toAppError(e).message, 'error');
        }
      },
    }),
    [keys, ui],
  );
}
