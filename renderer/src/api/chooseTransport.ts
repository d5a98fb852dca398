import type { ApiClient, DesktopBridge } from '../../../shared/api/contract.js';
import { takeAccessToken } from './accessToken.js';
import { findDesktopBridge } from './desktopBridge.js';
import { HttpApiClient } from './httpApiClient.js';

export type Transport =
  | { kind: 'desktop'; client: ApiClient; bridge: DesktopBridge }
  | { kind: 'web'; client: HttpApiClient }
  | { kind: 'no-token' };

/**
 * Chosen once at start: the Electron preload's bridge when there is one, otherwise HTTP to the
 * loopback server with the token from the address.
 */
export function chooseTransport(routeAfterToken: string): Transport {
  const bridge = findDesktopBridge(window);
  if (bridge) return { kind: 'desktop', client: bridge, bridge };
  const token = takeAccessToken(window.location, window.sessionStorage, (hash) => window.history.replaceState(null, '', hash), routeAfterToken);
  if (token === null) return { kind: 'no-token' };
  return { kind: 'web', client: new HttpApiClient(token) };
}
