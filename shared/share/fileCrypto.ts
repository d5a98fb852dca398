/**
 * The standard primitives a protected file needs, supplied by the Node side (node:crypto): shared/
 * holds no crypto code of its own. Text is UTF-8 throughout; binary values travel as base64.
 */
export interface ScryptParameters {
  /** CPU and memory cost: a power of two. */
  N: number;
  r: number;
  p: number;
}

/** What files are written with: scrypt N = 2^17, r = 8, p = 1 (128 MiB, OWASP's recommendation), 32-byte key. */
export const scryptForNewFiles: ScryptParameters = { N: 2 ** 17, r: 8, p: 1 };

/** A file asking for more than this much scrypt memory (128 × N × r bytes) is refused unread. */
export const maxScryptMemoryBytes = 256 * 1024 * 1024;

export function acceptableScrypt(parameters: ScryptParameters): boolean {
  const { N, r, p } = parameters;
  const powerOfTwo = Number.isInteger(N) && N >= 2 ** 14 && (N & (N - 1)) === 0;
  return powerOfTwo && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 4 && 128 * N * r <= maxScryptMemoryBytes;
}

export interface SealedText {
  /** 16 random bytes, base64. */
  salt: string;
  /** 12 random bytes (AES-GCM's nonce), base64. */
  iv: string;
  /** The ciphertext followed by the 16-byte GCM tag, base64. */
  ciphertext: string;
}

export interface FileCrypto {
  /** SHA-256 of the text's UTF-8 bytes, as lowercase hex. */
  sha256Hex(text: string): string;
  /** The text's UTF-8 bytes as base64. */
  toBase64(text: string): string;
  /** Null unless `base64` is exactly what `toBase64` writes for some valid UTF-8 text. */
  fromBase64(base64: string): string | null;
  /** AES-256-GCM with a key from scrypt(passphrase NFC-normalised, salt); `associated` is authenticated, not encrypted. */
  seal(plain: string, passphrase: string, associated: string, parameters: ScryptParameters): Promise<SealedText>;
  /** The plain text, or null when the passphrase is wrong or anything sealed has changed. */
  open(sealed: SealedText, passphrase: string, associated: string, parameters: ScryptParameters): Promise<string | null>;
}
