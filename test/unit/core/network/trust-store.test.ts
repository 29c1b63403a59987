import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../electron/core/log';
import { nodeFileReader } from '../../../../electron/core/network/node-trust-store';
import {
  createTrustStore,
  type TrustStoreDeps,
} from '../../../../electron/core/network/trust-store';
import { DARWIN_KEYCHAINS } from '../../../../electron/core/network/trust-store-darwin';
import type { FileReader } from '../../../../electron/core/network/trust-store-linux';
import { createCa, type SimCa } from '../../../rancher-sim/tls';

const fingerprints = (pems: readonly string[]) =>
  pems.map((pem) => new X509Certificate(pem).fingerprint256);

/** A file reader that has no files: the machine's own store is never read by these tests. */
const noFiles: FileReader = {
  readText: () => Promise.resolve(null),
  list: () => Promise.resolve(null),
};

function store(overrides: Partial<TrustStoreDeps>) {
  const log = createMemoryLogger();
  const runs: Array<{ file: string; args: readonly string[] }> = [];
  const trust = createTrustStore({
    platform: 'linux',
    env: {},
    files: noFiles,
    run: (file, args) => {
      runs.push({ file, args });
      return Promise.reject(new Error('no program in this test'));
    },
    log,
    ...overrides,
  });
  return { trust, log, runs };
}

describe('createTrustStore', () => {
  let a: SimCa;
  let b: SimCa;
  let dir: string | null = null;
  beforeAll(async () => {
    [a, b] = await Promise.all([createCa({ fresh: true }), createCa({ fresh: true })]);
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('reads SSL_CERT_DIR on Linux: every certificate once, hash links and junk skipped', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rk-certs-'));
    await writeFile(path.join(dir, 'corp-a.pem'), a.certPem);
    await writeFile(path.join(dir, 'corp-b.crt'), `junk before\n${b.certPem}\ntrailing`);
    await symlink(path.join(dir, 'corp-a.pem'), path.join(dir, '1a2b3c4d.0'));
    await writeFile(
      path.join(dir, 'broken.pem'),
      '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n',
    );
    const { trust } = store({ env: { SSL_CERT_DIR: dir }, files: nodeFileReader });
    expect(fingerprints(await trust.certificates()).sort()).toEqual(
      [a.fingerprint256, b.fingerprint256].sort(),
    );
  });

  it('reads SSL_CERT_FILE on Linux, and only it when set', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rk-certs-'));
    const file = path.join(dir, 'bundle.crt');
    await writeFile(file, a.certPem + b.certPem);
    const { trust } = store({ env: { SSL_CERT_FILE: file }, files: nodeFileReader });
    expect(fingerprints(await trust.certificates())).toEqual([a.fingerprint256, b.fingerprint256]);
  });

  it('falls back on Linux to the first distribution bundle that exists', async () => {
    const read: string[] = [];
    const files: FileReader = {
      readText: (file) => {
        read.push(file);
        return Promise.resolve(file === '/etc/pki/tls/certs/ca-bundle.crt' ? b.certPem : null);
      },
      list: () => Promise.resolve(null),
    };
    const { trust } = store({ files });
    expect(fingerprints(await trust.certificates())).toEqual([b.fingerprint256]);
    expect(read).toEqual([
      '/etc/ssl/certs/ca-certificates.crt',
      '/etc/pki/tls/certs/ca-bundle.crt',
    ]);
  });

  it('reads the store once and caches it', async () => {
    let reads = 0;
    const files: FileReader = {
      readText: () => {
        reads++;
        return Promise.resolve(a.certPem);
      },
      list: () => Promise.resolve(null),
    };
    const { trust } = store({ files });
    await Promise.all([trust.certificates(), trust.certificates()]);
    await trust.certificates();
    expect(reads).toBe(1);
  });

  it("uses Node's system reader on macOS and Windows where the runtime has one", async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { trust, runs } = store({
        platform,
        getCACertificates: (type) => (type === 'system' ? [a.certPem, a.certPem] : []),
      });
      expect(fingerprints(await trust.certificates())).toEqual([a.fingerprint256]);
      expect(runs).toEqual([]);
    }
  });

  it('exports the system keychains with security on macOS without that reader', async () => {
    const { trust, runs } = store({
      platform: 'darwin',
      run: (file, args) => {
        runs.push({ file, args });
        return Promise.resolve(`${a.certPem}\n${b.certPem}`);
      },
    });
    expect(fingerprints(await trust.certificates())).toEqual([a.fingerprint256, b.fingerprint256]);
    expect(runs).toEqual([
      { file: '/usr/bin/security', args: ['find-certificate', '-a', '-p', ...DARWIN_KEYCHAINS] },
    ]);
  });

  it('exports the root stores with PowerShell on Windows without that reader', async () => {
    const der = (pem: string) => new X509Certificate(pem).raw.toString('base64');
    const { trust, runs } = store({
      platform: 'win32',
      run: (file, args) => {
        runs.push({ file, args });
        return Promise.resolve(`${der(a.certPem)}\r\nnot-a-cert!\r\n${der(b.certPem)}\r\n`);
      },
    });
    expect(fingerprints(await trust.certificates())).toEqual([a.fingerprint256, b.fingerprint256]);
    expect(runs[0]?.file).toBe('powershell.exe');
    expect(runs[0]?.args.at(-1)).toContain('Cert:\\LocalMachine\\Root');
  });

  it('is empty, and says so in the log, when the store cannot be read', async () => {
    const { trust, log } = store({ platform: 'darwin' });
    expect(await trust.certificates()).toEqual([]);
    expect(log.lines.join('\n')).toContain('system certificates could not be read');
  });

  it('has no store on other platforms', async () => {
    const { trust } = store({ platform: 'freebsd', files: nodeFileReader });
    expect(await trust.certificates()).toEqual([]);
  });
});
