import { createStore } from 'zustand/vanilla';
import type { AppError } from '../../../electron/contract/errors';
import type {
  HygieneGroupId,
  HygieneMember,
  HygieneResult,
  HygieneTarget,
} from '../../../electron/contract/hygiene';
import type { Output } from '../../../electron/contract/ipc';
import type { Api } from '../api';
import { toAppError } from '../ui/error-text';
import { advancedJob, newJobId, runningJob, type RunningJob } from '../ui/job-id';

type Scan = Output<'hygiene:scan'>;
type Preview = Output<'hygiene:preview'>;

/** Where a bulk revocation is: reviewing the dry run, running, or showing its results. */
export type CleanupStep =
  | { kind: 'idle' }
  | { kind: 'previewing' }
  | { kind: 'review'; preview: Preview }
  | RunningJob
  | { kind: 'results'; cancelled: boolean; results: HygieneResult[] };

export interface HygieneState {
  /** One server, or null for every server. */
  serverId: string | null;
  scan: Scan | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppError | null;
  /** The group whose members are shown. */
  inspected: HygieneGroupId | null;
  members: HygieneMember[];
  membersStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** Groups chosen for the clean-up. */
  chosen: HygieneGroupId[];
  step: CleanupStep;
}

/** The clean-up view's state: groups, members of one group, and the bulk revocation's steps. */
export function createHygieneStore(api: Api) {
  const store = createStore<HygieneState>()(() => ({
    serverId: null,
    scan: null,
    status: 'idle',
    error: null,
    inspected: null,
    members: [],
    membersStatus: 'idle',
    chosen: [],
    step: { kind: 'idle' },
  }));
  const scope = () => {
    const { serverId } = store.getState();
    return serverId === null ? {} : { serverId };
  };
  let scanSeq = 0;
  let membersSeq = 0;

  const hygiene = {
    store,
    async scan() {
      const seq = ++scanSeq;
      store.setState((s) => ({ status: s.scan ? s.status : 'loading', error: null }));
      try {
        const scan = await api.call('hygiene:scan', scope());
        if (seq === scanSeq) store.setState({ scan, status: 'ready' });
        const { inspected } = store.getState();
        if (inspected) await hygiene.inspect(inspected);
      } catch (e) {
        if (seq === scanSeq) store.setState({ status: 'error', error: toAppError(e) });
      }
    },
    setServer(serverId: string | null) {
      store.setState({ serverId, chosen: [], inspected: null, members: [], scan: null });
      void hygiene.scan();
    },
    async inspect(group: HygieneGroupId | null) {
      const seq = ++membersSeq;
      store.setState({ inspected: group, membersStatus: group ? 'loading' : 'idle' });
      if (!group) return store.setState({ members: [] });
      try {
        const { members } = await api.call('hygiene:members', { ...scope(), group });
        if (seq === membersSeq) store.setState({ members, membersStatus: 'ready' });
      } catch {
        if (seq === membersSeq) store.setState({ members: [], membersStatus: 'error' });
      }
    },
    toggle(group: HygieneGroupId) {
      store.setState((s) => ({
        chosen: s.chosen.includes(group)
          ? s.chosen.filter((g) => g !== group)
          : [...s.chosen, group],
      }));
    },
    /** The dry run: exactly which tokens, on which servers, the chosen groups would revoke. */
    async preview() {
      store.setState({ step: { kind: 'previewing' }, error: null });
      try {
        const preview = await api.call('hygiene:preview', {
          ...scope(),
          groups: store.getState().chosen,
        });
        store.setState({ step: { kind: 'review', preview } });
      } catch (e) {
        store.setState({ step: { kind: 'idle' }, error: toAppError(e) });
      }
    },
    closeReview() {
      store.setState({ step: { kind: 'idle' } });
    },
    /** Revokes what the preview showed; progress arrives as `hygiene:progress` events. */
    async revoke(targets: HygieneTarget[]) {
      const total = targets.reduce((n, t) => n + t.keyIds.length, 0);
      const jobId = newJobId();
      store.setState({ step: runningJob(jobId, total) });
      const off = api.on('hygiene:progress', (p) => {
        const step = advancedJob(store.getState().step, p);
        if (step) store.setState({ step });
      });
      try {
        const { cancelled, results } = await api.call('hygiene:revoke', { jobId, targets });
        store.setState({ step: { kind: 'results', cancelled, results }, chosen: [] });
      } catch (e) {
        store.setState({ step: { kind: 'idle' }, error: toAppError(e) });
      } finally {
        off();
      }
      await hygiene.scan();
    },
    async cancel() {
      const { step } = store.getState();
      if (step.kind !== 'running') return;
      store.setState({ step: { ...step, cancelling: true } });
      await api.call('hygiene:cancel', { jobId: step.jobId }).catch(() => undefined);
    },
    dismissResults() {
      store.setState({ step: { kind: 'idle' } });
    },
  };
  return hygiene;
}
export type HygieneStore = ReturnType<typeof createHygieneStore>;
