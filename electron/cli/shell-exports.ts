import { secretOf } from '../core/keys/key-id';

/** Shells `rancher-keys env` writes for. */
export const shells = ['bash', 'zsh', 'fish', 'powershell', 'sh'] as const;
export type Shell = (typeof shells)[number];

/** The variables a key provides to tools: the Rancher CLI's and Terraform's names. */
export function keyVariables(
  origin: string,
  keyId: string,
  bearer: string,
): Array<[string, string]> {
  return [
    ['RANCHER_URL', origin],
    ['RANCHER_TOKEN', bearer],
    ['RANCHER_ACCESS_KEY', keyId],
    ['RANCHER_SECRET_KEY', secretOf(bearer)],
  ];
}

/** One assignment in the shell's syntax, its value quoted so that nothing in it is interpreted. */
export function exportLine(shell: Shell, name: string, value: string): string {
  switch (shell) {
    case 'fish':
      return `set -gx ${name} '${value.replace(/[\\']/g, (c) => `\\${c}`)}';`;
    case 'powershell':
      return `$env:${name} = '${value.replace(/'/g, "''")}'`;
    default:
      return `export ${name}='${value.replace(/'/g, `'\\''`)}'`;
  }
}

/** The shell to write for when none is named: PowerShell on Windows, else `$SHELL`'s name. */
export function defaultShell(platform: NodeJS.Platform, shellEnv: string | undefined): Shell {
  if (platform === 'win32') return 'powershell';
  const name = shellEnv?.split('/').pop() ?? '';
  return (shells as readonly string[]).includes(name) ? (name as Shell) : 'bash';
}
