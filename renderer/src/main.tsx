import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiFromWindow } from './api';
import { App } from './App';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={apiFromWindow()} />
    </StrictMode>,
  );
}
