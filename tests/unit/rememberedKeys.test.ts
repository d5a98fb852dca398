import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KeyKeeper, keychainKeyKeeper, noKeyKeeper, rememberedKeysFileName } from '../../electron/security/rememberedKeys.js';
import { keyFileName, readKeyFile, wrappingKeyFor } from '../../electron/storage/keyFile.js';
import { type OpenedPortfolio, openPortfolio } from '../../electron/storage/openPortfolio.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { saveWeeks } from '../fixtures/weeklyLogBuilder.js';
import { resetFakeSafeStorage, safeStorage } from './fakes/fakeElectron.js';

const tempFolder = useTempFolders();
const passphrase = 'correct horse battery staple';
const otherPassphrase = 'a quite different long phrase';

const opened: OpenedPortfolio[] = [];
beforeEach(() => resetFakeSafeStorage());
afterEach(async () => {
  await Promise.all(opened.splice(0).map((portfolio) => portfolio.close()));
});

async function open(folder: string, keyKeeper: KeyKeeper): Promise<OpenedPortfolio> {
  const portfolio = await openPortfolio(folder, { keyKeeper });
  opened.push(portfolio);
  return portfolio;
}

async function close(portfolio: OpenedPortfolio): Promise<void> {
  opened.splice(opened.indexOf(portfolio), 1);
  await portfolio.close();
}

/** A portfolio with one week written, encrypted with `passphrase`, closed; and a keychain keeper in its own userData folder. */
async function encryptedPortfolio(remember: boolean) {
  const folder = await tempFolder();
  const userData = await tempFolder();
  const keeper = keychainKeyKeeper(safeStorage, userData);
  const portfolio = await open(folder, keeper);
  const store = portfolio.store();
  if (!store) throw new Error('not open');
  await saveWeeks(store, [{ weekStart: '2019-09-02', thisWeek: ['A week worth keeping'] }]);
  const set = await portfolio.protection.setPassphrase(passphrase, remember);
  if (!set.ok) throw new Error(set.error.message);
  await close(portfolio);
  return { folder, userData, keeper };
}

async function rememberedIds(userData: string): Promise<string[]> {
  try {
    return Object.keys((JSON.parse(await readFile(join(userData, rememberedKeysFileName), 'utf8')) as { keys: Record<string, string> }).keys);
  } catch {
    return [];
  }
}

async function keyFileId(folder: string): Promise<string> {
  const reading = await readKeyFile(folder);
  if (reading.kind !== 'found') throw new Error('no key file');
  return reading.file.id;
}

describe('without a keychain', () => {
  it("the 'none' keeper cannot remember, so the portfolio asks for its passphrase each time", async () => {
    expect(await noKeyKeeper.available()).toBe(false);
    expect(await noKeyKeeper.recall('0'.repeat(32))).toBeNull();
    const folder = await tempFolder();
    const portfolio = await open(folder, noKeyKeeper);
    expect(portfolio.protection.state()).toEqual({ encrypted: false, remembered: false, canRemember: false });
    expect(await portfolio.protection.setPassphrase(passphrase, true)).toEqual({ ok: true, value: { encrypted: true, remembered: false, canRemember: false } });
    const refused = await portfolio.protection.setRemembered(true);
    expect(refused.ok ? null : refused.error.code).toBe('invalid-argument');
    await close(portfolio);
    expect((await open(folder, noKeyKeeper)).status()).toEqual({ state: 'locked' });
  }, 20_000);

  it("is what Linux's basic_text store and an unavailable safeStorage give", async () => {
    const userData = await tempFolder();
    safeStorage.backend = 'basic_text';
    expect(await keychainKeyKeeper(safeStorage, userData).available()).toBe(false);
    resetFakeSafeStorage();
    safeStorage.available = false;
    const keeper = keychainKeyKeeper(safeStorage, userData);
    expect(await keeper.available()).toBe(false);
    await expect(keeper.keep('0'.repeat(32), Buffer.alloc(32, 1))).rejects.toThrow();
    expect(await readdir(userData)).toEqual([]);
  });
});

describe('a remembered key', () => {
  it('opens the portfolio without asking, once it was unlocked with "remember"', async () => {
    const { folder, keeper, userData } = await encryptedPortfolio(false);
    const first = await open(folder, keeper);
    expect(first.status()).toEqual({ state: 'locked' });
    expect(first.protection.state()).toEqual({ encrypted: true, remembered: false, canRemember: true });
    const unlocked = await first.protection.unlock(passphrase, true);
    expect(unlocked.ok && unlocked.value.state).toBe('ready');
    expect(first.protection.state().remembered).toBe(true);
    await close(first);

    const second = await open(folder, keeper);
    expect(second.status().state).toBe('ready');
    expect(second.protection.state()).toEqual({ encrypted: true, remembered: true, canRemember: true });
    expect(JSON.stringify(await second.store()?.sections('entry-2019-09-02'))).toContain('A week worth keeping');
    expect(await rememberedIds(userData)).toEqual([await keyFileId(folder)]);
  }, 20_000);

  it('is kept in the app data folder through the keychain: never the passphrase, never the key as it is, nothing in the portfolio folder', async () => {
    const { folder, userData } = await encryptedPortfolio(true);
    const kept = await readFile(join(userData, rememberedKeysFileName));
    const reading = await readKeyFile(folder);
    if (reading.kind !== 'found') throw new Error('no key file');
    const wrappingKey = await wrappingKeyFor(reading.file, passphrase);
    expect(safeStorage.encrypted).toBe(1);
    for (const form of [Buffer.from(passphrase), wrappingKey, Buffer.from(wrappingKey.toString('base64')), Buffer.from(wrappingKey.toString('hex'))]) expect(kept.includes(form)).toBe(false);
    expect((await readdir(folder)).sort()).toEqual(['backups', 'bodies', keyFileName, 'portfolio.json'].sort());
  }, 20_000);

  it('no longer matches once the passphrase is changed elsewhere: it is forgotten and the passphrase is asked for', async () => {
    const { folder, keeper, userData } = await encryptedPortfolio(true);
    // Another device (or this one without its keychain) changes the passphrase.
    const elsewhere = await open(folder, noKeyKeeper);
    await elsewhere.protection.unlock(passphrase, false);
    expect((await elsewhere.protection.changePassphrase(passphrase, otherPassphrase, false)).ok).toBe(true);
    await close(elsewhere);

    const here = await open(folder, keeper);
    expect(here.status()).toEqual({ state: 'locked' });
    expect(here.protection.state()).toEqual({ encrypted: true, remembered: false, canRemember: true });
    expect(await rememberedIds(userData)).toEqual([]);
    expect((await here.protection.unlock(otherPassphrase, false)).ok).toBe(true);
  }, 20_000);

  it('follows a change of passphrase made here when asked to, and is forgotten when not', async () => {
    const { folder, keeper, userData } = await encryptedPortfolio(true);
    const first = await open(folder, keeper);
    expect(first.status().state).toBe('ready');
    expect(await first.protection.changePassphrase(passphrase, otherPassphrase, true)).toEqual({ ok: true, value: { encrypted: true, remembered: true, canRemember: true } });
    await close(first);
    const second = await open(folder, keeper);
    expect(second.status().state).toBe('ready');
    expect(await second.protection.changePassphrase(otherPassphrase, passphrase, false)).toEqual({ ok: true, value: { encrypted: true, remembered: false, canRemember: true } });
    expect(await rememberedIds(userData)).toEqual([]);
    await close(second);
    expect((await open(folder, keeper)).status()).toEqual({ state: 'locked' });
  }, 30_000);

  it('is forgotten when the passphrase is removed, and when the user turns remembering off', async () => {
    const { folder, keeper, userData } = await encryptedPortfolio(true);
    const first = await open(folder, keeper);
    expect((await first.protection.setRemembered(false)).ok).toBe(true);
    expect(first.protection.state().remembered).toBe(false);
    expect(await rememberedIds(userData)).toEqual([]);
    expect(await first.protection.setRemembered(true)).toEqual({ ok: true, value: { encrypted: true, remembered: true, canRemember: true } });
    expect(await rememberedIds(userData)).toEqual([await keyFileId(folder)]);

    expect(await first.protection.removePassphrase(passphrase)).toEqual({ ok: true, value: { encrypted: false, remembered: false, canRemember: true } });
    expect(await rememberedIds(userData)).toEqual([]);
    await close(first);
    const second = await open(folder, keeper);
    expect(second.status().state).toBe('ready');
    expect(second.protection.state()).toEqual({ encrypted: false, remembered: false, canRemember: true });
  }, 30_000);

  it('that the keychain cannot decrypt any more is treated as none', async () => {
    const { folder, keeper } = await encryptedPortfolio(true);
    safeStorage.available = false;
    const portfolio = await open(folder, keeper);
    expect(portfolio.status()).toEqual({ state: 'locked' });
    expect(portfolio.protection.state().canRemember).toBe(false);
  }, 20_000);
});
