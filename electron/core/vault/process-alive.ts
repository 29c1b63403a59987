/**
 * Whether a process with this id is running. EPERM means it exists but belongs to another user,
 * which still counts as running. Used to tell stale lock files and probe items from live ones.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
