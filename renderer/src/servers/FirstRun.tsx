import { useStores } from '../ui/stores-context';
import './servers.css';

/** The first thing a new user sees: what the app does, then "Add a Rancher server". */
export function FirstRun() {
  const { ui } = useStores();
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
    </section>
  );
}
