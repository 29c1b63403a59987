import type { CopyFormat } from '../../../electron/contract/keys';
import { copyFormatLabels } from './copy-formats';
import { useKeyActions } from './use-key-actions';
import './key-dialogs.css';

/** The four parts Rancher shows once for a new key, each copied by main from the keychain. */
export function CopyButtons({
  keyId,
  endpoint,
  preview,
}: {
  keyId: string;
  endpoint: string;
  preview: string | null;
}) {
  const actions = useKeyActions();
  const parts: Array<{ format: CopyFormat; shown: string }> = [
    { format: 'endpoint', shown: endpoint },
    { format: 'access_key', shown: keyId },
    { format: 'secret_key', shown: '••••••••••••' },
    { format: 'bearer', shown: preview ?? `${keyId}:••••` },
  ];
  return (
    <dl className="copy-parts" data-testid="copy-parts">
      {parts.map((p) => (
        <div key={p.format} className="copy-part">
          <dt>{copyFormatLabels[p.format]}</dt>
          <dd className="mono">{p.shown}</dd>
          <dd>
            <button
              type="button"
              className="button button-small"
              onClick={() => void actions.copy(keyId, p.format)}
              aria-label={`Copy ${copyFormatLabels[p.format]}`}
              data-testid={`copy-${p.format}`}
            >
              Copy
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}
