import { z } from 'zod';

/** "Use with kubectl…": a kubeconfig entry for one cluster, merged into the user's kubeconfig. */
export const kubectlKubeconfigInputSchema = z.object({
  serverId: z.string().min(1),
  keyId: z.string().min(1).max(300),
  clusterId: z.string().min(1).max(128),
  /** Merge into ~/.kube/config (or $KUBECONFIG's first file); false: only describe the command. */
  merge: z.boolean().default(false),
  /** With `merge`: make it the current context. */
  use: z.boolean().default(false),
});

export const kubectlKubeconfigOutputSchema = z.object({
  /** The `rancher-keys kubeconfig …` command that does the same from a terminal. */
  command: z.string(),
  /** The context name (cluster, user and context entries share it). */
  context: z.string(),
  merged: z.object({ file: z.string(), backup: z.string().nullable() }).nullable(),
});

/** Whether the `rancher-keys` command ships with this app and is on the user's PATH. */
export const commandLineStatusSchema = z.object({
  /** The app carries the command (packaged builds); false in development and the demo. */
  available: z.boolean(),
  /** Where "Install command-line tool" puts it (a link), or null where installing is not offered. */
  link: z.string().nullable(),
  /** The link exists and points at this app's command. */
  installed: z.boolean(),
  /** The link's folder is on PATH (else the user must add it). */
  onPath: z.boolean(),
  /** Why it cannot be installed here, when it cannot. */
  reason: z.string().nullable(),
});
export type CommandLineStatus = z.infer<typeof commandLineStatusSchema>;

/** The command-line channels (merged into `channels` in ipc.ts). */
export const commandLineChannels = {
  'kubectl:kubeconfig': {
    input: kubectlKubeconfigInputSchema,
    output: kubectlKubeconfigOutputSchema,
  },
  'cli:status': { input: z.object({}).strict(), output: commandLineStatusSchema },
  'cli:install': { input: z.object({}).strict(), output: commandLineStatusSchema },
} as const;
