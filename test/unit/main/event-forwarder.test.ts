import { describe, expect, it } from 'vitest';
import type { EventSink } from '../../../electron/core/events';
import { createEventForwarder } from '../../../electron/main/ipc/event-forwarder';

describe('createEventForwarder', () => {
  it('sends contract events to the window', () => {
    const sent: Array<[string, unknown]> = [];
    const sink = createEventForwarder(() => ({ send: (c, p) => sent.push([c, p]) }));
    sink('keys:changed', { serverId: 's' });
    expect(sent).toEqual([['keys:changed', { serverId: 's' }]]);
  });

  it('drops a name outside the contract', () => {
    const sent: string[] = [];
    const sink = createEventForwarder(() => ({ send: (c) => sent.push(c) })) as unknown as (
      e: string,
      p: unknown,
    ) => void;
    sink('ipc:internal', {});
    expect(sent).toEqual([]);
  });

  it('does nothing when no window is open', () => {
    const sink: EventSink = createEventForwarder(() => null);
    expect(() => sink('servers:changed', {})).not.toThrow();
  });
});
