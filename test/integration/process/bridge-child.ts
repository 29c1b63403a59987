/**
 * A child process for the unhandled-rejection test: starts the test bridge over a dispatch whose
 * `app:info` leaves a rejected promise nobody awaits (standing in for a background task's bug),
 * then serves until told to stop. Prints the bridge origin and token as one JSON line.
 */
import { createMemoryLogger } from '../../../electron/core/log';
import { startBridge } from '../../bridge/server';

const log = createMemoryLogger();
const bridge = await startBridge({
  rendererDir: process.argv[2] ?? '.',
  log,
  dispatch: (channel) => {
    if (channel === 'app:info') void Promise.reject(new Error('background task failed'));
    return Promise.resolve({ ok: true, value: { channel, logged: log.lines.length } });
  },
});
process.stdout.write(`${JSON.stringify({ origin: bridge.origin, token: bridge.token })}\n`);
process.on('SIGTERM', () => {
  void bridge.close().then(() => process.exit(0));
});
