import type { Command } from '../command';

/** A subcommand by name, loaded on use so `kubectl-credential` loads nothing it does not need. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every subcommand of `rancher-keys`, in the order `--help` lists them. Add new ones here. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'list',
    summary: 'List servers and keys with state and expiry (never a secret)',
    load: async () => (await import('./list')).listCommand,
  },
  {
    name: 'token',
    summary: "Print a key's bearer token (for $(…) in scripts)",
    load: async () => (await import('./token')).tokenCommand,
  },
  {
    name: 'env',
    summary: 'Print RANCHER_URL / RANCHER_TOKEN exports for eval',
    load: async () => (await import('./env')).envCommand,
  },
  {
    name: 'exec',
    summary: "Run a command with a key's variables in its environment only",
    load: async () => (await import('./exec')).execCommand,
  },
  {
    name: 'check',
    summary: 'Exit 1 when a key expires soon, 2 when one has expired (cron, CI)',
    load: async () => (await import('./check')).checkCommand,
  },
  {
    name: 'hygiene',
    summary: 'Count tokens worth cleaning up, by group (read only)',
    load: async () => (await import('./hygiene')).hygieneCommand,
  },
  {
    name: 'scan',
    summary: 'Find Rancher tokens left in plaintext (cli2.json, kubeconfigs); read only',
    load: async () => (await import('./scan')).scanCommand,
  },
  {
    name: 'kubeconfig',
    summary: 'Write or merge a kubeconfig whose credential comes from the keychain',
    load: async () => (await import('./kubeconfig')).kubeconfigCommand,
  },
  {
    name: 'kubectl-credential',
    summary: 'kubectl exec plugin: print an ExecCredential for a key',
    load: async () => (await import('./kubectl-credential')).kubectlCredentialCommand,
  },
];
