import { isEventName, type EventName } from '../../contract/names';
import type { EventSink } from '../../core/events';

/**
 * Forwards the core's events to the window (through its renderer gate), but only contract event
 * names, and only while a window is there to receive them. Returns the sink to subscribe to the core.
 */
export function createEventForwarder(
  target: () => { send(channel: EventName, payload: unknown): void } | null,
): EventSink {
  return (event, payload) => {
    const name: unknown = event;
    if (!isEventName(name)) return;
    target()?.send(name, payload);
  };
}
