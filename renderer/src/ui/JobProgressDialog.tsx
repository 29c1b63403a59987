import { Dialog } from './Dialog';

/** What a job's progress dialog says about itself: its title and how to name its counts. */
export interface JobProgressWords {
  title: string;
  testId: string;
  /** The progress bar's accessible name, e.g. "Import progress". */
  progressLabel: string;
  /** After "N of M", e.g. "checked" or "done". */
  doneWord: string;
  /** After the failure count, e.g. "not imported" or "failed". */
  failedWord: string;
  /** What Stop waits for, e.g. "the checks under way". */
  inFlight: string;
}

/** Where a cancellable job stands: the counts main reported last and whether Stop was pressed. */
export interface JobProgressStep {
  done: number;
  total: number;
  failed: number;
  cancelling: boolean;
}

/**
 * The dialog every long, cancellable job shows while it runs (the clean-up's revocations, the
 * Plaintext check's import): a progress bar, a live status line, and Stop (also Escape), which
 * asks main to stop and says it waits for the requests already under way.
 */
export function JobProgressDialog({
  words,
  step,
  onStop,
}: {
  words: JobProgressWords;
  step: JobProgressStep;
  onStop: () => void;
}) {
  return (
    <Dialog
      title={words.title}
      onClose={onStop}
      testId={words.testId}
      footer={
        <button type="button" className="button" disabled={step.cancelling} onClick={onStop}>
          {step.cancelling ? 'Stopping…' : 'Stop'}
        </button>
      }
    >
      <progress
        className="job-progress"
        max={Math.max(1, step.total)}
        value={step.done}
        aria-label={words.progressLabel}
      />
      <p role="status" aria-live="polite">
        {step.done} of {step.total} {words.doneWord}
        {step.failed > 0 ? `, ${step.failed} ${words.failedWord}` : ''}
        {step.cancelling ? `. Stopping after ${words.inFlight}…` : ''}
      </p>
    </Dialog>
  );
}
