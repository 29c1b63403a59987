import { z } from 'zod';
import type { Caller } from './context';
import type { ExtToken } from './model';
import { generateSecret, generateUid, truncateToSecond } from './names';
import type { SimState } from './state';
import { ingestExtTtl } from './ttl';

/** A failure of the ext token store, later worded for the kube API or Steve (§6.3). */
export interface ExtFailure {
  status: number;
  reason: string;
  message: string;
}

/** Result of a store operation. */
export type ExtResult<T> = { ok: true; value: T } | { ok: false; failure: ExtFailure };

const specInput = z.looseObject({
  userID: z.string().nullish(),
  kind: z.string().nullish(),
  description: z.string().nullish(),
  ttl: z.number().int().nullish(),
  enabled: z.boolean().nullish(),
  clusterName: z.string().nullish(),
  userPrincipal: z.looseObject({ name: z.string().nullish() }).nullish(),
});
const objectInput = z.looseObject({
  metadata: z
    .looseObject({
      labels: z.record(z.string(), z.string()).nullish(),
      annotations: z.record(z.string(), z.string()).nullish(),
    })
    .nullish(),
  spec: specInput.nullish(),
});

/** The parsed subset of a Token object the store reads. */
export type ExtTokenInput = z.infer<typeof objectInput>;

const fail = (
  status: number,
  reason: string,
  message: string,
): { ok: false; failure: ExtFailure } => ({
  ok: false,
  failure: { status, reason, message },
});

const notFound = (name: string): { ok: false; failure: ExtFailure } =>
  fail(404, 'NotFound', `tokens.ext.cattle.io "${name}" not found`);

/** Parses a Token body; decode errors read like the kube API's (§6.3). */
export function parseExtInput(raw: unknown): ExtResult<ExtTokenInput> {
  const parsed = objectInput.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.');
  return fail(
    400,
    'BadRequest',
    `Token in version "v1" cannot be handled as a Token: json: cannot decode field ${field}`,
  );
}

/**
 * `tokens.ext.cattle.io` store (R:pkg/ext/stores/tokens/tokens.go, rancher-api.md §6): ownership,
 * admin visibility, immutable fields and the non-admin TTL rule.
 */
export class ExtTokenService {
  constructor(private readonly state: SimState) {}

  private maxMs(): number {
    return this.state.getMinutesSettingMs('auth-token-max-ttl-minutes');
  }

  /** Creates a token for the caller; the secret is returned once (§6.2). */
  create(caller: Caller, input: ExtTokenInput): ExtResult<ExtToken> {
    const spec = input.spec ?? {};
    if (spec.userID && spec.userID !== caller.user.id) {
      return fail(400, 'BadRequest', 'unable to create token for other user');
    }
    const clusterName = this.state.profile.extBearerToken ? (spec.clusterName ?? '') : '';
    if (clusterName && !this.canSeeCluster(caller, clusterName)) {
      return fail(400, 'BadRequest', `cluster ${clusterName} not found`);
    }
    const createdMs = truncateToSecond(this.state.clock.now());
    const token: ExtToken = {
      // metadata.name / generateName are ignored: always `token-xxxxx` (§6.2).
      name: this.state.uniqueName('token-', this.state.extTokens),
      uid: generateUid(),
      secret: generateSecret(),
      userId: caller.user.id,
      kind: spec.kind === 'session' ? 'session' : '',
      description: spec.description ?? '',
      ttlMs: ingestExtTtl(spec.ttl ?? 0, this.maxMs()),
      createdMs,
      enabled: spec.enabled ?? true,
      clusterName,
      lastUsedMs: undefined,
      lastUpdateMs: createdMs,
      resourceVersion: this.state.nextResourceVersion(),
      labels: { ...(input.metadata?.labels ?? {}) },
      annotations: { ...(input.metadata?.annotations ?? {}) },
    };
    this.state.extTokens.set(token.name, token);
    return { ok: true, value: token };
  }

  private canSeeCluster(caller: Caller, id: string): boolean {
    const cluster = this.state.clusters.get(id);
    return !!cluster && (caller.user.admin || cluster.members.includes(caller.user.id));
  }

  /** Non-admins get 404 for other users' tokens (§6.3). */
  get(caller: Caller, name: string): ExtResult<ExtToken> {
    const token = this.state.extTokens.get(name);
    if (!token || (!caller.user.admin && token.userId !== caller.user.id)) return notFound(name);
    return { ok: true, value: token };
  }

  /** Admins see every user's tokens; others only their own; `k=v[,k=v]` selectors honoured. */
  list(caller: Caller, labelSelector: string | null): ExtToken[] {
    const wanted = (labelSelector ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split('='));
    return [...this.state.extTokens.values()]
      .filter((t) => caller.user.admin || t.userId === caller.user.id)
      .filter((t) => wanted.every(([k, v]) => k !== undefined && labelsOf(t)[k] === v))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Update/patch: description, enabled, ttl, labels, annotations only (§6.3). */
  update(caller: Caller, name: string, input: ExtTokenInput): ExtResult<ExtToken> {
    const found = this.get(caller, name);
    if (!found.ok) return found;
    const token = found.value;
    const spec = input.spec ?? {};
    if (spec.userID != null && spec.userID !== token.userId) {
      return fail(400, 'BadRequest', 'spec.userID is immutable');
    }
    if (spec.kind != null && spec.kind !== token.kind) {
      return fail(400, 'BadRequest', 'spec.kind is immutable');
    }
    if (spec.clusterName != null && spec.clusterName !== token.clusterName) {
      return fail(400, 'BadRequest', 'spec.clusterName is immutable');
    }
    const principal = spec.userPrincipal?.name;
    if (principal != null && principal !== this.state.users.get(token.userId)?.principalId) {
      return fail(400, 'BadRequest', 'spec.userPrincipal is immutable');
    }
    let ttlMs = token.ttlMs;
    if (spec.ttl != null) {
      ttlMs = ingestExtTtl(spec.ttl, this.maxMs());
      const longer = token.ttlMs >= 0 && (ttlMs < 0 || ttlMs > token.ttlMs);
      if (longer && !caller.user.admin) {
        return fail(400, 'BadRequest', 'forbidden to extend time-to-live');
      }
    }
    token.ttlMs = ttlMs;
    if (spec.description != null) token.description = spec.description;
    if (spec.enabled != null) token.enabled = spec.enabled;
    if (input.metadata?.labels) token.labels = { ...input.metadata.labels };
    if (input.metadata?.annotations) token.annotations = { ...input.metadata.annotations };
    token.lastUpdateMs = truncateToSecond(this.state.clock.now());
    token.resourceVersion = this.state.nextResourceVersion();
    return { ok: true, value: token };
  }

  /** Delete answers 200 with the deleted object (§6.3). */
  delete(caller: Caller, name: string): ExtResult<ExtToken> {
    const found = this.get(caller, name);
    if (found.ok) this.state.extTokens.delete(name);
    return found;
  }
}

/** Labels as stored on the backing Secret (§6.1, §6.2). */
export function labelsOf(token: ExtToken): Record<string, string> {
  return {
    ...token.labels,
    'authn.management.cattle.io/kind': token.kind,
    'cattle.io/user-id': token.userId,
  };
}
