import { describe, expect, it } from 'vitest';
import { createPlaintextStore } from '../../../renderer/src/plaintext/plaintext-store';
import { createFakeApi, fail } from './fake-api';
import { makeScan } from './plaintext-fakes';

describe('plaintext store', () => {
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

  it('changes nothing when the file dialog is cancelled', async () => {
    const fake = createFakeApi({
      'plaintext:scan': () => makeScan(),
      'plaintext:addFile': () => ({ file: null }),
    });
    const plaintext = createPlaintextStore(fake.api);
    expect(await plaintext.addFile()).toBeNull();
    expect(plaintext.store.getState().addedFileIds).toEqual([]);
    expect(fake.callsTo('plaintext:scan')).toEqual([]);
  });

  it('keeps the last report and shows the error when a scan fails', async () => {
    let fails = false;
    const fake = createFakeApi({
      'plaintext:scan': () =>
        fails ? fail({ code: 'internal', message: 'The check failed.' }) : makeScan(),
    });
    const plaintext = createPlaintextStore(fake.api);
    await plaintext.scan();
    fails = true;
    await plaintext.scan();
    const state = plaintext.store.getState();
    expect(state.scan?.scanId).toBe('scan-1');
    expect(state.error?.message).toBe('The check failed.');
  });
});
