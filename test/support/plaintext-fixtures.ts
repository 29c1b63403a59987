import { randomInt } from 'node:crypto';

/**
 * Files shaped like the Rancher CLI's cli2.json (rancher-api.md §8.1, written by Go's
 * json.Encoder: one line and a newline) and like kubeconfigs Rancher and kubectl write, with
 * freshly generated secrets in Rancher's own alphabet and length.
 */
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

function pick(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A v3 API key name (`token-xxxxx`). */
export const tokenName = (): string => `token-${pick(5)}`;
/** A Rancher secret: 54 characters of the 27-letter alphabet. */
export const secret = (): string => pick(54);
/** A bearer `name:secret`. */
export const bearerFor = (name: string): string => `${name}:${secret()}`;

export interface Cli2Entry {
  name: string;
  url: string;
  bearer?: string;
  cacert?: string;
  proxyUrl?: string;
  kubeCredentials?: Record<string, { token: string; expires: string }>;
}

/** A cli2.json, as the CLI writes it. */
export function cli2Json(entries: readonly Cli2Entry[], current?: string): string {
  const Servers: Record<string, unknown> = {};
  for (const entry of entries) {
    const [accessKey = '', secretKey = ''] = entry.bearer ? entry.bearer.split(':') : [];
    Servers[entry.name] = {
      accessKey,
      secretKey,
      tokenKey: entry.bearer ?? '',
      url: entry.url,
      project: '',
      cacert: entry.cacert ?? '',
      kubeCredentials: entry.kubeCredentials
        ? Object.fromEntries(
            Object.entries(entry.kubeCredentials).map(([key, cred]) => [
              key,
              {
                kind: 'ExecCredential',
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                spec: {},
                status: { expirationTimestamp: cred.expires, token: cred.token },
              },
            ]),
          )
        : null,
      kubeConfigs: null,
      proxyUrl: entry.proxyUrl ?? '',
      httpTimeoutSeconds: 0,
    };
  }
  return `${JSON.stringify({ Servers, CurrentServer: current ?? entries[0]?.name ?? '' })}\n`;
}

export interface KubeUser {
  /** Context, cluster and user share this name, as Rancher's "Download KubeConfig" does. */
  name: string;
  server: string;
  token?: string;
  /** base64 PEM. */
  caData?: string;
}

/** A kubeconfig like Rancher's "Download KubeConfig" (one entry per cluster), with comments. */
export function kubeconfigYaml(users: readonly KubeUser[], current?: string): string {
  const lines = [
    '# written by a test, shaped like Rancher\'s "Download KubeConfig"',
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
  ];
  for (const u of users) {
    lines.push(`- name: "${u.name}"`, '  cluster:', `    server: "${u.server}"`);
    if (u.caData) lines.push(`    certificate-authority-data: "${u.caData}"`);
  }
  lines.push('', 'users:');
  for (const u of users) {
    lines.push(
      `- name: "${u.name}"`,
      '  user:',
      u.token ? `    token: "${u.token}"` : '    username: "someone"',
    );
  }
  lines.push('', 'contexts:');
  for (const u of users) {
    lines.push(
      `- name: "${u.name}"`,
      '  context:',
      `    user: "${u.name}"`,
      `    cluster: "${u.name}"`,
    );
  }
  lines.push('', `current-context: "${current ?? users[0]?.name ?? ''}"`, '');
  return lines.join('\n');
}
