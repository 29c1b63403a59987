import { randomBytes } from 'node:crypto';
import type { Output, ParsedInput } from '../../contract/ipc';
import type { KeyPlace, PlaintextFinding } from '../../contract/plaintext';
import { AppFailure } from '../app-failure';
import type { KeyService } from '../keys/key-service';
import type { Logger } from '../log';
import type { Clock } from '../ports';
import type { ServerService } from '../servers/server-service';
import type { SecretStore } from '../vault/secret-store';
import type { EventSink } from '../events';
import type { CommandLineDeps } from '../kubeconfig/command-line';
import type { FilePickerPort } from './file-picker';
import { createHeldSecrets } from './held-secrets';
import { importTokens, type ImportJob } from './plaintext-import';
import { displayPath, fileIdFor, knownPlaces, type PlaceEnv } from './plaintext-places';
import { scanPlaces, toFinding, type KeptScan, type ScanResult } from './plaintext-scan';
import { planRewrite, rewriteFile, undoRewrite, type DoneRewrite } from './plaintext-rewrite';
import { createScanCache } from './scan-cache';
import { createSecretHasher } from './secret-hash';

/** Scans kept for import and rewrite (the newest few; older ids must rescan). */
const KEPT_SCANS = 3;

export interface PlaintextDeps extends PlaceEnv {
  /** The `rancher-keys` command a rewritten kubeconfig runs, and where the app keeps its data. */
  commandLine: CommandLineDeps;
  servers: ServerService;
  keys: KeyService;
  secrets: SecretStore;
  clock: Clock;
  log: Logger;
  emit: EventSink;
  /** The OS file dialog; absent where there is none (the CLI). */
  filePicker?: FilePickerPort;
}

/**
 * The Plaintext check: finds Rancher tokens in the known places, and answers where a held key is
 * used. Secrets found stay in this process's memory with their scan.
 */
export function createPlaintextService(deps: PlaintextDeps) {
  const hasher = createSecretHasher();
  const held = createHeldSecrets({ ...deps, hasher });
  /** Files as last read: an unchanged file is not read again by the next scan or where-used. */
  const cache = createScanCache();
  /** User-added files of this session, by file id. */
  const added = new Map<string, string>();
  const scans = new Map<string, KeptScan>();
  const jobs = new Map<string, ImportJob>();
  const running = new Set<Promise<unknown>>();
  const rewrites = new Map<string, DoneRewrite>();
  const rewriteDeps = () => ({ ...deps, held, now: () => deps.clock.now() });
  /** Keeps a rewrite for undo; its file is read afresh next time. */
  const remember = (done: DoneRewrite) => {
    rewrites.set(done.rewriteId, done);
    cache.forget(done.absolute);
  };
  const doneView = (done: DoneRewrite): Output<'plaintext:rewrite'> => ({
    rewriteId: done.rewriteId,
    path: displayPath(done.absolute, deps.home),
    backupPath: displayPath(done.backupPath, deps.home),
    changed: done.changed,
  });

  async function scanFiles(addedFileIds: readonly string[]): Promise<ScanResult> {
    const chosen = new Map<string, string>();
    for (const id of addedFileIds) {
      const file = added.get(id);
      if (file === undefined) {
        throw new AppFailure('not_found', 'That added file is no longer known; add it again.');
      }
      chosen.set(id, file);
    }
    return scanPlaces(knownPlaces(deps, chosen), { home: deps.home, hasher, read: cache.read });
  }

  async function findings(result: ScanResult): Promise<PlaintextFinding[]> {
    const match = held.matcher();
    return Promise.all(
      result.tokens.map(async (token) => {
        const serverId = held.serverIdFor(token.serverUrl);
        const heldHash = serverId === null ? null : await match(serverId, token.accessKey);
        return toFinding(token, {
          serverId,
          heldKeyId: heldHash !== null && heldHash === token.hash ? token.accessKey : null,
        });
      }),
    );
  }

  return {
    async scan(input: ParsedInput<'plaintext:scan'>): Promise<Output<'plaintext:scan'>> {
      const result = await scanFiles(input.addedFileIds);
      const scanId = `scan-${randomBytes(8).toString('hex')}`;
      const at = deps.clock.now();
      scans.set(scanId, { ...result, scanId, at });
      for (const old of [...scans.keys()].slice(0, Math.max(0, scans.size - KEPT_SCANS))) {
        scans.delete(old);
      }
      deps.log.info('plaintext: scanned', {
        files: result.files.length,
        findings: result.tokens.length,
      });
      return {
        scanId,
        scannedAt: new Date(at).toISOString(),
        files: result.files.map((f) => f.info),
        findings: await findings(result),
      };
    },

    async addFile(): Promise<Output<'plaintext:addFile'>> {
      if (!deps.filePicker) {
        throw new AppFailure('invalid_input', 'Adding a file is not available here.');
      }
      const file = await deps.filePicker.pickFile({ title: 'Add a file to the Plaintext check' });
      if (file === null) return { file: null };
      const fileId = fileIdFor(file);
      added.set(fileId, file);
      return { file: { fileId, path: displayPath(file, deps.home) } };
    },

    async import(input: ParsedInput<'plaintext:import'>): Promise<Output<'plaintext:import'>> {
      if (jobs.has(input.jobId))
        throw new AppFailure('conflict', 'This import is already running.');
      const scan = this.kept(input.scanId);
      const byId = new Map(scan.tokens.map((t) => [t.findingId, t]));
      const chosen = [...new Set(input.findingIds)].map((id) => {
        const token = byId.get(id);
        if (!token)
          throw new AppFailure('not_found', 'A chosen token is not in this check; run it again.');
        return token;
      });
      const total = chosen.length;
      const job: ImportJob = {
        cancelled: false,
        onProgress: (done, failed) =>
          deps.emit('plaintext:progress', { jobId: input.jobId, done, total, failed }),
      };
      jobs.set(input.jobId, job);
      const work = importTokens(chosen, { ...deps, heldHash: held.heldHash }, job);
      running.add(work);
      try {
        const { results, addedServerIds } = await work;
        deps.log.info('plaintext: imported', {
          total,
          imported: results.filter((r) => r.outcome === 'imported').length,
          cancelled: job.cancelled,
        });
        return { cancelled: job.cancelled, results, addedServerIds };
      } finally {
        running.delete(work);
        jobs.delete(input.jobId);
      }
    },

    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.cancelled = true;
      return true;
    },

    /** Cancels running imports and waits for them to stop. */
    async stop(): Promise<void> {
      for (const job of jobs.values()) job.cancelled = true;
      await Promise.allSettled([...running]);
    },

    async rewritePreview(
      input: ParsedInput<'plaintext:rewritePreview'>,
    ): Promise<Output<'plaintext:rewritePreview'>> {
      return (await planRewrite(this.kept(input.scanId), input.fileId, rewriteDeps())).preview;
    },

    async rewrite(input: ParsedInput<'plaintext:rewrite'>): Promise<Output<'plaintext:rewrite'>> {
      const done = await rewriteFile(this.kept(input.scanId), input.fileId, rewriteDeps());
      remember(done);
      deps.log.info('plaintext: rewrote a file', { kind: done.kind, changed: done.changed });
      return doneView(done);
    },

    /**
     * Rewrites each kubeconfig the check finds holding this key's secret so its users run
     * `rancher-keys kubectl-credential` for the key (whose handle moves to its renewal), one
     * `plaintext:rewrite` per file; a cli2.json, or a file that cannot be rewritten, is left and
     * says why. Called before a renewal, while the key's secret is still held.
     */
    async updatePlaces(
      input: ParsedInput<'plaintext:updatePlaces'>,
    ): Promise<Output<'plaintext:updatePlaces'>> {
      const hash = await held.heldHash(input.serverId, input.keyId);
      if (hash === null) {
        throw new AppFailure(
          'not_found',
          `Rancher Keys does not hold the secret of ${input.keyId}.`,
        );
      }
      const result = await scanFiles([...added.keys()]);
      const scanId = `scan-${randomBytes(8).toString('hex')}`;
      const scan: KeptScan = { ...result, scanId, at: deps.clock.now() };
      const holding = new Set(result.tokens.filter((t) => t.hash === hash).map((t) => t.fileId));
      const updated: Output<'plaintext:updatePlaces'>['updated'] = [];
      const left: Output<'plaintext:updatePlaces'>['left'] = [];
      for (const file of result.files.filter((f) => holding.has(f.info.fileId))) {
        if (file.info.kind !== 'kubeconfig') {
          left.push({
            path: file.info.path,
            reason: 'The Rancher CLI’s file: rewrite it in the Plaintext check.',
          });
          continue;
        }
        const only = { serverId: input.serverId, keyId: input.keyId };
        try {
          const done = await rewriteFile(scan, file.info.fileId, rewriteDeps(), only);
          remember(done);
          updated.push(doneView(done));
        } catch (error) {
          if (!(error instanceof AppFailure)) throw error;
          left.push({ path: file.info.path, reason: error.message });
        }
      }
      deps.log.info('plaintext: updated the places of a key', {
        updated: updated.length,
        left: left.length,
      });
      return { updated, left };
    },

    async undo(input: ParsedInput<'plaintext:undo'>): Promise<Output<'plaintext:undo'>> {
      const done = rewrites.get(input.rewriteId);
      if (!done) {
        throw new AppFailure(
          'not_found',
          'That rewrite cannot be undone from here any more (undo lasts until Rancher Keys quits); its backup is beside the file.',
        );
      }
      cache.forget(done.absolute);
      await undoRewrite(done);
      rewrites.delete(input.rewriteId);
      deps.log.info('plaintext: restored a file from its backup', { kind: done.kind });
      return { path: displayPath(done.absolute, deps.home), restored: true };
    },

    /** The kept scan with this id; fails `not_found` (rescan) when it was dropped. */
    kept(scanId: string): KeptScan {
      const scan = scans.get(scanId);
      if (!scan) {
        throw new AppFailure('not_found', 'That check is no longer current. Run the check again.');
      }
      return scan;
    },

    async whereUsed(input: ParsedInput<'keys:whereUsed'>): Promise<Output<'keys:whereUsed'>> {
      const server = deps.servers.get(input.serverId);
      const key = deps.keys
        .list({ serverId: input.serverId, includeSystem: true })
        .keys.find((k) => k.id === input.keyId);
      if (!key) throw new AppFailure('not_found', `There is no key ${input.keyId} any more.`);
      const result = await scanFiles([...added.keys()]);
      const hash = await held.heldHash(input.serverId, input.keyId);
      const files = new Map(result.files.map((f) => [f.info.fileId, f]));
      const places: KeyPlace[] = [];
      for (const token of result.tokens) {
        const file = files.get(token.fileId);
        if (hash === null || token.hash !== hash || !file) continue;
        places.push({
          path: file.info.path,
          fileKind: file.info.kind,
          how: 'found',
          place: token.place,
        });
      }
      for (const file of result.files) {
        for (const place of file.written) {
          const forKey =
            place.key === null ? key.isDefault : place.key === key.handle || place.key === key.id;
          if (place.server === server.origin && forKey) {
            places.push({
              path: file.info.path,
              fileKind: file.info.kind,
              how: 'written',
              place: place.place,
            });
          }
        }
      }
      return { places, scannedAt: new Date(deps.clock.now()).toISOString() };
    },
  };
}
export type PlaintextService = ReturnType<typeof createPlaintextService>;
