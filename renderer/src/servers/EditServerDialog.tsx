import { useState } from 'react';
import { useStore } from '../ui/use-store';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { interceptedChain, ProxyCaReview, type InterceptedChain } from './ProxyCaReview';
import { ProxyFields } from './ProxyFields';
import { newProxyForm, proxyFormOf, proxyFormValid, proxyInputOf } from './proxy-form';
import { TimeoutField } from './TimeoutField';

/**
 * Rename a server, change its timeout or proxy, replace or clear its CA, forget a pinned
 * certificate or a trusted proxy CA. A new proxy that turns out to inspect TLS leads to reviewing
 * its CA, which may then be trusted for this server.
 */
export function EditServerDialog({ serverId }: { serverId: string }) {
  const { servers, ui } = useStores();
  const server = useStore(servers.store, (s) => s.servers.find((x) => x.id === serverId) ?? null);
  const [name, setName] = useState(server?.name ?? '');
  const [timeoutS, setTimeoutS] = useState(String((server?.timeoutMs ?? 15_000) / 1000));
  const [caPem, setCaPem] = useState('');
  const [clearCa, setClearCa] = useState(false);
  const [clearPin, setClearPin] = useState(false);
  const [proxy, setProxy] = useState(server ? proxyFormOf(server.proxy) : newProxyForm);
  const [clearProxyCa, setClearProxyCa] = useState(false);
  const [chain, setChain] = useState<InterceptedChain | null>(null);
  const { busy, error, run } = useSubmit();
  if (!server) return null;

  const proxyInput = proxyInputOf(proxy, server.proxy);
  const save = (proxyCaFingerprint256?: string) =>
    run(
      async () => {
        await servers.update({
          id: serverId,
          name: name.trim(),
          timeoutMs: Math.round(Number(timeoutS) * 1000),
          ...(caPem.trim() ? { caPem: caPem.trim() } : clearCa ? { caPem: null } : {}),
          ...(clearPin ? { fingerprint256: null } : {}),
          ...(proxyInput ? { proxy: proxyInput } : {}),
          ...(proxyCaFingerprint256
            ? { proxyCaFingerprint256 }
            : clearProxyCa
              ? { proxyCaFingerprint256: null }
              : {}),
        });
        ui.close();
        ui.toast('Server saved.', 'success');
      },
      (appError) => {
        const intercepted = interceptedChain(appError);
        if (!intercepted) return appError;
        setChain(intercepted);
        return null;
      },
    );

  if (chain) {
    return (
      <FormDialog
        title="Trust your proxy's CA?"
        testId="trust-proxy-ca-dialog"
        submitLabel="Trust CA and save"
        busy={busy}
        onSubmit={() => save(chain.issuer.fingerprint256)}
        error={error}
        cancelLabel="Back"
        onCancel={() => setChain(null)}
      >
        <ProxyCaReview chain={chain} host={server.origin} />
      </FormDialog>
    );
  }

  return (
    <FormDialog
      title={`Edit ${server.name}`}
      testId="edit-server-dialog"
      formId="edit-server-form"
      submitLabel="Save"
      busy={busy}
      canSubmit={Boolean(name.trim()) && proxyFormValid(proxy)}
      onSubmit={() => save()}
      error={error}
      footerStart={
        <button
          type="button"
          className="button button-danger-ghost push-left"
          onClick={() => ui.open({ kind: 'removeServer', serverId })}
        >
          Remove server…
        </button>
      }
    >
      <p className="muted mono">{server.origin}</p>
      <Field label="Name">
        <input value={name} onChange={(e) => setName(e.target.value)} data-autofocus />
      </Field>
      <TimeoutField value={timeoutS} onChange={setTimeoutS} />
      <Field label="Replace CA certificate" hint="PEM; leave empty to keep">
        <textarea
          rows={3}
          className="mono"
          value={caPem}
          onChange={(e) => setCaPem(e.target.value)}
        />
      </Field>
      {server.hasCustomCa && (
        <label className="check">
          <input type="checkbox" checked={clearCa} onChange={(e) => setClearCa(e.target.checked)} />
          Remove the custom CA
        </label>
      )}
      {server.fingerprint256 && (
        <label className="check">
          <input
            type="checkbox"
            checked={clearPin}
            onChange={(e) => setClearPin(e.target.checked)}
          />
          Forget the trusted certificate{' '}
          <span className="mono hint">{server.fingerprint256.slice(0, 23)}…</span>
        </label>
      )}
      <ProxyFields
        value={proxy}
        onChange={setProxy}
        stored={server.proxy}
        plainHttp={server.origin.startsWith('http://')}
      />
      {server.proxyCa && (
        <label className="check">
          <input
            type="checkbox"
            checked={clearProxyCa}
            onChange={(e) => setClearProxyCa(e.target.checked)}
          />
          Forget the trusted proxy CA <span className="hint">{server.proxyCa.subject}</span>
        </label>
      )}
    </FormDialog>
  );
}
