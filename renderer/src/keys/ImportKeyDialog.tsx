import { useState } from 'react';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { parseLabels } from './labels-input';

/**
 * Import a key the user already has: paste its bearer token; main verifies and stores it. With
 * `accessKey` ("Store secret…" on a listed key whose secret we lack) only the secret part is asked
 * for, and the bearer is that access key and the pasted secret.
 */
export function ImportKeyDialog({ serverId, accessKey }: { serverId: string; accessKey?: string }) {
  const { keys, ui } = useStores();
  const [pasted, setPasted] = useState('');
  const [labels, setLabels] = useState('');
  const { busy, error, run } = useSubmit();

  /** A whole bearer pasted into the secret field is accepted as it is. */
  function bearer(): string {
    const text = pasted.trim();
    if (!accessKey || text.includes(':')) return text;
    return `${accessKey}:${text}`;
  }

  const submit = () =>
    run(async () => {
      const key = await keys.importKey({
        serverId,
        bearer: bearer(),
        labels: parseLabels(labels),
      });
      setPasted('');
      ui.close();
      ui.toast(`Imported ${key.id}; its secret is in your keychain.`, 'success');
    });

  const secretInput = (
    <input
      type="password"
      className="mono"
      value={pasted}
      onChange={(e) => setPasted(e.target.value)}
      autoComplete="off"
      spellCheck={false}
      data-autofocus
    />
  );

  return (
    <FormDialog
      title={accessKey ? 'Store a key’s secret' : 'Import a key'}
      testId="import-key-dialog"
      formId="import-key-form"
      submitLabel={accessKey ? 'Store secret' : 'Import'}
      busy={busy}
      canSubmit={Boolean(pasted.trim())}
      onSubmit={submit}
      error={error}
      errorServerId={serverId}
    >
      {accessKey ? (
        <>
          <p className="muted">
            Rancher shows a key’s secret only once, so Rancher Keys cannot fetch it. If you kept it,
            paste it here and it goes into your OS keychain; Copy then works for this key.
          </p>
          <dl className="facts">
            <dt>Access key</dt>
            <dd className="mono" data-testid="import-access-key">
              {accessKey}
            </dd>
          </dl>
          <Field label="Secret key" hint="the part after the colon; or the whole bearer token">
            {secretInput}
          </Field>
        </>
      ) : (
        <Field label="Bearer token" hint="token-xxxxx:… or ext/token-xxxxx:…">
          {secretInput}
        </Field>
      )}
      <Field label="Labels" hint="comma-separated">
        <input value={labels} onChange={(e) => setLabels(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
