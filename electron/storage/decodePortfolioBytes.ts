const decoder = new TextDecoder('utf-8', { fatal: true });

/** The file's text, or null when its bytes are not UTF-8 (a damaged or foreign file). */
export function decodePortfolioBytes(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
