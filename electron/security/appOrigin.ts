/**
 * The desktop window loads the page from app://portfolio/ rather than file://: a file:// page has
 * the opaque origin "null" and may read any local file, whereas a privileged custom scheme gives
 * the page a real origin of its own for 'self' in the CSP, for navigation checks and for IPC
 * sender checks, and lets main add security headers to every file it serves.
 */
export const appScheme = 'app';
export const appHost = 'portfolio';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** True only for URLs of the app's own origin. (URL.origin is "null" for custom schemes, so compare parts.) */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
