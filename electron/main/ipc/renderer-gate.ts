import type { EventName } from '../../contract/names';

/** Where the gate delivers: the page's webContents (or the bridge's clients); null when none. */
export type GateTarget = { send(channel: string, payload: unknown): void } | null;

/**
 * Events that describe state: the renderer reloads that state from main, so only the latest of each
 * kind matters and an earlier one still waiting is replaced. Keyed by name (and server for keys).
 */
function stateKey(event: EventName, payload: unknown): string | null {
  switch (event) {
    case 'servers:changed':
    case 'settings:changed':
    case 'expiry:summary':
    case 'activity:changed':
    case 'hygiene:progress':
      return event;
    case 'keys:changed': {
      const serverId = (payload as { serverId?: unknown } | null)?.serverId;
      return `${event}\u0000${typeof serverId === 'string' ? serverId : ''}`;
    }
    default:
      return null;
  }
}

/** The main → renderer handshake: events wait until the page says it listens. */
export interface RendererGate {
  /** Delivers now when the page is ready, else queues (bounded); dropped when there is no page. */
  send(event: EventName, payload: unknown): void;
  /** A page is loading (a window was created): events from now on wait for {@link ready}. */
  attach(): void;
  /** The page subscribed to every event (`app:ready`): what waited is delivered, in order. */
  ready(): void;
  /** Delivers what waits if the page is ready and a target is there now (a late connection). */
  flush(): void;
  /** The page is reloading or its process is gone: wait again, keeping what waits for the next page. */
  reset(): void;
  /** The window is gone: nothing to wait for; a new window loads its state afresh. */
  detach(): void;
  /** How many events wait (for tests and logs). */
  pending(): number;
}

/**
 * Queues main → renderer events while the page loads, so a notification click (`app:navigate`), a
 * menu command or an expiry warning sent before the renderer subscribed is not lost. Bounded: state
 * events are coalesced to their latest, and beyond `limit` the oldest waiting event is dropped
 * (`onDrop` says so). Plain logic, no Electron: the shell and the test bridge both use it.
 */
export function createRendererGate(options: {
  target: () => GateTarget;
  limit?: number;
  onDrop?: (event: EventName) => void;
}): RendererGate {
  const limit = options.limit ?? 100;
  let state: 'none' | 'loading' | 'ready' = 'none';
  let queue: Array<{ event: EventName; payload: unknown; key: string | null }> = [];

  function flush(): void {
    const target = options.target();
    if (state !== 'ready' || !target) return;
    const waiting = queue;
    queue = [];
    for (const { event, payload } of waiting) target.send(event, payload);
  }

  return {
    send(event, payload) {
      if (state === 'none') return;
      const target = options.target();
      if (state === 'ready' && target) {
        target.send(event, payload);
        return;
      }
      const key = stateKey(event, payload);
      if (key !== null) queue = queue.filter((item) => item.key !== key);
      queue.push({ event, payload, key });
      while (queue.length > limit) {
        const dropped = queue.shift();
        if (dropped) options.onDrop?.(dropped.event);
      }
    },
    attach() {
      if (state === 'none') state = 'loading';
    },
    ready() {
      if (state === 'none') return;
      state = 'ready';
      flush();
    },
    flush,
    reset() {
      if (state === 'ready') state = 'loading';
    },
    detach() {
      state = 'none';
      queue = [];
    },
    pending: () => queue.length,
  };
}
