import { describe, expect, it } from 'vitest';
import type { Input } from '../../../electron/contract/ipc';
import { createPlaintextStore, importable } from '../../../renderer/src/plaintext/plaintext-store';
import { createFakeApi, fail } from './fake-api';
import { makeCli2Preview, makeFinding, makeScan } from './plaintext-fakes';

/** A promise the test resolves when it wants main's answer to arrive. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('importable', () => {
  it('offers tokens not held whose server is known, and nothing else', () => {
    expect(importable(makeFinding({ findingId: '1', fileId: 'f' }))).toBe(true);
    expect(importable(makeFinding({ findingId: '1', fileId: 'f', alreadyHeld: true }))).toBe(false);
    expect(importable(makeFinding({ findingId: '1', fileId: 'f', serverUrl: null }))).toBe(false);
  });
});

describe('plaintext store', () => {
  it('chooses every importable token with toggleAll, and none on the second call', async () => {
    const fake = createFakeApi({ 'plaintext:scan': () => makeScan() });
    const plaintext = createPlaintextStore(fake.api);
    await plaintext.scan();
    plaintext.toggleAll();
    // The held token is never chosen.
    expect(plaintext.store.getState().chosen).toEqual(['scan-1-1', 'scan-1-2']);
    plaintext.toggleAll();
    expect(plaintext.store.getState().chosen).toEqual([]);
  });

  it('scans the files the user added along with the known places', async () => {
    const fake = createFakeApi({
      'plaintext:scan': () => makeScan(),
      'plaintext:addFile': () => ({ file: { fileId: 'added-1', path: '~/other.yaml' } }),
    });
    const plaintext = createPlaintextStore(fake.api);
    await plaintext.scan();
    expect(await plaintext.addFile()).toEqual({ fileId: 'added-1', path: '~/other.yaml' });
    expect(fake.callsTo('plaintext:scan')).toEqual([
      { addedFileIds: [] },
      { addedFileIds: ['added-1'] },
    ]);
  });

  it('follows its own job’s progress, keeps the chosen findings for the results, and rescans', async () => {
    const answer = deferred<{ cancelled: boolean; results: []; addedServerIds: string[] }>();
    let scans = 0;
    const fake = createFakeApi({
      'plaintext:scan': () => makeScan(`scan-${++scans}`),
      'plaintext:import': () => answer.promise,
    });
    const plaintext = createPlaintextStore(fake.api);
    await plaintext.scan();
    plaintext.toggle('scan-1-2');
    const done = plaintext.import();
    const [input] = fake.callsTo('plaintext:import') as Input<'plaintext:import'>[];
    expect(input).toMatchObject({ scanId: 'scan-1', findingIds: ['scan-1-2'] });
    fake.emit('plaintext:progress', { jobId: 'job-someone-else', done: 9, total: 9, failed: 9 });
    fake.emit('plaintext:progress', { jobId: input!.jobId, done: 1, total: 1, failed: 0 });
    expect(plaintext.store.getState().importStep).toMatchObject({ kind: 'running', done: 1 });
    answer.resolve({ cancelled: false, results: [], addedServerIds: ['s-new'] });
    await done;
    const step = plaintext.store.getState().importStep;
    expect(step.kind).toBe('results');
    if (step.kind !== 'results') return;
    expect(step.added).toBe(1);
    expect(step.findings.map((f) => f.accessKey)).toEqual(['token-kube1']);
    expect(plaintext.store.getState().scan?.scanId).toBe('scan-2');
    expect(plaintext.store.getState().chosen).toEqual([]);
  });

  it('cancels the running import by its job id, once', async () => {
    const answer = deferred<{ cancelled: boolean; results: []; addedServerIds: [] }>();
    const fake = createFakeApi({
      'plaintext:scan': () => makeScan(),
      'plaintext:import': () => answer.promise,
      'plaintext:cancel': () => ({ cancelled: true }),
    });
    const plaintext = createPlaintextStore(fake.api);
    await plaintext.scan();
    plaintext.toggle('scan-1-1');
    const done = plaintext.import();
    await plaintext.cancelImport();
    await plaintext.cancelImport();
    const [input] = fake.callsTo('plaintext:import') as Input<'plaintext:import'>[];
    expect(fake.callsTo('plaintext:cancel')).toEqual([{ jobId: input!.jobId }]);
    answer.resolve({ cancelled: true, results: [], addedServerIds: [] });
    await done;
    expect(plaintext.store.getState().importStep).toMatchObject({
      kind: 'results',
      cancelled: true,
    });
  });

  it('keeps the review open with main’s error when a rewrite is refused', async () => {
    const fake = createFakeApi({
      'plaintext:scan': () => makeScan(),
      'plaintext:rewritePreview': () => makeCli2Preview(),
      'plaintext:rewrite': () =>
        fail({ code: 'conflict', message: 'The file changed since the check; check again.' }),
    });
    const plaintext = createPlaintextStore(fake.api);
    await plaintext.scan();
    await plaintext.previewRewrite('f-cli2');
    expect(await plaintext.rewrite()).toBeNull();
    const step = plaintext.store.getState().rewriteStep;
    expect(step).toMatchObject({ kind: 'review', writing: false, error: { code: 'conflict' } });
    expect(plaintext.store.getState().rewrites).toEqual([]);
  });

  it('remembers a rewrite for Undo, and forgets it once undone', async () => {
    const fake = createFakeApi({
      'plaintext:scan': () => makeScan(),
      'plaintext:rewritePreview': () => makeCli2Preview(),
      'plaintext:rewrite': () => ({
        rewriteId: 'rw-1',
        path: '~/.rancher/cli2.json',
        backupPath: '~/.rancher/cli2.json.bak',
        changed: 1,
      }),
      'plaintext:undo': () => ({ path: '~/.rancher/cli2.json', restored: true }),
    });
    const plaintext = createPlaintextStore(fake.api);
    await plaintext.scan();
    await plaintext.previewRewrite('f-cli2');
    await plaintext.rewrite();
    expect(fake.callsTo('plaintext:rewrite')).toEqual([{ scanId: 'scan-1', fileId: 'f-cli2' }]);
    expect(plaintext.store.getState().rewrites).toMatchObject([
      { rewriteId: 'rw-1', fileId: 'f-cli2' },
    ]);
    expect(plaintext.store.getState().rewriteStep).toEqual({ kind: 'idle' });
    await plaintext.undo('rw-1');
    expect(fake.callsTo('plaintext:undo')).toEqual([{ rewriteId: 'rw-1' }]);
    expect(plaintext.store.getState().rewrites).toEqual([]);
    expect(fake.callsTo('plaintext:scan')).toHaveLength(3);
  });

  it('drops choices that name no finding of the new scan', async () => {
    let scans = 0;
    const fake = createFakeApi({ 'plaintext:scan': () => makeScan(`scan-${++scans}`) });
    const plaintext = createPlaintextStore(fake.api);
    await plaintext.scan();
    plaintext.toggle('scan-1-1');
    await plaintext.scan();
    expect(plaintext.store.getState().chosen).toEqual([]);
  });
});
