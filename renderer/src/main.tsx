// React's change events for checkboxes and radios, before anything renders.
import './react-on-preact';
// The global layer first: each feature's stylesheet (imported by its components) comes after it
// and may refine it.
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiFromWindow } from './api';
import { App } from './App';
import { createAppStores } from './app-stores';
import { FIRST_SCREEN_WAIT_MS, startFirstScreen } from './first-screen';
import { warmLocaleData } from './format/time';

const root = document.getElementById('root');
if (root) {
  const api = apiFromWindow();
  const stores = createAppStores(api);
  // Asked before React renders anything. The window renders once the answer is shown (the app
  // shell and the first rows in one commit), or shows its loading state after a short wait.
  const shown = startFirstScreen(stores);
  warmLocaleData();
  const waited = new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS));
  void Promise.race([shown, waited]).then(() =>
    createRoot(root).render(
      <StrictMode>
        <App api={api} stores={stores} firstScreenStarted />
      </StrictMode>,
    ),
  );
}
