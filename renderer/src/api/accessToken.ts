/** The token arrives once in the address (`#token=…`) and is then kept for this tab only. */
export const tokenStorageKey = 'reflective-portfolio.token';

const tokenPattern = /^[A-Za-z0-9_-]{16,200}$/;

/** The token in a location hash such as `#token=abc`, or null. */
export function tokenFromHash(hash: string): string | null {
  if (!hash.startsWith('#token=') && !hash.startsWith('#/token=')) return null;
  const params = new URLSearchParams(hash.replace(/^#\/?/, ''));
  const token = params.get('token');
  return token !== null && tokenPattern.test(token) ? token : null;
}

export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Reads the token from the hash (moving it into session storage and out of the address bar, so it
 * is not left on screen or in history) or from session storage after a reload.
 */
export function takeAccessToken(location: Pick<Location, 'hash'>, storage: TokenStore, replaceHash: (hash: string) => void, routeAfterToken: string): string | null {
  const fromHash = tokenFromHash(location.hash);
  if (fromHash !== null) {
    try {
      storage.setItem(tokenStorageKey, fromHash);
    } catch {
      // Storage can be switched off; the token still works until the page reloads.
    }
    replaceHash(routeAfterToken);
    return fromHash;
  }
  let stored: string | null = null;
  try {
    stored = storage.getItem(tokenStorageKey);
  } catch {
    stored = null;
  }
  return stored !== null && tokenPattern.test(stored) ? stored : null;
}
