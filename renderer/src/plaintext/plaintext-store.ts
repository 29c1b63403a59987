import { createStore } from 'zustand/vanilla';
import type { AppError } from '../../../electron/contract/errors';
import type { PlaintextScan } from '../../../electron/contract/plaintext';
import type { Api } from '../api';
import { toAppError } from '../ui/error-text';

export interface PlaintextState {
  scan: PlaintextScan | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppError | null;
  /** Files the user added this session (ids main gave them), scanned with the known places. */
  addedFileIds: string[];
}

/** The Plaintext check's state: the last scan of the known places and the files the user added. */
export function createPlaintextStore(api: Api) {
  const store = createStore<PlaintextState>()(() => ({
    scan: null,
    status: 'idle',
    error: null,
    addedFileIds: [],
  }));
  let scanSeq = 0;

  const plaintext = {
    store,
    /** Reads the known places (and added files) again. */
    async scan() {
      const seq = ++scanSeq;
      store.setState((s) => ({ status: s.scan ? s.status : 'loading', error: null }));
      try {
        const scan = await api.call('plaintext:scan', {
          addedFileIds: store.getState().addedFileIds,
        });
        if (seq === scanSeq) store.setState({ scan, status: 'ready' });
      } catch (e) {
        if (seq === scanSeq) store.setState({ status: 'error', error: toAppError(e) });
      }
    },
    /** Main shows the OS file dialog; a chosen file joins this and every later scan. */
    async addFile() {
      try {
        const { file } = await api.call('plaintext:addFile', {});
        if (!file) return null;
        store.setState((s) => ({
          addedFileIds: s.addedFileIds.includes(file.fileId)
            ? s.addedFileIds
            : [...s.addedFileIds, file.fileId],
        }));
        await plaintext.scan();
        return file;
      } catch (e) {
        store.setState({ error: toAppError(e) });
        return null;
      }
    },
  };
  return plaintext;
}
export type PlaintextStore = ReturnType<typeof createPlaintextStore>;
