import { certificateFromBase64, uniqueCertificates } from './pem-bundle';
import type { RunProgram } from './trust-store';

/** Lists the machine's and the user's trusted roots (group-policy roots included), one per line. */
export const WINDOWS_ROOTS_SCRIPT =
  'Get-ChildItem -Path Cert:\\LocalMachine\\Root, Cert:\\CurrentUser\\Root | ForEach-Object { [Convert]::ToBase64String($_.RawData) }';

/**
 * Windows without Node's system-store reader: the root stores, exported through PowerShell (a
 * fixed script; no user text reaches it), one base64 DER certificate per line.
 */
export async function windowsCertificates(run: RunProgram): Promise<string[]> {
  const output = await run('powershell.exe', [
    '-NoProfile',
    '-NonInteractive',
    '-Command',
    WINDOWS_ROOTS_SCRIPT,
  ]);
  return uniqueCertificates(
    output
      .split(/\r?\n/)
      .map(certificateFromBase64)
      .filter((pem): pem is string => pem !== null),
  );
}
