import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { writeFileAtomically } from '../../electron/storage/atomicWrite.js';
import { BodyFolder } from '../../electron/storage/bodyFolder.js';
import { openPortfolio } from '../../electron/storage/openPortfolio.js';
import { portfolioText } from '../../shared/portfolio/portfolioFile.js';
import { generatePortfolio } from './generatePortfolio.js';
import { deriveKeyFromPassphrase } from '../../electron/security/nodeFileCrypto.js';
import { scryptForNewFiles } from '../../shared/share/fileCrypto.js';

export interface Figures {
  [name: string]: string | number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const round = (value: number) => Math.round(value * 10) / 10;

/** Writes a generated portfolio into a fresh folder and returns the folder. */
export async function writeBenchPortfolio(entries: number): Promise<{ folder: string; indexBytes: number; bodyBytes: number }> {
  const folder = await mkdtemp(join(tmpdir(), 'reflective-portfolio-bench-'));
  const { data, bodies } = generatePortfolio(entries);
  const bodyFolder = new BodyFolder(join(folder, 'bodies'));
  await mkdir(bodyFolder.folder);
  await bodyFolder.write(bodies);
  await writeFileAtomically(join(folder, 'portfolio.json'), portfolioText(data));
  let bodyBytes = 0;
  for (const name of await readdir(bodyFolder.folder)) bodyBytes += (await stat(join(bodyFolder.folder, name))).size;
  return { folder, indexBytes: (await stat(join(folder, 'portfolio.json'))).size, bodyBytes };
}

export async function benchStorage(entries: number, saves: number): Promise<Figures> {
  const { folder, indexBytes, bodyBytes } = await writeBenchPortfolio(entries);
  try {
    const openTimes: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      const opened = await openPortfolio(folder);
      openTimes.push(performance.now() - started);
      if (opened.status().state !== 'ready') throw new Error('the generated portfolio did not open');
      await opened.close();
    }

    const opened = await openPortfolio(folder);
    const store = opened.store();
    if (!store) throw new Error('not open');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const saveTimes: number[] = [];
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    for (let save = 0; save < saves; save += 1) {
      const started = performance.now();
      const entry = store.read().entries[store.read().entries.length - 1 - (save % 3)];
      if (!entry) throw new Error('no entry');
      const sections = await store.sections(entry.id);
      const typedInto = sections['thisWeek'] ?? { type: 'doc' as const, content: [] };
      const thisWeek = { ...typedInto, content: [...(typedInto.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: `Typed ${save}` }] }] };
      const updatedAt = new Date().toISOString();
      await store.update(
        (data) => ({ ...data, entries: data.entries.map((existing) => (existing.id === entry.id ? { ...existing, updatedAt } : existing)) }),
        [{ entryId: entry.id, sections: { ...sections, thisWeek } }],
      );
      saveTimes.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    loop.disable();
    await opened.close();
    const encrypted = await benchEncryption(folder, saves);
    return {
      entries,
      'index file (MB)': round(indexBytes / 1e6),
      'entry bodies, all files (MB)': round(bodyBytes / 1e6),
      'open: read + parse + validate, median of 5 (ms)': round(percentile(openTimes, 50)),
      'open: slowest of 5 (ms)': round(Math.max(...openTimes)),
      [`autosave p50 of ${saves} (ms)`]: round(percentile(saveTimes, 50)),
      [`autosave p95 of ${saves} (ms)`]: round(percentile(saveTimes, 95)),
      'event loop blocked during saves, max (ms)': round(loop.max / 1e6),
      ...encrypted,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const benchPassphrase = 'a passphrase for the benchmark';

/**
 * The same portfolio encrypted at rest (docs/encryption-at-rest.md): setting the passphrase
 * (every file rewritten), unlocking (scrypt, then the index decrypted and read), autosaves, and
 * changing the passphrase (every file re-encrypted with a new key).
 */
async function benchEncryption(folder: string, saves: number): Promise<Figures> {
  const files = (await readdir(join(folder, 'bodies'))).length + (await readdir(join(folder, 'backups')).catch(() => [])).length + 1;
  const setting = await openPortfolio(folder);
  let started = performance.now();
  const set = await setting.protection.setPassphrase(benchPassphrase, false);
  const setTime = performance.now() - started;
  if (!set.ok) throw new Error(set.error.message);
  await setting.close();

  const unlockTimes: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const opened = await openPortfolio(folder);
    started = performance.now();
    const unlocked = await opened.protection.unlock(benchPassphrase, false);
    unlockTimes.push(performance.now() - started);
    if (!unlocked.ok || unlocked.value.state !== 'ready') throw new Error('the encrypted portfolio did not open');
    await opened.close();
  }
  const scryptTimes: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    started = performance.now();
    await scrypt(benchPassphrase);
    scryptTimes.push(performance.now() - started);
  }

  const opened = await openPortfolio(folder);
  await opened.protection.unlock(benchPassphrase, false);
  const store = opened.store();
  if (!store) throw new Error('not open');
  const saveTimes: number[] = [];
  for (let save = 0; save < saves; save += 1) {
    const entry = store.read().entries[store.read().entries.length - 1 - (save % 3)];
    if (!entry) throw new Error('no entry');
    const sections = await store.sections(entry.id);
    started = performance.now();
    await store.update((data) => data, [{ entryId: entry.id, sections: { ...sections, keyThoughts: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Typed ${save}` }] }] } } }]);
    saveTimes.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  started = performance.now();
  const changed = await opened.protection.changePassphrase(benchPassphrase, `${benchPassphrase} changed`, false);
  const changeTime = performance.now() - started;
  if (!changed.ok) throw new Error(changed.error.message);
  await opened.close();
  return {
    'encrypted: files in the folder': files,
    'encrypted: set a passphrase, every file encrypted (ms)': round(setTime),
    'encrypted: unlock, scrypt + read + decrypt + validate, median of 5 (ms)': round(percentile(unlockTimes, 50)),
    'encrypted: of which scrypt N=2^17 r=8 p=1, median of 3 (ms)': round(percentile(scryptTimes, 50)),
    [`encrypted: autosave p50 of ${saves} (ms)`]: round(percentile(saveTimes, 50)),
    [`encrypted: autosave p95 of ${saves} (ms)`]: round(percentile(saveTimes, 95)),
    'encrypted: change the passphrase, two scrypts + every file re-encrypted (ms)': round(changeTime),
  };
}

function scrypt(passphrase: string): Promise<unknown> {
  return deriveKeyFromPassphrase(passphrase, Buffer.alloc(16), scryptForNewFiles);
}
