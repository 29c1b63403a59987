// React's change events for checkboxes and radios, before anything renders.
import './react-on-preact';
// The global layer first: each feature's stylesheet (imported by its components) comes after it
// and may refine it.
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiFromWindow } from './api';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={apiFromWindow()} />
    </StrictMode>,
  );
}
