import { readFileSync, statSync } from 'node:fs';
import { appendFile, chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../electron/contract/ipc';
import { bundleCli } from '../../../scripts/build-cli.mjs';
import type { IssuedToken } from '../../rancher-sim';
import { bearerFor, cli2Json, kubeconfigYaml, tokenName } from '../../support/plaintext-fixtures';
import { runProgram } from '../cli/cli-runner';
import { startRig, type Rig } from '../keys/harness';

// Rewrite and undo over the real core, keychain and simulator (HTTPS with its own CA, as a
// private-CA Rancher), then real kubectl with the rewritten kubeconfig.
describe('plaintext rewrite', () => {
  let rig: Rig;
  let home: string;
  let kubeFile: string;
  let cliFile: string;
  let original: string;
  let imported: IssuedToken;
  let kept: string;
  let scan: Output<'plaintext:scan'>;

  const fileId = (kind: 'cli2' | 'kubeconfig') => scan.files.find((f) => f.kind === kind)!.fileId;

  beforeAll(async () => {
    [rig] = await Promise.all([
      startRig({
        tls: true,
        trustCa: true,
        prepare: (sim) => {
          imported = sim.state.addToken({ user: sim.admin.id, kind: 'kubeconfig' });
        },
      }),
      bundleCli(),
    ]);
    home = rig.t.dataDir;
    kept = bearerFor(tokenName());
    const caData = Buffer.from(rig.sim.caPem!).toString('base64');
    kubeFile = path.join(home, '.kube', 'config');
    await mkdir(path.dirname(kubeFile), { recursive: true });
    original = kubeconfigYaml([
      {
        name: 'prod',
        server: `${rig.sim.origin}/k8s/clusters/local`,
        token: imported.bearer,
        caData,
      },
      { name: 'kept', server: `${rig.sim.origin}/k8s/clusters/local`, token: kept, caData },
    ]);
    await writeFile(kubeFile, original);
    await chmod(kubeFile, 0o640);
    cliFile = path.join(home, '.rancher', 'cli2.json');
    await mkdir(path.dirname(cliFile), { recursive: true });
    await writeFile(
      cliFile,
      cli2Json([
        { name: 'rancherDefault', url: rig.sim.origin, bearer: imported.bearer },
        { name: 'untouched', url: 'https://elsewhere.example.com', bearer: kept },
      ]),
      { mode: 0o600 },
    );
    scan = await rig.call('plaintext:scan', {});
    const prod = scan.findings.find((f) => f.place.entry === 'prod')!;
    const result = await rig.call('plaintext:import', {
      jobId: 'rewrite-import-1',
      scanId: scan.scanId,
      findingIds: [prod.findingId],
    });
    expect(result.results[0]?.outcome).toBe('imported');
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  const usersItem = (text: string, name: string) => {
    const users = text.slice(text.indexOf('\nusers:\n'));
    const start = users.indexOf(`- name: "${name}"`);
    const end = users.indexOf('\n- ', start + 1);
    return users.slice(start, end === -1 ? users.indexOf('\n\n', start) : end);
  };

  it('previews what changes, what stays and why, without a secret', async () => {
    const preview = await rig.call('plaintext:rewritePreview', {
      scanId: scan.scanId,
      fileId: fileId('kubeconfig'),
    });
    expect(preview.changes.map((c) => [c.place.entry, c.change])).toEqual([
      ['prod', 'token_to_exec'],
    ]);
    expect(preview.kept.map((k) => k.place.entry)).toEqual(['kept']);
    expect(preview.refusal).toBeNull();
    expect(preview.consequence).toBeNull();
    expect(preview.backupPath).toMatch(/^~\/\.kube\/config\.rancher-keys-backup-/);
    expect(JSON.stringify(preview)).not.toContain(imported.secret);
  });

  it('rewrites the kubeconfig: backup 0600, mode kept, other entries byte for byte, kubectl works', async () => {
    const done = await rig.call('plaintext:rewrite', {
      scanId: scan.scanId,
      fileId: fileId('kubeconfig'),
    });
    expect(done.changed).toBe(1);
    const text = readFileSync(kubeFile, 'utf8');
    expect(text).not.toContain(imported.secret);
    expect(text).toContain('kubectl-credential');
    expect(usersItem(text, 'kept')).toBe(usersItem(original, 'kept'));
    expect(text.slice(0, text.indexOf('\nusers:\n'))).toBe(
      original.slice(0, original.indexOf('\nusers:\n')),
    );
    expect(statSync(kubeFile).mode & 0o777).toBe(0o640);
    const backup = path.join(home, done.backupPath.slice(2));
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(readFileSync(backup, 'utf8')).toBe(original);

    const ns = await runProgram(
      ['/usr/bin/kubectl', '--kubeconfig', kubeFile, '--context', 'prod', 'get', 'namespaces'],
      { ...process.env, HOME: home },
    );
    expect(ns.stderr).toBe('');
    expect(ns.stdout).toContain('kube-system');

    // Undo refuses while the file differs from what the rewrite wrote, then restores it.
    await appendFile(kubeFile, '# edited by hand\n');
    const refused = await rig.fail('plaintext:undo', { rewriteId: done.rewriteId });
    expect(refused.code).toBe('conflict');
    await writeFile(kubeFile, text);
    expect(await rig.call('plaintext:undo', { rewriteId: done.rewriteId })).toMatchObject({
      restored: true,
    });
    expect(readFileSync(kubeFile, 'utf8')).toBe(original);
    expect(statSync(kubeFile).mode & 0o777).toBe(0o640);
    expect((await readdir(path.dirname(kubeFile))).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('refuses to rewrite a file that changed since the check', async () => {
    const fresh = await rig.call('plaintext:scan', {});
    await appendFile(kubeFile, '# changed after the check\n');
    const preview = await rig.call('plaintext:rewritePreview', {
      scanId: fresh.scanId,
      fileId: fileId('kubeconfig'),
    });
    expect(preview.refusal).toMatch(/changed since the check/);
    const error = await rig.fail('plaintext:rewrite', {
      scanId: fresh.scanId,
      fileId: fileId('kubeconfig'),
    });
    expect(error.code).toBe('conflict');
    expect(readFileSync(kubeFile, 'utf8')).toBe(`${original}# changed after the check\n`);
  });

  it('removes the CLI’s copy of the secret, says what stops working, and logs the rewrite', async () => {
    const fresh = await rig.call('plaintext:scan', {});
    const before = readFileSync(cliFile, 'utf8');
    const preview = await rig.call('plaintext:rewritePreview', {
      scanId: fresh.scanId,
      fileId: fileId('cli2'),
    });
    expect(preview.consequence).toMatch(/rancher login/);
    expect(preview.changes.map((c) => c.change)).toEqual(['remove_secret']);
    await rig.call('plaintext:rewrite', { scanId: fresh.scanId, fileId: fileId('cli2') });
    const after = readFileSync(cliFile, 'utf8');
    expect(after).not.toContain(imported.secret);
    expect(after.slice(after.indexOf('"untouched"'))).toBe(
      before.slice(before.indexOf('"untouched"')),
    );
    const log = await rig.call('activity:list', {});
    expect(log.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['rewrite_file', 'undo_rewrite']),
    );
    expect(JSON.stringify(log)).not.toContain(imported.secret);
    expect(rig.t.log.lines.join('\n')).not.toContain(imported.secret);
  });
});
