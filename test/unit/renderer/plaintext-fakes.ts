import type {
  PlaintextFile,
  PlaintextFinding,
  PlaintextRewritePreview,
  PlaintextScan,
} from '../../../electron/contract/plaintext';

/** A file the check read, `ok` with `findingCount` tokens unless overridden. */
export function makeFile(overrides: Partial<PlaintextFile> & { fileId: string }): PlaintextFile {
  return {
    path: `~/${overrides.fileId}`,
    kind: 'kubeconfig',
    origin: 'kube_default',
    status: 'ok',
    message: null,
    findingCount: 0,
    rewritable: true,
    ...overrides,
  };
}

/** A token found in plaintext, not held, on a known server, unless overridden. */
export function makeFinding(
  overrides: Partial<PlaintextFinding> & { findingId: string; fileId: string },
): PlaintextFinding {
  return {
    place: { kind: 'kubeconfig_user', entry: 'admin', subEntry: null, contexts: ['prod'] },
    tokenKind: 'v3',
    family: 'v3',
    accessKey: `token-${overrides.findingId}`,
    serverUrl: 'https://rancher.example.com',
    clusterId: null,
    serverId: 'a',
    serverKnown: true,
    alreadyHeld: false,
    heldKeyId: null,
    expiresAt: null,
    hasCa: false,
    ...overrides,
  };
}

/**
 * A scan as main answers it: a cli2.json with a login key, a kubeconfig with two users (one held),
 * and a malformed added file.
 */
export function makeScan(scanId = 'scan-1'): PlaintextScan {
  const files = [
    makeFile({
      fileId: 'f-cli2',
      path: '~/.rancher/cli2.json',
      kind: 'cli2',
      origin: 'rancher_cli',
      findingCount: 1,
    }),
    makeFile({ fileId: 'f-kube', path: '~/.kube/config', findingCount: 2 }),
    makeFile({
      fileId: 'f-bad',
      path: '~/bad.yaml',
      origin: 'user_added',
      status: 'malformed',
      message: 'Not valid YAML (line 3); nothing was read from it.',
    }),
  ];
  const findings = [
    makeFinding({
      findingId: `${scanId}-1`,
      fileId: 'f-cli2',
      accessKey: 'token-cli01',
      place: { kind: 'cli2_login', entry: 'rancherDefault', subEntry: null, contexts: [] },
      serverId: null,
      serverKnown: false,
      serverUrl: 'https://new.example.com',
    }),
    makeFinding({ findingId: `${scanId}-2`, fileId: 'f-kube', accessKey: 'token-kube1' }),
    makeFinding({
      findingId: `${scanId}-3`,
      fileId: 'f-kube',
      accessKey: 'token-held1',
      alreadyHeld: true,
      heldKeyId: 'token-held1',
      place: { kind: 'kubeconfig_user', entry: 'ops', subEntry: null, contexts: ['ops', 'dev'] },
    }),
  ];
  return { scanId, scannedAt: '2026-11-30T04:00:00.000Z', files, findings };
}

/** A rewrite preview of cli2.json: one secret removed, main's consequence left to the renderer. */
export function makeCli2Preview(
  overrides: Partial<PlaintextRewritePreview> = {},
): PlaintextRewritePreview {
  return {
    fileId: 'f-cli2',
    path: '~/.rancher/cli2.json',
    kind: 'cli2',
    changes: [
      {
        findingId: 'scan-1-1',
        place: { kind: 'cli2_login', entry: 'rancherDefault', subEntry: null, contexts: [] },
        accessKey: 'token-cli01',
        change: 'remove_secret',
      },
    ],
    kept: [],
    consequence: null,
    backupPath: '~/.rancher/cli2.json.rancher-keys-backup',
    refusal: null,
    ...overrides,
  };
}
