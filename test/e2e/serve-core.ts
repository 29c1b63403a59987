// Starts a test core and the bridge in this process and prints `{ url }` as one JSON line; used by
// keychain.spec.ts in a child process whose D-Bus address points nowhere, so the keychain really
// fails. Stops on SIGTERM.
import { startBridge } from '../bridge/server';
import { createTestCore } from '../bridge/compose';
import { rendererDir } from './fixtures';

const core = createTestCore();
const bridge = await startBridge({ dispatch: core.dispatch, rendererDir });
core.core.subscribe((event, payload) => bridge.emit(event, payload));
console.log(JSON.stringify({ url: bridge.url }));
process.on('SIGTERM', () => {
  void Promise.allSettled([bridge.close(), core.close()]).then(() => process.exit(0));
});
