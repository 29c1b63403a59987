import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../support/seeded-random';
import {
  DNS_SUBDOMAIN,
  isDnsSubdomain,
  isRancherName,
  objectPath,
} from '../../../../electron/core/rancher/names';

describe('isDnsSubdomain', () => {
  it('answers as the expression it replaces, on names and on mutations of them', () => {
    const rng = seededRandom(1123);
    const alphabet = 'az09-.A_/%:é \u0131\n';
    const bases = ['token-7kq2x', 'user-nf54k', 'c-m-8xz2', 'a', 'kubeconfig-u-x.y.z', 'local'];
    let accepted = 0;
    for (let n = 0; n < 30_000; n++) {
      const name = rng.mutate(rng.pick(bases), alphabet, rng.int(4));
      const expected = DNS_SUBDOMAIN.test(name);
      expect(isDnsSubdomain(name), JSON.stringify(name)).toBe(expected);
      if (expected) accepted++;
    }
    // Both answers were exercised.
    expect(accepted).toBeGreaterThan(5_000);
    expect(accepted).toBeLessThan(25_000);
  });

  it('refuses what could rewrite a path, and keeps the length bound', () => {
    for (const name of ['', '.', '..', 'a..b', '-a', 'a-', 'a.', '.a', 'a/b', 'a%2e', 'A', 'a_b'])
      expect(isRancherName(name), name).toBe(false);
    expect(isRancherName('a'.repeat(253))).toBe(true);
    expect(isRancherName('a'.repeat(254))).toBe(false);
    expect(() => objectPath('/v3/tokens', '..')).toThrow();
    expect(objectPath('/v3/tokens', 'token-7kq2x')).toBe('/v3/tokens/token-7kq2x');
  });
});
