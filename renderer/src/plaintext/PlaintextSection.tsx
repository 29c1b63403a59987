import { useStores } from '../ui/stores-context';

/** Settings → "Plaintext check": the way back to the check after the first run's offer. */
export function PlaintextSection() {
  const { ui } = useStores();
  return (
    <section className="settings-column" aria-labelledby="settings-plaintext">
      <h2 id="settings-plaintext">Plaintext check</h2>
      <p className="hint">
        Finds Rancher tokens left in plaintext in the Rancher CLI&apos;s cli2.json and your
        kubeconfig files, imports them into the keychain and rewrites the files without them.
      </p>
      <button
        type="button"
        className="button"
        onClick={() => ui.setView('plaintext')}
        data-testid="open-plaintext-check"
      >
        Run the Plaintext check
      </button>
    </section>
  );
}
