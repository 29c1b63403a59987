import { useEffect, useState } from 'react';
import type { KeyPlace } from '../../../electron/contract/plaintext';
import type { Api } from '../api';
import { placeText } from './plaintext-text';

/** A place, with the key that is used there. */
export type KeyUse = KeyPlace & { keyId: string };

/** Keys whose places are asked for at most (a bulk delete of hundreds asks for none). */
const MAX_KEYS = 20;

/**
 * Where each of `keyIds` is used (main's answers merged), and when files were last searched; null
 * while main is asked, or when it could not say.
 */
export function useWhereUsed(
  api: Api,
  serverId: string,
  keyIds: readonly string[],
): { places: KeyUse[]; scannedAt: string | null } | null {
  const [answer, setAnswer] = useState<{ places: KeyUse[]; scannedAt: string | null } | null>(null);
  const ids = keyIds.join('\n');
  useEffect(() => {
    let live = true;
    const list = ids.split('\n').slice(0, MAX_KEYS);
    Promise.all(list.map((keyId) => api.call('keys:whereUsed', { serverId, keyId }))).then(
      (outs) => {
        if (!live) return;
        setAnswer({
          places: outs.flatMap((out, i) => out.places.map((p) => ({ ...p, keyId: list[i]! }))),
          scannedAt: outs[0]?.scannedAt ?? null,
        });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, serverId, ids]);
  return answer;
}

/** One place, in words: the file, where in it, and how Rancher Keys knows. */
export function usedPlaceText(place: KeyPlace): string {
  const how =
    place.how === 'written'
      ? 'written by Rancher Keys; it gets the key from the keychain'
      : 'the token in plaintext';
  return `${place.path}: ${placeText(place.place)} (${how})`;
}

/**
 * The places as a list (text from files rendered as text, direction isolated), each with its key
 * when `showKey`.
 */
export function UsedPlaceList({
  places,
  label,
  showKey = false,
}: {
  places: KeyUse[];
  label: string;
  showKey?: boolean;
}) {
  return (
    <ul className="used-places" aria-label={label} data-testid="used-places">
      {places.map((p, i) => (
        <li key={i} data-how={p.how}>
          {showKey && <span className="mono">{p.keyId}: </span>}
          <bdi>{usedPlaceText(p)}</bdi>
        </li>
      ))}
    </ul>
  );
}
