import { z } from 'zod';
import { optionValue, printable } from '../args';
import { type Command } from '../command';
import { CliError, UsageError } from '../io';
import { usableBearer } from '../key-access';

const execInfoSchema = z.object({
  apiVersion: z.string().max(200),
});
const supported = new Set([
  'client.authentication.k8s.io/v1',
  'client.authentication.k8s.io/v1beta1',
]);

/** The apiVersion kubectl asks for in `KUBERNETES_EXEC_INFO` (v1 when it says nothing). */
function requestedApiVersion(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return 'client.authentication.k8s.io/v1';
  let parsed: z.infer<typeof execInfoSchema>;
  try {
    if (raw.length > 64 * 1024) throw new Error('too large');
    parsed = execInfoSchema.parse(JSON.parse(raw));
  } catch {
    throw new CliError(
      'KUBERNETES_EXEC_INFO is not the JSON kubectl sends; run this through kubectl.',
    );
  }
  if (!supported.has(parsed.apiVersion)) {
    throw new CliError(
      `kubectl asked for ${printable(parsed.apiVersion)}; rancher-keys answers client.authentication.k8s.io/v1 and v1beta1 (set apiVersion in the kubeconfig's exec entry to one of them).`,
    );
  }
  return parsed.apiVersion;
}

/** `rancher-keys kubectl-credential`: the exec credential plugin kubeconfigs run. */
export const kubectlCredentialCommand: Command = {
  name: 'kubectl-credential',
  summary: 'kubectl exec plugin: print an ExecCredential for a key',
  usage: ['kubectl-credential --server S [--key KEY]'],
  description: [
    "Prints an ExecCredential (the apiVersion kubectl asks for in KUBERNETES_EXEC_INFO) carrying the key's token and its expiry. kubectl runs this from the kubeconfigs `rancher-keys kubeconfig` writes; you do not run it yourself.",
    'An expired, revoked, deleted or missing key exits 1 with one line on stderr that names the fix; kubectl shows that line.',
  ],
  options: [
    { name: 'server', value: 'S', help: 'Server by name, address or id.' },
    { name: 'key', value: 'KEY', help: "Key name (default: the server's default key for tools)." },
  ],
  maxPositionals: 0,
  async run(ctx, args) {
    const server = optionValue(args, 'server');
    if (server === undefined) throw new UsageError('kubectl-credential needs --server.');
    const apiVersion = requestedApiVersion(ctx.io.env.KUBERNETES_EXEC_INFO);
    const key = await usableBearer(ctx, server, optionValue(args, 'key'));
    const status: Record<string, string> = { token: key.bearer };
    if (key.record.token.expiresAt) {
      const at = Date.parse(key.record.token.expiresAt);
      if (!Number.isNaN(at))
        status.expirationTimestamp = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    ctx.io.stdout(`${JSON.stringify({ apiVersion, kind: 'ExecCredential', spec: {}, status })}\n`);
    return 0;
  },
};
