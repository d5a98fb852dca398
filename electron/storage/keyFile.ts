import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type ScryptParameters, acceptableScrypt, scryptForNewFiles } from '../../shared/share/fileCrypto.js';
import { cipherSizes, deriveKeyFromPassphrase, openWithKey, randomBytesOf, sealWithKey } from '../security/nodeFileCrypto.js';
import { syncFolder, writeFileAtomically } from './atomicWrite.js';
import { type DataKey, isKeyId } from './folderCipher.js';

/**
 * portfolio.key: present only in an encrypted portfolio folder. It holds the folder's data keys,
 * wrapped (AES-256-GCM) by a key made from the passphrase with scrypt, and says whether a change
 * of passphrase is under way (docs/encryption-at-rest.md). It never holds the passphrase, and it
 * is only ever replaced whole (written beside and renamed), so it is always one version or the next.
 */
export const keyFileName = 'portfolio.key';
const format = 'reflective-portfolio-key';
const version = 1;
const maxKeys = 4;

/**
 * ready: every file is encrypted with `current`;
 * encrypting: a passphrase is being set; files are plain or encrypted with `current`;
 * changing: the passphrase is being changed; files are encrypted with an older key or with `current`;
 * decrypting: the passphrase is being removed; files are encrypted with `current` or plain.
 */
export type KeyFileState = 'ready' | 'encrypting' | 'changing' | 'decrypting';
const states: readonly KeyFileState[] = ['ready', 'encrypting', 'changing', 'decrypting'];

export interface KeyFile {
  /** Stays the same when the passphrase changes: the name this device remembers the key under. */
  id: string;
  state: KeyFileState;
  kdf: ScryptParameters & { salt: Buffer };
  /** The key new files are written with. */
  current: string;
  keyIds: string[];
  keyring: { nonce: Buffer; sealed: Buffer };
}

export type KeyFileReading = { kind: 'absent' } | { kind: 'damaged'; problem: string } | { kind: 'found'; file: KeyFile };

const damagedKeyFile = 'The key file of this encrypted portfolio (portfolio.key) is damaged, so the portfolio cannot be opened. Its files have not been changed.';

export async function readKeyFile(folder: string): Promise<KeyFileReading> {
  let text: string;
  try {
    text = await readFile(join(folder, keyFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'damaged', problem: 'The key file of this encrypted portfolio (portfolio.key) could not be read (it may not be accessible to you).' };
  }
  const file = parseKeyFile(text);
  return file ? { kind: 'found', file } : { kind: 'damaged', problem: damagedKeyFile };
}

function base64Of(value: unknown, length: number | null): Buffer | null {
  if (typeof value !== 'string') return null;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64') !== value) return null;
  return length === null || bytes.length === length ? bytes : null;
}

export function parseKeyFile(text: string): KeyFile | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  if (record['format'] !== format || record['version'] !== version) return null;
  const { id, state, kdf, current, keyIds, keyring } = record;
  if (typeof id !== 'string' || !isKeyId(id) || !states.includes(state as KeyFileState)) return null;
  if (typeof kdf !== 'object' || kdf === null || typeof keyring !== 'object' || keyring === null) return null;
  const { name, N, r, p, salt } = kdf as Record<string, unknown>;
  if (name !== 'scrypt' || typeof N !== 'number' || typeof r !== 'number' || typeof p !== 'number' || !acceptableScrypt({ N, r, p })) return null;
  const saltBytes = base64Of(salt, cipherSizes.salt);
  if (!saltBytes) return null;
  if (!Array.isArray(keyIds) || keyIds.length < 1 || keyIds.length > maxKeys || !keyIds.every((key) => typeof key === 'string' && isKeyId(key))) return null;
  if (new Set(keyIds).size !== keyIds.length || typeof current !== 'string' || !keyIds.includes(current)) return null;
  const nonce = base64Of((keyring as Record<string, unknown>)['nonce'], cipherSizes.nonce);
  const sealed = base64Of((keyring as Record<string, unknown>)['sealed'], keyIds.length * cipherSizes.key + cipherSizes.tag);
  if (!nonce || !sealed) return null;
  return { id, state: state as KeyFileState, kdf: { N, r, p, salt: saltBytes }, current, keyIds: keyIds as string[], keyring: { nonce, sealed } };
}

/** Everything in the key file but the sealed keyring: authenticated with it, so none of it can be changed unnoticed. */
function associatedData(file: Omit<KeyFile, 'keyring'>): Buffer {
  const { id, state, kdf, current, keyIds } = file;
  return Buffer.from(JSON.stringify([format, version, id, state, 'scrypt', kdf.N, kdf.r, kdf.p, kdf.salt.toString('base64'), current, keyIds]), 'utf8');
}

/** The key that wraps the data keys: scrypt of the passphrase with the key file's salt and parameters (about half a second). */
export function wrappingKeyFor(file: Pick<KeyFile, 'kdf'>, passphrase: string): Promise<Buffer> {
  return deriveKeyFromPassphrase(passphrase, file.kdf.salt, file.kdf);
}

/** A new salt and its wrapping key for a new passphrase, with the parameters every new key file uses. */
export async function newWrapping(passphrase: string): Promise<{ kdf: KeyFile['kdf']; wrappingKey: Buffer }> {
  const kdf = { ...scryptForNewFiles, salt: randomBytesOf(cipherSizes.salt) };
  return { kdf, wrappingKey: await deriveKeyFromPassphrase(passphrase, kdf.salt, kdf) };
}

/**
 * The data keys, when `wrappingKey` is the right one; null when it is not (a wrong passphrase or a
 * forgotten key) or when anything in the key file has been changed. The GCM tag is the verifier:
 * this is the first thing checked, before any portfolio file is read.
 */
export function unwrapKeys(file: KeyFile, wrappingKey: Uint8Array): Map<string, DataKey> | null {
  const plain = openWithKey(wrappingKey, file.keyring.nonce, file.keyring.sealed, associatedData(file));
  if (!plain || plain.length !== file.keyIds.length * cipherSizes.key) return null;
  return new Map(file.keyIds.map((id, index) => [id, { id, key: Buffer.from(plain.subarray(index * cipherSizes.key, (index + 1) * cipherSizes.key)) }]));
}

export interface KeyFileContents {
  id: string;
  state: KeyFileState;
  kdf: KeyFile['kdf'];
  wrappingKey: Uint8Array;
  /** Every key files may be encrypted with; the first is the one new files use. */
  keys: readonly DataKey[];
}

/** Replaces portfolio.key whole (atomically, synced), with a fresh nonce. */
export async function writeKeyFile(folder: string, contents: KeyFileContents): Promise<KeyFile> {
  const [current] = contents.keys;
  if (!current) throw new Error('A key file needs at least one key.');
  const header = { id: contents.id, state: contents.state, kdf: contents.kdf, current: current.id, keyIds: contents.keys.map((key) => key.id) };
  const nonce = randomBytesOf(cipherSizes.nonce);
  const sealed = sealWithKey(contents.wrappingKey, nonce, Buffer.concat(contents.keys.map((key) => key.key)), associatedData(header));
  const json = {
    format,
    version,
    id: header.id,
    state: header.state,
    kdf: { name: 'scrypt', N: header.kdf.N, r: header.kdf.r, p: header.kdf.p, salt: header.kdf.salt.toString('base64') },
    current: header.current,
    keyIds: header.keyIds,
    keyring: { nonce: nonce.toString('base64'), sealed: sealed.toString('base64') },
  };
  await writeFileAtomically(join(folder, keyFileName), `${JSON.stringify(json, null, 2)}\n`);
  return { ...header, keyring: { nonce, sealed } };
}

/** The last step of removing a passphrase: the folder holds only plain files by then. */
export async function removeKeyFile(folder: string): Promise<void> {
  await rm(join(folder, keyFileName), { force: true });
  await syncFolder(folder);
}

export const newKeyFileId = (): string => randomBytesOf(16).toString('hex');
