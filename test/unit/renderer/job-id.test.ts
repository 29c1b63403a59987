import { describe, expect, it } from 'vitest';
import { advancedJob, newJobId, runningJob } from '../../../renderer/src/ui/job-id';

describe('a long job’s steps (clean-up revocations, Plaintext import)', () => {
  it('starts with nothing done and the total to do', () => {
    const jobId = newJobId();
    expect(jobId).toMatch(/^job-[0-9a-f]{24}$/);
    expect(runningJob(jobId, 7)).toEqual({
      kind: 'running',
      jobId,
      done: 0,
      total: 7,
      failed: 0,
      cancelling: false,
    });
  });

  it('takes the counts of its own job’s progress and keeps whether Stop was pressed', () => {
    const step = { ...runningJob('job-a', 5), cancelling: true };
    expect(advancedJob(step, { jobId: 'job-a', done: 3, total: 6, failed: 1 })).toEqual({
      kind: 'running',
      jobId: 'job-a',
      done: 3,
      total: 6,
      failed: 1,
      cancelling: true,
    });
  });

  it('ignores another job’s progress, and progress once the job is no longer running', () => {
    const progress = { jobId: 'job-a', done: 1, total: 1, failed: 0 };
    expect(advancedJob(runningJob('job-b', 1), progress)).toBeNull();
    expect(advancedJob({ kind: 'results' }, progress)).toBeNull();
    expect(advancedJob({ kind: 'idle' }, progress)).toBeNull();
  });
});
