import type { ClipboardPort } from '../../../../electron/core/ports';

/** A clipboard that remembers what was written (stands in for Electron's clipboard). */
export function createRecordingClipboard(): ClipboardPort & { writes: string[]; current: string } {
  const state = { writes: [] as string[], current: '' };
  return Object.assign(state, {
    async writeText(text: string) {
      state.writes.push(text);
      state.current = text;
    },
    async readText() {
      return state.current;
    },
    async clear() {
      state.current = '';
    },
  });
}
