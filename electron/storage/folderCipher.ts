import { cipherSizes, openWithKey, randomBytesOf, sealWithKey } from '../security/nodeFileCrypto.js';

/**
 * The encryption of one file in an encrypted portfolio folder (docs/encryption-at-rest.md):
 *
 *   offset  size  field
 *   0       8     magic: 89 52 50 45 4E 43 0D 0A ("\x89RPENC\r\n"; never the start of UTF-8 JSON)
 *   8       1     format version: 1
 *   9       1     file role: 1 index (portfolio.json and its backups), 2 body, 3 review, 4 damaged copy
 *   10      16    id of the data key it is encrypted with (named in portfolio.key)
 *   26      12    nonce, fresh from the random source for every write
 *   38      n     AES-256-GCM ciphertext of the file's plain bytes
 *   38+n    16    GCM tag; the 38-byte header is the associated data, so it is authenticated too
 */
export const encryptedFileMagic = Buffer.from([0x89, 0x52, 0x50, 0x45, 0x4e, 0x43, 0x0d, 0x0a]);
export const encryptedFileVersion = 1;
const headerBytes = 38;
const keyIdBytes = 16;

export const fileRoles = { index: 1, body: 2, review: 3, damaged: 4 } as const;
export type FileRole = keyof typeof fileRoles;
const roleByNumber = new Map<number, FileRole>(Object.entries(fileRoles).map(([name, value]) => [value, name as FileRole]));

/** A 256-bit data key and its 16-byte id (hex in portfolio.key and in memory). */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

export function newDataKey(): DataKey {
  return { id: randomBytesOf(keyIdBytes).toString('hex'), key: randomBytesOf(cipherSizes.key) };
}

export const isKeyId = (text: string): boolean => /^[0-9a-f]{32}$/.test(text);

/**
 * How the folder's files are read and written just now:
 * - plain: no portfolio.key; files are plain JSON, and an encrypted file is refused;
 * - locked: portfolio.key is there but no passphrase has been given; nothing can be read or written;
 * - keys: the data keys are known. `writeWith` is the key new files are written with (null while a
 *   passphrase is being removed: new files are plain). `readsPlain` is true only while a passphrase
 *   is being set or removed, when plain and encrypted files are both expected.
 */
export type CipherMode =
  | { kind: 'plain' }
  | { kind: 'locked' }
  | { kind: 'keys'; keys: ReadonlyMap<string, DataKey>; writeWith: DataKey | null; readsPlain: boolean };

export type OpenProblem =
  /** The portfolio is encrypted and still locked. */
  | 'locked'
  /** An encrypted file that fails its check: changed, cut short, or not made by this app. */
  | 'tampered'
  /** Encrypted with a key portfolio.key does not hold. */
  | 'unknown-key'
  /** A plain file where only encrypted ones belong. */
  | 'not-encrypted'
  /** An encrypted file in a folder with no portfolio.key. */
  | 'no-key-file';

export type FileOpening = { ok: true; plain: Buffer; keyId: string | null; role: FileRole | null } | { ok: false; problem: OpenProblem };

export function isEncryptedFile(bytes: Uint8Array): boolean {
  return bytes.length >= encryptedFileMagic.length && encryptedFileMagic.equals(Buffer.from(bytes.buffer, bytes.byteOffset, encryptedFileMagic.length));
}

/** The key id an encrypted file names in its header, or null for any other file. */
export function keyIdOf(bytes: Uint8Array): string | null {
  if (!isEncryptedFile(bytes) || bytes.length < headerBytes) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset + 10, keyIdBytes).toString('hex');
}

export function sealFileBytes(key: DataKey, role: FileRole, plain: Uint8Array): Buffer {
  const header = Buffer.alloc(headerBytes);
  encryptedFileMagic.copy(header, 0);
  header[8] = encryptedFileVersion;
  header[9] = fileRoles[role];
  Buffer.from(key.id, 'hex').copy(header, 10);
  randomBytesOf(cipherSizes.nonce).copy(header, 26);
  return Buffer.concat([header, sealWithKey(key.key, header.subarray(26, headerBytes), plain, header)]);
}

/** Decrypts with one of `keys`; `role` (when given) must be the role the header names. */
export function openSealedFile(bytes: Uint8Array, keys: ReadonlyMap<string, DataKey>, role: FileRole | null): FileOpening {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (all.length < headerBytes + cipherSizes.tag || all[8] !== encryptedFileVersion) return { ok: false, problem: 'tampered' };
  const fileRole = roleByNumber.get(all[9] ?? 0);
  if (!fileRole || (role !== null && fileRole !== role)) return { ok: false, problem: 'tampered' };
  const keyId = all.subarray(10, 10 + keyIdBytes).toString('hex');
  const key = keys.get(keyId);
  if (!key) return { ok: false, problem: 'unknown-key' };
  const header = all.subarray(0, headerBytes);
  const plain = openWithKey(key.key, header.subarray(26, headerBytes), all.subarray(headerBytes), header);
  return plain ? { ok: true, plain, keyId, role: fileRole } : { ok: false, problem: 'tampered' };
}

/** Reads one file's bytes as `mode` allows. */
export function openFileBytes(mode: CipherMode, bytes: Uint8Array, role: FileRole | null): FileOpening {
  const encrypted = isEncryptedFile(bytes);
  if (mode.kind === 'locked') return { ok: false, problem: 'locked' };
  if (mode.kind === 'plain') return encrypted ? { ok: false, problem: 'no-key-file' } : { ok: true, plain: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), keyId: null, role: null };
  if (!encrypted) return mode.readsPlain ? { ok: true, plain: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), keyId: null, role: null } : { ok: false, problem: 'not-encrypted' };
  return openSealedFile(bytes, mode.keys, role);
}

/** The bytes to write for a file's plain contents in `mode`: encrypted unless the folder is plain or being decrypted. */
export function bytesToWrite(mode: CipherMode, contents: string | Uint8Array, role: FileRole): string | Uint8Array {
  if (mode.kind === 'plain') return contents;
  if (mode.kind === 'locked') throw new PortfolioLockedError();
  if (!mode.writeWith) return contents;
  return sealFileBytes(mode.writeWith, role, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);
}

/** Something tried to read or write an encrypted portfolio that has not been unlocked. */
export class PortfolioLockedError extends Error {
  override name = 'PortfolioLockedError';
  constructor() {
    super('The portfolio is locked: it needs its passphrase first.');
  }
}

/**
 * The one place each part of a portfolio folder (index, bodies, backups, reviews) learns how its
 * files are encrypted. The mode changes when the portfolio is unlocked or its passphrase is set,
 * changed or removed; a reader takes the mode once, before it reads a file, so a file read while
 * the mode changes is still read as the folder held it.
 */
export class FolderCipher {
  constructor(private current: CipherMode = { kind: 'plain' }) {}

  get mode(): CipherMode {
    return this.current;
  }

  get locked(): boolean {
    return this.current.kind === 'locked';
  }

  setMode(mode: CipherMode): void {
    this.current = mode;
  }

  /** The mode as it is now, for one read: call before reading the file. */
  reader(): (bytes: Uint8Array, role: FileRole) => FileOpening {
    const mode = this.current;
    return (bytes, role) => openFileBytes(mode, bytes, role);
  }

  seal(contents: string | Uint8Array, role: FileRole): string | Uint8Array {
    return bytesToWrite(this.current, contents, role);
  }
}
