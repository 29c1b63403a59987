import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppDeps } from './app-handlers';
import type { CoreDeps } from './core';
import { createCore } from './create-core';
import type { Handlers } from './dispatch';
import { createMemoryLogger } from './log';
import type { ClipboardPort } from './ports';
import { systemClock } from './ports';

/** What `createHandlers` needs: the app facts, and optionally the rest of the core's deps. */
export type HandlerDeps = AppDeps & Partial<Omit<CoreDeps, 'appVersion' | 'platform' | 'secrets'>>;

const noClipboard: ClipboardPort = {
  writeText: () => Promise.reject(new Error('no clipboard in this context')),
  readText: async () => '',
  clear: async () => undefined,
};

/**
 * Every contract channel's handler, from a core built with these deps (`createCore`). A shortcut
 * for tests of the transport that need a complete `Handlers` without starting the core; the app
 * and the bridge use `createCore` directly.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return createCore({
    appVersion: deps.version,
    platform: deps.platform,
    secrets: deps.secrets,
    dataDir: deps.dataDir ?? path.join(tmpdir(), 'rancher-keys-handlers'),
    clipboard: deps.clipboard ?? noClipboard,
    clock: deps.clock ?? systemClock,
    log: deps.log ?? createMemoryLogger(),
  }).handlers;
}
