import { useStore } from '../ui/use-store';
import { useStores } from '../ui/stores-context';
import './servers.css';

/**
 * The first thing a new user sees: what the app does, then "Add a Rancher server"; and, once,
 * the offer to look for Rancher tokens already on this computer in plaintext.
 */
export function FirstRun() {
  const { ui, settings } = useStores();
  const offer = useStore(settings.store, (s) => s.loaded && !s.settings.plaintextCheckOffered);
  const answer = (run: boolean) => {
    // Answered either way: the offer is not made again (Settings keeps the way to the check).
    void settings.set({ plaintextCheckOffered: true }).catch(() => undefined);
    if (run) ui.setView('plaintext');
  };
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Welcome to Rancher Keys</h1>
      <p>
        Rancher Keys keeps your Rancher API keys in your operating system&apos;s keychain, copies
        them in one click, and warns you before any of them expires.
      </p>
      <button
        type="button"
        className="button button-primary button-large"
        onClick={() => ui.open({ kind: 'addServer' })}
        data-autofocus
      >
        Add a Rancher server
      </button>
      {offer && (
        <section
          className="notice first-run-offer"
          aria-labelledby="plaintext-offer-title"
          data-testid="plaintext-offer"
        >
          <div className="notice-text">
            <h2 id="plaintext-offer-title">Rancher tokens already on this computer?</h2>
            <p>
              The Rancher CLI and kubectl keep tokens in plaintext files. The Plaintext check finds
              them, moves them into the keychain and, if you wish, rewrites the files without them.
            </p>
          </div>
          <div className="notice-actions">
            <button type="button" className="button" onClick={() => answer(true)}>
              Run the Plaintext check
            </button>
            <button type="button" className="button button-ghost" onClick={() => answer(false)}>
              Not now
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
