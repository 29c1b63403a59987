import { describe, expect, it } from 'vitest';
import {
  allLabels,
  applyQuery,
  defaultQuery,
  narrows,
  searchWords,
} from '../../../renderer/src/keys/key-query';
import { makeKey } from './fake-api';

const keys = [
  makeKey({
    id: 'token-a',
    description: 'CI deploy',
    labels: ['prod'],
    expiresAt: '2030-01-03T00:00:00Z',
  }),
  makeKey({
    id: 'token-b',
    description: 'backup',
    labels: ['nightly'],
    expiresAt: '2030-01-01T00:00:00Z',
    state: 'expiring',
  }),
  makeKey({ id: 'token-c', description: 'never ends', expiresAt: null }),
  makeKey({
    id: 'ext/token-d',
    family: 'ext',
    description: 'ext deploy',
    expiresAt: '2029-12-31T00:00:00Z',
    state: 'expired',
    clusterId: 'c-m-4x7kq2lb',
    clusterName: 'prod-eu',
  }),
];
const session = makeKey({
  id: 'token-s',
  kind: 'session',
  description: 'UI session',
  expiresAt: '2029-01-01T00:00:00Z',
});
const ids = (list: { id: string }[]) => list.map((k) => k.id);

describe('applyQuery', () => {
  it('sorts by soonest expiry first, never-expiring last', () => {
    expect(ids(applyQuery(keys, defaultQuery))).toEqual([
      'ext/token-d',
      'token-b',
      'token-a',
      'token-c',
    ]);
  });

  it('reverses the order when the sort direction is descending', () => {
    const out = applyQuery(keys, { ...defaultQuery, sort: { column: 'expiresAt', dir: 'desc' } });
    expect(ids(out)).toEqual(['token-c', 'token-a', 'token-b', 'ext/token-d']);
  });

  it('searches description, labels and access key, all words must match', () => {
    expect(ids(applyQuery(keys, { ...defaultQuery, search: 'deploy' }))).toEqual([
      'ext/token-d',
      'token-a',
    ]);
    expect(ids(applyQuery(keys, { ...defaultQuery, search: 'NIGHTLY' }))).toEqual(['token-b']);
    expect(ids(applyQuery(keys, { ...defaultQuery, search: 'deploy ext' }))).toEqual([
      'ext/token-d',
    ]);
    expect(ids(applyQuery(keys, { ...defaultQuery, search: 'token-c' }))).toEqual(['token-c']);
  });

  it('finds a scoped key by its cluster name', () => {
    expect(ids(applyQuery(keys, { ...defaultQuery, search: 'prod-eu' }))).toEqual(['ext/token-d']);
    expect(ids(applyQuery(keys, { ...defaultQuery, search: 'PROD-EU deploy' }))).toEqual([
      'ext/token-d',
    ]);
  });

  it('filters by state, label and family, and shows every kind the core lists', () => {
    expect(ids(applyQuery(keys, { ...defaultQuery, state: 'expiring' }))).toEqual(['token-b']);
    expect(ids(applyQuery(keys, { ...defaultQuery, label: 'prod' }))).toEqual(['token-a']);
    expect(ids(applyQuery(keys, { ...defaultQuery, family: 'ext' }))).toEqual(['ext/token-d']);
    // Whether sessions are listed at all is the core's one switch (Settings), not a second filter.
    expect(ids(applyQuery([...keys, session], defaultQuery))).toContain('token-s');
  });

  it('sorts by description case-insensitively', () => {
    const out = applyQuery(keys, { ...defaultQuery, sort: { column: 'description', dir: 'asc' } });
    expect(ids(out)).toEqual(['token-b', 'token-a', 'ext/token-d', 'token-c']);
  });
});

describe('allLabels', () => {
  it('lists every label once, sorted', () => {
    expect(allLabels(keys)).toEqual(['nightly', 'prod']);
  });
});

describe('narrows', () => {
  const q = (search: string, patch = {}) => ({ ...defaultQuery, search, ...patch });

  it('is true when typing on refines every word of the previous search', () => {
    expect(searchWords('  Platform  12 ')).toEqual(['platform', '12']);
    expect(narrows(q(''), q('p'))).toBe(true);
    expect(narrows(q('plat'), q('platform'))).toBe(true);
    expect(narrows(q('platform'), q('platform 1'))).toBe(true);
    expect(narrows(q('form'), q('platform'))).toBe(true);
  });

  it('is false when a word is removed or changed, or a filter or the sort changes', () => {
    expect(narrows(q('platform'), q('plat'))).toBe(false);
    expect(narrows(q('platform 1'), q('platform'))).toBe(false);
    expect(narrows(q('ci'), q('cd'))).toBe(false);
    expect(narrows(q('ci'), q('ci', { state: 'expired' }))).toBe(false);
    expect(narrows(q('ci'), q('ci', { sort: { column: 'id', dir: 'asc' } }))).toBe(false);
  });
});
