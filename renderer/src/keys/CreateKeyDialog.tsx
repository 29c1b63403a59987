import { useEffect, useMemo, useState } from 'react';
import { useStore } from '../ui/use-store';
import type { Output } from '../../../electron/contract/ipc';
import type { TokenFamily } from '../../../electron/contract/keys';
import type { Cluster } from '../../../electron/contract/servers';
import { formatDuration, type DurationUnit } from '../format/time';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { CopyButtons } from './CopyButtons';
import { DurationUnitSelect } from './DurationUnitSelect';
import { KeyIssuedDialog } from './KeyIssuedDialog';
import { customExpiry, defaultPresetId, expiryPresets } from './expiry-presets';
import { parseLabels } from './labels-input';
import './key-dialogs.css';

/**
 * Create a key: description, labels, expiry (presets within the server's maximum, or custom),
 * optional cluster scope. Afterwards: stored-in-keychain confirmation, the four copy buttons, and
 * a warning when the server shortened the lifetime.
 */
export function CreateKeyDialog({ serverId }: { serverId: string }) {
  const { servers, keys } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
  const maxTtlMs = server?.maxTtlMs ?? null;
  const presets = useMemo(() => expiryPresets(maxTtlMs), [maxTtlMs]);
  const [description, setDescription] = useState('');
  const [labels, setLabels] = useState('');
  const [preset, setPreset] = useState(() => defaultPresetId(maxTtlMs));
  const [customValue, setCustomValue] = useState('14');
  const [customUnit, setCustomUnit] = useState<DurationUnit>('days');
  const [clusterId, setClusterId] = useState('');
  const [family, setFamily] = useState<TokenFamily>('v3');
  const [clusters, setClusters] = useState<Cluster[] | null>(null);
  const { busy, error, run } = useSubmit();
  const [created, setCreated] = useState<Output<'keys:create'> | null>(null);

  useEffect(() => {
    let live = true;
    servers.clusters(serverId).then(
      (list) => live && setClusters(list),
      () => live && setClusters([]),
    );
    return () => {
      live = false;
    };
  }, [servers, serverId]);

  const custom = preset === 'custom' ? customExpiry(customValue, customUnit, maxTtlMs) : null;
  const customError = custom && 'error' in custom ? custom.error : null;

  async function submit() {
    const expiry =
      preset === 'custom'
        ? custom && 'choice' in custom
          ? custom.choice
          : null
        : (presets.find((p) => p.id === preset)?.choice ?? null);
    if (!expiry) return;
    await run(async () => {
      setCreated(
        await keys.create({
          serverId,
          description: description.trim(),
          labels: parseLabels(labels),
          expiry,
          clusterId: clusterId || null,
          family,
        }),
      );
    });
  }

  if (created) {
    return (
      <KeyIssuedDialog title="Key created" testId="key-created-dialog">
        <p className="notice notice-success" data-testid="stored-in-keychain">
          The secret of <span className="mono">{created.key.id}</span> is stored in your OS
          keychain. Copy it whenever you need it; Rancher will not show it again.
        </p>
        {created.key.clusterId && (
          <p className="notice" data-testid="scoped-note">
            <span>
              This key is scoped to the cluster{' '}
              <strong>
                {created.key.clusterName ??
                  clusters?.find((c) => c.id === created.key.clusterId)?.name ??
                  created.key.clusterId}
              </strong>
              : it works only for that cluster&apos;s Kubernetes API (kubectl and the cluster&apos;s
              proxy URLs), not for Rancher&apos;s own API, so it cannot list, create or renew keys.
            </span>
          </p>
        )}
        {created.clamped && (
          <p className="notice notice-warning" data-testid="clamped-warning">
            The server shortened this key&apos;s lifetime
            {created.grantedTtlMs !== null && ` to ${formatDuration(created.grantedTtlMs)}`}
            {created.requestedTtlMs !== null &&
              ` (you asked for ${formatDuration(created.requestedTtlMs)})`}
            . Its maximum is set by the administrator.
          </p>
        )}
        <CopyButtons
          keyId={created.key.id}
          endpoint={created.endpoint}
          preview={created.key.preview}
        />
      </KeyIssuedDialog>
    );
  }

  return (
    <FormDialog
      title="New key"
      testId="create-key-dialog"
      formId="create-key-form"
      submitLabel="Create key"
      busyLabel="Creating…"
      busy={busy}
      canSubmit={preset !== 'custom' || customError === null}
      onSubmit={submit}
      error={error}
      errorServerId={serverId}
      wide
    >
      <Field label="Description">
        <input
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="What uses this key, e.g. CI pipeline for team A"
          maxLength={512}
          data-autofocus
        />
      </Field>
      <Field label="Labels" hint="comma-separated, kept on this computer">
        <input value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="ci, prod" />
      </Field>
      <fieldset className="field">
        <legend>
          Expires{' '}
          <span className="hint" data-testid="max-ttl">
            {maxTtlMs
              ? `maximum allowed: ${formatDuration(maxTtlMs)}`
              : 'this server sets no maximum'}
          </span>
        </legend>
        <div className="preset-list">
          {presets.map((p) => (
            <label key={p.id} className="preset">
              <input
                type="radio"
                name="expiry"
                value={p.id}
                checked={preset === p.id}
                onChange={() => setPreset(p.id)}
              />
              {p.label}
            </label>
          ))}
          <label className="preset">
            <input
              type="radio"
              name="expiry"
              value="custom"
              checked={preset === 'custom'}
              onChange={() => setPreset('custom')}
            />
            Custom
          </label>
        </div>
        {preset === 'custom' && (
          <div className="custom-expiry">
            <input
              type="number"
              min={1}
              value={customValue}
              onChange={(e) => setCustomValue(e.target.value)}
              aria-label="Custom expiry value"
              aria-invalid={customError !== null}
              aria-describedby="custom-expiry-error"
            />
            <DurationUnitSelect
              value={customUnit}
              onChange={setCustomUnit}
              label="Custom expiry unit"
            />
            <span id="custom-expiry-error" className="field-error">
              {customError}
            </span>
          </div>
        )}
      </fieldset>
      <Field label="Cluster scope">
        <select value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
          <option value="">No scope — all clusters and the Rancher API</option>
          {(clusters ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <span className="hint">
          A key scoped to one cluster works only against that cluster&apos;s Kubernetes API; it
          cannot use Rancher&apos;s own API (for example to list clusters or manage keys).
        </span>
      </Field>
      {server?.tokenApis.ext && (
        <Field label="Token type" inline>
          <select value={family} onChange={(e) => setFamily(e.target.value as TokenFamily)}>
            <option value="v3">v3 (every Rancher release)</option>
            <option value="ext">ext.cattle.io (2.12+, can be disabled)</option>
          </select>
        </Field>
      )}
    </FormDialog>
  );
}
