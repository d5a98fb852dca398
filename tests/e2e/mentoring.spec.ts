import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { formatUkDate, todayAsCalendarDate } from '../../shared/dates/weeks.js';
import type { EditorNode } from '../../shared/document/editorJson.js';
import type { EvidenceTag, Framework } from '../../shared/frameworks/framework.js';
import type { WeeklyLogSections } from '../../shared/portfolio/weeklyLog.js';
import { bullets, doc, link, para, tagMark, text } from '../fixtures/evidenceDocs.js';
import { callFromPage } from './pageApi.js';
import { expect, startServer, stopServer, test } from './webApp.js';
import { fileOf } from '../fixtures/outgoingFile.js';
import { expectNoAxeViolations } from './pageChecks.js';

const artifacts = 'tests/.artifacts';

// ---------------------------------------------------------------------------------------------
// The author's portfolio, written through the API: Unit 26 from its CSV file, two weekly logs and
// a reflection with passages tagged against its outcomes.

const author = 'Jo Bloggs';
const mentorName = 'Dr Ann Smith';
const passages = {
  handover: 'The night team now reads the handover sheet aloud before anyone leaves',
  rota: 'We agreed a shared rota with the district nurses',
};
const weekOne = '2019-09-30';
const weekTwo = '2019-10-07';

function week(narrative: EditorNode[], keyThoughts: string[]): WeeklyLogSections {
  return { thisWeek: doc(...narrative), keyThoughts: doc(bullets(...keyThoughts.map((thought) => [text(thought)]))), achievements: doc(bullets([text('Finished the induction workbook')])), nextWeekPlans: doc(para()) };
}

const idea = (id: string, words: string): EditorNode => ({ type: 'ideaBlock', attrs: { id }, content: [text(words)] });

async function seedAuthor(page: Page): Promise<Framework> {
  const imported = await callFromPage(page, 'frameworks.import', { format: 'csv', text: await readFile('tests/fixtures/frameworks/unit26.csv', 'utf8') });
  if (!imported.imported) throw new Error(`unit26.csv did not import: ${imported.problems.join(' ')}`);
  const unit = imported.framework;
  const outcome = (code: string) => unit.outcomes.find((candidate) => candidate.code === code)!;
  const criterion = (outcomeCode: string, code: string): EvidenceTag => ({ framework: unit.id, outcome: outcome(outcomeCode).id, criterion: outcome(outcomeCode).criteria.find((candidate) => candidate.code === code)!.id });
  const mark = (tag: EvidenceTag) => tagMark(tag.outcome, tag.criterion, tag.framework);
  await callFromPage(page, 'week.save', {
    weekStart: weekOne,
    sections: {
      ...week([para(text('A busy first week on the ward.')), para(text(passages.handover, mark(criterion('LO1', 'P1'))), text(', which cut the time we spend chasing answers.'))], ['Handovers work better out loud']),
      achievements: doc(idea('idea-spoken-handover', 'Try a spoken handover on the day shift too')),
    },
  });
  await callFromPage(page, 'week.save', {
    weekStart: weekTwo,
    sections: week(
      [para(text(passages.rota, mark({ framework: unit.id, outcome: outcome('LO2').id, criterion: null })), text(' so nobody visits twice on the same morning.')), idea('idea-shared-rota', 'Share the rota with the GP practice')],
      ['Partnership takes time to set up'],
    ),
  });
  const gibbs = await callFromPage(page, 'entry.create', { date: '2019-10-02', templateId: 'gibbs', title: 'Handover on a short-staffed night' });
  await callFromPage(page, 'entry.save', { entryId: gibbs.entry.id, sections: { description: doc(para(text('I took over from a colleague who was running late.'))), feelings: doc(para(text('I was anxious at first.'))) } });
  return unit;
}

// ---------------------------------------------------------------------------------------------
// The mentor: a second portfolio on a second web-mode server, in a browser context of its own.

interface Mentor {
  page: Page;
  url: string;
  close(): Promise<void>;
}

async function startMentor(browser: Browser): Promise<Mentor> {
  const folder = await mkdtemp(join(tmpdir(), 'reflective-portfolio-e2e-mentor-'));
  const server = await startServer(folder);
  let context: BrowserContext | null = null;
  try {
    context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const opened = context;
    return {
      page,
      url: server.url,
      close: async () => {
        await opened.close();
        await stopServer(server.child);
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    await stopServer(server.child);
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** axe-core at full width and at 700 px (the layout stacks, pictured as `<name>-700.png`), then back to full width. */
async function expectAccessibleAtBothWidths(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 700, height: 900 });
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${artifacts}/${name}-700.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });
}

const shareFile = (base64: string, name = 'jo-bloggs.rpshare') => ({ name, mimeType: 'application/json', buffer: Buffer.from(base64, 'base64') });

test('the whole loop: an author shares, a mentor comments by keyboard and signs off, the feedback comes home and the sign-off shows on the author’s coverage', async ({ page, app, browser }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const unit = await seedAuthor(page);
  const lo1 = unit.outcomes.find((outcome) => outcome.code === 'LO1')!;

  // The author saves a share file of everything written, protected with a passphrase, from the Sharing page.
  const passphrase = 'kettle-on-at-four';
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sharing' })).toBeVisible();
  await page.getByRole('button', { name: 'Everything written' }).click();
  await expect(page.getByTestId('share-preview')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('share-preview-weekly-logs')).toHaveText('2');
  await page.getByRole('textbox', { name: 'Your name' }).fill(author);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  const sharing = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save share file' }).click();
  await mkdir(artifacts, { recursive: true });
  const sharePath = join(artifacts, 'mentoring-share.rpshare');
  await (await sharing).saveAs(sharePath);

  const mentor = await startMentor(browser);
  try {
    const m = mentor.page;
    await m.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
    await expect(m.getByRole('heading', { level: 1, name: 'Mentoring' })).toBeVisible();
    await expect(m.getByText('No reviews yet. Open a share file to start one.')).toBeVisible();

    // A protected file asks for its passphrase; a wrong one is said plainly and nothing opens.
    await m.getByLabel('Open a share file…').setInputFiles(sharePath);
    const passphraseField = m.getByLabel('Passphrase', { exact: true });
    await expect(passphraseField).toBeFocused();
    await m.keyboard.type('not-the-passphrase');
    await m.keyboard.press('Enter');
    await expect(m.getByRole('alert')).toContainText(/passphrase/i);
    await expect(passphraseField).toBeFocused();
    await expect(m.getByTestId('review-list')).toHaveCount(0);
    await m.keyboard.type(passphrase);
    await m.keyboard.press('Enter');

    // The review opens on its overview: read-only, with the entries oldest first.
    await expect(m.getByRole('heading', { level: 1, name: `${author}’s portfolio` })).toBeVisible();
    await expect(m.getByTestId('read-only-banner')).toHaveText(`You are reading a copy shared with you. Nothing you do here changes ${author}’s portfolio.`);
    const timeline = m.getByTestId('review-timeline');
    await expect(timeline.getByRole('heading', { level: 3 })).toHaveText(['Week commencing 30 September 2019', 'Week commencing 7 October 2019']);
    await expect(timeline.getByRole('link', { name: '“Handover on a short-staffed night”' })).toBeVisible();

    await m.getByRole('textbox', { name: 'Your name' }).fill(mentorName);
    await m.getByRole('textbox', { name: 'Your role' }).fill('Practice assessor');
    await m.getByRole('textbox', { name: 'Registration number (optional)' }).fill('12A3456E');
    await m.getByRole('button', { name: 'Save your details' }).press('Enter');
    await expect(m.getByRole('status').filter({ hasText: 'Your details are saved.' })).toBeVisible();
    await m.screenshot({ path: `${artifacts}/review-overview.png`, fullPage: true });
    await expectAccessibleAtBothWidths(m, 'review-overview');

    // The first week's log, read-only: the words cannot be changed.
    await timeline.getByRole('link', { name: 'Weekly log, week commencing 30 September 2019' }).press('Enter');
    await expect(m.getByRole('heading', { level: 1, name: 'Week commencing 30 September 2019' })).toBeVisible();
    const thisWeek = m.getByRole('textbox', { name: 'This week', exact: true });
    await expect(thisWeek).toHaveAttribute('aria-readonly', 'true');
    await thisWeek.focus();
    await m.keyboard.type('typed by the mentor');
    await m.keyboard.press('Backspace');
    await expect(thisWeek).toHaveText(`A busy first week on the ward.${passages.handover}, which cut the time we spend chasing answers.`);

    // Select the handover passage with the keyboard and comment on it.
    await m.keyboard.press('Control+Home');
    await m.keyboard.press('ArrowDown');
    await m.keyboard.press('Home');
    for (let i = 0; i < passages.handover.length; i += 1) await m.keyboard.press('Shift+ArrowRight');
    expect(await m.evaluate(() => window.getSelection()?.toString())).toBe(passages.handover);
    await m.keyboard.press('Tab');
    await expect(m.getByRole('button', { name: 'Comment on selection in This week' })).toBeFocused();
    await m.keyboard.press('Enter');
    const commentBox = m.getByRole('textbox', { name: `Your comment on “${passages.handover}”` });
    await expect(commentBox).toBeFocused();
    const passageComment = 'Reading it aloud is a good habit: what did the day team make of it?';
    await m.keyboard.type(passageComment);
    await m.keyboard.press('Tab');
    await expect(m.getByRole('button', { name: 'Save comment' })).toBeFocused();
    await m.keyboard.press('Enter');
    const comments = m.getByTestId('review-comment');
    await expect(comments).toHaveCount(1);
    await expect(comments.first()).toBeFocused();
    await expect(comments.first()).toContainText(passageComment);
    await expect(comments.first()).toContainText('in This week');
    await expect(comments.first()).toContainText('Not sent yet');
    await expect(m.locator('.mentor-comment-passage')).toHaveText(passages.handover);

    // The same again with the shortcut, then cancelled: nothing is added.
    await thisWeek.focus();
    await m.keyboard.press('Control+Home');
    for (let i = 0; i < 'A busy'.length; i += 1) await m.keyboard.press('Shift+ArrowRight');
    await m.keyboard.press('Control+Alt+KeyM');
    await expect(m.getByRole('textbox', { name: 'Your comment on “A busy”' })).toBeFocused();
    await m.keyboard.press('Escape');
    await expect(thisWeek).toBeFocused();
    await expect(comments).toHaveCount(1);

    // A comment on the whole entry.
    await m.getByRole('button', { name: 'Comment on the whole entry' }).press('Enter');
    await expect(m.getByRole('textbox', { name: 'Your comment on the whole entry' })).toBeFocused();
    const wholeComment = 'A clear week. Link the handover change to LO1 in your assignment.';
    await m.keyboard.type(wholeComment);
    await m.keyboard.press('Control+Enter');
    await expect(comments).toHaveCount(2);
    await expect(comments.first()).toContainText('On the whole entry');
    await expect(comments.first()).toContainText(wholeComment);
    await m.evaluate(() => window.scrollTo(0, 0));
    await m.screenshot({ path: `${artifacts}/review-entry-comment.png`, fullPage: true });
    await expectAccessibleAtBothWidths(m, 'review-entry-comment');

    // Coverage of the unit: sign LO1 off.
    await m.getByRole('navigation', { name: 'This review' }).getByRole('link', { name: /^Coverage: Unit 26/ }).click();
    await expect(m.getByRole('heading', { level: 1, name: /^Coverage of Unit 26/ })).toBeVisible();
    await expect(m.getByRole('grid', { name: /Coverage of/ })).toBeVisible();
    await m.getByRole('button', { name: 'Sign off LO1', exact: true }).press('Enter');
    const statement = m.getByRole('textbox', { name: 'Statement for LO1' });
    await expect(statement).toBeFocused();
    await m.keyboard.type('Seen in practice: Jo led the new spoken handover for a month and explained why it works.');
    const today = todayAsCalendarDate(new Date());
    await expect(m.getByLabel('Date signed')).toHaveValue(today);
    await expect(m.getByLabel('Date signed')).toHaveAccessibleDescription(formatUkDate(today));
    await expect(m.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(mentorName);
    await expect(m.getByRole('textbox', { name: 'Role', exact: true })).toHaveValue('Practice assessor');
    await m.getByRole('button', { name: 'Sign off LO1', exact: true }).press('Enter');
    const signedOff = `Signed off by ${mentorName}, ${formatUkDate(today)}`;
    await expect(m.getByRole('grid').getByRole('rowheader', { name: new RegExp(`^LO1 ${lo1.title}`) })).toContainText(signedOff);
    await expect(m.getByTestId('signoff')).toBeFocused();
    await expect(m.getByTestId('signoff')).toContainText('Not sent yet');
    await m.screenshot({ path: `${artifacts}/review-coverage-signoff.png`, fullPage: true });
    await expectAccessibleAtBothWidths(m, 'review-coverage-signoff');

    // Send: the feedback file downloads, and everything reads as sent.
    await m.getByRole('navigation', { name: 'This review' }).getByRole('link', { name: 'Entries' }).click();
    await expect(m.getByTestId('feedback-summary')).toContainText('The feedback file will hold 2 comments and 1 sign-off.');
    // A passphrase mistyped the second time stops the save at that field; cleared, the file saves without one.
    const sendFeedback = m.getByTestId('send-feedback');
    await sendFeedback.getByLabel('Passphrase', { exact: true }).fill('kettle-on-at-five');
    await sendFeedback.getByLabel('Type it again').fill('kettle-on-at-six');
    await m.getByRole('button', { name: 'Save feedback file' }).press('Enter');
    await expect(sendFeedback.getByLabel('Type it again')).toBeFocused();
    await expect(sendFeedback.getByLabel('Type it again')).toHaveAccessibleDescription(/The two passphrases are not the same/);
    await sendFeedback.getByLabel('Passphrase', { exact: true }).fill('');
    await sendFeedback.getByLabel('Type it again').fill('');
    const downloading = m.waitForEvent('download');
    await m.getByRole('button', { name: 'Save feedback file' }).press('Enter');
    const download = await downloading;
    await expect(m.getByTestId('feedback-saved')).toHaveText(new RegExp(`^Feedback saved on \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2}; send the file to ${author} by email or Teams\\.$`));
    await expect(m.getByTestId('feedback-summary')).toContainText('Nothing has changed since you saved one');
    const feedbackPath = join(artifacts, 'mentoring-feedback.rpfeedback');
    await download.saveAs(feedbackPath);

    await m.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
    const listed = m.getByTestId('review-list-item');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(`${author}’s portfolio`);
    await expect(listed).toContainText('2 comments · 1 sign-off');
    await expect(listed).toContainText('Last feedback saved');
    await m.screenshot({ path: `${artifacts}/mentoring-list.png`, fullPage: true });
    await expectAccessibleAtBothWidths(m, 'mentoring-list');

    // The author imports the feedback on the Sharing page; the Coverage page marks LO1 signed off.
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a feedback file…' }).click();
    await (await choosing).setFiles(feedbackPath);
    await expect(page.getByTestId('feedback-import-summary')).toHaveText(`Feedback from ${mentorName} (file 1): 2 comments added, 1 sign-off added.`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coverage' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Coverage' })).toBeVisible();
    await expect(page.getByRole('grid').getByRole('rowheader', { name: new RegExp(`^LO1 ${lo1.title}`) })).toContainText(signedOff);
    await expect(page.getByTestId('received-signoffs')).toContainText(`Signed off by ${mentorName} (Practice assessor, registration 12A3456E) on ${formatUkDate(today)}`);
    await page.screenshot({ path: `${artifacts}/coverage-signed-off.png`, fullPage: true });
    await expectNoAxeViolations(page);
  } finally {
    await mentor.close();
  }
});

test('a hostile share is shown as words: no script runs, no element is made from its text and no javascript: link is drawn', async ({ page, app, browser }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const script = '<script>alert(1)</script>';
  const image = '<img src=x onerror="alert(2)">';
  await callFromPage(page, 'week.save', {
    weekStart: weekOne,
    sections: week([para(text(script)), para(text('Read the policy', link('javascript:alert(3)')), text(` then ${image}`))], [`${script} in a list`]),
  });
  const hostileName = `<img src=x onerror="alert(4)">Jo`;
  const share = fileOf(await callFromPage(page, 'share.create', { selection: { kind: 'range', from: weekOne, to: weekOne }, authorName: hostileName, passphrase: null }));
  // The file really carries the hostile words and link (an unprotected file's content is base64 JSON).
  const envelope = JSON.parse(Buffer.from(share.base64, 'base64').toString('utf8')) as { content: string };
  const payload = Buffer.from(envelope.content, 'base64').toString('utf8');
  expect(payload).toContain('javascript:alert(3)');
  expect(payload).toContain(JSON.stringify(script).slice(1, -1));

  const mentor = await startMentor(browser);
  try {
    const m = mentor.page;
    const dialogs: string[] = [];
    m.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await m.goto(mentor.url.replace(/#.*$/, '#/mentoring'));
    await m.getByLabel('Open a share file…').setInputFiles(shareFile(share.base64, 'hostile.rpshare'));
    await expect(m.getByRole('heading', { level: 1, name: `${hostileName}’s portfolio` })).toBeVisible();
    await m.getByRole('link', { name: 'Weekly log, week commencing 30 September 2019' }).click();
    const thisWeek = m.getByRole('textbox', { name: 'This week', exact: true });
    await expect(thisWeek).toContainText(script);
    await expect(thisWeek).toContainText(`Read the policy then ${image}`);
    await expect(m.getByRole('textbox', { name: 'Key thoughts', exact: true })).toContainText(`${script} in a list`);

    const main = m.locator('#main-content');
    await expect(main.locator('script')).toHaveCount(0);
    await expect(main.locator('img')).toHaveCount(0);
    const hrefs = await m.locator('a[href]').evaluateAll((links) => links.map((element) => element.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
    // The link is drawn, without its address; following it does nothing.
    await expect(thisWeek.locator('a', { hasText: 'Read the policy' })).toHaveCount(1);
    await thisWeek.getByText('Read the policy').click();
    await m.getByRole('button', { name: 'Comment on the whole entry' }).click();
    await expect(m.getByRole('textbox', { name: 'Your comment on the whole entry' })).toBeFocused();
    expect(dialogs).toEqual([]);
    await m.screenshot({ path: `${artifacts}/review-entry-hostile.png`, fullPage: true });
  } finally {
    await mentor.close();
  }
});

test('a damaged file is refused and a dropped one opens; comments read as sent, changed since sent or withdrawn; evidence leads to its passage; a review is removed only when confirmed', async ({ page, app, browser }) => {
  test.setTimeout(150_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const unit = await seedAuthor(page);
  const share = fileOf(await callFromPage(page, 'share.create', { selection: { kind: 'range', from: weekOne, to: '2019-10-13' }, authorName: author, passphrase: null }));

  const mentor = await startMentor(browser);
  try {
    const m = mentor.page;
    await m.goto(mentor.url.replace(/#.*$/, '#/mentoring'));
    await expect(m.getByRole('heading', { level: 1, name: 'Mentoring' })).toBeVisible();

    // A damaged file is refused with its reason, in an alert; nothing opens.
    const damaged = Buffer.from(share.base64, 'base64').toString('utf8').replace(/"content":"(.)/, (_match, first: string) => `"content":"${first === 'A' ? 'B' : 'A'}`);
    await m.getByLabel('Open a share file…').setInputFiles({ name: 'damaged.rpshare', mimeType: 'application/json', buffer: Buffer.from(damaged, 'utf8') });
    await expect(m.getByRole('alert')).toContainText('damaged.rpshare was not opened.');
    await expect(m.getByText('No reviews yet. Open a share file to start one.')).toBeVisible();

    // The good file dropped on the page opens its review.
    await m.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.rpshare', { type: 'application/json' }));
      const target = document.querySelector('.open-share') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, Buffer.from(share.base64, 'base64').toString('utf8'));
    await expect(m.getByRole('heading', { level: 1, name: `${author}’s portfolio` })).toBeVisible();
    const reviewId = /#\/review\/([A-Za-z0-9_-]+)$/.exec(m.url())?.[1] ?? '';
    await callFromPage(m, 'review.setReviewer', { reviewId, reviewer: { name: mentorName, role: 'Practice assessor', registration: null } });
    await m.goto(mentor.url.replace(/#.*$/, `#/review/${reviewId}/coverage/${unit.id}`));
    await m.reload();

    // A sign-off is changed, then deleted after asking.
    await m.getByRole('button', { name: 'Sign off LO2', exact: true }).click();
    await m.getByRole('textbox', { name: 'Statement for LO2' }).fill('Seen at the partnership meeting.');
    await m.getByRole('button', { name: 'Sign off LO2', exact: true }).click();
    const lo2 = m.getByTestId('signoff-row').and(m.locator('[data-code="LO2"]'));
    await expect(lo2.getByTestId('signoff')).toContainText(`Signed off by ${mentorName} (Practice assessor) on`);
    await lo2.getByRole('button', { name: 'Edit the sign-off of LO2' }).click();
    const lo2Statement = m.getByRole('textbox', { name: 'Statement for LO2' });
    await expect(lo2Statement).toBeFocused();
    await expect(lo2Statement).toHaveValue('Seen at the partnership meeting.');
    await lo2Statement.fill('Seen at two partnership meetings, which Jo chaired.');
    await m.getByRole('button', { name: 'Save changes' }).click();
    await expect(lo2.getByTestId('signoff')).toContainText('Seen at two partnership meetings, which Jo chaired.');
    await expect(lo2.getByTestId('signoff')).toBeFocused();
    await lo2.getByRole('button', { name: 'Delete the sign-off of LO2' }).click();
    await expect(lo2).toContainText('It has not been sent, so it is simply gone.');
    await lo2.getByRole('button', { name: 'Delete sign-off' }).click();
    await expect(lo2).toContainText('Not signed off');
    await expect(m.getByRole('button', { name: 'Sign off LO2', exact: true })).toBeFocused();
    await expect(m.getByRole('grid').getByTestId('signoff-mark')).toHaveCount(0);

    // From the coverage matrix to the evidence for LO1 P1, then to the passage itself, selected in its entry.
    await m.getByRole('grid').getByRole('link', { name: /^LO1 P1 / }).click();
    await expect(m.getByRole('heading', { level: 1, name: /^LO1 P1 / })).toBeVisible();
    await expect(m.getByTestId('review-evidence-items').getByRole('blockquote')).toHaveText(passages.handover);
    await expectAccessibleAtBothWidths(m, 'review-evidence');
    await m.getByRole('link', { name: 'Open this passage in the weekly log of w/c 30 Sep 2019' }).click();
    const thisWeek = m.getByRole('textbox', { name: 'This week', exact: true });
    await expect(thisWeek).toBeFocused();
    expect(await m.evaluate(() => window.getSelection()?.toString())).toBe(passages.handover);

    // Two comments, then a feedback file: both read as sent.
    await m.getByRole('button', { name: 'Comment on selection in This week' }).click();
    await m.getByRole('textbox', { name: `Your comment on “${passages.handover}”` }).fill('Who suggested it?');
    await m.getByRole('button', { name: 'Save comment' }).click();
    await m.getByRole('button', { name: 'Comment on the whole entry' }).click();
    await m.getByRole('textbox', { name: 'Your comment on the whole entry' }).fill('Well observed.');
    await m.getByRole('button', { name: 'Save comment' }).click();
    const comments = m.getByTestId('review-comment');
    await expect(comments).toHaveCount(2);
    await m.getByRole('link', { name: `${author}’s portfolio` }).click();
    const downloading = m.waitForEvent('download');
    await m.getByRole('button', { name: 'Save feedback file' }).click();
    await downloading;
    await expect(m.getByTestId('feedback-saved')).toContainText('Feedback saved on');
    await m.getByRole('link', { name: 'Weekly log, week commencing 30 September 2019' }).click();
    await expect(comments).toHaveCount(2);
    await expect(comments.nth(0)).toContainText('Sent');
    await expect(comments.nth(1)).toContainText('Sent');

    // Edited after sending: changed since sent. Edit, then Cancel, leaves it as it was.
    await comments.nth(1).getByRole('button', { name: /^Edit comment on/ }).click();
    const editBox = m.getByRole('textbox', { name: `Your comment on “${passages.handover}”` });
    await expect(editBox).toBeFocused();
    await editBox.fill('Who suggested it, and did the day team follow?');
    await m.getByRole('button', { name: 'Save changes' }).click();
    await expect(comments.nth(1)).toContainText('Who suggested it, and did the day team follow?');
    await expect(comments.nth(1)).toContainText('Changed since sent');
    await expect(comments.nth(1)).toBeFocused();

    // Deleted after sending: asked first (Keep it changes nothing), then withdrawn by the next file.
    await comments.nth(0).getByRole('button', { name: 'Delete comment on the whole entry' }).click();
    await expect(comments.nth(0)).toContainText(`You have sent it: your next feedback file withdraws it from ${author}’s portfolio.`);
    await expect(m.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await m.keyboard.press('Enter');
    await expect(comments.nth(0).getByRole('button', { name: 'Delete comment on the whole entry' })).toBeFocused();
    await m.keyboard.press('Enter');
    await m.getByRole('button', { name: 'Delete comment', exact: true }).click();
    await expect(comments).toHaveCount(1);
    await expect(m.getByRole('heading', { level: 2, name: /^Your comments/ })).toBeFocused();

    // Ideas keep the numbers they have in the author's portfolio: week two's first idea follows week one's.
    await expect(m.getByTestId('idea-label')).toHaveText(['Idea 1']);
    await m.getByRole('link', { name: 'Next: “Handover on a short-staffed night”' }).click();
    await expect(m.getByRole('heading', { level: 1, name: '“Handover on a short-staffed night”' })).toBeVisible();
    await m.getByRole('link', { name: 'Next: Week commencing 7 October 2019' }).click();
    await expect(m.getByRole('heading', { level: 1, name: 'Week commencing 7 October 2019' })).toBeVisible();
    await expect(m.getByTestId('idea-label')).toHaveText(['Idea 2']);
    await expect(m.getByRole('link', { name: 'Previous: “Handover on a short-staffed night”' })).toBeVisible();

    await m.getByRole('link', { name: `${author}’s portfolio` }).click();
    await expect(m.getByTestId('feedback-summary')).toContainText('The feedback file will hold 1 comment, and withdraw 1 comment or sign-off you deleted after sending. 2 changes since you saved one on');

    // The list says what is waiting to be sent; removing asks first, and Cancel keeps the review.
    await m.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
    await expect(m.getByTestId('review-list-item')).toContainText('2 changes not yet sent');
    const remove = m.getByRole('button', { name: `Remove the review of ${author}’s portfolio` });
    await remove.click();
    const dialog = m.getByRole('dialog', { name: 'Remove this review?' });
    await expect(dialog).toContainText('Your comments and sign-offs not yet sent will be lost.');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await m.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    await remove.click();
    await dialog.getByRole('button', { name: 'Remove review' }).click();
    await expect(m.getByTestId('review-list-item')).toHaveCount(0);
    await expect(m.getByText('No reviews yet. Open a share file to start one.')).toBeVisible();
    await expect(m.getByRole('heading', { level: 2, name: 'Reviews in progress' })).toBeFocused();
  } finally {
    await mentor.close();
  }
});
