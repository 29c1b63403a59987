import { useStore } from '../ui/use-store';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useStores } from '../ui/stores-context';
import { changeText, placeText, plural } from './plaintext-text';

/** Lines of each list shown; the counts say the rest. */
const MAX_LINES = 200;

/** Said for cli2.json when main gives no sentence of its own. */
const CLI2_CONSEQUENCE =
  'The Rancher CLI will ask you to run `rancher login` again for these servers: it no longer finds their keys in cli2.json.';

/**
 * A file's rewrite, reviewed before anything is written: each entry that changes and how, the
 * tokens left in place and why, what stops working (cli2.json: the Rancher CLI asks for
 * `rancher login` again), and where the backup goes. Undo restores that backup.
 */
export function RewriteDialog() {
  const { plaintext, ui } = useStores();
  const step = useStore(plaintext.store, (s) => s.rewriteStep);
  if (step.kind !== 'review') return null;
  const { preview, writing, error } = step;
  const cli2 = preview.kind === 'cli2';
  const consequence = preview.consequence ?? (cli2 ? CLI2_CONSEQUENCE : null);

  async function write() {
    const out = await plaintext.rewrite();
    if (out) {
      ui.toast(
        `${out.path} rewritten (${plural(out.changed, 'entry', 'entries')}); Undo puts it back.`,
        'success',
      );
    }
  }

  return (
    <Dialog
      title="Rewrite without plaintext tokens?"
      wide
      onClose={() => plaintext.closeRewrite()}
      testId="plaintext-rewrite-dialog"
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={() => plaintext.closeRewrite()}
            data-autofocus
          >
            Cancel
          </button>
          <button
            type="button"
            className={cli2 ? 'button button-danger' : 'button button-primary'}
            disabled={writing || preview.refusal !== null || preview.changes.length === 0}
            onClick={() => void write()}
            data-testid="plaintext-rewrite-confirm"
          >
            {writing
              ? 'Rewriting…'
              : `Rewrite ${plural(preview.changes.length, 'entry', 'entries')}`}
          </button>
        </>
      }
    >
      <p>
        <span className="mono">
          <bdi>{preview.path}</bdi>
        </span>{' '}
        is backed up first, beside it, readable only by you:{' '}
        <span className="mono">
          <bdi>{preview.backupPath}</bdi>
        </span>
        . Every other entry, comment and setting stays as it is.
      </p>
      {preview.refusal !== null && (
        <div className="notice notice-error" role="alert" data-testid="plaintext-refusal">
          <div className="notice-text">
            <strong>Not rewritten</strong>
            <span>
              <bdi>{preview.refusal}</bdi>
            </span>
          </div>
          <div className="notice-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                plaintext.closeRewrite();
                void plaintext.scan();
              }}
            >
              Check again
            </button>
          </div>
        </div>
      )}
      {consequence !== null && (
        <p className="notice notice-warning" data-testid="plaintext-consequence">
          <bdi>{consequence}</bdi>
        </p>
      )}
      <h3 className="plaintext-subhead">Changes ({preview.changes.length})</h3>
      {preview.changes.length === 0 ? (
        <p className="hint">Nothing to change: no token here is held by Rancher Keys.</p>
      ) : (
        <ul
          className="plaintext-changes"
          data-testid="plaintext-changes"
          aria-label="Changes"
          tabIndex={0}
        >
          {preview.changes.slice(0, MAX_LINES).map((c) => (
            <li key={c.findingId}>
              <span className="mono">
                <bdi>{c.accessKey}</bdi>
              </span>{' '}
              in <bdi>{placeText(c.place)}</bdi>: {changeText[c.change]}
            </li>
          ))}
        </ul>
      )}
      {preview.kept.length > 0 && (
        <>
          <h3 className="plaintext-subhead">Left in the file ({preview.kept.length})</h3>
          <ul className="plaintext-changes" aria-label="Left in the file" tabIndex={0}>
            {preview.kept.slice(0, MAX_LINES).map((k) => (
              <li key={k.findingId}>
                <span className="mono">
                  <bdi>{k.accessKey}</bdi>
                </span>{' '}
                in <bdi>{placeText(k.place)}</bdi>: <bdi>{k.reason}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <ErrorNotice error={error} compact />}
    </Dialog>
  );
}
