import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../storage/atomicWrite.js';

/**
 * Keys this device remembers for encrypted portfolios, so the passphrase is not asked for on open.
 * What is kept is the key made from the passphrase (it unwraps the portfolio's data keys), never
 * the passphrase itself, under the id of the portfolio's key file. Once a passphrase is changed
 * elsewhere the kept key no longer opens the portfolio, and it is forgotten.
 */
export interface KeyKeeper {
  /** Whether keys can be kept on this device (the keychain is there and really encrypts). */
  available(): Promise<boolean>;
  recall(keyFileId: string): Promise<Uint8Array | null>;
  keep(keyFileId: string, key: Uint8Array): Promise<void>;
  forget(keyFileId: string): Promise<void>;
}

/** Web mode, the command line and tests: nothing is ever remembered. */
export const noKeyKeeper: KeyKeeper = {
  available: async () => false,
  recall: async () => null,
  keep: async () => {
    throw new Error('This device cannot remember keys.');
  },
  forget: async () => undefined,
};

/** The part of Electron's safeStorage used here (the asynchronous calls; the synchronous ones are deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: 'basic_text' means no keychain was found and the "encryption" uses a fixed password. */
  getSelectedStorageBackend?(): string;
}

/** In the app's own data folder (userData), never in a portfolio folder. */
export const rememberedKeysFileName = 'remembered-portfolio-keys.json';

interface RememberedFile {
  version: 1;
  /** Each key, encrypted by safeStorage, base64, by key-file id. */
  keys: Record<string, string>;
}

async function readRemembered(path: string): Promise<RememberedFile> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && (parsed as RememberedFile).version === 1) {
      const keys = (parsed as RememberedFile).keys;
      if (typeof keys === 'object' && keys !== null) {
        return { version: 1, keys: Object.fromEntries(Object.entries(keys).filter(([id, value]) => /^[0-9a-f]{32}$/.test(id) && typeof value === 'string')) };
      }
    }
  } catch {
    // Missing or damaged: nothing is remembered, and the passphrase is asked for.
  }
  return { version: 1, keys: {} };
}

/**
 * Keeps keys with the operating system's keychain through Electron's safeStorage (Keychain on
 * macOS, DPAPI on Windows, the Secret Service or KWallet on Linux), in a file in `userDataFolder`.
 * Where safeStorage has no real keychain (Linux's 'basic_text'), nothing is kept.
 */
export function keychainKeyKeeper(safeStorage: SafeStorageLike, userDataFolder: string): KeyKeeper {
  const path = join(userDataFolder, rememberedKeysFileName);
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };
  const change = (edit: (keys: Record<string, string>) => Promise<boolean> | boolean) =>
    inTurn(async () => {
      const file = await readRemembered(path);
      if (!(await edit(file.keys))) return;
      await writeFileAtomically(path, `${JSON.stringify(file, null, 2)}\n`);
    });
  const available = async () => {
    try {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
    } catch {
      return false;
    }
  };

  const keeper: KeyKeeper = {
    available,
    recall: async (keyFileId) => {
      const kept = (await inTurn(() => readRemembered(path))).keys[keyFileId];
      if (!kept || !(await available())) return null;
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(kept, 'base64'));
        const key = Buffer.from(result, 'base64');
        if (key.length !== 32) return null;
        if (shouldReEncrypt) await keeper.keep(keyFileId, key).catch(() => undefined);
        return key;
      } catch {
        return null;
      }
    },
    keep: async (keyFileId, key) => {
      if (!(await available())) throw new Error('This device cannot remember keys.');
      const sealed = await safeStorage.encryptStringAsync(Buffer.from(key).toString('base64'));
      await change((keys) => {
        keys[keyFileId] = sealed.toString('base64');
        return true;
      });
    },
    forget: (keyFileId) =>
      change((keys) => {
        if (!(keyFileId in keys)) return false;
        delete keys[keyFileId];
        return true;
      }),
  };
  return keeper;
}
