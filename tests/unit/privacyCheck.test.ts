import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../electron/cli/runCli.js';
import { ExportJobs, inProcessEngine } from '../../electron/export/exportJobs.js';
import type { ApiOutputs, OperationName } from '../../shared/api/contract.js';
import { dispatch } from '../../shared/api/dispatch.js';
import type { Result } from '../../shared/api/result.js';
import { wordFileText } from '../../shared/export/wordText.js';
import { emptySections } from '../../shared/portfolio/weeklyLog.js';
import { docParagraphs } from '../../shared/privacy/outgoing.js';
import { occurrenceIn } from '../../shared/privacy/privacySettings.js';
import { scanText } from '../../shared/privacy/scanner.js';
import { createPortfolioHandlers } from '../../shared/services/portfolioService.js';
import { doc, para, text } from '../fixtures/evidenceDocs.js';
import { openTestPortfolio } from '../fixtures/openTestPortfolio.js';
import { fileOf, fileText } from '../fixtures/outgoingFile.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { weeklyLog } from '../fixtures/weeklyLogBuilder.js';

const tempFolder = useTempFolders();
const weekStart = '2019-10-07';
const nhsNumber = '943 476 5919';
const identifying = `On Tuesday I looked after Mrs Patel, NHS number ${nhsNumber}, who was anxious about going home.`;
const harmless = 'The team meeting on 14 October 2019 agreed a new handover sheet.';

async function authorWithWeek(paragraphs: readonly string[] = [identifying, harmless]) {
  const folder = await tempFolder();
  const author = await openTestPortfolio(folder, () => new Date('2019-10-09T10:00:00Z'), 'a');
  const sections = { ...emptySections(), thisWeek: doc(...paragraphs.map((words) => para(text(words)))) };
  const saved = await author.value('week.save', { weekStart, sections });
  return { folder, author, entryId: saved.entryId };
}

const share = { selection: { kind: 'range', from: weekStart, to: '2019-10-13' }, authorName: 'Dr Jo Bloggs', passphrase: null } as const;

async function filesUnder(folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!existsSync(folder)) return found;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.lock')) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(path, await readFile(path, 'latin1'));
  }
  return found;
}

describe('the privacy lists and dismissed findings', () => {
  test('lists are tidied and kept; a dismissal is kept once and can be undone', async () => {
    const { author, entryId } = await authorWithWeek();
    expect(await author.value('privacy.get', {})).toEqual({ alwaysFlag: [], neverFlag: [], dismissed: [] });
    const lists = await author.value('privacy.setLists', { alwaysFlag: ['  Okonkwo ', 'okonkwo', 'Feng  Li'], neverFlag: ['Jo Bloggs'] });
    expect(lists).toMatchObject({ alwaysFlag: ['Okonkwo', 'Feng Li'], neverFlag: ['Jo Bloggs'] });
    const refused = await author.call('privacy.setLists', { alwaysFlag: ['bad\u0007name'], neverFlag: [] });
    expect(refused.ok ? null : refused.error.code).toBe('invalid-argument');

    const finding = scanText(identifying, { alwaysFlag: [], neverFlag: [] }).find((item) => item.kind === 'titled-name');
    if (!finding) throw new Error('the scanner did not find the titled name');
    const occurrence = occurrenceIn(identifying, finding);
    const first = await author.value('privacy.dismiss', { entryId, ...occurrence });
    const second = await author.value('privacy.dismiss', { entryId, ...occurrence });
    expect(second.id).toBe(first.id);
    expect((await author.value('privacy.get', {})).dismissed).toHaveLength(1);
    const unknown = await author.call('privacy.dismiss', { ...occurrence, entryId: 'nope' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found');
    expect((await author.value('privacy.undismiss', { dismissalId: first.id })).dismissed).toEqual([]);
    await author.opened.close();
  });
});

describe('the check before a share file leaves', () => {
  test('holds the file back until exactly these findings are confirmed', async () => {
    const { author } = await authorWithWeek();
    const held = await author.value('share.create', share);
    if (held.state !== 'check') throw new Error('the share file was not held back');
    expect(held.check.findings.map((finding) => [finding.kind, finding.text])).toEqual([
      ['titled-name', 'Mrs Patel'],
      ['nhs-number', nhsNumber],
    ]);
    const place = held.check.findings[0]?.place ?? '';
    expect(place).toMatch(/^Weekly log, w\/c 7 Oct 2019 › /);
    expect(held.check.findings[1]).toMatchObject({ before: expect.stringContaining('NHS number '), after: expect.stringContaining(', who was anxious') });
    // The author's own name leaves on purpose: "Dr Jo Bloggs" is not listed.
    expect(held.check.findings.some((finding) => finding.text.includes('Bloggs'))).toBe(false);

    const wrong = await author.value('share.create', { ...share, confirmedFindings: '0123abcd' });
    expect(wrong.state).toBe('check');
    const file = fileOf(await author.value('share.create', { ...share, confirmedFindings: held.check.fingerprint }));
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain('"format"');
    await author.opened.close();
  });

  test('a confirmation no longer stands once the findings change', async () => {
    const { author } = await authorWithWeek();
    const held = await author.value('share.create', share);
    if (held.state !== 'check') throw new Error('the share file was not held back');
    await author.value('week.save', { weekStart, sections: { ...emptySections(), thisWeek: doc(para(text(identifying)), para(text('Her son rang from 07700 900123.'))) } });
    const again = await author.value('share.create', { ...share, confirmedFindings: held.check.fingerprint });
    if (again.state !== 'check') throw new Error('a stale confirmation let the file go');
    expect(again.check.findings.map((finding) => finding.kind)).toContain('phone');
    await author.opened.close();
  });

  test('nothing found, or only dismissed findings: the file goes at once', async () => {
    const clean = await authorWithWeek([harmless]);
    expect((await clean.author.value('share.create', share)).state).toBe('file');
    await clean.author.opened.close();

    const { author, entryId } = await authorWithWeek();
    for (const finding of scanText(identifying, { alwaysFlag: [], neverFlag: [] })) await author.value('privacy.dismiss', { entryId, ...occurrenceIn(identifying, finding) });
    const outcome = await author.value('share.create', share);
    expect(outcome.state).toBe('file');
    await author.opened.close();
  });

  test('the always-flag list is applied to what leaves', async () => {
    const { author } = await authorWithWeek([harmless, 'I visited the Okonkwo family again.']);
    expect((await author.value('share.create', share)).state).toBe('file');
    await author.value('privacy.setLists', { alwaysFlag: ['Okonkwo'], neverFlag: [] });
    const held = await author.value('share.create', share);
    expect(held.state === 'check' ? held.check.findings.map((finding) => [finding.kind, finding.text]) : null).toEqual([['listed-name', 'Okonkwo']]);
    await author.opened.close();
  });
});

describe('everything a share file carries is checked', () => {
  test('link addresses, reviewed plans, and a patient who shares the author\'s surname', async () => {
    const folder = await tempFolder();
    const author = await openTestPortfolio(folder, () => new Date('2019-10-16T10:00:00Z'), 'a');
    const linked = { type: 'text', text: "I emailed the patient's daughter", marks: [{ type: 'link', attrs: { href: 'mailto:jean.hartley@example.com?subject=NHS%20943%20476%205919' } }] };
    await author.value('week.save', {
      weekStart,
      sections: { ...weeklyLog({ weekStart, plans: [{ id: 'plan1', text: 'Ring Mrs Hartley about her dressing' }] }).sections, thisWeek: doc(para(linked as never)) },
    });
    const nextWeek = '2019-10-14';
    await author.value('week.save', { weekStart: nextWeek, sections: { ...emptySections(), thisWeek: doc(para(text('Mr Smith, the patient in bay 4, was upset.'))) } });
    await author.value('week.setPlanReview', { weekStart: nextWeek, planId: 'plan1', status: 'done' });

    const onlyNextWeek = await author.value('share.create', { selection: { kind: 'range', from: nextWeek, to: nextWeek }, authorName: 'Anna Smith', passphrase: null });
    if (onlyNextWeek.state !== 'check') throw new Error('the share file was not held back');
    expect(onlyNextWeek.check.findings.map((finding) => [finding.kind, finding.text, finding.place])).toEqual([
      ['titled-name', 'Mr Smith', expect.stringMatching(/^Weekly log, w\/c 14 Oct 2019 › /)],
      ['titled-name', 'Mrs Hartley', "Weekly log, w/c 14 Oct 2019 › Last week's plans reviewed"],
    ]);

    const firstWeek = await author.value('share.create', { ...share, authorName: 'Anna Smith' });
    if (firstWeek.state !== 'check') throw new Error('the share file was not held back');
    expect(firstWeek.check.findings.map((finding) => [finding.kind, finding.text])).toEqual(
      expect.arrayContaining([
        ['email', 'jean.hartley@example.com'],
        ['nhs-number', nhsNumber],
      ]),
    );
    await author.opened.close();
  });
});

describe('the check before a feedback file leaves', () => {
  test("holds the mentor's file back, writes nothing, then saves once confirmed", async () => {
    const { author, entryId } = await authorWithWeek([harmless]);
    const mentorFolder = await tempFolder();
    const mentor = await openTestPortfolio(mentorFolder, () => new Date('2019-10-10T10:00:00Z'), 'm');
    const opened = await mentor.value('review.open', { text: fileText(await author.value('share.create', share)), passphrase: null });
    await mentor.value('review.setReviewer', { reviewId: opened.reviewId, reviewer: { name: 'Dr Sam Okafor', role: 'Practice assessor', registration: null } });
    await mentor.value('review.saveComment', { reviewId: opened.reviewId, commentId: null, entryId, anchor: null, text: 'Good. Did you speak to Mr Hughes about it too? Call me on 0161 496 0000.' });
    const before = await filesUnder(join(mentorFolder, 'reviews'));

    const held = await mentor.value('review.feedbackFile', { reviewId: opened.reviewId, passphrase: null });
    if (held.state !== 'check') throw new Error('the feedback file was not held back');
    expect(held.check.findings.map((finding) => [finding.kind, finding.text])).toEqual([
      ['titled-name', 'Mr Hughes'],
      ['phone', '0161 496 0000'],
    ]);
    expect(held.check.findings[0]?.place).toBe('Comment on Weekly log, w/c 7 Oct 2019');
    expect(await filesUnder(join(mentorFolder, 'reviews'))).toEqual(before);
    expect((await mentor.value('review.list', {}))[0]?.lastSentAt).toBeNull();

    const file = fileOf(await mentor.value('review.feedbackFile', { reviewId: opened.reviewId, passphrase: null, confirmedFindings: held.check.fingerprint }));
    expect(file.revision).toBe(1);
    expect((await mentor.value('review.list', {}))[0]?.lastSentAt).not.toBeNull();
    await mentor.opened.close();
    await author.opened.close();
  });
});

describe('the check before a Word file leaves', () => {
  async function withExports(paragraphs: readonly string[]) {
    const folder = await tempFolder();
    const now = () => new Date('2019-10-09T10:00:00Z');
    const { openPortfolio } = await import('../../electron/storage/openPortfolio.js');
    const opened = await openPortfolio(folder, { now });
    let counter = 0;
    const newId = () => `id${(counter += 1)}`;
    const handlers = createPortfolioHandlers(opened, { appInfo: { productName: 'Reflective Portfolio', version: 'test', mode: 'web', portfolioFolder: folder }, newId, now, exports: new ExportJobs(inProcessEngine, newId) });
    const call = <K extends OperationName>(name: K, argument: unknown) => dispatch(handlers, name, argument) as Promise<Result<ApiOutputs[K]>>;
    const value = async <K extends OperationName>(name: K, argument: unknown) => {
      const result = await call(name, argument);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    await value('week.save', { weekStart, sections: { ...emptySections(), thisWeek: doc(...paragraphs.map((words) => para(text(words)))) } });
    const exportNow = async (confirmedFindings: string | null = null) => {
      const started = await value('export.start', { options: { pack: 'weeks', from: weekStart, to: weekStart, name: 'Dr Jo Bloggs' } });
      for (let tries = 0; tries < 400 && (await value('export.progress', { jobId: started.jobId })).state === 'running'; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      return { jobId: started.jobId, taken: await value('export.take', { jobId: started.jobId, confirmedFindings }) };
    };
    return { opened, value, exportNow };
  }

  test('reads the words back from the finished file and holds it until they are confirmed', async () => {
    const { opened, value, exportNow } = await withExports([identifying, harmless]);
    const { jobId, taken } = await exportNow();
    if (taken.state !== 'check') throw new Error('the Word file was not held back');
    expect(taken.check.findings.map((finding) => [finding.kind, finding.text])).toEqual([
      ['titled-name', 'Mrs Patel'],
      ['nhs-number', nhsNumber],
    ]);
    // Placed under the headings the reader sees in Word; the writer's own name on the cover is not flagged.
    expect(taken.check.findings[0]?.place).toMatch(/7 October 2019|7 Oct 2019/);
    // Held back, the file is still there to take once confirmed, and then only once.
    const file = fileOf(await value('export.take', { jobId, confirmedFindings: taken.check.fingerprint }));
    const words = wordFileText(Buffer.from(file.base64, 'base64')).flatMap((piece) => piece.paragraphs);
    expect(words).toContain(identifying);
    expect(words.some((paragraph) => paragraph.includes('Dr Jo Bloggs'))).toBe(true);
    const again = await (async () => {
      try {
        return await value('export.take', { jobId, confirmedFindings: taken.check.fingerprint });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(again).toMatch(/no longer known/);
    await opened.close();
  });

  test('the addresses of links are read from the file too', async () => {
    const { opened, value } = await withExports([harmless]);
    const linked = { type: 'text', text: 'the discharge letter', marks: [{ type: 'link', attrs: { href: 'mailto:jean.hartley@example.com' } }] };
    await value('week.save', { weekStart, sections: { ...emptySections(), thisWeek: doc(para(text('I sent '), linked as never, text('.'))) } });
    const started = await value('export.start', { options: { pack: 'weeks', from: weekStart, to: weekStart, name: '' } });
    while ((await value('export.progress', { jobId: started.jobId })).state === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
    const taken = await value('export.take', { jobId: started.jobId, confirmedFindings: null });
    expect(taken.state === 'check' ? taken.check.findings.map((finding) => [finding.kind, finding.text, finding.place]) : taken.state).toEqual([['email', 'jean.hartley@example.com', 'Link addresses']]);
    await opened.close();
  });

  test('a file with nothing found goes at once', async () => {
    const { opened, exportNow } = await withExports([harmless]);
    expect((await exportNow()).taken.state).toBe('file');
    await opened.close();
  });
});

describe('the command line', () => {
  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const status = await runCli(argv, { stdout: (line) => (stdout += line), stderr: (line) => (stderr += line), now: () => new Date('2019-12-21T10:00:00Z') });
    return { status, stdout, stderr };
  }

  test('lists what the check finds, and --fail-on-findings saves nothing', async () => {
    const { folder, author } = await authorWithWeek();
    await author.opened.close();
    const out = join(await tempFolder(), 'week.docx');
    const refused = await cli('export', 'weeks', '--portfolio', folder, '--week', weekStart, '--out', out, '--fail-on-findings');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toContain('Privacy check: 2 possible identifiers found');
    expect(refused.stdout).toContain(`NHS number "${nhsNumber}" in Week commencing Monday 7 October 2019 › `);
    expect(refused.stderr).toMatch(/Nothing was saved, because of --fail-on-findings/);
    expect(existsSync(out)).toBe(false);

    const saved = await cli('export', 'weeks', '--portfolio', folder, '--week', weekStart, '--out', out);
    expect(saved.status).toBe(0);
    expect(saved.stdout).toContain('Name "Mrs Patel" in Week commencing Monday 7 October 2019 › ');
    expect(existsSync(out)).toBe(true);
  });

  test('says when nothing was found', async () => {
    const { folder, author } = await authorWithWeek([harmless]);
    await author.opened.close();
    const out = join(await tempFolder(), 'week.docx');
    const saved = await cli('export', 'weeks', '--portfolio', folder, '--week', weekStart, '--out', out, '--fail-on-findings');
    expect(saved.status).toBe(0);
    expect(saved.stdout).toContain('Privacy check: no possible identifiers found.');
  });
});

describe('paragraphs of a stored document', () => {
  test('one string per paragraph, line breaks kept, list items each their own', () => {
    const stored = doc(para(text('One'), { type: 'hardBreak' }, text('two')), { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('Item'))] }] }, para());
    expect(docParagraphs(stored)).toEqual(['One\ntwo', 'Item']);
  });
});
