import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { thisWeek } from '../../shared/dates/weeks.js';
import { App } from './App.js';
import { chooseTransport } from './api/chooseTransport.js';
import { routeHash } from './routing/route.js';
import './styles/base.css';
import './styles/shell.css';
import './styles/week.css';
import './styles/editor.css';
import './styles/pages.css';

const transport = chooseTransport(routeHash({ view: 'week', weekStart: thisWeek(new Date()) }));
const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App transport={transport} />
  </StrictMode>,
);
