import { useEffect, useState } from 'react';
import type { CommandLineStatus } from '../../../electron/contract/command-line';
import { toAppError } from '../ui/error-text';
import { useStores } from '../ui/stores-context';

/**
 * Settings → "Install command-line tool": links the `rancher-keys` command this app ships onto
 * PATH (~/.local/bin), the way editors install their shell command, and says where it is.
 */
export function CommandLineSection() {
  const { api, ui } = useStores();
  const [status, setStatus] = useState<CommandLineStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('cli:status', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  async function install() {
    setBusy(true);
    try {
      const next = await api.call('cli:install', {});
      setStatus(next);
      ui.toast(
        next.onPath
          ? 'rancher-keys is installed: try "rancher-keys list" in a terminal.'
          : `rancher-keys is installed in ${next.link ?? ''}; add its folder to your PATH.`,
        'success',
      );
    } catch (e) {
      ui.toast(toAppError(e).message, 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="settings-column" aria-labelledby="settings-command-line">
      <h2 id="settings-command-line">Command-line tool</h2>
      <p className="hint">
        rancher-keys gives scripts, shells and kubectl your keys straight from the keychain.
      </p>
      {status && (
        <p data-testid="command-line-status">
          {status.installed
            ? `Installed at ${status.link ?? ''}${status.onPath ? '.' : ' (add its folder to your PATH).'}`
            : (status.reason ?? `Not installed yet; it will be linked at ${status.link ?? ''}.`)}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={busy || !status?.available || status.link === null}
        onClick={() => void install()}
      >
        {status?.installed ? 'Reinstall command-line tool' : 'Install command-line tool'}
      </button>
    </section>
  );
}
