import type { ElectronApplication } from '@playwright/test';
import type { EmbeddedWindowSpec } from '../../electron/core/sign-in-ports';
import { embeddedWindowSpec } from '../../electron/core/sso/embedded-sign-in';
import { startRancherSim, type RancherSim } from '../rancher-sim';
import { expect, test as base, type E2eGlobal } from './electron-app';

/** The simulator over https (the window allows https only), started after the skip check. */
const test = base.extend<{ tlsSim: RancherSim }>({
  tlsSim: async ({}, use) => {
    const sim = await startRancherSim({ tls: true, version: '2.13', seed: 'empty' });
    await use(sim);
    await sim.close();
  },
});

/** The run the main process holds between `app.evaluate` calls (test-only global). */
const runKey = '__rancherKeysSsoRun';

/**
 * Starts the shell's embedded sign-in window (electron/main/sign-in) in the main process, as the
 * core would for a GitHub/OIDC sign-in (rancher-sso.md §5 D-harvest), on the simulator's https
 * origin, and keeps its outcome promise and abort controller in a global for later steps.
 */
async function startRun(
  app: ElectronApplication,
  sim: RancherSim,
  options: { timeoutMs?: number } = {},
): Promise<string> {
  // The core's spec for the simulator, as data (JSON drops its navigation rule and verdict,
  // functions, which cannot cross into the main process; they are rebuilt there: https only).
  const spec = JSON.parse(
    JSON.stringify(embeddedWindowSpec(sim.url, options.timeoutMs ?? 60_000)),
  ) as Omit<EmbeddedWindowSpec, 'allowNavigation' | 'verdict'>;
  await app.evaluate(
    (_electron, { spec, key }) => {
      const hook = (globalThis as unknown as E2eGlobal).__rancherKeysE2E;
      const controller = new AbortController();
      const outcome = hook.embeddedSignIn.run(
        {
          ...spec,
          allowNavigation: (url: string) => url.startsWith('https:'),
          verdict: (url: string) =>
            url.startsWith('https:') ? null : { kind: 'blocked' as const, host: '' },
        },
        controller.signal,
      );
      (globalThis as unknown as Record<string, unknown>)[key] = { controller, outcome };
    },
    { spec, key: runKey },
  );
  const { partition } = spec;
  return partition;
}

/** Awaits the run's outcome in the main process. */
async function outcomeOf(app: ElectronApplication): Promise<{ kind: string; cookie?: string }> {
  return app.evaluate(
    async (_electron, key) =>
      (
        (globalThis as unknown as Record<string, unknown>)[key] as {
          outcome: Promise<{ kind: string; cookie?: string }>;
        }
      ).outcome,
    runKey,
  );
}

/** The page's and the host bar's webContents: those in the sign-in partition. */
async function partitionContents(app: ElectronApplication, partition: string) {
  return app.evaluate(({ session, webContents }, p) => {
    const ses = session.fromPartition(p);
    return webContents
      .getAllWebContents()
      .filter((c) => c.session === ses)
      .map((c) => {
        const prefs = (
          c as unknown as { getLastWebPreferences(): Record<string, unknown> | null }
        ).getLastWebPreferences();
        return {
          id: c.id,
          url: c.getURL(),
          sandbox: prefs?.sandbox,
          contextIsolation: prefs?.contextIsolation,
          nodeIntegration: prefs?.nodeIntegration,
          preload: prefs?.preload ?? null,
          javascript: prefs?.javascript,
        };
      });
  }, partition);
}

test.describe('embedded sign-in window', () => {
  test('runs the page sandboxed without preload in an in-memory partition, under a host bar', async ({
    app,
    tlsSim: sim,
  }) => {
    const partition = await startRun(app, sim);
    await expect.poll(async () => (await partitionContents(app, partition)).length).toBe(2);
    const views = await partitionContents(app, partition);
    const bar = views.find((v) => v.url.startsWith('data:text/html'));
    const page = views.find((v) => !v.url.startsWith('data:'));
    expect(bar?.javascript).toBe(false);
    expect(decodeURIComponent(bar?.url ?? '')).toContain(sim.url);
    expect(page).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: null,
    });
    const persistent = await app.evaluate(
      ({ session }, p) => session.fromPartition(p).isPersistent(),
      partition,
    );
    expect(persistent).toBe(false);
    const titles = await app.evaluate(({ BaseWindow }) =>
      BaseWindow.getAllWindows().map((w) => w.getTitle()),
    );
    expect(titles).toContain(`Sign in to ${new URL(sim.url).host} — inside Rancher Keys`);
    await app.evaluate((_electron, key) => {
      (
        (globalThis as unknown as Record<string, unknown>)[key] as { controller: AbortController }
      ).controller.abort();
    }, runKey);
    expect(await outcomeOf(app)).toEqual({ kind: 'closed' });
  });

  test('settles with the server session cookie, closes, and clears the partition', async ({
    app,
    tlsSim: sim,
  }) => {
    const partition = await startRun(app, sim);
    await app.evaluate(
      async ({ session }, { p, origin }) => {
        // What the server's /verify-auth answer would set after the IdP (HttpOnly, like Rancher).
        await session.fromPartition(p).cookies.set({
          url: origin,
          name: 'R_SESS',
          value: 'token-abcde:secret',
          httpOnly: true,
        });
      },
      { p: partition, origin: sim.url },
    );
    expect(await outcomeOf(app)).toEqual({ kind: 'session', cookie: 'token-abcde:secret' });
    expect(await partitionContents(app, partition)).toEqual([]);
    const left = await app.evaluate(
      async ({ session }, p) => (await session.fromPartition(p).cookies.get({})).length,
      partition,
    );
    expect(left).toBe(0);
  });

  test('stays on https: a plain-http navigation ends the run as blocked, window.open is refused', async ({
    app,
    tlsSim: sim,
  }) => {
    const partition = await startRun(app, sim);
    await expect.poll(async () => (await partitionContents(app, partition)).length).toBe(2);
    const result = await app.evaluate(async ({ session, webContents }, p) => {
      const ses = session.fromPartition(p);
      // The simulator's CA is not the OS's: trust it for this partition only, then load again.
      ses.setCertificateVerifyProc((_request, callback) => callback(0));
      const page = webContents
        .getAllWebContents()
        .find((c) => c.session === ses && !c.getURL().startsWith('data:'))!;
      await page.loadURL(page.getURL() || 'about:blank').catch(() => undefined);
      const before = page.getURL();
      const opened = (await page.executeJavaScript(
        'window.open("https://example.com/") === null',
      )) as boolean;
      await page.executeJavaScript('location.href = "http://127.0.0.1:9/"; 1').catch(() => 0);
      return { before, opened };
    }, partition);
    expect(result.before.startsWith('https:')).toBe(true);
    expect(result.opened).toBe(true);
    // The main frame headed for plain http: the run ends, explained as a refused address.
    expect(await outcomeOf(app)).toEqual({
      kind: 'stopped',
      stop: { kind: 'blocked', host: '127.0.0.1:9' },
    });
    expect(await partitionContents(app, partition)).toEqual([]);
  });

  test('gives up at the timeout and leaves no window behind', async ({ app, tlsSim: sim }) => {
    const partition = await startRun(app, sim, { timeoutMs: 1_000 });
    expect(await outcomeOf(app)).toEqual({ kind: 'timed_out' });
    expect(await partitionContents(app, partition)).toEqual([]);
  });
});
