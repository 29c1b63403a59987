import type { EventName, EventPayload } from '../contract/ipc';

/** Where the core sends main → renderer events: Electron's webContents in the app, SSE in the bridge. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** A sink that fans out to any number of listeners (the window, the tray, notifications). */
export function createEventHub(): { emit: EventSink; subscribe(listener: EventSink): () => void } {
  const listeners = new Set<EventSink>();
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
