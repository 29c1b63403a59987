import { createStore } from 'zustand/vanilla';
import type { AppError } from '../../../electron/contract/errors';
import type { Output } from '../../../electron/contract/ipc';
import type {
  PlaintextFinding,
  PlaintextImportResult,
  PlaintextRewritePreview,
  PlaintextScan,
} from '../../../electron/contract/plaintext';
import { ApiError, type Api } from '../api';
import { advancedJob, newJobId, runningJob, type RunningJob } from '../ui/job-id';
import { toAppError } from '../ui/error-text';

/** Where an import is: running (with progress) or showing each chosen token's result. */
export type ImportStep =
  | { kind: 'idle' }
  | RunningJob
  | {
      kind: 'results';
      cancelled: boolean;
      results: PlaintextImportResult[];
      /** Servers the import added. */
      added: number;
      /** The findings imported (results name them by id; the rescan after gives new ids). */
      findings: PlaintextFinding[];
    };

/** Where a file's rewrite is: loading its preview, reviewing it, or writing. */
export type RewriteStep =
  | { kind: 'idle' }
  | { kind: 'previewing'; fileId: string }
  | { kind: 'review'; preview: PlaintextRewritePreview; writing: boolean; error: AppError | null };

/** A rewrite this session can undo: the file is back as it was from its backup. */
export interface DoneRewrite {
  rewriteId: string;
  fileId: string;
  path: string;
  backupPath: string;
  changed: number;
}

export interface PlaintextState {
  scan: PlaintextScan | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppError | null;
  /** Files the user added this session (ids main gave them), scanned with the known places. */
  addedFileIds: string[];
  /** Findings chosen for import. */
  chosen: string[];
  importStep: ImportStep;
  rewriteStep: RewriteStep;
  /** Rewrites that can be undone, newest last (at most one per file). */
  rewrites: DoneRewrite[];
}

/**
 * Whether a finding can be chosen for import: a token the app does not hold yet whose server is
 * known (from the app, or from the file's `url` / cluster `server`).
 */
export function importable(finding: PlaintextFinding): boolean {
  return !finding.alreadyHeld && finding.serverUrl !== null;
}

/** The Plaintext check's state: the last scan, the chosen tokens, import, rewrite and undo. */
export function createPlaintextStore(api: Api) {
  const store = createStore<PlaintextState>()(() => ({
    scan: null,
    status: 'idle',
    error: null,
    addedFileIds: [],
    chosen: [],
    importStep: { kind: 'idle' },
    rewriteStep: { kind: 'idle' },
    rewrites: [],
  }));
  let scanSeq = 0;

  const plaintext = {
    store,
    /** Reads the known places (and added files) again; the chosen tokens start fresh. */
    async scan() {
      const seq = ++scanSeq;
      store.setState((s) => ({ status: s.scan ? s.status : 'loading', error: null }));
      try {
        const scan = await api.call('plaintext:scan', {
          addedFileIds: store.getState().addedFileIds,
        });
        if (seq !== scanSeq) return;
        // Ids are per scan: keep only choices that still name a finding (none, after a rescan).
        const ids = new Set(scan.findings.map((f) => f.findingId));
        store.setState((s) => ({
          scan,
          status: 'ready',
          chosen: s.chosen.filter((id) => ids.has(id)),
        }));
      } catch (e) {
        if (seq === scanSeq) store.setState({ status: 'error', error: toAppError(e) });
      }
    },
    /** Main shows the OS file dialog; a chosen file joins this and every later scan. */
    async addFile() {
      try {
        const { file } = await api.call('plaintext:addFile', {});
        if (!file) return null;
        store.setState((s) => ({
          addedFileIds: s.addedFileIds.includes(file.fileId)
            ? s.addedFileIds
            : [...s.addedFileIds, file.fileId],
        }));
        await plaintext.scan();
        return file;
      } catch (e) {
        store.setState({ error: toAppError(e) });
        return null;
      }
    },
    toggle(findingId: string) {
      store.setState((s) => ({
        chosen: s.chosen.includes(findingId)
          ? s.chosen.filter((id) => id !== findingId)
          : [...s.chosen, findingId],
      }));
    },
    /** Chooses every importable token, or none when all of them already are. */
    toggleAll() {
      const { scan, chosen } = store.getState();
      const all = (scan?.findings ?? []).filter(importable).map((f) => f.findingId);
      // A Set: a kubeconfig may hold 10,000 users, and includes() over both lists is quadratic.
      const picked = new Set(chosen);
      store.setState({ chosen: all.every((id) => picked.has(id)) ? [] : all });
    },
    /** Verifies and imports the chosen tokens; progress arrives as `plaintext:progress`. */
    async import() {
      const { scan, chosen } = store.getState();
      if (!scan || chosen.length === 0) return;
      const jobId = newJobId();
      const picked = new Set(chosen);
      store.setState({ importStep: runningJob(jobId, chosen.length) });
      const off = api.on('plaintext:progress', (p) => {
        const importStep = advancedJob(store.getState().importStep, p);
        if (importStep) store.setState({ importStep });
      });
      try {
        const out = await api.call('plaintext:import', {
          jobId,
          scanId: scan.scanId,
          findingIds: chosen,
        });
        store.setState({
          importStep: {
            kind: 'results',
            cancelled: out.cancelled,
            results: out.results,
            added: out.addedServerIds.length,
            findings: scan.findings.filter((f) => picked.has(f.findingId)),
          },
          chosen: [],
        });
      } catch (e) {
        store.setState({ importStep: { kind: 'idle' }, error: toAppError(e) });
      } finally {
        off();
      }
      // What is held now shows as held; the import's dialog stays until dismissed.
      await plaintext.scan();
    },
    async cancelImport() {
      const { importStep: step } = store.getState();
      if (step.kind !== 'running' || step.cancelling) return;
      store.setState({ importStep: { ...step, cancelling: true } });
      await api.call('plaintext:cancel', { jobId: step.jobId }).catch(() => undefined);
    },
    /**
     * Imports one token of the last import again (after its server's certificate was trusted):
     * the same place in the current scan, whose ids are new since the import; the row `rowId` of
     * the results shows the new answer. Throws ApiError when the token left its file.
     */
    async retryImport(old: PlaintextFinding, rowId: string) {
      const { scan } = store.getState();
      const same = scan?.findings.find(
        (f) =>
          f.fileId === old.fileId &&
          f.accessKey === old.accessKey &&
          f.place.entry === old.place.entry &&
          f.place.subEntry === old.place.subEntry,
      );
      if (!scan || !same) {
        throw new ApiError({
          code: 'not_found',
          message: 'This token is no longer where the check found it. Run the check again.',
        });
      }
      const out = await api.call('plaintext:import', {
        jobId: newJobId(),
        scanId: scan.scanId,
        findingIds: [same.findingId],
      });
      const fresh = out.results[0];
      store.setState((s) =>
        s.importStep.kind === 'results' && fresh
          ? {
              importStep: {
                ...s.importStep,
                results: s.importStep.results.map((r) =>
                  r.findingId === rowId ? { ...fresh, findingId: rowId } : r,
                ),
                added: s.importStep.added + out.addedServerIds.length,
              },
            }
          : {},
      );
      await plaintext.scan();
    },
    dismissImport() {
      store.setState({ importStep: { kind: 'idle' } });
    },
    /** The dry run of a file's rewrite: what changes, what stays, what stops working. */
    async previewRewrite(fileId: string) {
      const { scan } = store.getState();
      if (!scan) return;
      store.setState({ rewriteStep: { kind: 'previewing', fileId }, error: null });
      try {
        const preview = await api.call('plaintext:rewritePreview', { scanId: scan.scanId, fileId });
        store.setState({ rewriteStep: { kind: 'review', preview, writing: false, error: null } });
      } catch (e) {
        store.setState({ rewriteStep: { kind: 'idle' }, error: toAppError(e) });
      }
    },
    closeRewrite() {
      store.setState({ rewriteStep: { kind: 'idle' } });
    },
    /** Writes the previewed file (backup first); true when it was written. */
    async rewrite(): Promise<Output<'plaintext:rewrite'> | null> {
      const { scan, rewriteStep: step } = store.getState();
      if (!scan || step.kind !== 'review' || step.writing) return null;
      store.setState({ rewriteStep: { ...step, writing: true, error: null } });
      try {
        const out = await api.call('plaintext:rewrite', {
          scanId: scan.scanId,
          fileId: step.preview.fileId,
        });
        const done: DoneRewrite = { ...out, fileId: step.preview.fileId };
        store.setState((s) => ({
          rewriteStep: { kind: 'idle' },
          rewrites: [...s.rewrites.filter((r) => r.fileId !== done.fileId), done],
        }));
        await plaintext.scan();
        return out;
      } catch (e) {
        store.setState({ rewriteStep: { ...step, writing: false, error: toAppError(e) } });
        return null;
      }
    },
    /** Puts a rewritten file back from its backup. */
    async undo(rewriteId: string): Promise<Output<'plaintext:undo'>> {
      const out = await api.call('plaintext:undo', { rewriteId });
      store.setState((s) => ({ rewrites: s.rewrites.filter((r) => r.rewriteId !== rewriteId) }));
      await plaintext.scan();
      return out;
    },
  };
  return plaintext;
}
export type PlaintextStore = ReturnType<typeof createPlaintextStore>;
