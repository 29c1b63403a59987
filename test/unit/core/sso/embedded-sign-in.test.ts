import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../electron/core/app-failure';
import { createMemoryLogger } from '../../../../electron/core/log';
import type { RancherClient } from '../../../../electron/core/rancher/rancher-client';
import type {
  EmbeddedOutcome,
  EmbeddedSignInWindow,
  EmbeddedWindowSpec,
} from '../../../../electron/core/sign-in-ports';
import {
  embeddedWindowSpec,
  sessionFromCookie,
  startEmbedded,
} from '../../../../electron/core/sso/embedded-sign-in';
import { navigationAllowed } from '../../../../electron/core/sso/embedded-navigation';
import { defaultSsoTiming, type FlowEnv } from '../../../../electron/core/sso/flow-types';
import type { IdpHttp } from '../../../../electron/core/sso/idp-http';

const SESSION = `token-ab12c:${'x'.repeat(54)}`;

/** Stands in for the shell's window: records the spec and ends as told (or when aborted). */
function fakeWindow(outcome: EmbeddedOutcome | 'never') {
  const specs: EmbeddedWindowSpec[] = [];
  const signals: AbortSignal[] = [];
  const window: EmbeddedSignInWindow = {
    run(spec, signal) {
      specs.push(spec);
      signals.push(signal);
      if (outcome !== 'never') return Promise.resolve(outcome);
      return new Promise((resolve) =>
        signal.addEventListener('abort', () => resolve({ kind: 'closed' }), { once: true }),
      );
    },
  };
  return { window, specs, signals };
}

function env(window: EmbeddedSignInWindow | null): FlowEnv {
  return {
    origin: 'https://rancher.example.com',
    provider: { id: 'github', type: 'githubProvider' },
    client: {} as RancherClient,
    browser: null,
    embedded: window,
    idp: {} as IdpHttp,
    signal: new AbortController().signal,
    timing: defaultSsoTiming,
    now: () => 0,
    log: createMemoryLogger(),
  };
}

const run = (signal = new AbortController().signal) => ({ signal, progress: () => undefined });

describe('embeddedWindowSpec', () => {
  it('hardens the window as rancher-sso.md §8 lists', () => {
    const spec = embeddedWindowSpec('https://rancher.example.com/', 600_000);
    expect(spec.partition).toMatch(/^rk-sso-[0-9a-f-]{36}$/);
    expect(spec.partition.startsWith('persist:')).toBe(false);
    expect(spec.webPreferences).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      javascript: true,
      spellcheck: false,
    });
    expect(spec).not.toHaveProperty('webPreferences.preload');
    expect(spec).toMatchObject({
      startUrl: 'https://rancher.example.com/dashboard/auth/login',
      serverOrigin: 'https://rancher.example.com',
      cookieName: 'R_SESS',
      showHostBar: true,
      denyWindowOpen: true,
      denyPermissions: true,
      timeoutMs: 600_000,
    });
    expect(spec.title).toContain('rancher.example.com');
  });

  it('uses a fresh partition for every run', () => {
    const a = embeddedWindowSpec('https://r.example', 1);
    const b = embeddedWindowSpec('https://r.example', 1);
    expect(a.partition).not.toBe(b.partition);
  });
});

describe('navigationAllowed', () => {
  const server = 'https://rancher.example.com';
  it.each([
    ['https://github.com/login/oauth/authorize?client_id=x', true],
    ['https://rancher.example.com/verify-auth?code=1', true],
    ['http://rancher.example.com/dashboard', false],
    ['http://evil.example/phish', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>hi</h1>', false],
    ['file:///etc/passwd', false],
    ['https://user:pass@github.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(navigationAllowed(url, server)).toBe(allowed);
  });

  it('allows plain http only to a loopback server itself', () => {
    expect(navigationAllowed('http://127.0.0.1:8443/x', 'http://127.0.0.1:8443')).toBe(true);
    expect(navigationAllowed('http://127.0.0.1:9999/x', 'http://127.0.0.1:8443')).toBe(false);
    expect(navigationAllowed('http://10.0.0.5/x', 'http://10.0.0.5')).toBe(false);
  });
});

describe('sessionFromCookie', () => {
  it('takes a Rancher token and refuses anything else', () => {
    expect(sessionFromCookie(SESSION)).toBe(SESSION);
    expect(sessionFromCookie(encodeURIComponent(SESSION))).toBe(SESSION);
    expect(sessionFromCookie('<script>')).toBeNull();
    expect(sessionFromCookie('token-ab12c')).toBeNull();
    expect(sessionFromCookie('%E0%A4%A')).toBeNull();
  });
});

describe('startEmbedded', () => {
  it('runs the hardened window and answers the harvested session', async () => {
    const fake = fakeWindow({ kind: 'session', cookie: SESSION });
    const flow = await startEmbedded(env(fake.window));
    expect(flow.prompt).toMatchObject({ kind: 'embedded', host: 'rancher.example.com' });
    expect(await flow.complete(run())).toEqual({ bearer: SESSION, expiresAt: null });
    expect(fake.specs[0]?.allowNavigation('http://evil.example/')).toBe(false);
  });

  it.each([
    [{ kind: 'closed' } as const, 'conflict', /window was closed before the GitHub sign-in/],
    [{ kind: 'timed_out' } as const, 'timeout', /not finished within 10 minutes/],
    [{ kind: 'session', cookie: 'garbage' } as const, 'server_error', /not a Rancher token/],
    [
      { kind: 'stopped', stop: { kind: 'disallowed_useragent' } } as const,
      'forbidden',
      /^GitHub refuses to sign in inside an app’s window \(disallowed_useragent\)/,
    ],
    [
      { kind: 'stopped', stop: { kind: 'denied' } } as const,
      'forbidden',
      /^The sign-in was declined at GitHub\.$/,
    ],
    [
      { kind: 'stopped', stop: { kind: 'idp_error' } } as const,
      'server_error',
      /^GitHub answered the sign-in with an error/,
    ],
    [
      { kind: 'stopped', stop: { kind: 'rancher_error' } } as const,
      'server_error',
      /^Rancher could not complete the GitHub sign-in/,
    ],
    [
      { kind: 'stopped', stop: { kind: 'blocked', host: 'evil.example' } } as const,
      'server_error',
      /^The sign-in page went to evil\.example, which is neither rancher\.example\.com nor its identity provider/,
    ],
  ])('fails in one sentence when the window ends with %o', async (outcome, code, message) => {
    const flow = await startEmbedded(env(fakeWindow(outcome).window));
    const error = await flow.complete(run()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe(code);
    expect((error as AppFailure).message).toMatch(message);
  });

  it('hands the cancel signal to the window, which closes', async () => {
    const fake = fakeWindow('never');
    const flow = await startEmbedded(env(fake.window));
    const controller = new AbortController();
    const done = flow.complete(run(controller.signal));
    controller.abort(new AppFailure('conflict', 'The sign-in was cancelled.'));
    await expect(done).rejects.toThrow('The sign-in was cancelled.');
    expect(fake.signals[0]?.aborted).toBe(true);
  });

  it('is refused without a window port', async () => {
    await expect(startEmbedded(env(null))).rejects.toThrow(/not available/);
  });
});
