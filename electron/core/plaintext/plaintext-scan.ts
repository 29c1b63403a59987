import type { PlaintextFile, PlaintextFileKind, PlaintextFinding } from '../../contract/plaintext';
import { cli2Tokens, looksLikeCli2 } from './cli2-tokens';
import type { FileTokens, FoundToken, WrittenPlace } from './found-token';
import { kubeconfigTokens } from './kubeconfig-tokens';
import { displayPath, shownPlace, type KnownPlace } from './plaintext-places';
import { readKnownFile } from './plaintext-read';
import type { SecretHasher } from './secret-hash';

/** A file as scanned, with what a rewrite needs (main only). */
export interface ScannedFile {
  info: PlaintextFile;
  absolute: string;
  /** SHA-256 of the bytes read; null when not read. */
  digest: string | null;
  mode: number;
  written: WrittenPlace[];
}

/**
 * A finding with its secret and hash (main only). `place` is as shown (names cleaned for display,
 * {@link shownPlace}); `filePlace` is the file's own names, which only the rewrite uses.
 */
export interface ScannedToken extends FoundToken {
  filePlace: FoundToken['place'];
  findingId: string;
  fileId: string;
  hash: string;
}

/** A whole scan, kept in main's memory for import and rewrite. */
export interface ScanResult {
  files: ScannedFile[];
  tokens: ScannedToken[];
}

function parseAs(
  kind: PlaintextFileKind | null,
  text: string,
): {
  kind: PlaintextFileKind;
  tokens: FileTokens;
} {
  if (kind === 'cli2') return { kind, tokens: cli2Tokens(text) };
  if (kind === 'kubeconfig') return { kind, tokens: kubeconfigTokens(text) };
  // A user-added file: a JSON object with `Servers` is a cli2.json; anything else a kubeconfig.
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: YAML below
  }
  return looksLikeCli2(json)
    ? { kind: 'cli2', tokens: cli2Tokens(text) }
    : { kind: 'kubeconfig', tokens: kubeconfigTokens(text) };
}

/**
 * Reads each known place and lists the Rancher tokens in it. A file that cannot be read or parsed
 * gets its line in the report and does not stop the others. Finding ids are `<fileId>:<n>`. Names
 * read from files are cleaned for display here, once, for everything built from the scan
 * (findings, files, where-used places, rewrite previews; the app and the CLI alike).
 */
export async function scanPlaces(
  places: readonly KnownPlace[],
  deps: { home: string; hasher: SecretHasher },
): Promise<ScanResult> {
  const files: ScannedFile[] = [];
  const tokens: ScannedToken[] = [];
  for (const place of places) {
    const base = {
      fileId: place.fileId,
      path: displayPath(place.path, deps.home),
      kind: place.kind ?? ('kubeconfig' as const),
      origin: place.origin,
    };
    const read = await readKnownFile(place.path);
    if (read.status !== 'ok') {
      files.push({
        info: {
          ...base,
          status: read.status,
          message: read.message,
          findingCount: 0,
          rewritable: false,
        },
        absolute: place.path,
        digest: null,
        mode: 0,
        written: [],
      });
      continue;
    }
    let parsed: ReturnType<typeof parseAs>;
    try {
      parsed = parseAs(place.kind, read.text);
    } catch (error) {
      files.push({
        info: {
          ...base,
          status: 'malformed',
          message: `${error instanceof Error ? error.message : 'Not readable as a config file.'} Nothing in it was changed.`,
          findingCount: 0,
          rewritable: false,
        },
        absolute: place.path,
        digest: read.digest,
        mode: read.mode,
        written: [],
      });
      continue;
    }
    parsed.tokens.found.forEach((token, index) => {
      tokens.push({
        ...token,
        place: shownPlace(token.place),
        filePlace: token.place,
        findingId: `${place.fileId}:${index}`,
        fileId: place.fileId,
        hash: deps.hasher.hash(token.bearer),
      });
    });
    files.push({
      info: {
        ...base,
        kind: parsed.kind,
        status: 'ok',
        message: read.viaSymlink
          ? 'A symbolic link: read, but Rancher Keys rewrites only the file itself.'
          : null,
        findingCount: parsed.tokens.found.length,
        rewritable: !read.viaSymlink,
      },
      absolute: place.path,
      digest: read.digest,
      mode: read.mode,
      written: parsed.tokens.written.map((w) => ({ ...w, place: shownPlace(w.place) })),
    });
  }
  return { files, tokens };
}

/** A scan as kept in main's memory, secrets included, for the import and rewrite that follow. */
export interface KeptScan extends ScanResult {
  scanId: string;
  at: number;
}

/** What the app knows of a token's server and whether it holds this secret. */
export interface HeldMatch {
  serverId: string | null;
  heldKeyId: string | null;
}

/** The contract's finding: everything but the secret and its hash. */
export function toFinding(token: ScannedToken, match: HeldMatch): PlaintextFinding {
  return {
    findingId: token.findingId,
    fileId: token.fileId,
    place: token.place,
    tokenKind: token.tokenKind,
    family: token.family,
    accessKey: token.accessKey,
    serverUrl: token.serverUrl,
    clusterId: token.clusterId,
    serverId: match.serverId,
    serverKnown: match.serverId !== null,
    alreadyHeld: match.heldKeyId !== null,
    heldKeyId: match.heldKeyId,
    expiresAt: token.expiresAt,
    hasCa: token.caPem !== null,
  };
}
