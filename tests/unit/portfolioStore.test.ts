import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPortfolio } from '../../electron/storage/openPortfolio.js';
import { readPortfolioText } from '../../shared/portfolio/portfolioFile.js';
import { currentSchemaVersion } from '../../shared/portfolio/portfolioData.js';
import { saveWeeks, weeklyLog } from '../fixtures/weeklyLogBuilder.js';
import { useTempFolders } from '../fixtures/tempFolder.js';

const tempFolder = useTempFolders();

async function fileData(folder: string) {
  const reading = readPortfolioText(await readFile(join(folder, 'portfolio.json'), 'utf8'));
  if (!reading.ok) throw new Error(reading.problem);
  return reading.data;
}

describe('the portfolio folder', () => {
  it('creates a new portfolio on first run, private to its owner', async () => {
    const folder = join(await tempFolder(), 'My portfolio');
    const opened = await openPortfolio(folder);
    expect(opened.status()).toMatchObject({ state: 'ready' });
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await stat(join(folder, 'portfolio.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(folder, 'backups'))).mode & 0o777).toBe(0o700);
    expect((await fileData(folder)).schemaVersion).toBe(currentSchemaVersion);
    await opened.close();
  });

  it('writes every change to the real file and reads it back after reopening', async () => {
    const folder = await tempFolder();
    const first = await openPortfolio(folder);
    const sketch = { weekStart: '2019-10-07', thisWeek: ['And just like that, it is October!', { idea: 'i7', text: 'Arrange a meeting' }] };
    await saveWeeks(first.store()!, [sketch], (data) => ({ ...data, settings: { ideaNumberStart: 7 } }));
    await first.close();

    const second = await openPortfolio(folder);
    const [record] = second.store()!.read().entries;
    expect(record?.summary.ideas).toEqual([{ id: 'i7', text: 'Arrange a meeting' }]);
    expect(await second.store()!.sections(record!.id)).toEqual(weeklyLog(sketch).sections);
    expect(second.store()!.read().settings.ideaNumberStart).toBe(7);
    await second.close();
  });

  it('writes changes in the order they were made, ending with the latest', async () => {
    const folder = await tempFolder();
    const opened = await openPortfolio(folder);
    const store = opened.store()!;
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.update((data) => ({ ...data, settings: { ideaNumberStart: n + 1 } }))));
    await opened.flush();
    expect((await fileData(folder)).settings.ideaNumberStart).toBe(20);
    await opened.close();
  });

  it('keeps a backup of the file each save replaces, and prunes to the last ten', async () => {
    const folder = await tempFolder();
    const opened = await openPortfolio(folder);
    for (let n = 1; n <= 14; n += 1) await opened.store()!.update((data) => ({ ...data, settings: { ideaNumberStart: n } }));
    const backups = await opened.listBackups();
    expect(backups).toHaveLength(10);
    expect(backups.every((backup) => backup.usable)).toBe(true);
    const newest = await readFile(join(folder, 'backups', backups[0]!.id), 'utf8');
    expect(JSON.parse(newest).settings.ideaNumberStart).toBe(13);
    await opened.close();
  });

  it('refuses to write after it has been closed', async () => {
    const folder = await tempFolder();
    const opened = await openPortfolio(folder);
    const store = opened.store()!;
    await opened.close();
    await expect(store.update((data) => data)).rejects.toThrow('closed');
  });
});

describe('a portfolio written by the first released version (format 1)', () => {
  const version1 = {
    schemaVersion: 1,
    portfolioId: 'p1',
    createdAt: '2019-09-02T09:00:00.000Z',
    settings: { ideaNumberStart: 3 },
    entries: [
      {
        id: 'e1',
        kind: 'weekly-log',
        weekStart: '2019-10-07',
        createdAt: '2019-10-07T09:00:00.000Z',
        updatedAt: '2019-10-07T09:00:00.000Z',
        planReview: {},
        body: 'b1',
        summary: { ideas: [{ id: 'i1', text: 'Bring the service user voice into the agenda' }], plans: [], words: 120 },
      },
    ],
    ideaStatuses: { i1: 'in-progress' },
  };

  it('opens with everything kept, no frameworks yet and no tags, and is saved in the new format on the next change', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'portfolio.json'), JSON.stringify(version1));
    const opened = await openPortfolio(folder);
    const store = opened.store();
    if (!store) throw new Error(JSON.stringify(opened.status()));
    const data = store.read();
    expect(data.frameworks).toEqual([]);
    expect(data.entries[0]).toMatchObject({ id: 'e1', tags: [], summary: { words: 120, evidence: [], ideas: [{ id: 'i1' }] } });
    expect(data.ideaStatuses).toEqual({ i1: 'in-progress' });
    expect(data.settings.ideaNumberStart).toBe(3);
    await store.update((current) => ({ ...current, settings: { ideaNumberStart: 4 } }));
    await opened.close();
    expect((await fileData(folder)).schemaVersion).toBe(currentSchemaVersion);
  });

  it('still reports a damaged entry instead of dropping it', () => {
    const reading = readPortfolioText(JSON.stringify({ ...version1, entries: ['not an entry'] }));
    expect(reading).toMatchObject({ ok: false, problem: expect.stringMatching(/entries\.0/) });
  });
});

describe('a damaged portfolio file', () => {
  const damagedCases: Array<[string, string | Uint8Array, RegExp]> = [
    ['an empty file', '', /empty/],
    ['a file of NUL bytes', new Uint8Array(64), /damaged bytes/],
    ['a file cut short while saving', '{"schemaVersion":1,"portfolioId":"p","entries":[{"id":"e1","ki', /part-way/],
    ['a file that is not JSON', 'Dear diary, today I…', /not in a format/],
    ['a file with invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not valid text/],
    ['JSON that is not a portfolio', '{"hello":"world"}', /not a Reflective Portfolio file/],
    ['a portfolio of the wrong shape', JSON.stringify({ schemaVersion: 1, portfolioId: 'p', createdAt: 'x', settings: { ideaNumberStart: 0 }, entries: [], ideaStatuses: {} }), /settings\.ideaNumberStart/],
    ['a portfolio from a newer version', JSON.stringify({ schemaVersion: 99, portfolioId: 'p' }), /newer version.*format 99/],
  ];

  for (const [name, contents, problem] of damagedCases) {
    it(`opens, explains and quarantines ${name} without writing over it`, async () => {
      const folder = await tempFolder();
      const path = join(folder, 'portfolio.json');
      await writeFile(path, contents);
      const before = await readFile(path);

      const opened = await openPortfolio(folder);
      const status = opened.status();
      expect(status.state).toBe('damaged');
      if (status.state !== 'damaged') return;
      expect(status.problem).toMatch(problem);
      expect(opened.store()).toBeNull();
      expect(Buffer.compare(await readFile(status.quarantinedAs!), before)).toBe(0);
      await opened.flush();
      await opened.close();
      expect(Buffer.compare(await readFile(path), before)).toBe(0);
    });
  }

  it('offers the newest good backup and restores it', async () => {
    const folder = await tempFolder();
    const first = await openPortfolio(folder);
    await saveWeeks(first.store()!, [{ weekStart: '2019-10-07', thisWeek: ['Kept safe'] }]);
    await first.store()!.update((data) => ({ ...data, settings: { ideaNumberStart: 3 } }));
    await first.close();
    await writeFile(join(folder, 'portfolio.json'), '{"schemaVersion":1,"portf');

    const second = await openPortfolio(folder);
    const status = second.status();
    if (status.state !== 'damaged') throw new Error('expected the damaged state');
    const newestUsable = status.backups.find((backup) => backup.usable)!;
    const restored = await second.restoreBackup(newestUsable.id);
    expect(restored).toMatchObject({ ok: true, value: { state: 'ready', restoredFrom: newestUsable.id } });
    const [record] = second.store()!.read().entries;
    expect(record?.weekStart).toBe('2019-10-07');
    expect(await second.store()!.sections(record!.id)).toEqual(weeklyLog({ weekStart: '2019-10-07', thisWeek: ['Kept safe'] }).sections);
    expect((await fileData(folder)).entries).toHaveLength(1);
    expect(await readdir(join(folder, 'damaged'))).toHaveLength(1);
    await second.close();
  });

  it('says the file is missing, rather than starting afresh, when only backups remain', async () => {
    const folder = await tempFolder();
    const first = await openPortfolio(folder);
    await first.store()!.update((data) => ({ ...data, settings: { ideaNumberStart: 5 } }));
    await first.close();
    const { rm } = await import('node:fs/promises');
    await rm(join(folder, 'portfolio.json'));

    const second = await openPortfolio(folder);
    expect(second.status()).toMatchObject({ state: 'damaged', problem: expect.stringMatching(/missing/) });
    await second.close();
  });

  it('refuses a backup name that is not one of its backups', async () => {
    const folder = await tempFolder();
    const opened = await openPortfolio(folder);
    expect(await opened.restoreBackup('../portfolio.json')).toMatchObject({ ok: false });
    await opened.close();
  });
});

describe("entries' text", () => {
  it('is written to a new body file on each save, and old ones go once no kept backup needs them', async () => {
    const folder = await tempFolder();
    const opened = await openPortfolio(folder);
    for (let n = 1; n <= 15; n += 1) await saveWeeks(opened.store()!, [{ weekStart: '2019-10-07', thisWeek: [`Version ${n}`] }]);
    await opened.flush();
    const bodyFiles = await readdir(join(folder, 'bodies'));
    expect(bodyFiles.length).toBeGreaterThan(1);
    expect(bodyFiles.length).toBeLessThanOrEqual(11);
    for (const backup of await opened.listBackups()) {
      const data = JSON.parse(await readFile(join(folder, 'backups', backup.id), 'utf8'));
      for (const entry of data.entries) expect(bodyFiles).toContain(`${entry.body}.json`);
    }
    await opened.close();
  });

  it('never removes a body file it did not know, such as one left by a cut-off save', async () => {
    const folder = await tempFolder();
    const opened = await openPortfolio(folder);
    await writeFile(join(folder, 'bodies', 'stray.json'), '{}');
    for (let n = 1; n <= 12; n += 1) await saveWeeks(opened.store()!, [{ weekStart: '2019-10-07', thisWeek: [`Version ${n}`] }]);
    await opened.flush();
    expect(await readdir(join(folder, 'bodies'))).toContain('stray.json');
    await opened.close();
  });

  it('reports a damaged body as that week only, keeps its bytes and changes nothing', async () => {
    const folder = await tempFolder();
    const first = await openPortfolio(folder);
    await saveWeeks(first.store()!, [{ weekStart: '2019-09-30', thisWeek: ['Fine'] }, { weekStart: '2019-10-07', thisWeek: ['Will be damaged'] }]);
    await first.close();
    const second = await openPortfolio(folder);
    const [fine, damaged] = second.store()!.read().entries;
    await writeFile(join(folder, 'bodies', `${damaged!.body}.json`), '{"entryId":');
    await expect(second.store()!.sections(damaged!.id)).rejects.toThrow(/could not be read/);
    expect(await second.store()!.sections(fine!.id)).toBeTruthy();
    expect(await readdir(join(folder, 'damaged'))).toHaveLength(1);
    expect(await readFile(join(folder, 'bodies', `${damaged!.body}.json`), 'utf8')).toBe('{"entryId":');
    await second.close();
  });
});

describe('after a crash', () => {
  it('clears temporary files a cut-off save left behind', async () => {
    const folder = await tempFolder();
    await (await openPortfolio(folder)).close();
    await writeFile(join(folder, '.portfolio.json.4242.7.tmp'), '{"half":');
    const opened = await openPortfolio(folder);
    expect((await readdir(folder)).sort()).toEqual(['backups', 'bodies', 'portfolio.json', 'portfolio.lock']);
    await opened.close();
  });
});
