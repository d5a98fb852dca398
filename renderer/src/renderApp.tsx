import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import type { Transport } from './api/chooseTransport.js';
import type { StartupRequests } from './session/StartupRequests.js';
import './styles/base.css';
import './styles/shell.css';
import './styles/week.css';
import './styles/editor.css';
import './styles/pages.css';
import './styles/frameworks.css';
import './styles/evidence.css';

/** React, the editor and the screens: loaded while the first requests are already on their way. */
export function renderApp(container: HTMLElement, transport: Transport, startup: StartupRequests | null): void {
  createRoot(container).render(
    <StrictMode>
      <App transport={transport} startup={startup} />
    </StrictMode>,
  );
}
