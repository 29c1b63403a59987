import type { PlaintextFile, PlaintextFileKind, PlaintextFinding } from '../../contract/plaintext';
import { cli2Tokens, looksLikeCli2 } from './cli2-tokens';
import type { FileTokens, FoundToken, WrittenPlace } from './found-token';
import { kubeconfigTokens } from './kubeconfig-tokens';
import { displayPath, shownPlace, type KnownPlace } from './plaintext-places';
import { readKnownFile, type UnreadFile } from './plaintext-read';
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

/** One place read and parsed: everything a scan takes from the file (secrets included). */
export type PlaceRead =
  | { status: 'unread'; read: UnreadFile }
  | { status: 'malformed'; digest: string; mode: number; message: string }
  | {
      status: 'ok';
      digest: string;
      mode: number;
      viaSymlink: boolean;
      kind: PlaintextFileKind;
      tokens: FileTokens;
    };

/** Reads one known place and finds the Rancher tokens in it; never throws. */
export async function readPlace(place: KnownPlace): Promise<PlaceRead> {
  const read = await readKnownFile(place.path);
  if (read.status !== 'ok') return { status: 'unread', read };
  try {
    const parsed = parseAs(place.kind, read.text);
    const { digest, mode, viaSymlink } = read;
    return { status: 'ok', digest, mode, viaSymlink, kind: parsed.kind, tokens: parsed.tokens };
  } catch (error) {
    return {
      status: 'malformed',
      digest: read.digest,
      mode: read.mode,
      message: `${error instanceof Error ? error.message : 'Not readable as a config file.'} Nothing in it was changed.`,
    };
  }
}

/**
 * Reads each known place and lists the Rancher tokens in it. A file that cannot be read or parsed
 * gets its line in the report and does not stop the others. Finding ids are `<fileId>:<n>`. Names
 * read from files are cleaned for display here, once, for everything built from the scan
 * (findings, files, where-used places, rewrite previews; the app and the CLI alike). `read` is
 * {@link readPlace} unless a cache stands in front of it (scan-cache.ts).
 */
export async function scanPlaces(
  places: readonly KnownPlace[],
  deps: { home: string; hasher: SecretHasher; read?: (place: KnownPlace) => Promise<PlaceRead> },
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
    const read = await (deps.read ?? readPlace)(place);
    if (read.status !== 'ok') {
      files.push({
        info: {
          ...base,
          status: read.status === 'unread' ? read.read.status : 'malformed',
          message: read.status === 'unread' ? read.read.message : read.message,
          findingCount: 0,
          rewritable: false,
        },
        absolute: place.path,
        digest: read.status === 'unread' ? null : read.digest,
        mode: read.status === 'unread' ? 0 : read.mode,
        written: [],
      });
      continue;
    }
    read.tokens.found.forEach((token, index) => {
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
        kind: read.kind,
        status: 'ok',
        message: read.viaSymlink
          ? 'A symbolic link: read, but Rancher Keys rewrites only the file itself.'
          : null,
        findingCount: read.tokens.found.length,
        rewritable: !read.viaSymlink,
      },
      absolute: place.path,
      digest: read.digest,
      mode: read.mode,
      written: read.tokens.written.map((w) => ({ ...w, place: shownPlace(w.place) })),
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
