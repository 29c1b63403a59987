/**
 * Appends activity entries as fast as it can, printing `ack <keyId>` once each append has
 * resolved (written and fsynced), until the parent kills it with SIGKILL.
 */
import { writeSync } from 'node:fs';
import { openLog } from './open-log';

const dir = process.argv[2] ?? '';
const log = openLog(dir);
await log.load();
for (let i = 0; ; i++) {
  const keyId = `token-${i}`;
  await log.append([
    {
      serverId: 'srv-1',
      serverName: 'prod',
      keyId,
      action: 'revoke',
      outcome: 'ok',
      errorCode: null,
      // Long lines make a kill in the middle of a write likelier.
      detail: 'x'.repeat(150),
    },
  ]);
  writeSync(1, `ack ${keyId}\n`);
}
