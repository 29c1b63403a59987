import { useState } from 'react';
import type { CertificateInfo } from '../../../electron/contract/errors';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { useStores } from '../ui/stores-context';
import { useSubmit } from '../ui/use-submit';
import { CertificateDetails } from './CertificateDetails';
import { interceptedChain, ProxyCaReview, type InterceptedChain } from './ProxyCaReview';
import { ProxyFields } from './ProxyFields';
import { newProxyForm, proxyFormValid, proxyInputOf } from './proxy-form';
import { TimeoutField } from './TimeoutField';

/**
 * Add a server. When its certificate is not trusted, main answers `tls_untrusted` with the
 * certificate; the dialog shows it and, if the user trusts it, adds again pinning its fingerprint.
 * Then it moves straight on to signing in.
 */
export function AddServerDialog() {
  const { servers, ui } = useStores();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [caPem, setCaPem] = useState('');
  const [timeoutS, setTimeoutS] = useState('');
  const { busy, error, run } = useSubmit();
  const [certificate, setCertificate] = useState<CertificateInfo | null>(null);
  const [proxy, setProxy] = useState(newProxyForm);
  const [chain, setChain] = useState<InterceptedChain | null>(null);

  const add = (fingerprint256?: string, proxyCaFingerprint256?: string) =>
    run(
      async () => {
        const server = await servers.add({
          url: url.trim(),
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(caPem.trim() ? { caPem: caPem.trim() } : {}),
          ...(timeoutS ? { timeoutMs: Math.round(Number(timeoutS) * 1000) } : {}),
          ...(fingerprint256 ? { fingerprint256 } : {}),
          proxy: proxyInputOf(proxy, null),
          ...(proxyCaFingerprint256 ? { proxyCaFingerprint256 } : {}),
        });
        await servers.switchTo(server.id).catch(() => undefined);
        ui.setView('keys');
        ui.toast(`Added ${server.name}.`, 'success');
        ui.open({ kind: 'signIn', serverId: server.id });
      },
      (appError) => {
        const intercepted = interceptedChain(appError);
        if (intercepted) {
          setChain(intercepted);
          return null;
        }
        if (appError.code === 'tls_untrusted' && appError.certificate) {
          setCertificate(appError.certificate);
          return null;
        }
        setCertificate(null);
        return appError;
      },
    );

  if (chain) {
    return (
      <FormDialog
        title="Trust your proxy's CA?"
        testId="trust-proxy-ca-dialog"
        submitLabel="Trust CA and add server"
        busy={busy}
        onSubmit={() => add(undefined, chain.issuer.fingerprint256)}
        error={error}
        cancelLabel="Back"
        onCancel={() => setChain(null)}
      >
        <ProxyCaReview chain={chain} host={url.trim()} />
      </FormDialog>
    );
  }

  if (certificate) {
    return (
      <FormDialog
        title="Trust this certificate?"
        testId="trust-dialog"
        submitLabel="Trust and add server"
        busy={busy}
        onSubmit={() => add(certificate.fingerprint256)}
        error={error}
        cancelLabel="Back"
        onCancel={() => setCertificate(null)}
      >
        <p>
          <strong>{url}</strong> presented a certificate your system does not trust. Compare its
          fingerprint with the one your Rancher administrator gives you; trust it only if they
          match. Rancher Keys will accept only this certificate for this server.
        </p>
        <CertificateDetails certificate={certificate} />
      </FormDialog>
    );
  }

  return (
    <FormDialog
      title="Add a Rancher server"
      testId="add-server-dialog"
      formId="add-server-form"
      submitLabel="Add server"
      busyLabel="Connecting…"
      busy={busy}
      canSubmit={Boolean(url.trim()) && proxyFormValid(proxy)}
      onSubmit={() => add()}
      error={error}
    >
      <Field label="Server address">
        <input
          type="text"
          inputMode="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://rancher.example.com"
          autoComplete="url"
          spellCheck={false}
          required
          data-autofocus
        />
      </Field>
      <Field label="Name" hint="optional — shown in the sidebar">
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <details className="advanced">
        <summary>Advanced</summary>
        <Field label="Custom CA certificate" hint="PEM, for a private CA">
          <textarea
            rows={4}
            value={caPem}
            onChange={(e) => setCaPem(e.target.value)}
            placeholder="-----BEGIN CERTIFICATE-----"
            spellCheck={false}
            className="mono"
          />
        </Field>
        <TimeoutField value={timeoutS} onChange={setTimeoutS} placeholder="15" />
        <ProxyFields
          value={proxy}
          onChange={setProxy}
          stored={null}
          plainHttp={/^http:\/\//i.test(url.trim())}
        />
      </details>
    </FormDialog>
  );
}
