import { z } from 'zod';
import type { IssuedToken, SimState } from './state';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * A small JSON world. Times are relative to the simulator clock (`createdAgoMs`) so a fixture stays
 * valid whatever day it is loaded. Users are referenced by username.
 */
export const seedFixtureSchema = z.object({
  users: z
    .array(
      z.object({
        username: z.string(),
        password: z.string(),
        id: z.string().optional(),
        displayName: z.string().optional(),
        admin: z.boolean().optional(),
        enabled: z.boolean().optional(),
        provider: z.enum(['local', 'openldap']).optional(),
      }),
    )
    .default([]),
  clusters: z
    .array(
      z.object({
        name: z.string(),
        id: z.string().optional(),
        description: z.string().optional(),
        provider: z.string().optional(),
        /** Usernames (non-admin) allowed to see the cluster. */
        members: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  tokens: z
    .array(
      z.object({
        user: z.string(),
        kind: z.enum(['apikey', 'session', 'kubeconfig']).optional(),
        description: z.string().optional(),
        ttlMs: z.number().int().optional(),
        createdAgoMs: z.number().int().optional(),
        clusterId: z.string().nullable().optional(),
        enabled: z.boolean().optional(),
        lastUsedAgoMs: z.number().int().optional(),
        name: z.string().optional(),
        secret: z.string().optional(),
      }),
    )
    .default([]),
  extTokens: z
    .array(
      z.object({
        user: z.string(),
        description: z.string().optional(),
        ttlMs: z.number().int().optional(),
        createdAgoMs: z.number().int().optional(),
        clusterName: z.string().optional(),
        enabled: z.boolean().optional(),
        name: z.string().optional(),
        secret: z.string().optional(),
      }),
    )
    .default([]),
  settings: z.record(z.string(), z.string()).default({}),
});

/** Input type of a JSON seed fixture. */
export type SeedFixture = z.input<typeof seedFixtureSchema>;

/** Tokens a seed created, by a short label, so tests and the CLI can name them. */
export type SeededTokens = Record<string, IssuedToken>;

/** Loads a fixture (validated with zod) into the state. */
export function applyFixture(state: SimState, fixture: SeedFixture): SeededTokens {
  const f = seedFixtureSchema.parse(fixture);
  const now = state.clock.now();
  for (const u of f.users) state.addUser(u);
  for (const c of f.clusters) {
    state.addCluster({ ...c, members: (c.members ?? []).map((m) => state.requireUser(m).id) });
  }
  const out: SeededTokens = {};
  f.tokens.forEach((t, i) => {
    out[t.name ?? `token${i}`] = state.addToken({
      ...t,
      createdMs: now - (t.createdAgoMs ?? 0),
      lastUsedMs: t.lastUsedAgoMs === undefined ? undefined : now - t.lastUsedAgoMs,
    });
  });
  f.extTokens.forEach((t, i) => {
    if (!state.profile.extTokens) return;
    out[t.name ?? `ext${i}`] = state.addExtToken({ ...t, createdMs: now - (t.createdAgoMs ?? 0) });
  });
  for (const [name, value] of Object.entries(f.settings)) state.setSetting(name, value);
  return out;
}

/**
 * The demo world (issue 3): three clusters, an admin and a normal user, an LDAP user, and tokens
 * that are active, near expiry (20 h, 5 days), expired, scoped, plus a session; kubeconfig tokens
 * (unscoped, scoped, scoped to a deleted cluster, expired); ext tokens on 2.12+.
 * The admin is created by the simulator before this runs.
 */
export function applyDemo(state: SimState, adminId: string): SeededTokens {
  const now = state.clock.now();
  const dev = state.addUser({
    username: 'dev',
    password: 'dev-password-123',
    displayName: 'Dev User',
  });
  state.addUser({
    username: 'ldapuser',
    password: 'ldap-password-123',
    displayName: 'LDAP User',
    provider: 'openldap',
  });
  state.addCluster({ id: 'c-m-4x7kq2lb', name: 'prod-eu', members: [dev.id] });
  state.addCluster({ id: 'c-m-8zxjt5wd', name: 'staging-us', members: [dev.id] });
  const max = 90 * DAY;
  const tokens: SeededTokens = {
    active: state.addToken({
      user: adminId,
      description: 'ci pipeline',
      ttlMs: max,
      createdMs: now - 10 * DAY,
      lastUsedMs: now - HOUR,
    }),
    expiresIn20h: state.addToken({
      user: adminId,
      description: 'laptop kubectl',
      ttlMs: max,
      createdMs: now - max + 20 * HOUR,
    }),
    expiresIn5d: state.addToken({
      user: adminId,
      description: 'terraform',
      ttlMs: 30 * DAY,
      createdMs: now - 25 * DAY,
    }),
    expired: state.addToken({
      user: adminId,
      description: 'old script',
      ttlMs: 7 * DAY,
      createdMs: now - 9 * DAY,
    }),
    scoped: state.addToken({
      user: adminId,
      description: 'prod-eu only',
      ttlMs: max,
      createdMs: now - 2 * DAY,
      clusterId: 'c-m-4x7kq2lb',
    }),
    session: state.addToken({
      user: adminId,
      kind: 'session',
      description: 'UI session',
      ttlMs: 16 * HOUR,
      createdMs: now - HOUR,
    }),
    devKey: state.addToken({
      user: dev.id,
      description: 'dev key',
      ttlMs: max,
      createdMs: now - 3 * DAY,
    }),
    devNearExpiry: state.addToken({
      user: dev.id,
      description: 'dev key expiring',
      ttlMs: 7 * DAY,
      createdMs: now - 6 * DAY,
    }),
  };
  // Kubeconfig tokens, as every kubeconfig download leaves them (issue 16): hidden from the keys
  // list, counted by the clean-up view. One is scoped to a cluster that has since been deleted.
  tokens.kubeconfig = state.addToken({
    user: adminId,
    kind: 'kubeconfig',
    ttlMs: 30 * DAY,
    createdMs: now - 3 * DAY,
    lastUsedMs: now - HOUR,
  });
  tokens.kubeconfigProd = state.addToken({
    user: adminId,
    kind: 'kubeconfig',
    ttlMs: 30 * DAY,
    createdMs: now - 12 * DAY,
    clusterId: 'c-m-4x7kq2lb',
  });
  tokens.kubeconfigDeletedCluster = state.addToken({
    user: adminId,
    kind: 'kubeconfig',
    ttlMs: 30 * DAY,
    createdMs: now - 20 * DAY,
    clusterId: 'c-m-9dltd2qx',
  });
  tokens.kubeconfigExpired = state.addToken({
    user: adminId,
    kind: 'kubeconfig',
    ttlMs: 30 * DAY,
    createdMs: now - 45 * DAY,
  });
  tokens.devKubeconfig = state.addToken({
    user: dev.id,
    kind: 'kubeconfig',
    ttlMs: 30 * DAY,
    createdMs: now - 2 * DAY,
    clusterId: 'c-m-8zxjt5wd',
  });
  if (state.profile.extTokens) {
    tokens.extActive = state.addExtToken({
      user: adminId,
      description: 'ext automation',
      ttlMs: max,
      createdMs: now - 5 * DAY,
    });
    tokens.extDev = state.addExtToken({
      user: dev.id,
      description: 'dev ext key',
      ttlMs: 30 * DAY,
      createdMs: now - 29 * DAY,
    });
  }
  return tokens;
}

/**
 * Demo keys whose secrets a real user's app would hold (created or imported there), with local
 * labels: `npm run demo` and the layout specs import these, so the first screen has keys to copy.
 * Names are keys of {@link applyDemo}'s result; ext tokens only exist on 2.12+.
 */
export const demoHeldKeys: ReadonlyArray<{ token: string; labels: string[] }> = [
  { token: 'active', labels: ['ci', 'team-a', 'prod'] },
  { token: 'expiresIn5d', labels: ['infra'] },
  { token: 'scoped', labels: [] },
  { token: 'extActive', labels: ['automation'] },
];
