import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { allChannels, allEvents, channelNames, eventNames } from '../../../electron/contract/ipc';
import type { Channel } from '../../../electron/contract/names';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch';
import { createCore } from '../../../electron/core/create-core';
import { createMemoryLogger } from '../../../electron/core/log';
import { createMemorySecretStore } from '../../../electron/core/vault/memory-secret-store';
import { createElectronClipboard } from '../../../electron/main/ipc/electron-clipboard';
import { createManualClock } from '../../../electron/main/e2e/manual-clock';
import { registerIpc, type InvokeEventLike } from '../../../electron/main/ipc/ipc';
import { preloadBuildOptions } from '../../../scripts/build.mjs';

// Compile-time half of the equality: the Handlers type has exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const handlersCoverTheContract: Same<keyof Handlers, Channel> = true;

type Listener = (event: InvokeEventLike, input: unknown) => Promise<unknown>;

/** Stands in for Electron's ipcMain: records what was registered. */
function recordingIpcMain() {
  const registered = new Map<string, Listener>();
  return {
    registered,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (registered.has(channel)) throw new Error(`registered twice: ${channel}`);
        registered.set(channel, listener);
      },
    },
  };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'rk-ipc-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real core's handlers (not started: nothing here reaches a server or the disk). */
function handlers(): Handlers {
  let clip = '';
  return createCore({
    appVersion: '1.2.3',
    platform: 'linux',
    dataDir,
    // Stands in for the OS keychain: no secret is stored by these tests.
    secrets: createMemorySecretStore(),
    // Stands in for Electron's clipboard module.
    clipboard: createElectronClipboard({
      writeText: async (t: string) => void (clip = t),
      readText: async () => clip,
      clear: () => void (clip = ''),
    }),
    clock: createManualClock(Date.parse('2026-01-01T00:00:00Z')),
    log: createMemoryLogger(),
  }).handlers;
}

function setup() {
  const { registered, ipcMain } = recordingIpcMain();
  const log = createMemoryLogger();
  const ready: number[] = [];
  const returned = registerIpc({
    ipcMain: ipcMain as never,
    dispatch: createDispatcher(handlers(), log),
    log,
    windowIds: new Set([1]),
    appOrigin: 'app://rancher-keys',
    onReady: (id) => ready.push(id),
  });
  return { registered, returned, log, ready };
}

function event(
  overrides: { id?: number; url?: string; subframe?: boolean; noFrame?: boolean } = {},
): InvokeEventLike {
  const main = { url: overrides.url ?? 'app://rancher-keys/index.html' };
  return {
    sender: { id: overrides.id ?? 1, mainFrame: main },
    senderFrame: overrides.noFrame ? null : overrides.subframe ? { url: main.url } : main,
  };
}

/**
 * Runs the preload bundle as scripts/build.mjs bundles it, against a fake `electron` module
 * (contextBridge + ipcRenderer recorders), and returns what it exposed and what it forwarded.
 */
async function loadPreload() {
  const result = await build({ ...preloadBuildOptions, sourcemap: false, write: false });
  const invoked: string[] = [];
  const listened: string[] = [];
  const exposed: Record<string, unknown> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
    ipcRenderer: {
      invoke: async (channel: string) => (invoked.push(channel), { ok: true, value: {} }),
      on: (channel: string) => void listened.push(channel),
      removeListener: () => undefined,
    },
  };
  const fakeRequire = (name: string) => {
    if (name !== 'electron') throw new Error(`preload required ${name}`);
    return electron;
  };
  const module = { exports: {} };
  const wrapped = new Script(
    `(function (require, module, exports) {${result.outputFiles[0]!.text}\n})`,
  ).runInThisContext() as (r: typeof fakeRequire, m: typeof module, e: unknown) => void;
  wrapped(fakeRequire, module, module.exports);
  const api = exposed.rancherKeys as {
    invoke(channel: string, input: unknown): Promise<unknown>;
    on(event: string, listener: () => void): () => void;
  };
  return { api, invoked, listened, exposed };
}

describe('the IPC surface', () => {
  it('registers exactly the contract channels, each once, when main starts', async () => {
    const { registered, returned } = setup();
    expect(handlersCoverTheContract).toBe(true);
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
    expect(returned.sort()).toEqual(Object.keys(await allChannels()).sort());
  });

  it('has a handler for every contract channel and nothing else in the core', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...channelNames].sort());
  });

  it('lets the preload forward exactly the contract channels and events', async () => {
    const { api, invoked, listened, exposed } = await loadPreload();
    expect(Object.keys(exposed)).toEqual(['rancherKeys']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    const probes = [...channelNames, 'ipc:secret', 'keys:copy ', '__proto__', 'constructor'];
    const outcomes = await Promise.allSettled(probes.map((c) => api.invoke(c, {})));
    expect(invoked.sort()).toEqual([...channelNames].sort());
    expect(outcomes.slice(channelNames.length).every((o) => o.status === 'rejected')).toBe(true);
    for (const name of [...eventNames, 'ipc:secret', 'toString']) {
      try {
        api.on(name, () => undefined);
      } catch {
        // refused: not a contract event
      }
    }
    expect(listened.sort()).toEqual(Object.keys(await allEvents()).sort());
  });
});

describe('registerIpc', () => {
  it('dispatches a call from our window main frame', async () => {
    const { registered } = setup();
    const result = await registered.get('app:info')!(event(), {});
    expect(result).toMatchObject({ ok: true, value: { version: '1.2.3', platform: 'linux' } });
  });

  it('refuses a call from another window, a subframe, a dead frame or another origin', async () => {
    const { registered, log } = setup();
    const call = registered.get('app:info')!;
    for (const e of [
      event({ id: 2 }),
      event({ subframe: true }),
      event({ noFrame: true }),
      event({ url: 'https://evil.example/' }),
      event({ url: 'file:///etc/passwd' }),
    ]) {
      expect(await call(e, {})).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Request refused.' },
      });
    }
    expect(log.lines.filter((l) => l.includes('untrusted sender'))).toHaveLength(5);
  });

  it('reports app:ready from our window to the shell, and never from an untrusted sender', async () => {
    const { registered, ready } = setup();
    expect(await registered.get('app:ready')!(event(), {})).toEqual({ ok: true, value: {} });
    await registered.get('app:ready')!(event({ id: 2 }), {});
    await registered.get('app:ready')!(event({ url: 'https://evil.example/' }), {});
    await registered.get('app:info')!(event(), {});
    expect(ready).toEqual([1]);
  });

  it('never logs the arguments of a call', async () => {
    const { registered, log } = setup();
    const secret = 'token-abcde:verysecretvalue';
    await registered.get('keys:import')!(event(), { serverId: 's', bearer: secret });
    await registered.get('keys:import')!(event({ id: 9 }), { serverId: 's', bearer: secret });
    expect(log.lines.join('\n')).not.toContain('verysecret');
  });
});
