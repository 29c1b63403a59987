import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../electron/contract/names';
import { createRendererGate, type GateTarget } from '../../../electron/main/ipc/renderer-gate';

/** Stands in for the window's webContents: records what reached the page. */
function page() {
  const received: Array<[string, unknown]> = [];
  let open = true;
  const target: GateTarget = { send: (channel, payload) => void received.push([channel, payload]) };
  return {
    received,
    close: () => void (open = false),
    reopen: () => void (open = true),
    target: () => (open ? target : null),
  };
}

const navigate = { serverId: 's', keyId: 'token-a' };

describe('createRendererGate', () => {
  it('holds an event sent while the page loads and delivers it once the page is ready', () => {
    const p = page();
    const gate = createRendererGate({ target: p.target });
    gate.attach();
    gate.send('app:navigate', navigate);
    gate.send('app:command', { command: 'settings' });
    expect(p.received).toEqual([]);
    gate.ready();
    expect(p.received).toEqual([
      ['app:navigate', navigate],
      ['app:command', { command: 'settings' }],
    ]);
    gate.send('keys:changed', { serverId: 's' });
    expect(p.received.at(-1)).toEqual(['keys:changed', { serverId: 's' }]);
    expect(gate.pending()).toBe(0);
  });

  it('waits again on a reload or a crash and replays to the next page', () => {
    const p = page();
    const gate = createRendererGate({ target: p.target });
    gate.attach();
    gate.ready();
    gate.reset();
    gate.send('app:navigate', navigate);
    expect(p.received).toEqual([]);
    gate.ready();
    expect(p.received).toEqual([['app:navigate', navigate]]);
  });

  it('keeps only the latest of a state event, per server for keys, in the order sent', () => {
    const p = page();
    const gate = createRendererGate({ target: p.target });
    gate.attach();
    gate.send('keys:changed', { serverId: 'a' });
    gate.send('expiry:summary', { expiring: 1 });
    gate.send('keys:changed', { serverId: 'b' });
    gate.send('keys:changed', { serverId: 'a' });
    gate.send('expiry:summary', { expiring: 2 });
    gate.send('expiry:warning', { n: 1 });
    gate.send('expiry:warning', { n: 2 });
    gate.ready();
    expect(p.received).toEqual([
      ['keys:changed', { serverId: 'b' }],
      ['keys:changed', { serverId: 'a' }],
      ['expiry:summary', { expiring: 2 }],
      ['expiry:warning', { n: 1 }],
      ['expiry:warning', { n: 2 }],
    ]);
  });

  it('is bounded: beyond the limit the oldest waiting event is dropped and reported', () => {
    const p = page();
    const dropped: EventName[] = [];
    const gate = createRendererGate({ target: p.target, limit: 3, onDrop: (e) => dropped.push(e) });
    gate.attach();
    for (let n = 0; n < 5; n += 1) gate.send('expiry:warning', { n });
    expect(gate.pending()).toBe(3);
    expect(dropped).toEqual(['expiry:warning', 'expiry:warning']);
    gate.ready();
    expect(p.received.map(([, payload]) => payload)).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('drops events while no window exists and forgets what waited when the window closes', () => {
    const p = page();
    const gate = createRendererGate({ target: p.target });
    gate.send('app:navigate', navigate);
    expect(gate.pending()).toBe(0);
    gate.attach();
    gate.send('app:command', { command: 'search' });
    gate.detach();
    gate.ready();
    gate.attach();
    gate.ready();
    expect(p.received).toEqual([]);
  });

  it('holds what arrives while ready but unreachable, and delivers on flush', () => {
    const p = page();
    const gate = createRendererGate({ target: p.target });
    gate.attach();
    gate.ready();
    p.close();
    gate.send('app:navigate', navigate);
    expect(gate.pending()).toBe(1);
    gate.flush();
    expect(p.received).toEqual([]);
    p.reopen();
    gate.flush();
    expect(p.received).toEqual([['app:navigate', navigate]]);
  });
});
