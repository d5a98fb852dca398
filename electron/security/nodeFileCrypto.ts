import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import type { FileCrypto, ScryptParameters, SealedText } from '../../shared/share/fileCrypto.js';

const keyBytes = 32;
const saltBytes = 16;
const ivBytes = 12;
const tagBytes = 16;

function deriveKey(passphrase: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128 × N × r bytes; Node's default ceiling (32 MiB) is lifted just enough.
    const maxmem = 128 * parameters.N * parameters.r + 1024 * 1024;
    scrypt(passphrase.normalize('NFC'), salt, keyBytes, { N: parameters.N, r: parameters.r, p: parameters.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Node's own SHA-256, scrypt and AES-256-GCM: no crypto is written here. */
export const nodeFileCrypto: FileCrypto = {
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  toBase64: (text) => Buffer.from(text, 'utf8').toString('base64'),
  fromBase64: (base64) => {
    const bytes = Buffer.from(base64, 'base64');
    // Node's decoder skips what it cannot read; only exactly what toBase64 writes is accepted.
    if (bytes.toString('base64') !== base64) return null;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  },
  seal: async (plain, passphrase, associated, parameters): Promise<SealedText> => {
    const salt = randomBytes(saltBytes);
    const iv = randomBytes(ivBytes);
    const key = await deriveKey(passphrase, salt, parameters);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
    cipher.setAAD(Buffer.from(associated, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { salt: salt.toString('base64'), iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64') };
  },
  open: async (sealed, passphrase, associated, parameters) => {
    const salt = Buffer.from(sealed.salt, 'base64');
    const iv = Buffer.from(sealed.iv, 'base64');
    const all = Buffer.from(sealed.ciphertext, 'base64');
    if (salt.length !== saltBytes || iv.length !== ivBytes || all.length < tagBytes) return null;
    const key = await deriveKey(passphrase, salt, parameters);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
    decipher.setAAD(Buffer.from(associated, 'utf8'));
    decipher.setAuthTag(all.subarray(all.length - tagBytes));
    try {
      const plain = Buffer.concat([decipher.update(all.subarray(0, all.length - tagBytes)), decipher.final()]);
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    } catch {
      return null;
    }
  },
};

/** Bytes of an AES-256 key, an AES-GCM nonce, a GCM tag and an scrypt salt, as every protected file uses them. */
export const cipherSizes = { key: keyBytes, nonce: ivBytes, tag: tagBytes, salt: saltBytes } as const;

/** scrypt(passphrase NFC-normalised, salt) → a 32-byte key, with `parameters` (checked by the caller). */
export function deriveKeyFromPassphrase(passphrase: string, salt: Uint8Array, parameters: ScryptParameters): Promise<Buffer> {
  return deriveKey(passphrase, Buffer.from(salt), parameters);
}

/** AES-256-GCM under `key` with `nonce` (never reused with the same key): the ciphertext followed by the 16-byte tag. */
export function sealWithKey(key: Uint8Array, nonce: Uint8Array, plain: Uint8Array, associated: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: tagBytes });
  cipher.setAAD(associated);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The plain bytes of what `sealWithKey` made, or null when the key is wrong or anything sealed or associated has changed. */
export function openWithKey(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, associated: Uint8Array): Buffer | null {
  if (key.length !== keyBytes || nonce.length !== ivBytes || sealed.length < tagBytes) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: tagBytes });
  decipher.setAAD(associated);
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagBytes)), decipher.final()]);
  } catch {
    return null;
  }
}

/** `length` bytes from the operating system's random source. */
export function randomBytesOf(length: number): Buffer {
  return randomBytes(length);
}
