import { useState } from 'react';
import type { Output } from '../../../electron/contract/ipc';
import { undoWithToast } from '../plaintext/undo-rewrite';
import { useStores } from '../ui/stores-context';

type Updated = Output<'plaintext:updatePlaces'>;

/**
 * After a renewal that also updated the places holding the old key: the files rewritten (each
 * with its backup and an undo) and the ones left as they were, with why. Paths are text from
 * files: rendered as text, direction isolated.
 */
export function UpdatedPlaces({ result }: { result: Updated }) {
  const { api, ui } = useStores();
  const [undone, setUndone] = useState<ReadonlySet<string>>(new Set());

  async function undo(rewriteId: string) {
    const restored = await undoWithToast(() => api.call('plaintext:undo', { rewriteId }), ui);
    if (restored) setUndone((s) => new Set(s).add(rewriteId));
  }

  return (
    <div className="notice" data-testid="renew-updated-places">
      <div className="notice-text">
        {result.updated.length + result.left.length === 0 && (
          <span>No file held the old key any more; nothing was rewritten.</span>
        )}
        {result.updated.length > 0 && (
          <>
            <strong>These files now get the key from Rancher Keys:</strong>
            <ul className="used-places" aria-label="Files updated">
              {result.updated.map((u) => (
                <li key={u.rewriteId}>
                  <bdi>{u.path}</bdi> ({u.changed === 1 ? '1 user' : `${u.changed} users`}; backup{' '}
                  <bdi>{u.backupPath}</bdi>){' '}
                  {undone.has(u.rewriteId) ? (
                    <span>restored</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Undo the rewrite of ${u.path}`}
                      onClick={() => void undo(u.rewriteId)}
                    >
                      Undo
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {result.left.length > 0 && (
          <>
            <strong>Left as they were (they stop working once the old key is revoked):</strong>
            <ul className="used-places" aria-label="Files not updated">
              {result.left.map((l, i) => (
                <li key={i}>
                  <bdi>{l.path}</bdi>: {l.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
