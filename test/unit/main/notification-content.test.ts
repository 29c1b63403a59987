import { describe, expect, it } from 'vitest';
import type { ExpiryWarning } from '../../../electron/contract/app';
import {
  digestFor,
  notificationFor,
  planNotifications,
  platformBody,
} from '../../../electron/main/notifications/notification-content';

const DAY = 86_400_000;
const now = Date.parse('2026-03-01T12:00:00Z');

function warning(overrides: Partial<ExpiryWarning> = {}): ExpiryWarning {
  return {
    serverId: 's1',
    serverName: 'Production',
    keyId: 'token-abc12',
    description: 'CI deploy',
    expiresAt: new Date(now + 6 * DAY).toISOString(),
    thresholdMs: 7 * DAY,
    subject: 'key',
    ...overrides,
  };
}

describe('notificationFor', () => {
  it('names the key, its access key, the server and the time left', () => {
    expect(notificationFor(warning(), now)).toEqual({
      title: 'API key expires in 6 days',
      body: 'CI deploy (token-abc12) on Production expires in 6 days.',
      target: { serverId: 's1', keyId: 'token-abc12' },
    });
  });

  it('uses the access key when the key has no description', () => {
    const n = notificationFor(warning({ description: '  ' }), now);
    expect(n.body).toBe('token-abc12 on Production expires in 6 days.');
  });

  it('says expired when the expiry has passed', () => {
    const n = notificationFor(
      warning({ expiresAt: new Date(now - 1000).toISOString(), thresholdMs: 0 }),
      now,
    );
    expect(n.title).toBe('API key expired');
    expect(n.body).toBe('CI deploy (token-abc12) on Production expired.');
  });

  it('speaks of the sign-in when the session itself expires', () => {
    const n = notificationFor(
      warning({ subject: 'session', keyId: null, expiresAt: new Date(now + DAY).toISOString() }),
      now,
    );
    expect(n.title).toBe('Your sign-in to Production expires in 1 day');
    expect(n.target).toEqual({ serverId: 's1', keyId: null });
  });
});

describe('planNotifications', () => {
  it('shows each warning when three or fewer fall due together', () => {
    const plan = planNotifications(
      [warning(), warning({ keyId: 'token-b' }), warning({ keyId: 'token-c' })],
      now,
    );
    expect(plan).toHaveLength(3);
  });

  it('shows one digest when more than three fall due together', () => {
    const batch = ['a', 'b', 'c', 'd'].map((k) => warning({ keyId: `token-${k}`, description: k }));
    expect(planNotifications(batch, now)).toEqual([
      {
        title: '4 keys expire soon',
        body: 'a (Production), b (Production), c (Production), and 1 more. Open Rancher Keys to renew them.',
        target: { serverId: 's1', keyId: null },
      },
    ]);
  });

  it('shows nothing for an empty batch', () => {
    expect(planNotifications([], now)).toEqual([]);
  });
});

describe('digestFor', () => {
  it('says the keys have expired when all of them have, and targets no server when several', () => {
    const past = new Date(now - DAY).toISOString();
    const d = digestFor(
      ['a', 'b', 'c', 'd', 'e'].map((k, i) =>
        warning({ keyId: k, serverId: `s${i}`, expiresAt: past }),
      ),
      now,
    );
    expect(d.title).toBe('5 keys have expired');
    expect(d.target).toBeNull();
  });
});

describe('untrusted server text in notifications', () => {
  it('neutralises bidi and control characters in every title and body', () => {
    const hostile = warning({ serverName: 'Prod\u202e\n', description: 'token-\u202eevil\u0007' });
    const plans = [
      planNotifications([hostile], now),
      planNotifications(
        [warning({ subject: 'session', keyId: null, serverName: 'a\u2066b' })],
        now,
      ),
      planNotifications([hostile, hostile, hostile, hostile], now),
    ];
    for (const [n] of plans) {
      const shown = `${n!.title}${n!.body}`;
      expect(shown).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect([...shown].filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);
    }
    expect(plans[0]![0]!.body).toContain('token-\ufffdevil\ufffd');
  });

  it('escapes markup in Linux bodies only', () => {
    expect(platformBody('<b>Evil</b> & co', 'linux')).toBe('&lt;b&gt;Evil&lt;/b&gt; &amp; co');
    expect(platformBody('<b>Evil</b> & co', 'darwin')).toBe('<b>Evil</b> & co');
    expect(platformBody('<b>Evil</b> & co', 'win32')).toBe('<b>Evil</b> & co');
  });
});
