import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportJobs, type ExportEngine, inProcessEngine, workerEngine } from '../../electron/export/exportJobs.js';
import { openPortfolio } from '../../electron/storage/openPortfolio.js';
import type { ApiOutputs, ExportProgress, OperationName } from '../../shared/api/contract.js';
import { dispatch } from '../../shared/api/dispatch.js';
import type { Result } from '../../shared/api/result.js';
import { createPortfolioHandlers } from '../../shared/services/portfolioService.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { saveWeeks } from '../fixtures/weeklyLogBuilder.js';
import { fileOf } from '../fixtures/outgoingFile.js';

const tempFolder = useTempFolders();
const workerFile = join(process.cwd(), 'out/electron/exportWorker.cjs');

/** A real portfolio with a few weeks written, served by the real handlers with `engine` running exports. */
async function portfolioWithWeeks(engine: ExportEngine, weeks = 3) {
  const folder = await tempFolder();
  const opened = await openPortfolio(folder, { now: () => new Date('2019-10-09T10:00:00Z') });
  let counter = 0;
  const newId = () => `id${(counter += 1)}`;
  const exports = new ExportJobs(engine, newId);
  const now = () => new Date('2019-10-09T10:00:00Z');
  const handlers = createPortfolioHandlers(opened, { appInfo: { productName: 'Reflective Portfolio', version: 'test', mode: 'web', portfolioFolder: folder }, newId, now, exports });
  const sketches = Array.from({ length: weeks }, (_, index) => {
    const day = new Date(Date.UTC(2019, 8, 2 + 7 * index)).toISOString().slice(0, 10);
    return { weekStart: day, thisWeek: [`Week ${index + 1} on the ward was busy.`, { idea: `idea${index}`, text: `Try idea ${index + 1}.` }], plans: [{ id: `plan${index}`, text: `Plan ${index + 1}` }] };
  });
  await saveWeeks(opened.store()!, sketches);
  const call = <K extends OperationName>(name: K, argument: unknown) => dispatch(handlers, name, argument) as Promise<Result<ApiOutputs[K]>>;
  return { opened, call, exports };
}

const weeksOptions = { pack: 'weeks', from: '2019-09-02', to: '2019-12-30', name: 'Sam Jones' };

async function waitUntilEnded(call: Awaited<ReturnType<typeof portfolioWithWeeks>>['call'], jobId: string): Promise<ExportProgress> {
  for (let tries = 0; tries < 400; tries += 1) {
    const progress = await call('export.progress', { jobId });
    if (!progress.ok) throw new Error(progress.error.message);
    if (progress.value.state !== 'running') return progress.value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the export never ended');
}

describe.each([
  ['a worker thread', () => workerEngine(workerFile)],
  ['this process', () => inProcessEngine],
])('exports built in %s', (_name, engine) => {
  it('previews, runs with progress and hands the Word file over once', async () => {
    if (_name === 'a worker thread') expect(existsSync(workerFile), 'run npm run build first: the worker is built to out/electron').toBe(true);
    const { opened, call } = await portfolioWithWeeks(engine());
    const preview = await call('export.preview', { options: weeksOptions });
    expect(preview.ok && preview.value).toMatchObject({ entries: 3, fileName: 'weekly-logs-2019-09-02-to-2019-12-30.docx' });

    const started = await call('export.start', { options: weeksOptions });
    if (!started.ok) throw new Error(started.error.message);
    const ended = await waitUntilEnded(call, started.value.jobId);
    expect(ended).toMatchObject({ state: 'done', done: 3, total: 3, message: null });

    const taken = await call('export.take', { jobId: started.value.jobId });
    if (!taken.ok) throw new Error(taken.error.message);
    const file = { value: fileOf(taken.value) };
    const bytes = Buffer.from(file.value.base64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(file.value.bytes).toBe(bytes.length);
    expect(file.value.fileName).toBe('weekly-logs-2019-09-02-to-2019-12-30.docx');

    const again = await call('export.take', { jobId: started.value.jobId });
    expect(again.ok ? null : again.error.code).toBe('not-found');
    await opened.close();
  });

  it('is cancelled on request and then has no file to give', async () => {
    const { opened, call } = await portfolioWithWeeks(engine(), 40);
    const started = await call('export.start', { options: weeksOptions });
    if (!started.ok) throw new Error(started.error.message);
    const cancelled = await call('export.cancel', { jobId: started.value.jobId });
    expect(cancelled.ok && cancelled.value.cancelled).toBe(true);
    const progress = await call('export.progress', { jobId: started.value.jobId });
    expect(progress.ok && progress.value.state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await call('export.progress', { jobId: started.value.jobId });
    expect(later.ok && later.value.state).toBe('cancelled');
    const file = await call('export.take', { jobId: started.value.jobId });
    expect(file.ok ? null : file.error.code).toBe('not-found');
    await opened.close();
  });
});

describe('export operations', () => {
  it('refuses what cannot be exported with a plain sentence, and changes nothing', async () => {
    const { opened, call } = await portfolioWithWeeks(inProcessEngine);
    const before = JSON.stringify(opened.store()!.read());

    const unknownFramework = await call('export.start', { options: { pack: 'assignment', frameworkId: 'no-such-unit', from: null, to: null, name: '', course: '', submissionDate: null, wordLimit: null, commentary: {}, references: '' } });
    expect(unknownFramework.ok ? null : unknownFramework.error).toEqual({ code: 'not-found', message: 'There is no framework with the id "no-such-unit" in this portfolio.' });

    const empty = await call('export.start', { options: { ...weeksOptions, from: '2021-01-04', to: '2021-01-10' } });
    expect(empty.ok ? null : empty.error.message).toMatch(/no weekly logs/);

    const backwards = await call('export.preview', { options: { ...weeksOptions, from: '2019-12-30', to: '2019-09-02' } });
    expect(backwards.ok ? null : backwards.error.code).toBe('invalid-argument');

    const hostile = await call('export.preview', { options: { ...weeksOptions, extra: '<script>' } });
    expect(hostile.ok ? null : hostile.error.code).toBe('invalid-argument');

    const badJob = await call('export.progress', { jobId: '../../etc/passwd' });
    expect(badJob.ok ? null : badJob.error.code).toBe('invalid-argument');

    const unknownJob = await call('export.progress', { jobId: 'nope' });
    expect(unknownJob.ok ? null : unknownJob.error.code).toBe('not-found');

    expect(JSON.stringify(opened.store()!.read())).toBe(before);
    await opened.close();
  });

  it('runs at most three exports at once and says so', async () => {
    const never: ExportEngine = () => ({ cancel: () => undefined });
    const { opened, call } = await portfolioWithWeeks(never);
    for (let index = 0; index < 3; index += 1) expect((await call('export.start', { options: weeksOptions })).ok).toBe(true);
    const fourth = await call('export.start', { options: weeksOptions });
    expect(fourth.ok ? null : fourth.error.message).toMatch(/Three exports are already being written/);
    await opened.close();
  });

  it('forgets a finished file nobody took after ten minutes', async () => {
    let clock = 0;
    const jobs = new ExportJobs((_input, report) => {
      report({ type: 'done', bytes: new Uint8Array([80, 75]), check: { findings: [], total: 0, dismissed: 0, fingerprint: '0' } });
      return { cancel: () => undefined };
    }, () => `job${clock}`, () => clock);
    const input = { options: weeksOptions as never, data: {} as never, bodies: [], now: '2019-10-09T10:00:00Z' };
    const first = jobs.start(input, 'a.docx');
    expect(jobs.progress(first)?.state).toBe('done');
    clock = 11 * 60_000;
    jobs.start(input, 'b.docx');
    expect(jobs.progress(first)).toBeNull();
  });
});
