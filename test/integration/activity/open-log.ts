import { createActivityLog, type ActivityLog } from '../../../electron/core/activity/activity-log';
import { createMemoryLogger } from '../../../electron/core/log';

/** The activity log in `dir` with limits no test reaches (the crash test and its child). */
export function openLog(dir: string): ActivityLog {
  return createActivityLog({
    dir,
    now: () => Date.now(),
    retention: () => ({ maxBytes: 100 * 1024 * 1024, maxAgeMs: 365 * 86_400_000 }),
    log: createMemoryLogger(),
  });
}
