import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../support/seeded-random';
import {
  extTokenSchema,
  v3TokenCreatedSchema,
  v3TokenSchema,
} from '../../../../electron/core/rancher/schemas';
import { itemConsumer } from '../../../../electron/core/rancher/json-items';
import {
  fromExt,
  fromV3,
  isUtcText,
  type KnownToken,
} from '../../../../electron/core/rancher/token-model';

/** A v3 list body's items, each parsed as the client does. */
const v3List = {
  parse: (body: { data: unknown[]; type?: string }) => ({
    data: body.data.map((i) => v3TokenSchema.parse(i)),
  }),
};

/** Runs a list body through the client's streaming item parser. */
async function streamed(body: unknown, member: string) {
  const items = itemConsumer('https://rancher.example.com', member, extTokenSchema, fromExt);
  const sink = items.consume();
  sink.write(Buffer.from(JSON.stringify(body)));
  sink.end();
  return items.result().items;
}

// Bodies as rancher-api.md §4.2, §4.4 and §6.2 show them (trimmed of fields the app ignores).
const v3Item = {
  authProvider: 'local',
  baseType: 'token',
  clusterId: null,
  created: '2025-05-20T09:12:44Z',
  createdTS: 1747732364000,
  current: false,
  description: 'ci pipeline',
  enabled: true,
  expired: false,
  expiresAt: '2025-08-18T09:12:44Z',
  id: 'token-7kq2x',
  isDerived: true,
  labels: { 'authn.management.cattle.io/token-userId': 'user-btq9q' },
  lastUsedAt: '2025-05-21T07:00:03Z',
  links: { self: 'https://rancher.example.com/v3/tokens/token-7kq2x' },
  name: 'token-7kq2x',
  ttl: 7776000000,
  type: 'token',
  userId: 'user-btq9q',
  userPrincipal: 'map[displayName:Default Admin loginName:admin]',
  uuid: '0d7c6a0e',
};

const extItem = {
  apiVersion: 'ext.cattle.io/v1',
  kind: 'Token',
  metadata: {
    name: 'token-chjc9',
    uid: '3e0b8f0c',
    resourceVersion: '918273',
    creationTimestamp: '2025-05-21T07:05:00Z',
    labels: { 'authn.management.cattle.io/kind': '', 'cattle.io/user-id': 'user-btq9q' },
  },
  spec: {
    userID: 'user-btq9q',
    kind: '',
    description: 'ci pipeline',
    ttl: 7776000000,
    enabled: true,
    clusterName: 'c-m-4x7kq2lb',
  },
  status: {
    current: false,
    expired: false,
    expiresAt: '2025-08-19T07:05:00Z',
    lastUpdateTime: '2025-05-21T07:05:00Z',
    lastUsedAt: '2025-05-21T08:00:00Z',
  },
};

describe('v3 token bodies', () => {
  it('maps a 2.10+ list item to the model when every field is present', () => {
    const [token] = v3List.parse({ type: 'collection', data: [v3Item] }).data.map((b) => fromV3(b));
    expect(token).toEqual({
      family: 'v3',
      name: 'token-7kq2x',
      kind: 'api_key',
      description: 'ci pipeline',
      userId: 'user-btq9q',
      clusterId: null,
      createdAt: '2025-05-20T09:12:44Z',
      lastUsedAt: '2025-05-21T07:00:03Z',
      expiresAt: '2025-08-18T09:12:44Z',
      ttlMs: 7776000000,
      enabled: true,
      expired: false,
    });
  });

  it('reads a ≤2.9 item (lastUpdateTime, no lastUsedAt) when the server is older', () => {
    const { lastUsedAt: _drop, ...old } = v3Item;
    const token = fromV3(v3List.parse({ data: [{ ...old, lastUpdateTime: '' }] }).data[0]!);
    expect(token.lastUsedAt).toBeNull();
  });

  it('reads the create response with its secret and computes the expiry of an empty expiresAt', () => {
    const body = v3TokenCreatedSchema.parse({
      ...v3Item,
      expiresAt: '',
      token: 'token-7kq2x:secret',
    });
    expect(body.token).toBe('token-7kq2x:secret');
    // An empty expiresAt with a ttl expires at creation + ttl (issue 9, class 12).
    expect(fromV3(body)).toMatchObject({ expiresAt: '2025-08-18T09:12:44Z', ttlMs: 7776000000 });
  });

  it('models ttl 0 as never expiring when the token has no expiry', () => {
    expect(
      fromV3(v3List.parse({ data: [{ ...v3Item, ttl: 0, expiresAt: '' }] }).data[0]!),
    ).toMatchObject({
      ttlMs: null,
      expiresAt: null,
    });
  });

  it('tells session, kubeconfig and system tokens from API keys by label, name and isDerived', () => {
    const kind = (over: Record<string, unknown>) =>
      fromV3(v3List.parse({ data: [{ ...v3Item, ...over }] }).data[0]!).kind;
    expect(
      kind({ labels: { 'authn.management.cattle.io/kind': 'session' }, isDerived: false }),
    ).toBe('session');
    expect(kind({ isDerived: false, labels: {} })).toBe('session');
    expect(kind({ labels: { 'authn.management.cattle.io/kind': 'kubeconfig' } })).toBe(
      'kubeconfig',
    );
    expect(kind({ name: 'kubeconfig-user-btq9q8dl9x', labels: {} })).toBe('kubeconfig');
    expect(kind({ name: 'agent-x7k2q' })).toBe('system');
    expect(kind({ clusterId: 'c-m-4x7kq2lb' })).toBe('api_key');
  });

  it('rejects a body whose ttl is not a number when the server sends a wrong shape', () => {
    expect(v3TokenSchema.safeParse({ ...v3Item, ttl: '7776000000' }).success).toBe(false);
    expect(v3TokenSchema.safeParse({ ...v3Item, name: undefined }).success).toBe(false);
  });
});

describe('ext token bodies', () => {
  it('maps a 2.13 token with its cluster to the model', () => {
    expect(fromExt(extTokenSchema.parse(extItem))).toEqual({
      family: 'ext',
      name: 'token-chjc9',
      kind: 'api_key',
      description: 'ci pipeline',
      userId: 'user-btq9q',
      clusterId: 'c-m-4x7kq2lb',
      createdAt: '2025-05-21T07:05:00Z',
      lastUsedAt: '2025-05-21T08:00:00Z',
      expiresAt: '2025-08-19T07:05:00Z',
      ttlMs: 7776000000,
      enabled: true,
      expired: false,
    });
  });

  it('reads a 2.12 token (no clusterName, no description, never used) when the server is 2.12', () => {
    const { clusterName: _c, description: _d, ...spec } = extItem.spec;
    const { lastUsedAt: _l, ...status } = extItem.status;
    const token = fromExt(extTokenSchema.parse({ ...extItem, spec, status }));
    expect(token).toMatchObject({ clusterId: null, description: '', lastUsedAt: null });
  });

  it('models a negative ttl as never expiring and kind session as a session', () => {
    const token = fromExt(
      extTokenSchema.parse({
        ...extItem,
        spec: { ...extItem.spec, ttl: -1, kind: 'session' },
        status: { ...extItem.status, expiresAt: '' },
      }),
    );
    expect(token).toMatchObject({ ttlMs: null, expiresAt: null, kind: 'session' });
  });

  it('reads status times in the server-local offset as UTC instants when the server is not on UTC', () => {
    const token = fromExt(
      extTokenSchema.parse({
        ...extItem,
        metadata: { ...extItem.metadata, generateName: 'token-' },
        status: {
          ...extItem.status,
          expiresAt: '2025-08-19T02:05:00-05:00',
          lastUpdateTime: '2025-05-21T02:05:00-05:00',
          lastUsedAt: '2025-05-21T03:00:00.5-05:00',
        },
      }),
    );
    expect(token.expiresAt).toBe('2025-08-19T07:05:00Z');
    expect(token.lastUsedAt).toBe('2025-05-21T08:00:00.500Z');
  });

  it('drops a status time it cannot read instead of passing the text on', () => {
    const token = fromExt(
      extTokenSchema.parse({ ...extItem, status: { ...extItem.status, expiresAt: 'soon' } }),
    );
    expect(token.expiresAt).toBeNull();
  });

  it('reads a kube TokenList, including an empty one', async () => {
    expect(await streamed({ kind: 'TokenList', items: [extItem] }, 'items')).toHaveLength(1);
    expect(await streamed({ kind: 'TokenList', metadata: {}, items: null }, 'items')).toEqual([]);
  });

  it('rejects a token without a spec.ttl number when the shape is wrong', () => {
    expect(
      extTokenSchema.safeParse({ ...extItem, spec: { ...extItem.spec, ttl: null } }).success,
    ).toBe(false);
  });
});

describe('tokens already held (a list read against the records, bench/RESULTS.md Scale)', () => {
  const v3Body = () => v3TokenSchema.parse(v3Item);
  const extBody = () => extTokenSchema.parse(extItem);

  it('hands back the held token itself when the server says the same about it', () => {
    const heldV3 = fromV3(v3Body());
    const heldExt = fromExt(extBody());
    const asked: string[] = [];
    const known: KnownToken = (family, name) => {
      asked.push(`${family}/${name}`);
      return family === 'v3' ? heldV3 : heldExt;
    };
    expect(fromV3(v3Body(), known)).toBe(heldV3);
    expect(fromExt(extBody(), known)).toBe(heldExt);
    expect(asked).toEqual([`v3/${heldV3.name}`, `ext/${heldExt.name}`]);
  });

  it('makes a new token when any field differs, and a later read does not change it', () => {
    const held = fromV3(v3Body());
    const known: KnownToken = () => held;
    const used = fromV3({ ...v3Body(), lastUsedAt: '2025-06-01T00:00:00Z' }, known);
    expect(used).not.toBe(held);
    expect(used).toEqual({ ...held, lastUsedAt: '2025-06-01T00:00:00Z' });
    const renamed = fromV3({ ...v3Body(), description: 'renamed' }, known);
    expect(renamed.description).toBe('renamed');
    // Each token is its own object: reading the next item leaves the last one as it was.
    expect(used).toEqual({ ...held, lastUsedAt: '2025-06-01T00:00:00Z' });
    expect(held.description).toBe('ci pipeline');
    expect(fromV3(v3Body(), () => undefined)).not.toBe(held);
  });
});

describe('isUtcText', () => {
  const pattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
  it('answers as the regular expression it replaces, on valid times and on mutations of them', () => {
    const rng = seededRandom(2026);
    const alphabet = '0123456789-T:.Z z+\u0660\n';
    const bases = ['2025-08-18T09:12:44Z', '2025-08-18T09:12:44.5Z', '2025-08-18T09:12:44.123456Z'];
    let checked = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = rng.mutate(rng.pick(bases), alphabet, rng.int(3));
      expect(isUtcText(text), JSON.stringify(text)).toBe(pattern.test(text));
      checked++;
    }
    expect(checked).toBe(20_000);
    for (const text of [
      '',
      'Z',
      '2025-08-18T09:12:44.Z',
      '2025-08-18T09:12:44',
      '2025-08-18 09:12:44Z',
    ])
      expect(isUtcText(text)).toBe(false);
  });
});
