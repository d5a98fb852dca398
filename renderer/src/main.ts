import { thisWeek } from '../../shared/dates/weeks.js';
import { chooseTransport } from './api/chooseTransport.js';
import { parseRoute, routeHash } from './routing/route.js';
import { StartupRequests } from './session/StartupRequests.js';

/**
 * The small first script: it picks the transport and sends the first requests at once, then loads
 * the rest of the page (React and the editor) while the back end answers.
 */
const today = thisWeek(new Date());
const transport = chooseTransport(routeHash({ view: 'week', weekStart: today }));
const route = parseRoute(window.location.hash, today);
const startup = transport.kind === 'no-token' ? null : new StartupRequests(transport.client, route.view === 'week' ? route.weekStart : null);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const { renderApp } = await import('./renderApp.js');
renderApp(container, transport, startup);
