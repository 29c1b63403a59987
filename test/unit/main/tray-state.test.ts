import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import { loadTrayState } from '../../../electron/main/tray/tray-state';
import { wholeList } from '../renderer/fake-api';
import { key, server } from './fixtures';

describe('loadTrayState', () => {
  it('gathers servers, keys per server and the summary from the core', async () => {
    const state = await loadTrayState(
      {
        'servers:list': async () => ({
          servers: [server('a', 'A'), server('b', 'B')],
          activeId: 'a',
        }),
        'keys:list': async ({ serverId }) => {
          if (serverId === 'b') throw new AppFailure('unreachable', 'down');
          return {
            serverId: serverId ?? null,
            ...wholeList([key('token-1')]),
            refreshedAt: null,
            stale: false,
          };
        },
        'expiry:summary': async () => ({
          expiringCount: 1,
          expiredCount: 0,
          next: null,
          perServer: {},
        }),
      },
      123,
    );
    expect(state.activeId).toBe('a');
    expect(state.servers.map((s) => s.id)).toEqual(['a', 'b']);
    expect(Object.keys(state.keysByServer)).toEqual(['a']);
    expect(state.summary?.expiringCount).toBe(1);
    expect(state.now).toBe(123);
  });

  it('gives an empty tray, not an error, when the core cannot answer', async () => {
    const fail = async () => Promise.reject(new AppFailure('internal', 'not built yet'));
    const state = await loadTrayState(
      { 'servers:list': fail, 'keys:list': fail, 'expiry:summary': fail },
      0,
    );
    expect(state).toEqual({ servers: [], activeId: null, keysByServer: {}, summary: null, now: 0 });
  });
});
