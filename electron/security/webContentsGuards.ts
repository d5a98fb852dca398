import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appOrigin.js';
import { contentSecurityPolicy } from './contentSecurityPolicy.js';

/** The page may only move within the app's own origin; everything else is refused. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** No page may open another window (links, window.open, target=_blank). */
export const denyNewWindow = (): { action: 'deny' } => ({ action: 'deny' });

/** Camera, microphone, notifications, geolocation…: the app needs none, so every request is refused. */
export const denyPermissionRequest = (_contents: unknown, _permission: string, callback: (granted: boolean) => void): void => callback(false);
export const denyPermissionCheck = (): boolean => false;
export const denyDevicePermission = (): boolean => false;

interface PreventableNavigation {
  url: string;
  preventDefault(): void;
}

/** Wires the navigation, new-window and webview guards into one page (every WebContents main creates). */
export function guardWebContents(contents: WebContents): void {
  const refuseForeign = (event: PreventableNavigation) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(denyNewWindow);
}

type ResponseHeaders = Record<string, string[]>;

/** Replaces whatever Content-Security-Policy a response carried with the app's own. */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...kept, 'Content-Security-Policy': [contentSecurityPolicy] };
}

/** Session-wide: refuse all permissions and put the CSP on every response the session sees. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
}
