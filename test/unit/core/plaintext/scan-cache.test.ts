import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knownPlaces } from '../../../../electron/core/plaintext/plaintext-places';
import { scanPlaces } from '../../../../electron/core/plaintext/plaintext-scan';
import {
  createScanCache,
  realScanCachePorts,
  type ScanCacheLimits,
} from '../../../../electron/core/plaintext/scan-cache';
import { createSecretHasher } from '../../../../electron/core/plaintext/secret-hash';
import { bearerFor, kubeconfigYaml, tokenName } from '../../../support/plaintext-fixtures';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'scan-cache-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const user = (name: string) => ({
  name,
  server: `https://rancher.example.com/k8s/clusters/c-m-${name}`,
  token: bearerFor(tokenName()),
});

/** Real files and the real identity; the read port counts the files read and parsed. */
function counted(limits?: ScanCacheLimits) {
  const reads: string[] = [];
  const cache = createScanCache(
    {
      identity: realScanCachePorts.identity,
      read: (place) => {
        reads.push(path.basename(place.path));
        return realScanCachePorts.read(place);
      },
    },
    limits,
  );
  const hasher = createSecretHasher();
  const scan = (files: string[]) =>
    scanPlaces(
      knownPlaces({ home, env: { KUBECONFIG: files.join(':') } }, new Map()).filter((p) =>
        files.includes(p.path),
      ),
      { home, hasher, read: cache.read },
    );
  return { reads, cache, scan };
}

describe('scan cache', () => {
  it('does not read an unchanged file again, and reads a changed one', async () => {
    const file = path.join(home, 'a.yaml');
    await writeFile(file, kubeconfigYaml([user('one')]), { mode: 0o600 });
    const { reads, scan } = counted();

    const first = await scan([file]);
    const again = await scan([file]);
    expect(reads).toEqual(['a.yaml']);
    expect(again.tokens.map((t) => t.hash)).toEqual(first.tokens.map((t) => t.hash));

    await writeFile(file, kubeconfigYaml([user('one'), user('two')]));
    const grown = await scan([file]);
    expect(reads).toEqual(['a.yaml', 'a.yaml']);
    expect(grown.tokens).toHaveLength(2);
  });

  it('reads again a file rewritten to the same size, by its modification time', async () => {
    const file = path.join(home, 'a.yaml');
    const before = kubeconfigYaml([user('one')]);
    await writeFile(file, before, { mode: 0o600 });
    const { reads, scan } = counted();
    const first = await scan([file]);
    // Same length, another secret: only the times tell.
    const after = kubeconfigYaml([user('one')]);
    expect(after).toHaveLength(before.length);
    await writeFile(file, after);
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    const second = await scan([file]);
    expect(reads).toHaveLength(2);
    expect(second.tokens[0]!.hash).not.toBe(first.tokens[0]!.hash);
  });

  it('reads a file again once it is forgotten (after the app rewrote it)', async () => {
    const file = path.join(home, 'a.yaml');
    await writeFile(file, kubeconfigYaml([user('one')]), { mode: 0o600 });
    const { reads, cache, scan } = counted();
    await scan([file]);
    cache.forget(file);
    await scan([file]);
    expect(reads).toHaveLength(2);
  });

  it('keeps at most the files and tokens it is allowed, least recently used first out', async () => {
    await mkdir(home, { recursive: true });
    const files = ['a.yaml', 'b.yaml', 'c.yaml'].map((f) => path.join(home, f));
    for (const f of files) await writeFile(f, kubeconfigYaml([user(path.basename(f, '.yaml'))]));
    const { reads, cache, scan } = counted({ maxFiles: 2, maxTokens: 10 });
    await scan(files);
    expect(cache.size).toBe(2);
    await scan([files[2]!]);
    expect(reads).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    await scan([files[0]!]);
    expect(reads).toHaveLength(4);

    const big = path.join(home, 'big.yaml');
    await writeFile(big, kubeconfigYaml(Array.from({ length: 11 }, (_, i) => user(`u${i}`))));
    await scan([big]);
    await scan([big]);
    expect(reads.filter((r) => r === 'big.yaml')).toHaveLength(2);
  });

  it('does not keep a file it could not read', async () => {
    const { reads, cache, scan } = counted();
    const missing = path.join(home, 'missing.yaml');
    await scan([missing]);
    expect(cache.size).toBe(0);
    expect(reads).toEqual(['missing.yaml']);
  });
});
