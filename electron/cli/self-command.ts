import path from 'node:path';
import { isSea } from 'node:sea';

import { credentialHelperBeside } from '../core/kubeconfig/credential-helper';
import type { SelfCommand } from '../core/kubeconfig/kubeconfig-file';

export type { SelfCommand };

/**
 * This process as a command line: the single executable itself, or Node with the bundled script
 * (a checkout's `npm run rancher-keys`), both by absolute path so kubectl finds them from anywhere;
 * with the native credential helper built beside either, when it is there.
 */
export function selfCommand(argv1: string | undefined): SelfCommand {
  if (isSea() || !argv1) {
    return {
      command: process.execPath,
      args: [],
      credentialHelper: credentialHelperBeside(process.execPath, process.platform),
    };
  }
  const script = path.resolve(argv1);
  return {
    command: process.execPath,
    args: [script],
    credentialHelper: credentialHelperBeside(script, process.platform),
  };
}
