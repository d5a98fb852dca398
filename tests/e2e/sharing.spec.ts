import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { FeedbackOverview } from '../../shared/api/contract.js';
import type { EditorDoc, EditorNode } from '../../shared/document/editorJson.js';
import type { EvidenceTag, Framework } from '../../shared/frameworks/framework.js';
import type { WeeklyLogSections } from '../../shared/portfolio/weeklyLog.js';
import { anchorForRange, sectionText } from '../../shared/share/anchor.js';
import type { TextAnchor } from '../../shared/share/sharing.js';
import { bullets, doc, para, tagMark, text } from '../fixtures/evidenceDocs.js';
import { callFromPage } from './pageApi.js';
import { expect, test } from './webApp.js';
import { fileOf } from '../fixtures/outgoingFile.js';
import { expectNoAxeViolations, waitForSaved } from './pageChecks.js';

const artifacts = 'tests/.artifacts';

// ---------------------------------------------------------------------------------------------
// A small portfolio written through the API: Unit 26 from its CSV file, two weekly logs (one with
// a passage tagged as evidence) and a reflection.

const weekOne = '2019-09-30';
const weekTwo = '2019-10-07';

const passage = 'reads the handover sheet aloud';
const rotaWords = 'Next I want to ask the manager about the rota.';

function week(narrative: EditorNode[], keyThoughts: string[]): WeeklyLogSections {
  return {
    thisWeek: doc(...narrative),
    keyThoughts: doc(bullets(...keyThoughts.map((thought) => [text(thought)]))),
    achievements: doc(bullets([text('Finished the induction workbook')])),
    nextWeekPlans: doc(para(text('Read the sepsis policy.'))),
  };
}

interface Seeded {
  unit: Framework;
  weekTwoSections: WeeklyLogSections;
  reflectionId: string;
}

async function seedPortfolio(page: Page): Promise<Seeded> {
  const imported = await callFromPage(page, 'frameworks.import', { format: 'csv', text: await readFile('tests/fixtures/frameworks/unit26.csv', 'utf8') });
  if (!imported.imported) throw new Error(`unit26.csv did not import: ${imported.problems.join(' ')}`);
  const unit = imported.framework;
  const lo1 = unit.outcomes.find((outcome) => outcome.code === 'LO1')!;
  const tag: EvidenceTag = { framework: unit.id, outcome: lo1.id, criterion: null };
  await callFromPage(page, 'week.save', { weekStart: weekOne, sections: week([para(text('A quiet first week on the ward.'))], ['Ask before assuming']) });
  const weekTwoSections = week(
    [
      para(text('A busy week on the ward. The night team now '), text(`${passage} before anyone leaves`, tagMark(tag.outcome, tag.criterion, tag.framework)), text(', which saves time.')),
      para(text(rotaWords)),
    ],
    ['Handovers work better out loud'],
  );
  await callFromPage(page, 'week.save', { weekStart: weekTwo, sections: weekTwoSections });
  const reflection = await callFromPage(page, 'entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'Handover on a short-staffed night' });
  await callFromPage(page, 'entry.save', { entryId: reflection.entry.id, sections: { description: doc(para(text('I took over from a colleague who was running late.'))) } });
  return { unit, weekTwoSections, reflectionId: reflection.entry.id };
}

async function openSeeded(page: Page, url: string): Promise<Seeded> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const seeded = await seedPortfolio(page);
  await page.reload();
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  return seeded;
}

/** Axe at full width and in a 700 px window (and a picture of that, when named). */
async function expectNoAxeViolationsAtBothWidths(page: Page, narrowScreenshot?: { name: string; from: Locator }): Promise<void> {
  await expectNoAxeViolations(page);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 700, height: size.height });
  await expectNoAxeViolations(page);
  if (narrowScreenshot) {
    await narrowScreenshot.from.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${artifacts}/${narrowScreenshot.name}.png` });
  }
  await page.setViewportSize(size);
}

/** Presses Tab until `target` has focus (at most `presses` times). */
async function tabTo(page: Page, target: Locator, presses = 40): Promise<void> {
  for (let count = 0; count < presses && !(await target.evaluate((element) => element === document.activeElement)); count += 1) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

const fromBase64 = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

/** The anchor a mentor's selection of `words` in a section makes. */
function anchorOn(section: EditorDoc, sectionId: string, words: string): TextAnchor {
  const laidOut = sectionText(section);
  const index = laidOut.text.indexOf(words);
  if (index < 0) throw new Error(`"${words}" is not in ${sectionId}`);
  const anchor = anchorForRange(section, sectionId, laidOut.positions[index] as number, (laidOut.positions[index + words.length - 1] as number) + 1);
  if (!anchor) throw new Error(`no anchor for "${words}"`);
  return anchor;
}

const mentor = { name: 'Sam Jones', role: 'Practice assessor', registration: 'NMC 12A3456E' };
const mentorPassphrase = 'purple kettle rain';
const comments = {
  passage: 'Good: say what difference reading it aloud made to the morning team.',
  rota: 'Who else needs to be in that conversation?',
  reflection: 'A clear account. Add what you would do differently next time.',
};

/**
 * A mentor's feedback file for this portfolio, made the way the app makes one: the author's share
 * file opened as a review (a portfolio may review its own share file), two comments on passages of
 * the second week, one on the whole reflection and LO1 signed off, saved with a passphrase.
 */
interface MentorReview {
  reviewId: string;
  /** The comments by what they say. */
  commentIds: Record<keyof typeof comments, string>;
  weekTwoEntryId: string;
  /** The first feedback file, saved for the author to import. */
  path: string;
}

/** Saves the review's next feedback file where the author can choose it. */
async function saveFeedbackFile(page: Page, reviewId: string, name: string): Promise<string> {
  const feedback = fileOf(await callFromPage(page, 'review.feedbackFile', { reviewId, passphrase: mentorPassphrase }));
  await mkdir(artifacts, { recursive: true });
  const path = `${artifacts}/sharing-${name}-${feedback.fileName}`;
  await writeFile(path, Buffer.from(feedback.base64, 'base64'));
  return path;
}

async function mentorFeedbackFile(page: Page, seeded: Seeded): Promise<MentorReview> {
  const share = fileOf(await callFromPage(page, 'share.create', { selection: { kind: 'range', from: weekOne, to: '2019-10-13' }, authorName: 'Sam Okafor', passphrase: null }));
  const review = await callFromPage(page, 'review.open', { text: fromBase64(share.base64), passphrase: null });
  await callFromPage(page, 'review.setReviewer', { reviewId: review.reviewId, reviewer: mentor });
  const weekTwoLog = (await callFromPage(page, 'week.get', { weekStart: weekTwo })).entry!;
  const save = (entryId: string, anchor: TextAnchor | null, words: string) => callFromPage(page, 'review.saveComment', { reviewId: review.reviewId, commentId: null, entryId, anchor, text: words });
  const onPassage = await save(weekTwoLog.id, anchorOn(seeded.weekTwoSections.thisWeek, 'thisWeek', passage), comments.passage);
  const onRota = await save(weekTwoLog.id, anchorOn(seeded.weekTwoSections.thisWeek, 'thisWeek', 'ask the manager about the rota'), comments.rota);
  const onReflection = await save(seeded.reflectionId, null, comments.reflection);
  const lo1 = seeded.unit.outcomes.find((outcome) => outcome.code === 'LO1')!;
  await callFromPage(page, 'review.saveSignOff', {
    reviewId: review.reviewId,
    signOffId: null,
    frameworkId: seeded.unit.id,
    outcomeId: lo1.id,
    criterionId: null,
    statement: 'Sam leads the handover well and has changed how the team shares information.',
    date: '2019-10-14',
    signer: mentor,
  });
  return {
    reviewId: review.reviewId,
    commentIds: { passage: onPassage.id, rota: onRota.id, reflection: onReflection.id },
    weekTwoEntryId: weekTwoLog.id,
    path: await saveFeedbackFile(page, review.reviewId, 'first'),
  };
}

async function chooseFeedbackFile(page: Page, path: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a feedback file…' }).click();
  await (await choosing).setFiles(path);
}

const overview = (page: Page) => callFromPage(page, 'feedback.overview', {});

/** The passages underlined in an editor, each as one text (a passage is drawn in several spans where marks change). */
function underlined(page: Page, sectionId: string): Promise<string[]> {
  return page.getByTestId(`editor-${sectionId}`).evaluate((editor) => {
    const passages = new Map<string, string>();
    for (const span of editor.querySelectorAll<HTMLElement>('.mentor-comment-passage')) {
      const id = span.dataset['commentId'] ?? '';
      passages.set(id, (passages.get(id) ?? '') + span.textContent);
    }
    return [...passages.values()];
  });
}

/** The editor's selection, read as text. */
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** Selects `words` in an editor (as a drag would), or puts the caret just before or after them. */
async function selectWords(page: Page, sectionId: string, words: string, caretOnly: 'before' | 'after' | null = null): Promise<void> {
  await page.getByTestId(`editor-${sectionId}`).focus();
  await page.evaluate(
    ({ testId, target, caret }) => {
      const editor = document.querySelector(`[data-testid="${testId}"]`);
      if (!editor) throw new Error(`no editor ${testId}`);
      // The words may run over several text nodes (marks and underlines split them).
      const nodes: { node: Text; start: number }[] = [];
      let all = '';
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: all.length });
        all += node.textContent ?? '';
      }
      const index = all.indexOf(target);
      if (index < 0) throw new Error(`"${target}" is not in ${testId}`);
      const at = (offset: number, preferEnd: boolean) => {
        const found = [...nodes].reverse().find(({ node, start }) => (preferEnd ? start < offset : start <= offset) && offset <= start + (node.textContent?.length ?? 0));
        if (!found) throw new Error('offset outside the text');
        return { node: found.node, offset: offset - found.start };
      };
      const from = at(caret === 'after' ? index + target.length : index, caret === 'after');
      const to = at(caret === 'before' ? index : index + target.length, caret !== 'before');
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    { testId: `editor-${sectionId}`, target: words, caret: caretOnly },
  );
}

// ---------------------------------------------------------------------------------------------

test('a share file is chosen, previewed, protected and saved by keyboard', async ({ page, app }) => {
  await openSeeded(page, app.url);
  const sharingLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' });
  await tabTo(page, sharingLink);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sharing' })).toBeVisible();
  await expect(sharingLink).toHaveAttribute('aria-current', 'page');

  // The choice is a radio group: Tab reaches the chosen one.
  const range = page.getByRole('radio', { name: 'Entries in a date range' });
  await expect(range).toBeChecked();
  await tabTo(page, range);
  await expect(page.getByRole('radio', { name: 'Entries I pick' })).not.toBeChecked();

  // The dates default to the last twelve weeks; the seeded weeks are in 2019, so nothing matches yet.
  const preview = page.getByTestId('share-preview');
  await expect(preview.getByTestId('share-preview-nothing')).toContainText('No weekly logs or reflections match these choices');
  const save = page.getByRole('button', { name: 'Save share file' });
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(save).toHaveAccessibleDescription('There is nothing to share with these choices.');

  // A quick choice fills both dates (how a date field takes typing depends on the browser's language).
  await tabTo(page, page.getByRole('button', { name: 'Everything written' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('#share-from')).toHaveValue(weekOne);
  await expect(page.getByTestId('share-from-in-words')).toHaveText('30 September 2019');
  await expect(page.getByRole('button', { name: 'Everything written' })).toHaveAttribute('aria-pressed', 'true');

  await expect(preview).toHaveAttribute('data-state', 'ready');
  await expect(preview.getByTestId('share-preview-description')).toContainText('30 September 2019');
  await expect(preview.getByTestId('share-preview-weekly-logs')).toHaveText('2');
  await expect(preview.getByTestId('share-preview-reflections')).toHaveText('1');
  await expect(preview.getByTestId('share-preview-words')).toHaveText(/^\d+$/);
  await expect(preview.getByTestId('share-preview-frameworks')).toContainText('Unit 26');
  await expect(preview.getByTestId('share-preview-file')).toHaveText(/\.rpshare$/);
  await expect(preview.getByTestId('share-preview-protection')).toHaveText('Not protected: anyone who gets the file can read it.');

  // Name and passphrase, typed twice; the warning is read with the second box.
  await tabTo(page, page.getByRole('textbox', { name: 'Your name' }));
  await page.keyboard.type('Sam Okafor');
  await expect(preview.getByTestId('share-preview-file')).toHaveText(/^portfolio-share-sam-okafor-\d{4}-\d{2}-\d{2}\.rpshare$/);
  await tabTo(page, page.getByLabel('Passphrase', { exact: true }));
  await page.keyboard.type('blue heron window');
  await page.keyboard.press('Tab');
  const again = page.getByLabel('Type it again');
  await expect(again).toBeFocused();
  await expect(again).toHaveAccessibleDescription('Send the passphrase separately, by phone or text — not in the same email. It cannot be recovered.');
  await page.keyboard.type('blue heron windo');
  await expect(preview.getByTestId('share-preview-protection')).toHaveText('Encrypted with your passphrase.');

  // A mistyped passphrase stops the save and says so at the field.
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(again).toBeFocused();
  await expect(again).toHaveAccessibleDescription(/The two passphrases are not the same/);
  await page.keyboard.press('End');
  await page.keyboard.type('w');

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${artifacts}/sharing-page.png`, fullPage: true });
  await expectNoAxeViolationsAtBothWidths(page, { name: 'sharing-page-narrow', from: page.getByRole('heading', { level: 3, name: 'Entries in a date range' }) });

  await tabTo(page, save);
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^portfolio-share-sam-okafor-\d{4}-\d{2}-\d{2}\.rpshare$/);
  await expect(page.getByTestId('share-status')).toContainText('Share file saved. Send it to your mentor; when their feedback file comes back, import it below.');
  await expect(save).toBeFocused();
  await mkdir(artifacts, { recursive: true });
  const path = `${artifacts}/sharing-saved.rpshare`;
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown> & { protection: { kind: string } };
  expect(Object.keys(file)[0]).toBe('format');
  expect(file['format']).toBe('reflective-portfolio-share');
  expect(file.protection.kind).toBe('passphrase');
  // The passphrase is not kept once the file is saved.
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('');

  // The file opens as a mentor's review with that passphrase only.
  const text = await readFile(path, 'utf8');
  await expect(callFromPage(page, 'review.open', { text, passphrase: 'blue heron windo' })).rejects.toThrow(/passphrase does not open/);
  const review = await callFromPage(page, 'review.open', { text, passphrase: 'blue heron window' });
  expect(review).toMatchObject({ authorName: 'Sam Okafor', entries: 3 });
});

test('a framework’s evidence and picked entries are previewed before sharing', async ({ page, app }) => {
  await openSeeded(page, app.url);
  await page.goto(`${app.url.split('#')[0]}#/sharing`);
  const preview = page.getByTestId('share-preview');

  // Only the second week holds evidence for the unit.
  await page.getByRole('radio', { name: 'Evidence for a framework' }).check();
  await expect(page.getByRole('combobox', { name: 'Unit or framework' })).toHaveValue(/.+/);
  await expect(preview.getByTestId('share-preview-weekly-logs')).toHaveText('1');
  await expect(preview.getByTestId('share-preview-reflections')).toHaveText('0');
  await expect(preview.getByTestId('share-preview-frameworks')).toContainText('Unit 26');

  await page.getByRole('radio', { name: 'Entries I pick' }).check();
  await expect(page.getByTestId('share-blocked')).toHaveText('Tick the weekly logs and reflections to share.');
  const picker = page.getByTestId('share-picker');
  await expect(picker.getByRole('checkbox')).toHaveCount(3);
  await picker.getByRole('checkbox', { name: 'Week commencing Monday 7 October 2019' }).check();
  await picker.getByRole('checkbox', { name: 'Handover on a short-staffed night' }).check();
  await expect(preview.getByTestId('share-preview-weekly-logs')).toHaveText('1');
  await expect(preview.getByTestId('share-preview-reflections')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Save share file' })).not.toHaveAttribute('aria-disabled', 'true');
});

test('a mentor’s feedback is imported, read on the Sharing page and beside its passages, follows edits, and is replied to and resolved', async ({ page, app }) => {
  test.setTimeout(180_000);
  const seeded = await openSeeded(page, app.url);
  const feedbackPath = (await mentorFeedbackFile(page, seeded)).path;
  await page.goto(`${app.url.split('#')[0]}#/sharing`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sharing' })).toBeVisible();
  const list = page.getByTestId('feedback-from-mentors');
  await expect(list).toHaveAttribute('data-state', 'ready');
  const nothingYet = await overview(page);
  expect(nothingYet.comments).toEqual([]);

  // A wrong passphrase says so and imports nothing.
  await chooseFeedbackFile(page, feedbackPath);
  const passphraseBox = page.getByLabel('Passphrase', { exact: true }).and(page.locator('#feedback-passphrase'));
  await expect(passphraseBox).toBeFocused();
  await page.keyboard.type('purple kettle');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'That passphrase does not open this feedback file' })).toBeVisible();
  await expect(passphraseBox).toBeFocused();
  expect(await overview(page)).toEqual(nothingYet);

  // The right one imports it.
  await passphraseBox.fill(mentorPassphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback-import-summary')).toHaveText('Feedback from Sam Jones (file 1): 3 comments added, 1 sign-off added.');
  await expect(page.getByRole('button', { name: 'Import a feedback file…' })).toBeFocused();

  // Comments under their entries, each entry a link to it.
  const entries = page.getByTestId('feedback-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0).getByRole('heading', { level: 3 })).toHaveText('Week commencing Monday 7 October 2019');
  await expect(entries.nth(0).getByRole('link', { name: 'Week commencing Monday 7 October 2019' })).toHaveAttribute('href', `#/week/${weekTwo}`);
  await expect(entries.nth(1).getByRole('link', { name: 'Handover on a short-staffed night' })).toHaveAttribute('href', `#/reflection/${seeded.reflectionId}`);
  const passageCard = entries.nth(0).getByTestId('comment-card').filter({ hasText: comments.passage });
  await expect(passageCard.getByRole('heading', { level: 4 })).toHaveText('Sam Jones, Practice assessor');
  await expect(passageCard.getByTestId('comment-quote')).toHaveText(passage);
  await expect(passageCard.getByTestId('comment-place')).toHaveCount(0);
  await expect(entries.nth(1).getByTestId('comment-place')).toHaveText('On the whole entry');
  const signOff = page.getByTestId('signoff');
  await expect(signOff).toContainText('LO1');
  await expect(signOff).toContainText('Sam leads the handover well');
  await expect(signOff).toContainText('Signed by Sam Jones, Practice assessor (registration NMC 12A3456E) on 14 October 2019');
  await expect(page.getByTestId('feedback-counts')).toHaveText('3 open comments, 0 resolved');

  // A reply, by keyboard.
  await passageCard.getByRole('button', { name: 'Reply' }).focus();
  await page.keyboard.press('Enter');
  const replyBox = passageCard.getByRole('textbox', { name: 'Your reply to Sam Jones' });
  await expect(replyBox).toBeFocused();
  await page.keyboard.type('The morning team start ten minutes sooner. I will add that.');
  await page.keyboard.press('Control+Enter');
  await expect(passageCard.getByTestId('comment-reply')).toContainText('The morning team start ten minutes sooner.');
  await expect(passageCard.getByRole('button', { name: 'Reply' })).toBeFocused();

  await list.screenshot({ path: `${artifacts}/sharing-feedback-list.png` });
  await expectNoAxeViolationsAtBothWidths(page);

  // The same file again adds nothing.
  const afterImport = await overview(page);
  await chooseFeedbackFile(page, feedbackPath);
  await passphraseBox.fill(mentorPassphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback-import-summary')).toHaveText('Nothing new: this feedback file had already been imported.');
  expect((await overview(page)).comments).toEqual(afterImport.comments);

  // A file with one byte changed is refused, and nothing changes.
  const original = await readFile(feedbackPath, 'utf8');
  const at = original.indexOf('"content":"') + '"content":"'.length + 40;
  const tamperedPath = `${artifacts}/sharing-tampered.rpfeedback`;
  await writeFile(tamperedPath, original.slice(0, at) + (original[at] === 'A' ? 'B' : 'A') + original.slice(at + 1));
  await chooseFeedbackFile(page, tamperedPath);
  const refusal = page.getByTestId('feedback-import-problem');
  await expect(refusal).toContainText('sharing-tampered.rpfeedback was not imported. This feedback file has been changed or damaged since it was saved');
  await expect(refusal).toContainText('Nothing in your portfolio has changed.');
  expect(await overview(page)).toEqual(afterImport);

  // Beside the passage on the week page, underlined in the text.
  await page.getByRole('link', { name: 'Week commencing Monday 7 October 2019' }).click();
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  const panel = page.getByRole('complementary', { name: 'Mentor comments (2)' });
  await expect(panel).toBeVisible();
  await expect.poll(() => underlined(page, 'thisWeek')).toEqual([passage, 'ask the manager about the rota']);

  // Nothing about the comments is saved with the week: a change typed and undone saves the very JSON that was loaded.
  const savedSections: unknown[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/call') || request.method() !== 'POST') return;
    const body = JSON.parse(request.postData() ?? '{}') as { name?: string; argument?: { sections?: unknown } };
    if (body.name === 'week.save') savedSections.push(body.argument?.sections);
  });
  await selectWords(page, 'thisWeek', 'which saves time', 'after');
  await page.keyboard.type('!');
  await page.keyboard.press('Backspace');
  await waitForSaved(page);
  expect(savedSections.length).toBeGreaterThan(0);
  expect(savedSections.at(-1)).toEqual(seeded.weekTwoSections);
  expect(JSON.stringify(savedSections)).not.toMatch(/mentor|comment/i);

  // Show passage selects it and scrolls to it.
  const weekCard = panel.getByTestId('comment-card').filter({ hasText: comments.passage });
  await weekCard.getByRole('button', { name: 'Show passage' }).click();
  await expect(page.getByTestId('editor-thisWeek')).toBeFocused();
  expect(await selectedText(page)).toBe(passage);
  await expect(page.getByTestId('editor-thisWeek').locator('.mentor-comment-passage--shown')).toHaveText([passage]);
  await expect(weekCard.getByTestId('comment-reply')).toContainText('The morning team start ten minutes sooner.');
  // The comment on the words at the cursor is marked in the list.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(panel.locator('li.mentor-comments__item--at-caret').getByTestId('comment-card')).toHaveText(new RegExp(comments.passage.slice(0, 20)));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${artifacts}/week-with-comments.png`, fullPage: true });
  await expectNoAxeViolationsAtBothWidths(page, { name: 'week-with-comments-narrow', from: page.getByTestId('section-nextWeekPlans') });

  // Text written around the passage leaves the comment on its words, unchanged.
  await selectWords(page, 'thisWeek', 'A busy week', 'before');
  await page.keyboard.type('On Monday: ');
  await selectWords(page, 'thisWeek', 'which saves time', 'after');
  await page.keyboard.type(' for everyone');
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => underlined(page, 'thisWeek')).toEqual([passage, 'ask the manager about the rota']);
  const passageOnWeek = panel.getByTestId('comment-card').filter({ hasText: comments.passage });
  await expect(passageOnWeek.getByTestId('comment-quote')).toHaveText(passage);
  await expect(passageOnWeek.getByTestId('comment-place')).toHaveCount(0);

  // Words changed inside it: the underline follows as the writer types, and the comment says the passage was edited.
  await selectWords(page, 'thisWeek', 'aloud');
  await page.keyboard.type('out loud');
  await expect.poll(() => underlined(page, 'thisWeek')).toEqual(['reads the handover sheet out loud', 'ask the manager about the rota']);
  await expect(passageOnWeek.getByTestId('comment-place')).toHaveText('The passage has been edited since: it now reads “reads the handover sheet out loud”.');
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => underlined(page, 'thisWeek')).toEqual(['reads the handover sheet out loud', 'ask the manager about the rota']);
  await expect(passageOnWeek.getByTestId('comment-place')).toHaveText('The passage has been edited since: it now reads “reads the handover sheet out loud”.');

  // The rota passage deleted: the comment is shown against the whole week, at once and after a reload.
  const rotaCard = panel.getByTestId('comment-card').filter({ hasText: comments.rota });
  await selectWords(page, 'thisWeek', rotaWords);
  await page.keyboard.press('Backspace');
  await expect(rotaCard.getByTestId('comment-place')).toHaveText('The passage this was on is no longer in the entry; the comment is shown against the whole entry.');
  await expect(rotaCard.getByRole('button', { name: 'Show passage' })).toHaveCount(0);
  await expect.poll(() => underlined(page, 'thisWeek')).toEqual(['reads the handover sheet out loud']);
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  await expect(rotaCard.getByTestId('comment-place')).toHaveText('The passage this was on is no longer in the entry; the comment is shown against the whole entry.');

  // Resolved beside the week: no longer underlined, and counted as resolved on the Sharing page.
  await rotaCard.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(rotaCard.getByRole('button', { name: 'Reopen' })).toBeFocused();
  await expect(rotaCard.getByText('Resolved', { exact: true })).toBeVisible();
  const passageCardOnWeek = panel.getByTestId('comment-card').filter({ hasText: comments.passage });
  await passageCardOnWeek.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(passageCardOnWeek.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect.poll(() => underlined(page, 'thisWeek')).toEqual([]);

  // The reflection's whole-entry comment is beside it.
  await page.goto(`${app.url.split('#')[0]}#/reflection/${seeded.reflectionId}`);
  const reflectionPanel = page.getByRole('complementary', { name: 'Mentor comments (1)' });
  await expect(reflectionPanel.getByTestId('comment-place')).toHaveText('On the whole entry');
  await expect(reflectionPanel).toContainText(comments.reflection);

  await page.goto(`${app.url.split('#')[0]}#/sharing`);
  await expect(page.getByTestId('feedback-counts')).toHaveText('1 open comment, 2 resolved');
  await expect(page.getByTestId('comment-card')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Show resolved (2)' }).check();
  await expect(page.getByTestId('comment-card')).toHaveCount(3);
  const shownAgain = page.getByTestId('comment-card').filter({ hasText: comments.rota });
  await expect(shownAgain.getByTestId('comment-place')).toHaveText('The passage this was on is no longer in the entry; the comment is shown against the whole entry.');
  await shownAgain.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByTestId('feedback-counts')).toHaveText('2 open comments, 1 resolved');
  const stored = (await overview(page)) satisfies FeedbackOverview;
  expect(stored.comments.map((comment) => [comment.text, comment.resolved])).toEqual(
    expect.arrayContaining([
      [comments.passage, true],
      [comments.rota, false],
      [comments.reflection, false],
    ]),
  );
});

test('a newer feedback file updates a comment the mentor edited and marks one they deleted as withdrawn', async ({ page, app }) => {
  test.setTimeout(120_000);
  const seeded = await openSeeded(page, app.url);
  const review = await mentorFeedbackFile(page, seeded);
  await page.goto(`${app.url.split('#')[0]}#/sharing`);
  await chooseFeedbackFile(page, review.path);
  await page.locator('#feedback-passphrase').fill(mentorPassphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback-import-summary')).toHaveText('Feedback from Sam Jones (file 1): 3 comments added, 1 sign-off added.');

  // The mentor rewords one comment and deletes another, then sends a second file.
  const reworded = 'Say what difference it made, and how you know.';
  await callFromPage(page, 'review.saveComment', { reviewId: review.reviewId, commentId: review.commentIds.passage, entryId: review.weekTwoEntryId, anchor: anchorOn(seeded.weekTwoSections.thisWeek, 'thisWeek', passage), text: reworded });
  await callFromPage(page, 'review.deleteComment', { reviewId: review.reviewId, commentId: review.commentIds.rota });
  const second = await saveFeedbackFile(page, review.reviewId, 'second');
  await chooseFeedbackFile(page, second);
  await page.locator('#feedback-passphrase').fill(mentorPassphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback-import-summary')).toHaveText('Feedback from Sam Jones (file 2): 1 comment updated, 1 withdrawn.');

  const cards = page.getByTestId('comment-card');
  await expect(cards.filter({ hasText: reworded })).toContainText('(edited by the mentor)');
  await expect(cards.filter({ hasText: comments.passage })).toHaveCount(0);
  const withdrawn = cards.filter({ hasText: comments.rota });
  await expect(withdrawn.getByRole('list', { name: 'State' })).toHaveText('Withdrawn by the mentor');
  await expectNoAxeViolations(page);

  // Beside the week, the withdrawn comment is listed but its passage is no longer underlined.
  await page.getByRole('link', { name: 'Week commencing Monday 7 October 2019' }).click();
  await expect(page.getByRole('complementary', { name: 'Mentor comments (2)' })).toContainText('Withdrawn by the mentor');
  await expect.poll(() => underlined(page, 'thisWeek')).toEqual([passage]);
});
