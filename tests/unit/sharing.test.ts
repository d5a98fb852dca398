import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { EditorDoc } from '../../shared/document/editorJson.js';
import { emptySections } from '../../shared/portfolio/weeklyLog.js';
import { anchorForRange, sectionText } from '../../shared/share/anchor.js';
import { writeSealedFile } from '../../shared/share/sealedFile.js';
import { nodeFileCrypto } from '../../electron/security/nodeFileCrypto.js';
import { doc, para, tagMark, text, unitWith } from '../fixtures/evidenceDocs.js';
import { openTestPortfolio } from '../fixtures/openTestPortfolio.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { fileOf, fileText } from '../fixtures/outgoingFile.js';

const tempFolder = useTempFolders();

const quote = 'I felt the handover was rushed and key facts were lost';
const weekStart = '2019-10-07';

function thisWeekDoc(before: string, passage: string, after: string): EditorDoc {
  return doc(para(text(before)), para(text(passage, tagMark('lo1', 'c11')), text(after)), para(text('Later I spoke to the ward manager about the rota.')));
}

const unit = unitWith([
  { id: 'lo1', code: 'LO1', title: 'Understand handover', archived: false, criteria: [{ id: 'c11', code: '1.1', text: 'Explain safe handover', archived: false }] },
  { id: 'lo2', code: 'LO2', title: 'Work in partnership', archived: false, criteria: [] },
]);

/** A clock the test moves on, so every change has a later time than the one before. */
function testClock(start = '2019-10-09T10:00:00Z') {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (minutes = 1) => (at += minutes * 60_000) };
}

async function authorAndMentor() {
  const clock = testClock();
  const authorFolder = await tempFolder();
  const mentorFolder = await tempFolder();
  const author = await openTestPortfolio(authorFolder, clock.now, 'a');
  const mentor = await openTestPortfolio(mentorFolder, clock.now, 'm');
  await author.value('frameworks.save', { framework: unit });
  const sections = { ...emptySections(), thisWeek: thisWeekDoc('Monday began on the ward.', quote, ' so I asked the nurse in charge to slow down.') };
  const saved = await author.value('week.save', { weekStart, sections });
  return { clock, author, mentor, authorFolder, mentorFolder, entryId: saved.entryId, sections };
}


async function filesUnder(folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const name of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!name.isFile() || name.name.endsWith('.lock')) continue;
    const path = join(name.parentPath, name.name);
    found.set(path, await readFile(path, 'utf8'));
  }
  return found;
}

/** The author shares week 7 October, the mentor opens it, comments on the passage and the entry, signs LO1 off, and saves feedback. */
async function fullReview(passphrase: string | null = null) {
  const setup = await authorAndMentor();
  const { author, mentor, entryId } = setup;
  const share = fileOf(await author.value('share.create', { selection: { kind: 'range', from: '2019-10-07', to: '2019-10-13' }, authorName: 'Jo Bloggs', passphrase }));
  const opened = await mentor.value('review.open', { text: fileText(share), passphrase });
  const entry = await mentor.value('review.entry', { reviewId: opened.reviewId, entryId });
  const sectionDoc = entry.entry.sections['thisWeek'] as EditorDoc;
  const laidOut = sectionText(sectionDoc);
  const start = laidOut.text.indexOf(quote);
  const anchor = anchorForRange(sectionDoc, 'thisWeek', laidOut.positions[start] as number, (laidOut.positions[start + quote.length - 1] as number) + 1);
  await mentor.value('review.setReviewer', { reviewId: opened.reviewId, reviewer: { name: 'Sam Jones', role: 'Practice assessor', registration: '12A3456E' } });
  const onPassage = await mentor.value('review.saveComment', { reviewId: opened.reviewId, commentId: null, entryId, anchor, text: 'Good that you noticed this. What would you do next time?' });
  const onEntry = await mentor.value('review.saveComment', { reviewId: opened.reviewId, commentId: null, entryId, anchor: null, text: 'A thoughtful week overall.' });
  const signOff = await mentor.value('review.saveSignOff', {
    reviewId: opened.reviewId,
    signOffId: null,
    frameworkId: 'u26',
    outcomeId: 'lo1',
    criterionId: null,
    statement: 'Jo has shown safe handover practice on placement.',
    date: '2019-10-11',
    signer: { name: 'Sam Jones', role: 'Practice assessor', registration: '12A3456E' },
  });
  const feedback = await mentor.value('review.feedbackFile', { reviewId: opened.reviewId, passphrase });
  return { ...setup, share, opened, anchor, onPassage, onEntry, signOff, feedback };
}

describe('sharing a portfolio with a mentor and bringing the feedback home', () => {
  test('share → open → comment → sign off → feedback → import, with the passage found where it was', async () => {
    const { author, mentor, mentorFolder, opened, anchor, feedback, entryId } = await fullReview();
    expect(anchor).toEqual({ sectionId: 'thisWeek', quote, prefix: expect.stringContaining('on the ward.'), suffix: expect.stringContaining(' so I asked') });
    expect(opened).toMatchObject({ authorName: 'Jo Bloggs', entries: 1, comments: 0 });
    const view = await mentor.value('review.get', { reviewId: opened.reviewId });
    expect(view.comments.map((comment) => comment.sent)).toEqual(['sent', 'sent']);
    expect(view.frameworks.map((framework) => framework.id)).toEqual(['u26']);
    const coverage = await mentor.value('review.coverage', { reviewId: opened.reviewId, frameworkId: 'u26' });
    expect(coverage.rows.find((row) => row.code === '1.1')?.passages).toBe(1);
    const evidence = await mentor.value('review.evidence', { reviewId: opened.reviewId, frameworkId: 'u26', outcomeId: 'lo1', criterionId: null });
    expect(evidence.items.map((item) => (item.kind === 'passage' ? item.text : ''))).toEqual([quote]);
    // The mentor's own portfolio holds nothing of the author's.
    const mentorFiles = await filesUnder(mentorFolder);
    const mentorPortfolio = [...mentorFiles.entries()].find(([path]) => path.endsWith('portfolio.json'))?.[1] ?? '';
    expect(mentorPortfolio).not.toContain('handover');

    const imported = await author.value('feedback.import', { text: fileText(feedback), passphrase: null });
    expect(imported).toMatchObject({ reviewerName: 'Sam Jones', revision: 1, changedNothing: false, comments: { added: 2 }, signOffs: { added: 1 } });
    const overview = await author.value('feedback.overview', {});
    expect(overview.comments.map((comment) => [comment.text, comment.place.state])).toEqual([
      ['Good that you noticed this. What would you do next time?', 'exact'],
      ['A thoughtful week overall.', 'whole-entry'],
    ]);
    expect(overview.comments[0]?.place).toMatchObject({ sectionTitle: 'This week', text: quote });
    expect(overview.signOffs[0]).toMatchObject({ label: 'Unit 26: Supporting team and partnership working: LO1 Understand handover', signer: { registration: '12A3456E' } });
    expect((await author.value('feedback.forEntry', { entryId })).length).toBe(2);
  });

  test('importing the same file twice adds nothing and writes nothing', async () => {
    const { author, authorFolder, feedback } = await fullReview();
    await author.value('feedback.import', { text: fileText(feedback), passphrase: null });
    await author.opened.flush();
    const before = await readFile(join(authorFolder, 'portfolio.json'), 'utf8');
    const again = await author.value('feedback.import', { text: fileText(feedback), passphrase: null });
    expect(again).toMatchObject({ changedNothing: true, comments: { added: 0, updated: 0, unchanged: 2 }, signOffs: { added: 0, unchanged: 1 } });
    expect((await author.value('feedback.overview', {})).comments).toHaveLength(2);
    expect(await readFile(join(authorFolder, 'portfolio.json'), 'utf8')).toBe(before);
  });

  test('a newer feedback file updates edited comments, withdraws deleted ones and keeps the author’s replies; an older one then changes nothing', async () => {
    const { clock, author, mentor, opened, onPassage, onEntry, signOff, feedback, entryId } = await fullReview();
    await author.value('feedback.import', { text: fileText(feedback), passphrase: null });
    const replied = await author.value('feedback.reply', { commentId: onPassage.id, text: 'I would use the SBAR form.' });
    expect(replied.replies.map((reply) => reply.text)).toEqual(['I would use the SBAR form.']);
    await author.value('feedback.setResolved', { commentId: onPassage.id, resolved: true });

    clock.advance();
    const edited = await mentor.value('review.saveComment', { reviewId: opened.reviewId, commentId: onPassage.id, entryId, anchor: onPassage.anchor, text: 'Good that you noticed this. Try SBAR next time.' });
    expect(edited.sent).toBe('changed-since-sent');
    await mentor.value('review.deleteComment', { reviewId: opened.reviewId, commentId: onEntry.id });
    await mentor.value('review.deleteSignOff', { reviewId: opened.reviewId, signOffId: signOff.id });
    expect((await mentor.value('review.list', {}))[0]?.unsent).toBe(3);
    const second = fileOf(await mentor.value('review.feedbackFile', { reviewId: opened.reviewId, passphrase: null }));
    expect(second.revision).toBe(2);
    expect((await mentor.value('review.list', {}))[0]?.unsent).toBe(0);

    const imported = await author.value('feedback.import', { text: fileText(second), passphrase: null });
    expect(imported).toMatchObject({ revision: 2, comments: { updated: 1, withdrawn: 1 }, signOffs: { withdrawn: 1 } });
    const overview = await author.value('feedback.overview', {});
    const passageComment = overview.comments.find((comment) => comment.id === onPassage.id);
    expect(passageComment).toMatchObject({ text: 'Good that you noticed this. Try SBAR next time.', resolved: true, replies: [{ text: 'I would use the SBAR form.' }] });
    expect(overview.comments.find((comment) => comment.id === onEntry.id)?.withdrawn).toBe(true);
    expect(overview.signOffs[0]?.withdrawn).toBe(true);

    const older = await author.value('feedback.import', { text: fileText(feedback), passphrase: null });
    expect(older.changedNothing).toBe(true);
    expect((await author.value('feedback.overview', {})).comments.find((comment) => comment.id === onPassage.id)?.text).toBe('Good that you noticed this. Try SBAR next time.');
  });

  test('a comment stays on its passage when text is inserted before it or inside it, and falls back to the entry when the passage is deleted', async () => {
    const { author, feedback, sections } = await fullReview();
    await author.value('feedback.import', { text: fileText(feedback), passphrase: null });
    const placeNow = async (thisWeek: EditorDoc) => {
      await author.value('week.save', { weekStart, sections: { ...sections, thisWeek } });
      return (await author.value('feedback.overview', {})).comments[0]?.place;
    };
    expect(await placeNow(doc(para(text('A new opening paragraph about the team.')), ...(thisWeekDoc('Monday began on the ward.', quote, ' so I asked the nurse in charge to slow down.').content ?? [])))).toMatchObject({
      state: 'exact',
      text: quote,
    });
    expect(await placeNow(thisWeekDoc('Monday began on the ward.', 'I felt the handover was very rushed and some key facts were lost', ' so I asked the nurse in charge to slow down.'))).toEqual({
      state: 'edited',
      sectionId: 'thisWeek',
      sectionTitle: 'This week',
      text: 'I felt the handover was very rushed and some key facts were lost',
    });
    // A whole sentence put inside the passage: found again between its neighbours.
    expect(
      await placeNow(thisWeekDoc('Monday began on the ward.', 'I felt the handover was rushed. Two agency staff arrived late and nobody had briefed them on the bay, and key facts were lost', ' so I asked the nurse in charge to slow down.')),
    ).toMatchObject({ state: 'edited', text: expect.stringContaining('agency staff') });
    expect(await placeNow(thisWeekDoc('Monday began on the ward.', 'We had a quiet shift.', ''))).toEqual({ state: 'gone' });
  });

  test('a passage moved to another section is found there', async () => {
    const { author, feedback, sections } = await fullReview();
    await author.value('feedback.import', { text: fileText(feedback), passphrase: null });
    await author.value('week.save', { weekStart, sections: { ...sections, thisWeek: doc(para(text('Monday began on the ward.'))), keyThoughts: doc(para(text(`On reflection, ${quote}.`))) } });
    expect((await author.value('feedback.overview', {})).comments[0]?.place).toMatchObject({ state: 'exact', sectionId: 'keyThoughts', sectionTitle: 'Key thoughts' });
  });
});

describe('protected files', () => {
  test('a passphrase is asked for, a wrong one refused, the right one opens; the file holds no plain text', async () => {
    const setup = await authorAndMentor();
    const share = await setup.author.value('share.create', { selection: { kind: 'entries', entryIds: [setup.entryId] }, authorName: 'Jo Bloggs', passphrase: 'correct horse battery' });
    const text = fileText(share);
    expect(text).not.toContain('handover');
    expect(JSON.parse(text)).toMatchObject({ format: 'reflective-portfolio-share', formatVersion: 1, protection: { kind: 'passphrase', kdf: 'scrypt', N: 131072, r: 8, p: 1, cipher: 'aes-256-gcm' } });
    expect((await setup.mentor.call('review.open', { text, passphrase: null })).ok ? null : 'refused').toBe('refused');
    const needed = await setup.mentor.call('review.open', { text, passphrase: null });
    expect(needed.ok ? null : needed.error.code).toBe('passphrase-needed');
    const wrong = await setup.mentor.call('review.open', { text, passphrase: 'correct horse battery!' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'passphrase-wrong', message: expect.stringContaining('passphrase does not open') });
    expect(await setup.mentor.value('review.list', {})).toEqual([]);
    const opened = await setup.mentor.value('review.open', { text, passphrase: 'correct horse battery' });
    expect(opened.entries).toBe(1);
  });

  test('a protected feedback file imports with its passphrase', async () => {
    const { author, feedback } = await fullReview('a long shared secret');
    const needed = await author.call('feedback.import', { text: fileText(feedback), passphrase: null });
    expect(needed.ok ? null : needed.error.code).toBe('passphrase-needed');
    expect(await author.value('feedback.import', { text: fileText(feedback), passphrase: 'a long shared secret' })).toMatchObject({ comments: { added: 2 } });
  });
});

describe('bad files change nothing', () => {
  async function expectRefused(
    target: Awaited<ReturnType<typeof openTestPortfolio>>,
    folder: string,
    operation: 'feedback.import' | 'review.open',
    text: string,
    passphrase: string | null,
    message: RegExp,
  ) {
    const before = await filesUnder(folder);
    const result = await target.call(operation, { text, passphrase });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(await filesUnder(folder)).toEqual(before);
  }

  test('one byte changed anywhere in a share or feedback file is caught', async () => {
    const { author, mentor, authorFolder, mentorFolder, share, feedback, opened } = await fullReview();
    // Without its review, a changed share file would have to be opened afresh to be accepted.
    await mentor.value('review.remove', { reviewId: opened.reviewId });
    for (const [target, folder, operation, original] of [
      [author, authorFolder, 'feedback.import', fileText(feedback)],
      [mentor, mentorFolder, 'review.open', fileText(share)],
    ] as const) {
      const step = Math.max(1, Math.floor(original.length / 60));
      for (let at = 0; at < original.length - 1; at += step) {
        const code = original.charCodeAt(at);
        const changed = original.slice(0, at) + String.fromCharCode(code === 0x41 ? 0x42 : code === 0x31 ? 0x32 : 0x41) + original.slice(at + 1);
        await expectRefused(target, folder, operation, changed, null, /damaged|changed|not a Reflective Portfolio|newer version|cut short|cannot accept/);
      }
    }
  });

  test('a protected file with one byte of its content changed is refused as changed, before any key is made', async () => {
    const { author, authorFolder, feedback } = await fullReview('a long shared secret');
    const original = fileText(feedback);
    const at = original.indexOf('"content":"') + 20;
    const changed = original.slice(0, at) + (original[at] === 'A' ? 'B' : 'A') + original.slice(at + 1);
    await expectRefused(author, authorFolder, 'feedback.import', changed, 'a long shared secret', /changed or damaged since it was saved/);
  });

  test('a truncated file, a newer format, the wrong kind, another portfolio and non-files each get their own message', async () => {
    const { author, mentor, authorFolder, mentorFolder, share, feedback } = await fullReview();
    const feedbackText = fileText(feedback);
    await expectRefused(author, authorFolder, 'feedback.import', feedbackText.slice(0, Math.floor(feedbackText.length / 2)), null, /incomplete or damaged: it may have been cut short/);
    const newer = JSON.stringify({ ...JSON.parse(feedbackText), formatVersion: 2 });
    await expectRefused(author, authorFolder, 'feedback.import', newer, null, /made by a newer version of Reflective Portfolio \(file format 2/);
    await expectRefused(author, authorFolder, 'feedback.import', fileText(share), null, /That is a share file, not a feedback file: open it from Mentoring/);
    await expectRefused(mentor, mentorFolder, 'review.open', feedbackText, null, /That is a feedback file, not a share file/);
    await expectRefused(author, authorFolder, 'feedback.import', 'Dear Jo, well done!', null, /not a Reflective Portfolio feedback file/);
    await expectRefused(author, authorFolder, 'feedback.import', '{"format":"something-else"}', null, /not a Reflective Portfolio feedback file/);
    await expectRefused(author, authorFolder, 'feedback.import', '', null, /not a Reflective Portfolio feedback file/);

    const other = await openTestPortfolio(await tempFolder(), () => new Date('2019-10-12T10:00:00Z'), 'o');
    const result = await other.call('feedback.import', { text: feedbackText, passphrase: null });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/from Sam Jones is for a different portfolio/) });
    expect((await other.value('feedback.overview', {})).comments).toEqual([]);
  });

  test('hostile content: script tags and javascript: links are kept as inert text and data; oversized fields refuse the whole file', async () => {
    const { author, authorFolder, feedback } = await fullReview();
    const payload = JSON.parse(Buffer.from(JSON.parse(fileText(feedback)).content, 'base64').toString('utf8'));
    const write = (content: unknown) => writeSealedFile({ kind: 'feedback', app: 'Reflective Portfolio test', payload: content, passphrase: null, crypto: nodeFileCrypto });
    const hostile = { ...payload, comments: [{ ...payload.comments[0], id: 'hostile1', text: '<script>alert(1)</script><img src=x onerror=alert(1)> [link](javascript:alert(1))' }] };
    await author.value('feedback.import', { text: await write(hostile), passphrase: null });
    const stored = (await author.value('feedback.overview', {})).comments.find((comment) => comment.id === 'hostile1');
    expect(stored?.text).toBe('<script>alert(1)</script><img src=x onerror=alert(1)> [link](javascript:alert(1))');

    const huge = { ...payload, comments: [{ ...payload.comments[0], id: 'huge1', text: 'x'.repeat(10_001) }] };
    await expectRefused(author, authorFolder, 'feedback.import', await write(huge), null, /cannot accept \(in “text”/);
    const badId = { ...payload, comments: [{ ...payload.comments[0], id: '../../portfolio' }] };
    await expectRefused(author, authorFolder, 'feedback.import', await write(badId), null, /cannot accept/);
    const extraField = { ...payload, html: '<b>hi</b>' };
    await expectRefused(author, authorFolder, 'feedback.import', await write(extraField), null, /cannot accept/);
  });

  test('a share file whose entry holds a javascript: link or script text opens as data, never as markup', async () => {
    const { author, mentor, entryId } = await authorAndMentor();
    const hostileDoc = doc(para(text('<script>alert(1)</script>'), text('click', { type: 'link', attrs: { href: 'javascript:alert(1)' } })));
    await author.value('week.save', { weekStart, sections: { ...emptySections(), thisWeek: hostileDoc } });
    const share = fileOf(await author.value('share.create', { selection: { kind: 'entries', entryIds: [entryId] }, authorName: 'Jo', passphrase: null }));
    const opened = await mentor.value('review.open', { text: fileText(share), passphrase: null });
    const entry = await mentor.value('review.entry', { reviewId: opened.reviewId, entryId });
    expect(entry.entry.sections['thisWeek']).toEqual(hostileDoc);
  });

  test('a damaged review file is reported plainly and the other reviews still list', async () => {
    const { mentor, mentorFolder, opened } = await fullReview();
    await writeFile(join(mentorFolder, 'reviews', `${opened.reviewId}.json`), '{"reviewId": "half');
    expect(await mentor.value('review.list', {})).toEqual([]);
    const result = await mentor.call('review.get', { reviewId: opened.reviewId });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'storage-failed', message: expect.stringContaining('is damaged and cannot be read') });
  });
});

describe('the mentor’s review', () => {
  test('comments on a passage must name a section of that entry; sign-offs must name an outcome in the shared frameworks; feedback needs a reviewer', async () => {
    const { author, mentor, entryId } = await authorAndMentor();
    const share = fileOf(await author.value('share.create', { selection: { kind: 'framework', frameworkId: 'u26', from: null, to: null }, authorName: 'Jo', passphrase: null }));
    const { reviewId } = await mentor.value('review.open', { text: fileText(share), passphrase: null });
    const noSection = await mentor.call('review.saveComment', { reviewId, commentId: null, entryId, anchor: { sectionId: 'nowhere', quote: 'x', prefix: '', suffix: '' }, text: 'Hi' });
    expect(noSection.ok ? null : noSection.error.message).toBe('That passage is not in this entry.');
    const noOutcome = await mentor.call('review.saveSignOff', { reviewId, signOffId: null, frameworkId: 'u26', outcomeId: 'lo9', criterionId: null, statement: 'Met', date: '2019-10-11', signer: { name: 'Sam', role: '', registration: null } });
    expect(noOutcome.ok ? null : noOutcome.error.message).toBe('That outcome is not in the shared frameworks.');
    const empty = await mentor.call('review.feedbackFile', { reviewId, passphrase: null });
    expect(empty.ok ? null : empty.error.message).toMatch(/Add your name and role/);
    await mentor.value('review.setReviewer', { reviewId, reviewer: { name: 'Sam', role: 'Mentor', registration: null } });
    const nothing = await mentor.call('review.feedbackFile', { reviewId, passphrase: null });
    expect(nothing.ok ? null : nothing.error.message).toMatch(/nothing to send yet/);
    // Opening the same file again opens the same review.
    expect((await mentor.value('review.open', { text: fileText(share), passphrase: null })).reviewId).toBe(reviewId);
    expect(await mentor.value('review.list', {})).toHaveLength(1);
  });

  test('the share preview counts what would go and the file name is safe', async () => {
    const { author } = await authorAndMentor();
    expect(await author.value('share.preview', { selection: { kind: 'range', from: '2019-10-01', to: '2019-10-31' } })).toEqual({
      description: 'Entries from 1 October 2019 to 31 October 2019',
      weeklyLogs: 1,
      reflections: 0,
      words: expect.any(Number),
      frameworks: ['Unit 26: Supporting team and partnership working'],
      fileName: 'portfolio-share-2019-10-09.rpshare',
    });
    const none = await author.value('share.preview', { selection: { kind: 'range', from: '2020-01-01', to: '2020-01-31' } });
    expect(none.weeklyLogs + none.reflections).toBe(0);
    const refused = await author.call('share.create', { selection: { kind: 'range', from: '2020-01-01', to: '2020-01-31' }, authorName: 'Jo', passphrase: null });
    expect(refused.ok ? null : refused.error.message).toMatch(/Nothing to share/);
    const share = fileOf(await author.value('share.create', { selection: { kind: 'range', from: '2019-10-01', to: '2019-10-31' }, authorName: 'Zoë O’Brien / Ward 7', passphrase: null }));
    expect(share.fileName).toBe('portfolio-share-zoe-o-brien-ward-7-2019-10-09.rpshare');
  });
});
