import { createHash } from 'node:crypto';
import { mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type ScryptParameters, acceptableScrypt, scryptForNewFiles } from '../../shared/share/fileCrypto.js';
import { cipherSizes, deriveKeyFromPassphrase, openWithKey, randomBytesOf, sealWithKey } from '../security/nodeFileCrypto.js';
import { syncFolder, writeFileAtomically } from './atomicWrite.js';
import { type DataKey, encryptedFileMagic, isEncryptedFile, isKeyId } from './folderCipher.js';
import { isKeyFileName, keyFileName, keyFilePaths, portfolioFileName, portfolioFolders } from './folderLayout.js';

/**
 * portfolio.key: present only in an encrypted portfolio folder. It holds the folder's data keys,
 * wrapped (AES-256-GCM) by a key made from the passphrase with scrypt, and says whether a change
 * of passphrase is under way (docs/encryption-at-rest.md). It never holds the passphrase, and it
 * is only ever replaced whole (written beside and renamed), so it is always one version or the next.
 *
 * Losing it loses the portfolio, so a copy is kept in backups/ (keyFilePaths): every write replaces
 * the key file, then the copy; removal deletes the copy, then the key file. The key file therefore
 * always holds the latest version, and a folder has a copy only while it has a key file. A checksum
 * (`check`) makes a damaged file tell itself apart from a wrong passphrase; whichever of the two
 * is damaged, missing or behind is put right from the other when the portfolio is opened.
 */
export { keyFileName };
const format = 'reflective-portfolio-key';
const version = 1;
const maxKeys = 4;
const fields = new Set(['format', 'version', 'id', 'state', 'kdf', 'current', 'keyIds', 'keyring', 'check']);

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

/** One of the two key files beside the version chosen: the same bytes, missing, another (older or earlier-format) version, or damaged. */
export type KeyFileSide = { kind: 'same' } | { kind: 'missing' } | { kind: 'stale' } | { kind: 'damaged'; bytes: Buffer | null };

export type KeyFileReading =
  /** No key file: a plain folder. `leftoverCopy`: a copy was found beside no encrypted file, so it opens nothing and may go. */
  | { kind: 'absent'; leftoverCopy: boolean }
  | { kind: 'damaged'; problem: string }
  /** The key file, or its copy when the key file is missing or damaged; `main` and `copy` say what each needs to match it. */
  | { kind: 'found'; file: KeyFile; main: KeyFileSide; copy: KeyFileSide };

const damagedKeyFile = 'The key file of this encrypted portfolio (portfolio.key) is damaged, so the portfolio cannot be opened. Its files have not been changed.';
const unreadableKeyFile = 'The key file of this encrypted portfolio (portfolio.key) could not be read (it may not be accessible to you).';
const missingKeyFile =
  'The key file of this encrypted portfolio (portfolio.key) is missing and the copy of it in the backups folder is damaged, so the portfolio cannot be opened. Its files have not been changed.';

type Found = { kind: 'missing' } | { kind: 'unreadable' } | { kind: 'damaged'; bytes: Buffer } | { kind: 'good'; file: KeyFile; text: string };

async function readOne(path: string): Promise<Found> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'damaged', bytes };
  }
  const file = parseKeyFile(text);
  return file ? { kind: 'good', file, text } : { kind: 'damaged', bytes };
}

function sideOf(found: Found, text: string): KeyFileSide {
  if (found.kind === 'missing') return { kind: 'missing' };
  if (found.kind === 'unreadable') return { kind: 'damaged', bytes: null };
  if (found.kind === 'damaged') return { kind: 'damaged', bytes: found.bytes };
  return found.text === text ? { kind: 'same' } : { kind: 'stale' };
}

/**
 * Reads the key file and its copy; writes nothing. The key file wins when it is good (it is written
 * first, so it is never behind the copy); the copy is used when the key file is damaged, or missing
 * from a folder that holds encrypted files. A copy beside no key file and no encrypted file is a
 * leftover (the folder is plain).
 */
export async function readKeyFile(folder: string): Promise<KeyFileReading> {
  const paths = keyFilePaths(folder);
  const main = await readOne(paths.main);
  const copy = await readOne(paths.copy);
  if (main.kind === 'missing') {
    if (copy.kind === 'missing') return { kind: 'absent', leftoverCopy: false };
    const encrypted = await encryptedFilesIn(folder);
    if (encrypted !== 'some') return { kind: 'absent', leftoverCopy: encrypted === 'none' };
    if (copy.kind !== 'good') return { kind: 'damaged', problem: missingKeyFile };
  }
  const chosen = main.kind === 'good' ? main : copy.kind === 'good' ? copy : null;
  if (!chosen) return { kind: 'damaged', problem: main.kind === 'unreadable' ? unreadableKeyFile : damagedKeyFile };
  const text = keyFileText(chosen.file);
  return { kind: 'found', file: chosen.file, main: sideOf(main, text), copy: sideOf(copy, text) };
}

/**
 * Puts right what readKeyFile found: a damaged key file or copy is first kept, byte for byte, in
 * damaged/ (it holds only wrapped keys), then each one not matching is rewritten, the key file
 * before the copy; a leftover copy in a plain folder is deleted.
 */
export async function settleKeyFiles(folder: string, reading: KeyFileReading, now: Date): Promise<void> {
  const paths = keyFilePaths(folder);
  if (reading.kind === 'absent') {
    if (!reading.leftoverCopy) return;
    await rm(paths.copy, { force: true });
    await syncFolder(portfolioFolders(folder).backups);
    return;
  }
  if (reading.kind !== 'found') return;
  const text = keyFileText(reading.file);
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const { backups, damaged } = portfolioFolders(folder);
  const sides = [
    { side: reading.main, path: paths.main, quarantineAs: `portfolio-key-${stamp}.key` },
    { side: reading.copy, path: paths.copy, quarantineAs: `portfolio-key-copy-${stamp}.key` },
  ];
  for (const { side, path, quarantineAs } of sides) {
    if (side.kind === 'same') continue;
    if (side.kind === 'damaged' && side.bytes) {
      await mkdir(damaged, { recursive: true, mode: 0o700 });
      await writeFileAtomically(join(damaged, quarantineAs), side.bytes);
    }
    if (path === paths.copy) await mkdir(backups, { recursive: true, mode: 0o700 });
    await writeFileAtomically(path, text);
  }
}

/**
 * Whether any file where the portfolio keeps its files (index, backups, bodies, reviews, damaged
 * copies) is encrypted, from its first bytes; 'unknown' when a folder or file could not be read.
 */
async function encryptedFilesIn(folder: string): Promise<'some' | 'none' | 'unknown'> {
  const folders = portfolioFolders(folder);
  const paths = [join(folder, portfolioFileName)];
  for (const place of [folders.backups, folders.bodies, folders.reviews, folders.damaged]) {
    try {
      for (const name of await readdir(place)) if (!isKeyFileName(name)) paths.push(join(place, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return 'unknown';
    }
  }
  const start = Buffer.alloc(encryptedFileMagic.length);
  for (const path of paths) {
    try {
      const handle = await open(path, 'r');
      try {
        const { bytesRead } = await handle.read(start, 0, start.length, 0);
        if (isEncryptedFile(start.subarray(0, bytesRead))) return 'some';
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR') return 'unknown';
    }
  }
  return 'none';
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
  if (Object.keys(record).some((name) => !fields.has(name))) return null;
  const { id, state, kdf, current, keyIds, keyring, check } = record;
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
  const file: KeyFile = { id, state: state as KeyFileState, kdf: { N, r, p, salt: saltBytes }, current, keyIds: keyIds as string[], keyring: { nonce, sealed } };
  // Files written before the checksum was added have none; every file written now has one.
  if (check !== undefined && check !== checksumOf(file)) return null;
  return file;
}

/** Everything in the key file but the sealed keyring: authenticated with it, so none of it can be changed unnoticed. */
function associatedData(file: Omit<KeyFile, 'keyring'>): Buffer {
  const { id, state, kdf, current, keyIds } = file;
  return Buffer.from(JSON.stringify([format, version, id, state, 'scrypt', kdf.N, kdf.r, kdf.p, kdf.salt.toString('base64'), current, keyIds]), 'utf8');
}

/** SHA-256 of every field, so a damaged file is known without the passphrase (a wrong passphrase fails the keyring's tag instead). */
function checksumOf(file: KeyFile): string {
  const { id, state, kdf, current, keyIds, keyring } = file;
  const values = [format, version, id, state, 'scrypt', kdf.N, kdf.r, kdf.p, kdf.salt.toString('base64'), current, keyIds, keyring.nonce.toString('base64'), keyring.sealed.toString('base64')];
  return createHash('sha256').update(JSON.stringify(values), 'utf8').digest('hex');
}

/** The key file's text: the same for the same contents, so the key file and its copy can be compared byte for byte. */
export function keyFileText(file: KeyFile): string {
  const json = {
    format,
    version,
    id: file.id,
    state: file.state,
    kdf: { name: 'scrypt', N: file.kdf.N, r: file.kdf.r, p: file.kdf.p, salt: file.kdf.salt.toString('base64') },
    current: file.current,
    keyIds: file.keyIds,
    keyring: { nonce: file.keyring.nonce.toString('base64'), sealed: file.keyring.sealed.toString('base64') },
    check: checksumOf(file),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
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

/**
 * Replaces portfolio.key whole (atomically, synced), with a fresh nonce, then its copy in backups/.
 * A kill between the two leaves the key file new and the copy one version behind: the key file wins.
 */
export async function writeKeyFile(folder: string, contents: KeyFileContents): Promise<KeyFile> {
  const [current] = contents.keys;
  if (!current) throw new Error('A key file needs at least one key.');
  const header = { id: contents.id, state: contents.state, kdf: contents.kdf, current: current.id, keyIds: contents.keys.map((key) => key.id) };
  const nonce = randomBytesOf(cipherSizes.nonce);
  const sealed = sealWithKey(contents.wrappingKey, nonce, Buffer.concat(contents.keys.map((key) => key.key)), associatedData(header));
  const file: KeyFile = { ...header, keyring: { nonce, sealed } };
  const text = keyFileText(file);
  const paths = keyFilePaths(folder);
  await writeFileAtomically(paths.main, text);
  await mkdir(portfolioFolders(folder).backups, { recursive: true, mode: 0o700 });
  await writeFileAtomically(paths.copy, text);
  return file;
}

/**
 * The last step of removing a passphrase (the folder holds only plain files by then): the copy
 * goes first, so a kill between the two leaves the key file (whose copy is made again when it is
 * next opened), never a copy alone.
 */
export async function removeKeyFile(folder: string): Promise<void> {
  const paths = keyFilePaths(folder);
  await rm(paths.copy, { force: true });
  await syncFolder(portfolioFolders(folder).backups).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rm(paths.main, { force: true });
  await syncFolder(folder);
}

export const newKeyFileId = (): string => randomBytesOf(16).toString('hex');
