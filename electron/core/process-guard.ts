import type { Logger } from './log';

/**
 * Keeps a long-running process (the Electron main process, the test bridge) alive through an
 * unhandled promise rejection: Node's default ends the process, which for a credential manager
 * means a window that vanishes mid-operation. The rejection is logged (through the redacting
 * logger, message and stack only) so it can still be found and fixed; the core itself owns and
 * catches every background task, so this is a last line, not the way errors are handled.
 * Returns a function that removes the handler.
 */
export function surviveUnhandledRejections(log: Logger): () => void {
  const onRejection = (reason: unknown) => {
    log.error('an unhandled promise rejection was caught; the app keeps running', {
      error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason),
    });
  };
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('unhandledRejection', onRejection);
  };
}
