/**
 * A child process for the crash and keychain tests: builds the real core on a given data dir and
 * keychain service, makes the calls it is given (JSON in argv[2]) and prints each result as a JSON
 * line. With `crashAt`, it kills itself with SIGKILL when create/renew reaches that step.
 */
import { createTestCore } from '../../bridge/compose';

interface Job {
  dataDir: string;
  keychainService: string;
  crashAt?: string;
  calls: Array<{ channel: string; input: unknown }>;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const t = createTestCore({
  dataDir: job.dataDir,
  keychainService: job.keychainService,
  keep: true,
  crashPoint: (step) => {
    if (step === job.crashAt) process.kill(process.pid, 'SIGKILL');
  },
});
await t.ready();
for (const call of job.calls) {
  const result = await t.dispatch(call.channel, call.input);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
await t.close();
process.exit(0);
