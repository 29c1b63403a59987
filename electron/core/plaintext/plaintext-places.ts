import { createHash } from 'node:crypto';
import path from 'node:path';
import type {
  PlaintextFileKind,
  PlaintextFileOrigin,
  PlaintextPlace,
} from '../../contract/plaintext';
import { displayText } from '../display-text';

/** A file the Plaintext check reads: where, what it should be, and why it is looked at. */
export interface KnownPlace {
  fileId: string;
  /** Absolute, as found (not resolved through symlinks). */
  path: string;
  /** Null for a user-added file: decided from its content. */
  kind: PlaintextFileKind | null;
  origin: PlaintextFileOrigin;
}

/** The user's environment as far as the check looks at it. */
export interface PlaceEnv {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** A stable id for a path: the same file gets the same id in every scan of the session. */
export function fileIdFor(absolute: string): string {
  return `f-${createHash('sha256').update(absolute).digest('hex').slice(0, 16)}`;
}

/**
 * The Rancher CLI's config file: `$RANCHER_CONFIG_DIR/cli2.json`, else `~/.rancher/cli2.json`
 * (rancher-api.md §8.1; the CLI's `--config` flag cannot be known from here).
 */
export function cli2Path({ home, env }: PlaceEnv): string {
  const dir = env.RANCHER_CONFIG_DIR?.trim();
  return path.join(dir ? path.resolve(home, dir) : path.join(home, '.rancher'), 'cli2.json');
}

/**
 * Every known place, in the order shown: cli2.json, `~/.kube/config`, then each file in
 * `$KUBECONFIG` (as kubectl splits it), then the user's own additions. A path listed twice is
 * looked at once, under its first reason.
 */
export function knownPlaces(where: PlaceEnv, added: ReadonlyMap<string, string>): KnownPlace[] {
  const places: KnownPlace[] = [];
  const seen = new Set<string>();
  const push = (file: string, kind: PlaintextFileKind | null, origin: PlaintextFileOrigin) => {
    const absolute = path.resolve(where.home, file);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    places.push({ fileId: fileIdFor(absolute), path: absolute, kind, origin });
  };
  push(cli2Path(where), 'cli2', 'rancher_cli');
  push(path.join(where.home, '.kube', 'config'), 'kubeconfig', 'kube_default');
  for (const entry of (where.env.KUBECONFIG ?? '').split(path.delimiter)) {
    if (entry.trim() !== '') push(entry.trim(), 'kubeconfig', 'kubeconfig_env');
  }
  for (const file of added.values()) push(file, null, 'user_added');
  return places;
}

/**
 * A path for display: the home directory as `~`, and (a file name is outside text like a server's)
 * bidi and control characters neutralised by {@link displayText}.
 */
export function displayPath(file: string, home: string): string {
  const rel = path.relative(home, file);
  if (rel === '') return '~';
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return displayText(`~${path.sep}${rel}`);
  return displayText(file);
}

/**
 * A token's place as shown (renderer, CLI): entry, sub-entry and context names come from the file,
 * so they get the same clean-up as server text. The rewrite keeps the file's own names.
 */
export function shownPlace(place: PlaintextPlace): PlaintextPlace {
  return {
    kind: place.kind,
    entry: displayText(place.entry),
    subEntry: place.subEntry === null ? null : displayText(place.subEntry),
    contexts: place.contexts.map(displayText),
  };
}
