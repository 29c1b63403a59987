import { useState } from 'react';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { parseLabels } from './labels-input';

/** Import a key the user already has: paste its bearer token; main verifies and stores it. */
export function ImportKeyDialog({ serverId }: { serverId: string }) {
  const { keys, ui } = useStores();
  const [bearer, setBearer] = useState('');
  const [labels, setLabels] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = () =>
    run(async () => {
      const key = await keys.importKey({
        serverId,
        bearer: bearer.trim(),
        labels: parseLabels(labels),
      });
      setBearer('');
      ui.close();
      ui.toast(`Imported ${key.id}; its secret is in your keychain.`, 'success');
    });

  return (
    <FormDialog
      title="Import a key"
      testId="import-key-dialog"
      formId="import-key-form"
      submitLabel="Import"
      busy={busy}
      canSubmit={Boolean(bearer.trim())}
      onSubmit={submit}
      error={error}
      errorServerId={serverId}
    >
      <Field label="Bearer token" hint="token-xxxxx:… or ext/token-xxxxx:…">
        <input
          type="password"
          className="mono"
          value={bearer}
          onChange={(e) => setBearer(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
      </Field>
      <Field label="Labels" hint="comma-separated">
        <input value={labels} onChange={(e) => setLabels(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
