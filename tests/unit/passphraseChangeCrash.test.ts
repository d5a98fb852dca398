import { type ChildProcess, spawn } from 'node:child_process';
import { type FSWatcher, existsSync, watch } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedFileMagic, keyIdOf } from '../../electron/storage/folderCipher.js';
import { isKeyFileName, keyFilePaths } from '../../electron/storage/folderLayout.js';
import { type KeyFile, type KeyFileReading, keyFileName, parseKeyFile, readKeyFile, unwrapKeys, wrappingKeyFor } from '../../electron/storage/keyFile.js';
import { type OpenedPortfolio, openPortfolio } from '../../electron/storage/openPortfolio.js';
import { reviewSchema } from '../../shared/share/review.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { saveWeeks } from '../fixtures/weeklyLogBuilder.js';

/**
 * A passphrase being set, changed or removed is killed (SIGKILL) at random moments, most of them
 * after the first step (the new key file) is on disk; after each kill the folder must open with
 * exactly one passphrase (or none), hold everything it held, and be left in one form only. The key
 * file and its copy in backups/ must be as their order of writing allows (checkCopies), and a copy
 * of the killed folder with one of the two spoilt must still open with that passphrase.
 */
const tempFolder = useTempFolders();
const kills = Number(process.env['PASSPHRASE_CRASH_KILLS'] ?? 12);
const first = 'first passphrase for the crash test';
const second = 'second passphrase for the crash test';
const weeks = 60;
let childScript = '';

type Variant = 'set' | 'change' | 'remove';
const variants: Record<Variant, { from: string | null; to: string | null }> = {
  set: { from: null, to: first },
  change: { from: first, to: second },
  remove: { from: first, to: null },
};

let scriptFolder = '';
beforeAll(async () => {
  // Not a per-test temp folder: every test below runs the child.
  scriptFolder = await mkdtemp(join(tmpdir(), 'reflective-portfolio-crash-child-'));
  childScript = join(scriptFolder, 'changePassphrase.mjs');
  await build({ entryPoints: ['tests/crash/changePassphrase.ts'], bundle: true, platform: 'node', format: 'esm', outfile: childScript, packages: 'bundle', logLevel: 'silent' });
});
afterAll(async () => {
  await rm(scriptFolder, { recursive: true, force: true });
});

const weekStartOf = (k: number) => new Date(Date.UTC(2018, 0, 1 + 7 * k)).toISOString().slice(0, 10);

function storeOf(portfolio: OpenedPortfolio) {
  const store = portfolio.store();
  if (!store) throw new Error(`the portfolio is not open: ${JSON.stringify(portfolio.status())}`);
  return store;
}

/** 60 weeks, then eleven more saves (so ten backups and the bodies they name), and three reviews; encrypted with `passphrase` if given. */
async function buildTemplate(folder: string, passphrase: string | null): Promise<void> {
  const portfolio = await openPortfolio(folder);
  const store = storeOf(portfolio);
  await saveWeeks(
    store,
    Array.from({ length: weeks }, (_, k) => ({ weekStart: weekStartOf(k), thisWeek: [`Week ${k}. ${'The co-production workshop gave everyone an even platform. '.repeat(30)}`] })),
  );
  for (let save = 1; save <= 11; save += 1) await saveWeeks(store, [{ weekStart: weekStartOf(save), thisWeek: [`Week ${save}, rewritten in save ${save}.`] }]);
  for (let r = 1; r <= 3; r += 1) {
    const at = `2019-10-0${r}T09:00:00.000Z`;
    await portfolio.reviews.put(
      reviewSchema.parse({
        reviewId: `share-${r}`,
        openedAt: at,
        share: { shareId: `share-${r}`, portfolioId: `author-${r}`, createdAt: at, author: { name: 'Sam Author' }, description: `Share ${r}`, entries: [], frameworks: [], templates: [] },
        feedbackId: `feedback-${r}`,
        reviewer: null,
        comments: [{ id: `comment-${r}`, entryId: 'entry-1', anchor: null, text: `Comment ${r} on the week`, createdAt: at, updatedAt: at }],
        signOffs: [],
        withdrawn: [],
        sent: null,
      }),
    );
  }
  if (passphrase) {
    const set = await portfolio.protection.setPassphrase(passphrase, false);
    if (!set.ok) throw new Error(set.error.message);
  }
  await portfolio.close();
}

/** What the portfolio holds: the index, every entry's text, the reviews and the backups (names and dates). */
async function contentsOf(portfolio: OpenedPortfolio) {
  const store = storeOf(portfolio);
  const data = store.read();
  const texts: Record<string, unknown> = {};
  for (const entry of data.entries) texts[entry.id] = await store.sections(entry.id);
  const backups = await portfolio.listBackups();
  return { data, texts, reviews: await portfolio.reviews.list(), backups: backups.map(({ id, savedAt, usable }) => ({ id, savedAt, usable })) };
}

async function openWith(folder: string, passphrase: string | null): Promise<OpenedPortfolio> {
  const portfolio = await openPortfolio(folder);
  if (passphrase) {
    expect(portfolio.status()).toEqual({ state: 'locked' });
    const unlocked = await portfolio.protection.unlock(passphrase, false);
    if (!unlocked.ok) throw new Error(unlocked.error.message);
  }
  if (portfolio.status().state !== 'ready') throw new Error(`did not open: ${JSON.stringify(portfolio.status())}`);
  return portfolio;
}

function start(folder: string, variant: Variant): Promise<{ child: ChildProcess; done: Promise<boolean> }> {
  const { from, to } = variants[variant];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, folder, variant], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CRASH_FROM_PASSPHRASE: from ?? '', CRASH_TO_PASSPHRASE: to ?? '' },
    });
    let output = '';
    let finish: (done: boolean) => void = () => undefined;
    const done = new Promise<boolean>((resolveDone) => (finish = resolveDone));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) resolve({ child, done });
      if (output.includes('FAILED')) reject(new Error(`the child failed: ${output}`));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      finish(output.includes('DONE'));
      if (!output.includes('READY')) reject(new Error(`the child stopped before it was ready (exit ${code}): ${output}`));
    });
  });
}

type KeyFileMoment = 'copy being written' | 'copy replaced' | 'key file deleted';

/**
 * Resolves at the first moment of this kind, when the order of the two key files shows: while the
 * copy's temporary file is written (the key file is new by then), when the copy is renamed into
 * place (likewise), when the key file is deleted (its copy is gone by then).
 */
function keyFileMoment(folder: string, moment: KeyFileMoment): { touched: Promise<number>; close(): void } {
  let watcher: FSWatcher | null = null;
  const paths = keyFilePaths(folder);
  const touched = new Promise<number>((resolve) => {
    const place = moment === 'key file deleted' ? folder : join(folder, 'backups');
    watcher = watch(place, (_event, name) => {
      const seen =
        moment === 'copy being written'
          ? Boolean(name?.startsWith(`.${keyFileName}.`) && name.endsWith('.tmp'))
          : name === keyFileName && existsSync(moment === 'copy replaced' ? paths.copy : paths.main) === (moment === 'copy replaced');
      if (seen) resolve(performance.now());
    });
  });
  return { touched, close: () => watcher?.close() };
}

/** Resolves when portfolio.key is first created, replaced or removed in `folder`. */
function keyFileTouched(folder: string): { touched: Promise<number>; close(): void } {
  let watcher: FSWatcher | null = null;
  const touched = new Promise<number>((resolve) => {
    watcher = watch(folder, (_event, name) => {
      if (name === keyFileName) resolve(performance.now());
    });
  });
  return { touched, close: () => watcher?.close() };
}

async function contentFiles(folder: string): Promise<Array<[string, Buffer]>> {
  const files: Array<[string, Buffer]> = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || isKeyFileName(entry.name) || entry.name === 'portfolio.lock') continue;
    const path = join(entry.parentPath, entry.name);
    files.push([relative(folder, path), await readFile(path)]);
  }
  return files;
}

type Stage = 'before' | 'during' | 'after';

/** Where the change had got to when it was killed, from the key file alone. */
function stageOf(variant: Variant, reading: KeyFileReading, template: KeyFileReading): Stage {
  if (reading.kind === 'damaged') throw new Error(reading.problem);
  if (variant === 'set') return reading.kind === 'absent' ? 'before' : reading.file.state === 'ready' ? 'after' : 'during';
  if (reading.kind === 'absent') return 'after';
  if (reading.file.state !== 'ready') return 'during';
  const sameSalt = template.kind === 'found' && template.file.kdf.salt.equals(reading.file.kdf.salt);
  return sameSalt ? 'before' : 'after';
}

/** Which of the two passphrases opens the folder's key file: exactly one, or null when it has none. */
async function openingPassphrase(reading: KeyFileReading, variant: Variant): Promise<string | null> {
  if (reading.kind !== 'found') return null;
  const candidates = variant === 'change' ? [first, second] : [first];
  const opening: string[] = [];
  for (const candidate of candidates) if (unwrapKeys(reading.file, await wrappingKeyFor(reading.file, candidate))) opening.push(candidate);
  expect(opening.length).toBe(1);
  return opening[0] ?? null;
}

/** After opening: one form only, either every file plain and no key file, or every file under the one current key. */
async function expectOneForm(folder: string): Promise<void> {
  const reading = await readKeyFile(folder);
  const files = await contentFiles(folder);
  if (reading.kind === 'absent') {
    expect(await readFile(keyFilePaths(folder).copy).catch(() => null)).toBeNull();
    for (const [name, bytes] of files) expect(bytes.subarray(0, 8).equals(encryptedFileMagic), name).toBe(false);
    return;
  }
  if (reading.kind !== 'found') throw new Error('damaged key file');
  // The key file and its copy are the same once it has been opened.
  const paths = keyFilePaths(folder);
  expect(await readFile(paths.copy)).toEqual(await readFile(paths.main));
  expect(reading.file.state).toBe('ready');
  expect(reading.file.keyIds).toEqual([reading.file.current]);
  for (const [name, bytes] of files) expect(keyIdOf(bytes), name).toBe(reading.file.current);
}

type Copies = 'none' | 'same' | 'copy missing' | 'copy behind';

/**
 * The key file and its copy as a kill may leave them: neither damaged (each is replaced whole); the
 * key file written before its copy and deleted after it, so a copy is never alone, and where the two
 * differ the key file is the newer: the copy still the one from before the change (first step),
 * or not yet saying 'ready' (last step).
 */
async function checkCopies(folder: string, templateKey: string | null): Promise<Copies> {
  const paths = keyFilePaths(folder);
  const main = await readFile(paths.main, 'utf8').catch(() => null);
  const copy = await readFile(paths.copy, 'utf8').catch(() => null);
  const parsed = (text: string): KeyFile => {
    const file = parseKeyFile(text);
    if (!file) throw new Error('a damaged key file or copy after a kill');
    return file;
  };
  if (main === null) {
    expect(copy, 'a copy without its key file').toBeNull();
    return 'none';
  }
  const mainFile = parsed(main);
  if (copy === null) {
    // Setting, cut between the key file and its copy; or removing, cut between deleting the copy and the key file.
    expect(['encrypting', 'decrypting']).toContain(mainFile.state);
    return 'copy missing';
  }
  const copyFile = parsed(copy);
  if (copy === main) return 'same';
  const firstStep = copy === templateKey;
  const lastStep = mainFile.state === 'ready' && copyFile.state !== 'ready' && copyFile.id === mainFile.id && copyFile.kdf.salt.equals(mainFile.kdf.salt);
  expect(firstStep || lastStep, `a copy that is neither the key file nor the one before it (key file ${mainFile.state}, copy ${copyFile.state})`).toBe(true);
  return 'copy behind';
}

/**
 * A copy of the killed folder with the key file (`spoil` 'main') or its copy spoilt, as a disk or a
 * sync tool might: it opens with the same passphrase and holds everything, the spoilt bytes kept in
 * damaged/. The key file is spoilt only where its copy is the same (both going at once is beyond it).
 */
async function openSpoilt(folder: string, spoilt: string, spoil: 'main' | 'copy', passphrase: string | null, expected: unknown): Promise<boolean> {
  const paths = keyFilePaths(folder);
  const main = await readFile(paths.main).catch(() => null);
  const copy = await readFile(paths.copy).catch(() => null);
  if (!main || (spoil === 'main' && !copy?.equals(main))) return false;
  const state = parseKeyFile(main.toString('utf8'))?.state;
  await cp(folder, spoilt, { recursive: true, preserveTimestamps: true });
  const target = keyFilePaths(spoilt)[spoil];
  const bytes = (spoil === 'main' ? main : (copy ?? main)).subarray(0, 150);
  await writeFile(target, bytes);
  const portfolio = await openWith(spoilt, passphrase);
  expect(await contentsOf(portfolio), `with the ${spoil === 'main' ? 'key file' : 'copy'} spoilt`).toEqual(expected);
  await portfolio.close();
  const quarantined = await readdir(join(spoilt, 'damaged'));
  const kept = quarantined.filter((name) => (spoil === 'main' ? /^portfolio-key-\d{8}T\d{9}Z\.key$/ : /^portfolio-key-copy-\d{8}T\d{9}Z\.key$/).test(name));
  expect(kept).toHaveLength(1);
  expect(quarantined).toHaveLength(1);
  const keptBytes = await readFile(join(spoilt, 'damaged', kept[0] ?? ''));
  // Kept as found; setting a passphrase, when finished, encrypts every plain file in damaged/ (docs/encryption-at-rest.md).
  if (!keptBytes.subarray(0, 8).equals(encryptedFileMagic)) expect(keptBytes).toEqual(bytes);
  else expect(state).toBe('encrypting');
  await expectOneForm(spoilt);
  await rm(spoilt, { recursive: true, force: true });
  return true;
}

async function killedRepeatedly(variant: Variant): Promise<{ stages: Record<Stage, number>; copies: Record<Copies, number>; spoilt: number }> {
  const root = await tempFolder();
  const template = join(root, 'template');
  const { from, to } = variants[variant];
  await buildTemplate(template, from);
  const templateKey = await readKeyFile(template);
  const templateKeyText = await readFile(keyFilePaths(template).main, 'utf8').catch(() => null);
  const expected = await (async () => {
    const portfolio = await openWith(template, from);
    const contents = await contentsOf(portfolio);
    await portfolio.close();
    return contents;
  })();

  // One run left to finish, to time it: from READY to the key file's first change, and to DONE.
  const timing = join(root, 'timing');
  await cp(template, timing, { recursive: true, preserveTimestamps: true });
  const watching = keyFileTouched(timing);
  const started = await start(timing, variant);
  const readyAt = performance.now();
  expect(await started.done).toBe(true);
  const doneAt = performance.now();
  const firstStepAt = await Promise.race([watching.touched, Promise.resolve(doneAt)]);
  watching.close();
  const beforeFirstStep = firstStepAt - readyAt;
  const afterFirstStep = Math.max(doneAt - firstStepAt, 5);
  {
    const portfolio = await openWith(timing, to);
    expect(await contentsOf(portfolio)).toEqual(expected);
    await portfolio.close();
    await expectOneForm(timing);
    await rm(timing, { recursive: true, force: true });
  }

  const stages: Record<Stage, number> = { before: 0, during: 0, after: 0 };
  const copies: Record<Copies, number> = { none: 0, same: 0, 'copy missing': 0, 'copy behind': 0 };
  let spoilt = 0;
  for (let kill = 0; kill < kills; kill += 1) {
    const folder = join(root, `kill-${kill}`);
    await cp(template, folder, { recursive: true, preserveTimestamps: true });
    const watcher = keyFileTouched(folder);
    const copyWatcher = keyFileMoment(folder, kill % 5 === 1 ? 'copy being written' : variant === 'remove' ? 'key file deleted' : 'copy replaced');
    const { child } = await start(folder, variant);
    // One kill in five anywhere before the key file changes; one while its copy is being written (the
    // two differ then), one the moment the copy is replaced (the key file deleted, when removing): a
    // wrong order shows there; the rest while files are being rewritten.
    if (kill % 5 === 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * beforeFirstStep));
    else if (kill % 5 === 1 || kill % 5 === 2) await Promise.race([copyWatcher.touched, new Promise((resolve) => child.once('exit', resolve))]);
    else {
      await Promise.race([watcher.touched, new Promise((resolve) => child.once('exit', resolve))]);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * afterFirstStep * 1.1));
    }
    watcher.close();
    copyWatcher.close();
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }
    });

    copies[await checkCopies(folder, templateKeyText)] += 1;
    const found = await readKeyFile(folder);
    stages[stageOf(variant, found, templateKey)] += 1;
    const passphrase = await openingPassphrase(found, variant);
    if (variant === 'set') expect([null, first]).toContain(passphrase);
    if (variant === 'change') expect([first, second]).toContain(passphrase);
    if (variant === 'remove') expect([first, null]).toContain(passphrase);
    if (await openSpoilt(folder, join(root, `spoilt-${kill}`), kill % 2 === 0 ? 'main' : 'copy', passphrase, expected)) spoilt += 1;
    const portfolio = await openWith(folder, passphrase);
    expect(await contentsOf(portfolio), `after kill ${kill + 1}`).toEqual(expected);
    await portfolio.close();
    await expectOneForm(folder);
    await rm(folder, { recursive: true, force: true });
  }
  return { stages, copies, spoilt };
}

describe('a passphrase change killed part-way', () => {
  for (const variant of ['set', 'change', 'remove'] as const) {
    it(`${variant}: the folder opens with exactly one of the passphrases, holds everything, and is left in one form (${kills} kills)`, async () => {
      const { stages, copies, spoilt } = await killedRepeatedly(variant);
      console.info(
        `passphrase ${variant}, ${kills} kills: ${stages.before} before the key file changed, ${stages.during} part-way, ${stages.after} after it was done; ` +
          `key file and copy: ${copies.same} the same, ${copies['copy behind']} copy a step behind, ${copies['copy missing']} copy missing, ${copies.none} neither; ` +
          `${spoilt} opened again with one of the two spoilt`,
      );
      expect(stages.before + stages.during + stages.after).toBe(kills);
      // Most kills are aimed at the rewriting; some must have landed there for the test to mean anything.
      expect(stages.during).toBeGreaterThan(kills / 4);
    }, 900_000);
  }
});
