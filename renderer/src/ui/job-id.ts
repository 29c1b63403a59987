import type { JobProgressStep } from './JobProgressDialog';

/**
 * A random job id: the renderer names a long job (bulk revocation, import) so it can follow its
 * progress events and cancel it.
 */
export function newJobId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `job-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A long job while it runs: the counts main reported last, and whether Stop was pressed. */
export interface RunningJob extends JobProgressStep {
  kind: 'running';
  jobId: string;
}

/** What a job's progress event carries (`hygiene:progress`, `plaintext:progress`). */
export interface JobProgress {
  jobId: string;
  done: number;
  total: number;
  failed: number;
}

/** The step of a job just started: nothing done, `total` to do. */
export function runningJob(jobId: string, total: number): RunningJob {
  return { kind: 'running', jobId, done: 0, total, failed: 0, cancelling: false };
}

/** Whether a store's step is a running job (every step union here has one `running` member). */
function isRunningJob(step: { kind: string }): step is RunningJob {
  return step.kind === 'running';
}

/**
 * The step with a progress event's counts, when the step is that job running; otherwise null (an
 * event of an earlier job, or one arriving after the results, changes nothing).
 */
export function advancedJob(step: { kind: string }, progress: JobProgress): RunningJob | null {
  if (!isRunningJob(step) || step.jobId !== progress.jobId) return null;
  const { done, total, failed } = progress;
  return { ...step, done, total, failed };
}
