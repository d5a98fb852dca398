import { cp, mkdir, readFile, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli.js';
import { type PassphraseSource, openPortfolioForCli, passphraseVariable } from '../../electron/cli/openPortfolioForCli.js';
import { readCommandLine } from '../../electron/cli/commandLine.js';
import { encryptedFileMagic, keyIdOf } from '../../electron/storage/folderCipher.js';
import { isKeyFileName, keyFilePaths } from '../../electron/storage/folderLayout.js';
import { keyFileName, parseKeyFile, readKeyFile, unwrapKeys, wrappingKeyFor, writeKeyFile } from '../../electron/storage/keyFile.js';
import { type OpenedPortfolio, openPortfolio } from '../../electron/storage/openPortfolio.js';
import { readPortfolioSnapshot } from '../../electron/storage/readPortfolioSnapshot.js';
import { dispatch } from '../../shared/api/dispatch.js';
import type { Review } from '../../shared/share/review.js';
import { reviewSchema } from '../../shared/share/review.js';
import type { PortfolioStore } from '../../shared/store/portfolioStore.js';
import { EntryUnreadableError } from '../../shared/store/storageWriteError.js';
import { unitWith } from '../fixtures/evidenceDocs.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { saveWeeks } from '../fixtures/weeklyLogBuilder.js';
import { openPortfolioApi } from '../../electron/startup/openPortfolioApi.js';

const tempFolder = useTempFolders();
const passphrase = 'correct horse battery staple';
const otherPassphrase = 'a quite different long phrase';
const canary = 'The canary sang of Zephyrine Quillfeather on ward nine';

const opened: OpenedPortfolio[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((portfolio) => portfolio.close()));
});

async function open(folder: string): Promise<OpenedPortfolio> {
  const portfolio = await openPortfolio(folder);
  opened.push(portfolio);
  return portfolio;
}

function storeOf(portfolio: OpenedPortfolio): PortfolioStore {
  const store = portfolio.store();
  if (!store) throw new Error(`the portfolio is not open: ${JSON.stringify(portfolio.status())}`);
  return store;
}

function sampleReview(words: string): Review {
  const at = '2019-10-01T09:00:00.000Z';
  return reviewSchema.parse({
    reviewId: 'share-1',
    openedAt: at,
    share: { shareId: 'share-1', portfolioId: 'author-portfolio', createdAt: at, author: { name: 'Sam Author' }, description: `Weeks for Jo. ${words}`, entries: [], frameworks: [], templates: [] },
    feedbackId: 'feedback-1',
    reviewer: { name: 'Jo Mentor', role: 'Practice assessor', registration: null },
    comments: [{ id: 'comment-1', entryId: 'entry-2019-09-02', anchor: null, text: `Good week. ${words}`, createdAt: at, updatedAt: at }],
    signOffs: [],
    withdrawn: [],
    sent: null,
  });
}

const unit = (title: string) => ({ ...unitWith([{ id: 'lo3', code: 'LO3', title: 'Outcomes of partnership working', archived: false, criteria: [] }]), title });

/** Two weeks and a framework, then four more saves (so there are backups), and a mentor review: each holding `words`. */
async function writeSample(portfolio: OpenedPortfolio, words: string): Promise<void> {
  const store = storeOf(portfolio);
  await saveWeeks(
    store,
    [
      { weekStart: '2019-09-02', thisWeek: [`First week of the secondment. ${words}`, { idea: 'idea-a', text: 'Shadow the discharge team' }], keyThoughts: [words] },
      { weekStart: '2019-09-09', keyThoughts: ['Listening first'] },
    ],
    (data) => ({ ...data, frameworks: [unit(`Unit for ${words}`)] }),
  );
  for (let save = 1; save <= 4; save += 1) await saveWeeks(store, [{ weekStart: '2019-09-16', thisWeek: [`Save ${save}. ${words}`] }]);
  await portfolio.reviews.put(sampleReview(words));
}

/** A fresh folder holding a sample written as 'words', then locked with `passphrase` and closed. */
async function encryptedFolder(): Promise<string> {
  const folder = await tempFolder();
  const portfolio = await open(folder);
  await writeSample(portfolio, 'words');
  await portfolio.protection.setPassphrase(passphrase, false);
  await portfolio.close();
  return folder;
}

/** Everything a portfolio shows: the index, every entry's text and the reviews. */
async function contentsOf(portfolio: OpenedPortfolio) {
  const store = storeOf(portfolio);
  const data = store.read();
  const texts: Record<string, unknown> = {};
  for (const entry of data.entries) texts[entry.id] = await store.sections(entry.id);
  return { data, texts, reviews: await portfolio.reviews.list() };
}

/** Every file under `folder`, by its path inside it. */
async function filesUnder(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path), await readFile(path));
  }
  return files;
}

/** Files that hold portfolio content (not the lock, the key file or its copy). */
const contentFiles = (files: Map<string, Buffer>) => [...files].filter(([name]) => !isKeyFileName(basename(name)) && name !== 'portfolio.lock');

const copyName = join('backups', keyFileName);

/** The base64 runs the canary's bytes make at each of the three alignments, trimmed to whole groups that hold only its bytes. */
function base64Forms(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  return [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    return encoded.slice(4, Math.floor((shift + bytes.length) / 3) * 4 - 4);
  });
}

describe('a portfolio without a passphrase', () => {
  it('has no key file and plain JSON files, as before', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, canary);
    expect(portfolio.protection.state()).toEqual({ encrypted: false, remembered: false, canRemember: false });
    const files = await filesUnder(folder);
    expect(files.has(keyFileName)).toBe(false);
    for (const [name, bytes] of contentFiles(files)) expect(() => JSON.parse(bytes.toString('utf8')), name).not.toThrow();
  });
});

describe('setting a passphrase', () => {
  it('encrypts every file; the portfolio then opens locked, and its passphrase opens it with everything as it was', async () => {
    const folder = await tempFolder();
    const first = await open(folder);
    await writeSample(first, canary);
    const before = await contentsOf(first);
    const backupsBefore = await first.listBackups();
    expect(await first.protection.setPassphrase(passphrase, false)).toEqual({ ok: true, value: { encrypted: true, remembered: false, canRemember: false } });
    // Still open, and saving, after the change.
    expect(await contentsOf(first)).toEqual(before);
    await first.close();

    const files = await filesUnder(folder);
    for (const [name, bytes] of contentFiles(files)) expect(bytes.subarray(0, 8).equals(encryptedFileMagic), name).toBe(true);
    expect([...files.keys()].filter((name) => name.startsWith('backups') && name !== copyName).length).toBe(backupsBefore.length);
    expect(files.get(copyName)).toEqual(files.get(keyFileName));
    expect([...files.keys()].some((name) => name.startsWith('reviews'))).toBe(true);

    const second = await open(folder);
    expect(second.status()).toEqual({ state: 'locked' });
    expect(second.store()).toBeNull();
    expect(await second.listBackups()).toEqual([]);
    await expect(second.reviews.list()).rejects.toThrow(/locked/);
    // The folder stays claimed while it waits for its passphrase.
    expect(files.has('portfolio.lock') || (await readdir(folder)).includes('portfolio.lock')).toBe(true);

    const unlocked = await second.protection.unlock(passphrase, false);
    expect(unlocked.ok && unlocked.value.state).toBe('ready');
    expect(await contentsOf(second)).toEqual(before);
    const backupsAfter = await second.listBackups();
    expect(backupsAfter.map(({ id, savedAt, usable }) => ({ id, savedAt, usable }))).toEqual(backupsBefore.map(({ id, savedAt, usable }) => ({ id, savedAt, usable })));
    expect(backupsAfter.every((backup) => backup.usable)).toBe(true);
  }, 30_000);

  it('goes on saving encrypted after the portfolio is unlocked', async () => {
    const folder = await tempFolder();
    const first = await open(folder);
    await writeSample(first, 'first words');
    await first.protection.setPassphrase(passphrase, false);
    await first.close();
    const second = await open(folder);
    await second.protection.unlock(passphrase, false);
    await saveWeeks(storeOf(second), [{ weekStart: '2019-09-23', thisWeek: ['Written after unlocking'] }]);
    await second.close();
    for (const [name, bytes] of contentFiles(await filesUnder(folder))) expect(bytes.subarray(0, 8).equals(encryptedFileMagic), name).toBe(true);
    const third = await open(folder);
    await third.protection.unlock(passphrase, false);
    const { texts } = await contentsOf(third);
    expect(JSON.stringify(texts['entry-2019-09-23'])).toContain('Written after unlocking');
  }, 30_000);
});

describe('a wrong passphrase', () => {
  it('is refused with a plain sentence, whether unlocking, changing or removing, and changes no byte in the folder', async () => {
    const folder = await tempFolder();
    const first = await open(folder);
    await writeSample(first, canary);
    await first.protection.setPassphrase(passphrase, false);
    await first.close();
    const before = await filesUnder(folder);

    const second = await open(folder);
    const refused = await second.protection.unlock('not the passphrase', false);
    expect(refused).toEqual({ ok: false, error: { code: 'passphrase-wrong', message: 'That passphrase does not open this portfolio. Nothing has been changed.' } });
    expect(second.status()).toEqual({ state: 'locked' });
    await second.protection.unlock(passphrase, false);
    expect((await second.protection.changePassphrase('not the passphrase', otherPassphrase, false)).ok).toBe(false);
    const removal = await second.protection.removePassphrase('Correct Horse Battery Staple');
    expect(removal.ok ? null : removal.error.code).toBe('passphrase-wrong');
    await second.close();

    const after = await filesUnder(folder);
    after.delete('portfolio.lock');
    before.delete('portfolio.lock');
    expect(after).toEqual(before);
  }, 30_000);

  it('an empty or blank passphrase is refused as it is, and nothing is encrypted', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, 'words');
    const before = await filesUnder(folder);
    for (const blank of ['', '   ', '\t\n']) {
      const result = await portfolio.protection.setPassphrase(blank, false);
      expect(result.ok ? null : result.error).toEqual({ code: 'invalid-argument', message: 'A passphrase cannot be empty or only spaces.' });
    }
    expect(portfolio.protection.state().encrypted).toBe(false);
    expect(await filesUnder(folder)).toEqual(before);
  });
});

describe('no plaintext on disk', () => {
  it('holds no trace of a canary sentence saved in an entry, its backups, a review and the frameworks, in any form', async () => {
    const root = await tempFolder();
    const folder = join(root, 'My portfolio');
    const portfolio = await open(folder);
    await portfolio.protection.setPassphrase(passphrase, false);
    await writeSample(portfolio, canary);
    // And again after a change of passphrase, and through a restore.
    await portfolio.protection.changePassphrase(passphrase, otherPassphrase, false);
    await saveWeeks(storeOf(portfolio), [{ weekStart: '2019-09-30', thisWeek: [`Later: ${canary}`] }]);
    const [backup] = await portfolio.listBackups();
    expect((await portfolio.restoreBackup(backup?.id ?? '')).ok).toBe(true);
    await portfolio.close();

    const files = await filesUnder(root);
    expect(files.size).toBeGreaterThan(10);
    const forms = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le'), ...base64Forms(canary).map((form) => Buffer.from(form, 'ascii'))];
    for (const [name, bytes] of files) {
      for (const form of forms) expect(bytes.includes(form), `${name} holds the canary (${form.toString('latin1').slice(0, 20)}…)`).toBe(false);
      for (const key of ['portfolioId', 'entryId', 'sections', 'reviewId', 'frameworks']) expect(bytes.includes(Buffer.from(key)), `${name} holds "${key}"`).toBe(false);
    }
    for (const [name, bytes] of contentFiles(await filesUnder(folder))) expect(bytes.subarray(0, 8).equals(encryptedFileMagic), name).toBe(true);
    // And the canary is there to be found once unlocked.
    const reopened = await open(folder);
    await reopened.protection.unlock(otherPassphrase, false);
    expect(JSON.stringify(await contentsOf(reopened))).toContain(canary);
  }, 60_000);
});

describe('backups of an encrypted portfolio', () => {
  it('are encrypted, and restoring one puts its state back', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await portfolio.protection.setPassphrase(passphrase, false);
    const store = storeOf(portfolio);
    await saveWeeks(store, [{ weekStart: '2019-09-02', thisWeek: ['The first version'] }]);
    await saveWeeks(store, [{ weekStart: '2019-09-02', thisWeek: ['The second version'] }]);
    await saveWeeks(store, [{ weekStart: '2019-09-02', thisWeek: ['The third version'] }]);
    const names = (await readdir(join(folder, 'backups'))).filter((name) => name !== keyFileName);
    expect(names.length).toBe(3);
    for (const name of names) expect((await readFile(join(folder, 'backups', name))).subarray(0, 8).equals(encryptedFileMagic), name).toBe(true);

    const backups = await portfolio.listBackups();
    // The key file's copy lies beside them but is not one of them.
    expect((await readdir(join(folder, 'backups'))).sort()).toEqual([...names, keyFileName].sort());
    expect(backups.map((backup) => backup.id).sort()).toEqual(names.sort());
    expect(backups.every((backup) => backup.usable)).toBe(true);
    // The newest backup is the state before the last save.
    const restored = await portfolio.restoreBackup(backups[0]?.id ?? '');
    expect(restored.ok).toBe(true);
    expect(JSON.stringify(await store.sections('entry-2019-09-02'))).toContain('The second version');
    await portfolio.close();

    const reopened = await open(folder);
    await reopened.protection.unlock(passphrase, false);
    expect(JSON.stringify(await storeOf(reopened).sections('entry-2019-09-02'))).toContain('The second version');
    expect((await readFile(join(folder, 'portfolio.json'))).subarray(0, 8).equals(encryptedFileMagic)).toBe(true);
  }, 30_000);
});

describe('a changed byte', () => {
  it('in the encrypted index gives a damaged status with a plain problem, and the file is kept as it was', async () => {
    const folder = await encryptedFolder();
    const index = await readFile(join(folder, 'portfolio.json'));
    index[index.length - 40] = (index[index.length - 40] ?? 0) ^ 0x01;
    await writeFile(join(folder, 'portfolio.json'), index);

    const reopened = await open(folder);
    const unlocked = await reopened.protection.unlock(passphrase, false);
    const status = unlocked.ok ? unlocked.value : null;
    if (status?.state !== 'damaged') throw new Error(`expected a damaged status, got ${JSON.stringify(status)}`);
    expect(status.problem).toBe('The portfolio file is damaged: it is not as it was when it was encrypted (it may have been cut short or changed by another program).');
    expect(status.quarantinedAs).not.toBeNull();
    expect(await readFile(status.quarantinedAs ?? '')).toEqual(index);
    expect(await readFile(join(folder, 'portfolio.json'))).toEqual(index);
    expect(status.backups.length).toBeGreaterThan(0);
    expect(status.backups.every((backup) => backup.usable)).toBe(true);
    // The newest backup opens the portfolio again.
    const restored = await reopened.restoreBackup(status.backups[0]?.id ?? '');
    expect(restored.ok && restored.value.state).toBe('ready');
  }, 30_000);

  it('in an encrypted body makes only that entry unreadable', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, 'words');
    await portfolio.protection.setPassphrase(passphrase, false);
    const record = storeOf(portfolio).read().entries.find((entry) => entry.weekStart === '2019-09-09');
    await portfolio.close();
    const path = join(folder, 'bodies', `${record?.body}.json`);
    const body = await readFile(path);
    body[50] = (body[50] ?? 0) ^ 0x80;
    await writeFile(path, body);

    const reopened = await open(folder);
    await reopened.protection.unlock(passphrase, false);
    const store = storeOf(reopened);
    await expect(store.sections(record?.id ?? '')).rejects.toThrow(EntryUnreadableError);
    expect(JSON.stringify(await store.sections('entry-2019-09-02'))).toContain('First week of the secondment');
    expect(await readFile(path)).toEqual(body);
  }, 30_000);
});

describe('changing the passphrase', () => {
  it('re-encrypts every file with a new key: only the new passphrase opens the portfolio, with everything as it was', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, canary);
    await portfolio.protection.setPassphrase(passphrase, false);
    const oldKey = (await readKeyFile(folder)).kind === 'found' ? ((await readKeyFile(folder)) as { file: { current: string } }).file.current : '';
    const before = await contentsOf(portfolio);
    const changed = await portfolio.protection.changePassphrase(passphrase, otherPassphrase, false);
    expect(changed).toEqual({ ok: true, value: { encrypted: true, remembered: false, canRemember: false } });
    expect(await contentsOf(portfolio)).toEqual(before);
    await portfolio.close();

    const keyFile = await readKeyFile(folder);
    if (keyFile.kind !== 'found') throw new Error('no key file');
    expect(keyFile.file.state).toBe('ready');
    expect(keyFile.file.keyIds).toEqual([keyFile.file.current]);
    expect(keyFile.file.current).not.toBe(oldKey);
    for (const [name, bytes] of contentFiles(await filesUnder(folder))) expect(keyIdOf(bytes), name).toBe(keyFile.file.current);

    const reopened = await open(folder);
    expect((await reopened.protection.unlock(passphrase, false)).ok).toBe(false);
    expect((await reopened.protection.unlock(otherPassphrase, false)).ok).toBe(true);
    expect(await contentsOf(reopened)).toEqual(before);
  }, 30_000);

  it('keeps the saves made while it runs, encrypted with the new key', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, 'words');
    await portfolio.protection.setPassphrase(passphrase, false);
    const store = storeOf(portfolio);
    // Saves every 10 ms from before the change starts until after it ends: some wait behind the re-encryption and collapse into one.
    const saves: Promise<void>[] = [];
    const save = () => saves.push(saveWeeks(store, [{ weekStart: '2019-10-07', thisWeek: [`Typed during the change, save ${saves.length}`] }]));
    const typing = setInterval(save, 10);
    const changed = await portfolio.protection.changePassphrase(passphrase, otherPassphrase, false);
    clearInterval(typing);
    await Promise.all(saves);
    expect(changed.ok).toBe(true);
    expect(saves.length).toBeGreaterThan(20);
    const last = `Typed during the change, save ${saves.length - 1}`;
    expect(JSON.stringify(await store.sections('entry-2019-10-07'))).toContain(last);
    await portfolio.close();

    const keyFile = await readKeyFile(folder);
    if (keyFile.kind !== 'found') throw new Error('no key file');
    for (const [name, bytes] of contentFiles(await filesUnder(folder))) expect(keyIdOf(bytes), name).toBe(keyFile.file.current);
    const reopened = await open(folder);
    await reopened.protection.unlock(otherPassphrase, false);
    expect(JSON.stringify(await storeOf(reopened).sections('entry-2019-10-07'))).toContain(last);
  }, 30_000);
});

describe('an unfinished change', () => {
  it('is finished when the portfolio is next unlocked; if it cannot be, unlocking says so and the portfolio stays locked', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, 'words');
    await portfolio.protection.setPassphrase(passphrase, false);
    const before = await contentsOf(portfolio);
    await portfolio.close();
    // As if a change had been cut off after its first step: the key file says the files are being decrypted.
    const reading = await readKeyFile(folder);
    if (reading.kind !== 'found') throw new Error('no key file');
    const wrappingKey = await wrappingKeyFor(reading.file, passphrase);
    const keys = unwrapKeys(reading.file, wrappingKey);
    await writeKeyFile(folder, { id: reading.file.id, state: 'decrypting', kdf: reading.file.kdf, wrappingKey, keys: [...(keys?.values() ?? [])] });
    // A folder where a body file should be stops the rewriting part-way.
    await mkdir(join(folder, 'bodies', 'in-the-way.json'));

    const first = await open(folder);
    const failed = await first.protection.unlock(passphrase, false);
    expect(failed.ok ? null : failed.error).toEqual({
      code: 'storage-failed',
      message: 'The passphrase is right, but an unfinished change of it could not be completed (a file could not be written). Nothing was lost; try again.',
    });
    expect(first.status()).toEqual({ state: 'locked' });
    expect(first.store()).toBeNull();
    await rmdir(join(folder, 'bodies', 'in-the-way.json'));
    const unlocked = await first.protection.unlock(passphrase, false);
    expect(unlocked.ok && unlocked.value.state).toBe('ready');
    expect(first.protection.state().encrypted).toBe(false);
    expect(await contentsOf(first)).toEqual(before);
    await first.close();
    const files = await filesUnder(folder);
    expect(files.has(keyFileName)).toBe(false);
    expect(files.has(copyName)).toBe(false);
    for (const [name, bytes] of contentFiles(files)) expect(() => JSON.parse(bytes.toString('utf8')), name).not.toThrow();
  }, 30_000);
});

describe('removing the passphrase', () => {
  it('leaves plain files, no key file, and a portfolio that opens without a passphrase with everything as it was', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, canary);
    await portfolio.protection.setPassphrase(passphrase, false);
    const before = await contentsOf(portfolio);
    expect(await portfolio.protection.removePassphrase(passphrase)).toEqual({ ok: true, value: { encrypted: false, remembered: false, canRemember: false } });
    await saveWeeks(storeOf(portfolio), [{ weekStart: '2019-10-14', thisWeek: ['After removing'] }]);
    await portfolio.close();

    const files = await filesUnder(folder);
    expect(files.has(keyFileName)).toBe(false);
    expect(files.has(copyName)).toBe(false);
    expect([...files.keys()].filter((name) => isKeyFileName(basename(name)))).toEqual([]);
    for (const [name, bytes] of contentFiles(files)) expect(() => JSON.parse(bytes.toString('utf8')), name).not.toThrow();
    const reopened = await open(folder);
    expect(reopened.status().state).toBe('ready');
    const after = await contentsOf(reopened);
    expect(after.reviews).toEqual(before.reviews);
    expect(after.texts['entry-2019-09-02']).toEqual(before.texts['entry-2019-09-02']);
    expect((await reopened.listBackups()).every((backup) => backup.usable)).toBe(true);
  }, 30_000);
});

describe('the unencrypted copy', () => {
  it('is a zip of a folder the app opens without a passphrase, with the same entries, text and reviews', async () => {
    const root = await tempFolder();
    const folder = join(root, 'encrypted');
    const portfolio = await open(folder);
    await writeSample(portfolio, canary);
    await portfolio.protection.setPassphrase(passphrase, false);
    const before = await contentsOf(portfolio);
    const copy = await portfolio.protection.plainCopy();
    if (!copy.ok) throw new Error(copy.error.message);

    const unzipped = join(root, 'unzipped');
    for (const [name, bytes] of Object.entries(unzipSync(copy.value))) {
      await mkdir(dirname(join(unzipped, name)), { recursive: true });
      await writeFile(join(unzipped, name), bytes);
    }
    const names = await readdir(unzipped, { recursive: true });
    // Neither the key file nor its copy in backups/: the copy is a plain folder.
    expect(names.filter((name) => isKeyFileName(basename(name)))).toEqual([]);
    expect(names.some((name) => name.startsWith('backups'))).toBe(false);
    expect(names.filter((name) => name.startsWith('bodies/')).length).toBe(before.data.entries.length);
    const plain = await open(unzipped);
    expect(plain.status().state).toBe('ready');
    expect(await contentsOf(plain)).toEqual(before);
  }, 30_000);
});

describe('the key file', () => {
  it('states scrypt N = 2^17, r = 8, p = 1 with a 16-byte salt and holds the data key only wrapped', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await portfolio.protection.setPassphrase(passphrase, false);
    await portfolio.close();
    const json = JSON.parse(await readFile(join(folder, keyFileName), 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ format: 'reflective-portfolio-key', version: 1, state: 'ready', kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 } });
    expect(Buffer.from((json['kdf'] as { salt: string }).salt, 'base64').length).toBe(16);
    const sealed = Buffer.from((json['keyring'] as { sealed: string }).sealed, 'base64');
    expect(sealed.length).toBe(32 + 16);
    expect(JSON.stringify(json)).not.toContain(passphrase);
  });

  it('damaged, and its copy too, makes the portfolio open as damaged, saying so, with nothing changed', async () => {
    const folder = await encryptedFolder();
    await writeFile(join(folder, keyFileName), '{"format":"reflective-portfolio-key","version":1,');
    await writeFile(join(folder, copyName), Buffer.alloc(600));
    const before = await filesUnder(folder);
    const reopened = await open(folder);
    expect(reopened.status()).toEqual({
      state: 'damaged',
      problem: 'The key file of this encrypted portfolio (portfolio.key) is damaged, so the portfolio cannot be opened. Its files have not been changed.',
      quarantinedAs: null,
      backups: [],
    });
    expect(reopened.store()).toBeNull();
    expect(await reopened.protection.unlock(passphrase, false)).toEqual({ ok: false, error: { code: 'invalid-file', message: damagedKeySentence } });
    await reopened.close();
    const after = await filesUnder(folder);
    after.delete('portfolio.lock');
    before.delete('portfolio.lock');
    expect(after).toEqual(before);
  });
});

const damagedKeySentence = 'The key file of this encrypted portfolio (portfolio.key) is damaged, so the portfolio cannot be opened. Its files have not been changed.';
const openedAt = new Date('2019-12-21T10:00:00Z');
const stamp = '20191221T100000000Z';

/** Opens with a fixed clock, so a quarantined key file's name is known. */
async function openAt(folder: string): Promise<OpenedPortfolio> {
  const portfolio = await openPortfolio(folder, { now: () => openedAt });
  opened.push(portfolio);
  return portfolio;
}

/** Every file but the lock, as bytes by path, without the ones named. */
async function filesBut(folder: string, ...left: string[]): Promise<Map<string, Buffer>> {
  const files = await filesUnder(folder);
  for (const name of ['portfolio.lock', ...left]) files.delete(name);
  return files;
}

/** An encrypted portfolio holding the sample, closed; its contents as they were. */
async function encryptedSample(folder: string) {
  const portfolio = await open(folder);
  await writeSample(portfolio, canary);
  await portfolio.protection.setPassphrase(passphrase, false);
  const before = await contentsOf(portfolio);
  await portfolio.close();
  opened.splice(opened.indexOf(portfolio), 1);
  return before;
}

/** A bit flipped in the middle of the sealed keyring: still JSON of the right shape, which only the checksum tells from a wrong passphrase. */
function flippedKeyring(text: string): string {
  const json = JSON.parse(text) as { keyring: { sealed: string } };
  const sealed = Buffer.from(json.keyring.sealed, 'base64');
  sealed[5] = (sealed[5] ?? 0) ^ 0x01;
  return text.replace(json.keyring.sealed, sealed.toString('base64'));
}

describe('the copy of the key file', () => {
  it('lies in backups/, byte for byte the key file, rewritten with it at every change, and carries a checksum', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, 'words');
    await portfolio.protection.setPassphrase(passphrase, false);
    const paths = keyFilePaths(folder);
    expect(paths.copy).toBe(join(folder, 'backups', 'portfolio.key'));
    const set = await readFile(paths.main);
    expect(await readFile(paths.copy)).toEqual(set);
    const json = JSON.parse(set.toString('utf8')) as { check: string };
    expect(json.check).toMatch(/^[0-9a-f]{64}$/);
    expect(parseKeyFile(flippedKeyring(set.toString('utf8')))).toBeNull();
    expect(parseKeyFile(set.toString('utf8').replace('"check"', '"chedk"'))).toBeNull();
    expect((await portfolio.listBackups()).some((backup) => backup.id === keyFileName)).toBe(false);

    expect((await portfolio.protection.changePassphrase(passphrase, otherPassphrase, false)).ok).toBe(true);
    const changed = await readFile(paths.main);
    expect(changed).not.toEqual(set);
    expect(await readFile(paths.copy)).toEqual(changed);
    // Saves prune backups: the copy is never pruned.
    for (let save = 0; save < 12; save += 1) await saveWeeks(storeOf(portfolio), [{ weekStart: '2019-10-21', thisWeek: [`Save ${save}`] }]);
    expect(await readFile(paths.copy)).toEqual(changed);
  }, 30_000);

  for (const [damage, spoil] of [
    ['cut short', (bytes: Buffer) => bytes.subarray(0, 100)],
    ['one bit changed in its keyring', (bytes: Buffer) => Buffer.from(flippedKeyring(bytes.toString('utf8')), 'utf8')],
    ['zeros (a bad sector)', (bytes: Buffer) => Buffer.alloc(bytes.length)],
    ['missing', null],
  ] as const) {
    it(`a key file ${damage}: the portfolio opens with its passphrase from the copy; the key file is written again and its damaged bytes kept in damaged/`, async () => {
      const folder = await tempFolder();
      const before = await encryptedSample(folder);
      const paths = keyFilePaths(folder);
      const good = await readFile(paths.main);
      const spoilt = spoil ? spoil(good) : null;
      if (spoilt) await writeFile(paths.main, spoilt);
      else await rm(paths.main);
      const untouched = await filesBut(folder, keyFileName);

      const portfolio = await openAt(folder);
      expect(portfolio.status()).toEqual({ state: 'locked' });
      // Put right at once, before any passphrase is given.
      expect(await readFile(paths.main)).toEqual(good);
      expect(await readFile(paths.copy)).toEqual(good);
      const quarantined = join('damaged', `portfolio-key-${stamp}.key`);
      const after = await filesBut(folder, keyFileName);
      if (spoilt) {
        expect(after.get(quarantined)).toEqual(spoilt);
        after.delete(quarantined);
      }
      expect(after).toEqual(untouched);

      expect((await portfolio.protection.unlock(otherPassphrase, false)).ok).toBe(false);
      const unlocked = await portfolio.protection.unlock(passphrase, false);
      expect(unlocked.ok && unlocked.value.state).toBe('ready');
      expect(await contentsOf(portfolio)).toEqual(before);
    }, 30_000);
  }

  it('a damaged copy is written again from the key file (its bytes kept in damaged/); a missing or older copy is written again too', async () => {
    const folder = await tempFolder();
    await encryptedSample(folder);
    const paths = keyFilePaths(folder);
    const good = await readFile(paths.main);
    const untouched = await filesBut(folder, copyName);

    await writeFile(paths.copy, good.subarray(0, good.length - 30));
    const first = await openAt(folder);
    expect(first.status()).toEqual({ state: 'locked' });
    expect(await readFile(paths.copy)).toEqual(good);
    const quarantined = join('damaged', `portfolio-key-copy-${stamp}.key`);
    const after = await filesBut(folder, copyName);
    expect(after.get(quarantined)).toEqual(good.subarray(0, good.length - 30));
    after.delete(quarantined);
    expect(after).toEqual(untouched);
    await first.close();
    await rm(join(folder, quarantined));

    // Missing (a portfolio encrypted before copies were kept).
    await rm(paths.copy);
    await (await openAt(folder)).close();
    expect(await readFile(paths.copy)).toEqual(good);
    expect(await filesBut(folder, copyName)).toEqual(untouched);

    // An older version, whole (as a kill between writing the key file and its copy leaves it): the key file wins, nothing is quarantined.
    const reading = await readKeyFile(folder);
    if (reading.kind !== 'found') throw new Error('no key file');
    const wrappingKey = await wrappingKeyFor(reading.file, passphrase);
    const keys = [...(unwrapKeys(reading.file, wrappingKey)?.values() ?? [])];
    await writeKeyFile(folder, { id: reading.file.id, state: 'changing', kdf: reading.file.kdf, wrappingKey, keys });
    const older = await readFile(paths.copy);
    await writeFile(paths.main, good);
    await writeFile(paths.copy, older);
    const third = await openAt(folder);
    expect(await readFile(paths.copy)).toEqual(good);
    expect(await filesBut(folder, copyName)).toEqual(untouched);
    expect((await third.protection.unlock(passphrase, false)).ok).toBe(true);
    expect((await readKeyFile(folder)).kind === 'found' && ((await readKeyFile(folder)) as { file: { state: string } }).file.state).toBe('ready');
  }, 30_000);

  it('missing beside a damaged copy: the portfolio opens as damaged, saying so, with nothing changed', async () => {
    const folder = await tempFolder();
    await encryptedSample(folder);
    const paths = keyFilePaths(folder);
    await rm(paths.main);
    await writeFile(paths.copy, '{"format":"reflective-portfolio-key"');
    const before = await filesBut(folder);
    const portfolio = await open(folder);
    expect(portfolio.status()).toEqual({
      state: 'damaged',
      problem:
        'The key file of this encrypted portfolio (portfolio.key) is missing and the copy of it in the backups folder is damaged, so the portfolio cannot be opened. Its files have not been changed.',
      quarantinedAs: null,
      backups: [],
    });
    await portfolio.close();
    expect(await filesBut(folder)).toEqual(before);
  });

  it('a key file written before copies and checksums: opens, and both are written with a checksum', async () => {
    const folder = await tempFolder();
    const before = await encryptedSample(folder);
    const paths = keyFilePaths(folder);
    const good = await readFile(paths.main, 'utf8');
    const { check: _check, ...earlier } = JSON.parse(good) as Record<string, unknown>;
    await writeFile(paths.main, `${JSON.stringify(earlier, null, 2)}\n`);
    await rm(paths.copy);
    const portfolio = await open(folder);
    expect(await readFile(paths.main, 'utf8')).toBe(good);
    expect(await readFile(paths.copy, 'utf8')).toBe(good);
    await portfolio.protection.unlock(passphrase, false);
    expect(await contentsOf(portfolio)).toEqual(before);
    expect(await readdir(folder)).not.toContain('damaged');
  }, 30_000);

  it('a removal cut off between deleting the copy and the key file: the copy is made again, and unlocking finishes the removal', async () => {
    const folder = await tempFolder();
    const before = await encryptedSample(folder);
    const reading = await readKeyFile(folder);
    if (reading.kind !== 'found') throw new Error('no key file');
    const wrappingKey = await wrappingKeyFor(reading.file, passphrase);
    await writeKeyFile(folder, { id: reading.file.id, state: 'decrypting', kdf: reading.file.kdf, wrappingKey, keys: [...(unwrapKeys(reading.file, wrappingKey)?.values() ?? [])] });
    const decrypting = await readFile(keyFilePaths(folder).main);
    await rm(keyFilePaths(folder).copy);

    const portfolio = await open(folder);
    expect(portfolio.status()).toEqual({ state: 'locked' });
    expect(await readFile(keyFilePaths(folder).copy)).toEqual(decrypting);
    expect((await portfolio.protection.unlock(passphrase, false)).ok).toBe(true);
    expect(portfolio.protection.state().encrypted).toBe(false);
    expect(await contentsOf(portfolio)).toEqual(before);
    const files = await filesUnder(folder);
    expect([...files.keys()].filter((name) => isKeyFileName(basename(name)))).toEqual([]);
    for (const [name, bytes] of contentFiles(files)) expect(bytes.subarray(0, 8).equals(encryptedFileMagic), name).toBe(false);
  }, 30_000);

  it('left in a plain folder (no key file, no encrypted file): the folder is plain, and the copy is deleted when the app opens it', async () => {
    const folder = await tempFolder();
    const portfolio = await open(folder);
    await writeSample(portfolio, 'words');
    await portfolio.protection.setPassphrase(passphrase, false);
    const copy = await readFile(keyFilePaths(folder).copy);
    expect((await portfolio.protection.removePassphrase(passphrase)).ok).toBe(true);
    const before = await contentsOf(portfolio);
    await portfolio.close();
    await writeFile(keyFilePaths(folder).copy, copy);
    const untouched = await filesBut(folder, copyName);

    // The command line reads it as plain, without a passphrase, and leaves the copy.
    const snapshot = await readPortfolioSnapshot(folder);
    expect(snapshot.ok && snapshot.value.data.entries.length).toBe(before.data.entries.length);
    expect(await readFile(keyFilePaths(folder).copy)).toEqual(copy);

    const reopened = await open(folder);
    expect(reopened.status().state).toBe('ready');
    expect(reopened.protection.state().encrypted).toBe(false);
    expect(await contentsOf(reopened)).toEqual(before);
    expect(await readdir(join(folder, 'backups'))).not.toContain(keyFileName);
    expect(await filesBut(folder, copyName)).toEqual(untouched);
  }, 30_000);

  it('beside encrypted files but no key file is used, even when the index is already plain (a removal part-way, its key file lost)', async () => {
    const folder = await tempFolder();
    const before = await encryptedSample(folder);
    const reading = await readKeyFile(folder);
    if (reading.kind !== 'found') throw new Error('no key file');
    const wrappingKey = await wrappingKeyFor(reading.file, passphrase);
    await writeKeyFile(folder, { id: reading.file.id, state: 'decrypting', kdf: reading.file.kdf, wrappingKey, keys: [...(unwrapKeys(reading.file, wrappingKey)?.values() ?? [])] });
    // Cut off part-way: the index and backups are plain by then, the reviews (rewritten after the bodies) still encrypted.
    await mkdir(join(folder, 'bodies', 'in-the-way.json'));
    const first = await open(folder);
    expect((await first.protection.unlock(passphrase, false)).ok).toBe(false);
    await first.close();
    opened.splice(opened.indexOf(first), 1);
    await rmdir(join(folder, 'bodies', 'in-the-way.json'));
    expect((await readFile(join(folder, 'portfolio.json'))).subarray(0, 8).equals(encryptedFileMagic)).toBe(false);
    const stillEncrypted = contentFiles(await filesUnder(folder)).filter(([, bytes]) => bytes.subarray(0, 8).equals(encryptedFileMagic));
    expect(stillEncrypted.map(([name]) => name)).toEqual([join('reviews', 'share-1.json')]);
    await rm(keyFilePaths(folder).main);

    const second = await open(folder);
    expect(second.status()).toEqual({ state: 'locked' });
    expect((await second.protection.unlock(passphrase, false)).ok).toBe(true);
    expect(second.protection.state().encrypted).toBe(false);
    expect(await contentsOf(second)).toEqual(before);
    expect([...(await filesUnder(folder)).keys()].filter((name) => isKeyFileName(basename(name)))).toEqual([]);
  }, 30_000);

  it('the command line reads from the copy when the key file is damaged, and changes nothing', async () => {
    const root = await tempFolder();
    const folder = join(root, 'portfolio');
    await encryptedSample(folder);
    await writeFile(keyFilePaths(folder).main, 'not a key file');
    const before = await filesUnder(folder);
    const snapshot = await readPortfolioSnapshot(folder, { passphrase: async () => passphrase });
    if (!snapshot.ok) throw new Error(snapshot.message);
    expect(JSON.stringify(await snapshot.value.sections('entry-2019-09-02'))).toContain('First week of the secondment');
    const wrong = await readPortfolioSnapshot(folder, { passphrase: async () => otherPassphrase });
    expect(wrong.ok ? null : wrong.problem).toBe('passphrase-wrong');
    expect(await filesUnder(folder)).toEqual(before);

    // Both damaged: it says so, as before.
    await writeFile(keyFilePaths(folder).copy, 'nor is this');
    const damaged = await readPortfolioSnapshot(folder, { passphrase: async () => passphrase });
    expect(damaged).toEqual({
      ok: false,
      problem: 'damaged',
      message: `The key file of the encrypted portfolio in ${folder} (portfolio.key) is damaged, so the portfolio cannot be opened. Its files have not been changed.`,
    });
  }, 30_000);
});

describe('the API on an encrypted portfolio', () => {
  it('answers as unavailable while locked, then serves the entries once unlocked', async () => {
    const folder = await encryptedFolder();

    const api = await openPortfolioApi({ folder, mode: 'web' });
    opened.push(api.opened);
    expect(await dispatch(api.handlers, 'portfolio.status', {})).toEqual({ ok: true, value: { state: 'locked' } });
    const locked = await dispatch(api.handlers, 'week.get', { weekStart: '2019-09-02' });
    expect(locked.ok).toBe(false);
    const reviews = await dispatch(api.handlers, 'review.list', {});
    expect(reviews.ok ? null : reviews.error.code).toBe('storage-failed');
    await api.opened.protection.unlock(passphrase, false);
    const week = await dispatch(api.handlers, 'week.get', { weekStart: '2019-09-02' });
    expect(JSON.stringify(week)).toContain('First week of the secondment');
    const listed = await dispatch(api.handlers, 'review.list', {});
    expect(listed.ok && (listed.value as unknown[]).length).toBe(1);
  }, 30_000);
});

describe('the command line', () => {
  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const status = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), now: () => new Date('2019-12-21T10:00:00Z') });
    return { status, stdout, stderr };
  }
  const saved = process.env[passphraseVariable];
  afterEach(() => {
    if (saved === undefined) delete process.env[passphraseVariable];
    else process.env[passphraseVariable] = saved;
  });

  it(`reads an encrypted portfolio with the passphrase in ${passphraseVariable}, and otherwise says how to give it`, async () => {
    const folder = join(await tempFolder(), 'Encrypted portfolio');
    const portfolio = await open(folder);
    await writeSample(portfolio, 'words');
    await portfolio.protection.setPassphrase(passphrase, false);
    await portfolio.close();

    delete process.env[passphraseVariable];
    const asked = await cli('list', 'entries', '--portfolio', folder);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toBe(
      `The portfolio in ${folder} is encrypted. Give its passphrase in the environment variable ${passphraseVariable}, or run the command at a terminal to be asked for it.\n`,
    );

    process.env[passphraseVariable] = 'not it';
    const wrong = await cli('list', 'entries', '--portfolio', folder);
    expect(wrong).toEqual({ status: 1, stdout: '', stderr: `That passphrase does not open the portfolio in ${folder}. Nothing was read or changed.\n` });

    process.env[passphraseVariable] = passphrase;
    const listed = await cli('list', 'entries', '--portfolio', folder);
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^entry-2019-09-02 .* Weekly log /m);

    // At a terminal, with nothing in the environment, it asks (the echo-off prompt itself is the read package's).
    delete process.env[passphraseVariable];
    const questions: string[] = [];
    const terminal = (answer: string | null): PassphraseSource => ({
      environment: () => undefined,
      canAsk: () => true,
      ask: async (question) => (questions.push(question), answer),
    });
    const reading = readCommandLine(['list', 'entries', '--portfolio', folder]);
    if (!reading.ok) throw new Error(reading.problem);
    expect((await openPortfolioForCli(reading.commandLine, terminal(passphrase))).data.entries.length).toBe(3);
    expect(questions).toEqual([`Passphrase for the portfolio in ${folder}: `]);
    await expect(openPortfolioForCli(reading.commandLine, terminal(null))).rejects.toThrow('No passphrase was given, so the encrypted portfolio was not read.');

    const snapshot = await readPortfolioSnapshot(folder, { passphrase: async () => passphrase });
    if (!snapshot.ok) throw new Error(snapshot.message);
    const sections = await snapshot.value.sections('entry-2019-09-02');
    expect(JSON.stringify(sections)).toContain('First week of the secondment');
  }, 30_000);
});
