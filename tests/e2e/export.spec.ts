import { mkdir, readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import type { EditorDoc, EditorNode } from '../../shared/document/editorJson.js';
import type { EvidenceTag, Framework } from '../../shared/frameworks/framework.js';
import type { WeeklyLogSections } from '../../shared/portfolio/weeklyLog.js';
import { anchorForRange, sectionText } from '../../shared/share/anchor.js';
import { bullets, doc, para, tagMark, text } from '../fixtures/evidenceDocs.js';
import { convertToPdf, mammothHtml, pdfText, readDocxStructure, renderPage } from '../support/wordFile.js';
import { callFromPage } from './pageApi.js';
import { expect, test } from './webApp.js';
import { fileOf } from '../fixtures/outgoingFile.js';
import { expectNoAxeViolations } from './pageChecks.js';

const artifacts = 'tests/.artifacts';

// ---------------------------------------------------------------------------------------------
// A small portfolio written through the API: Unit 26 imported from its CSV file, two weekly logs
// and two reflections with passages tagged against its outcomes and criteria.

/** The passages tagged below, as the document quotes them. */
const passages = {
  handover: 'The night team now reads the handover sheet aloud before anyone leaves',
  rota: 'We agreed a shared rota with the district nurses',
  social: 'The social prescriber joined our weekly huddle for the first time',
};

const weekOne = '2019-09-30';
const weekTwo = '2019-10-07';

function week(narrative: EditorNode[], keyThoughts: string[]): WeeklyLogSections {
  return { thisWeek: doc(...narrative), keyThoughts: doc(bullets(...keyThoughts.map((thought) => [text(thought)]))), achievements: doc(bullets([text('Finished the induction workbook')])), nextWeekPlans: doc(para()) };
}

interface Seeded {
  unit: Framework;
  gibbs: string;
  kolb: string;
}

async function seedPortfolio(page: Page): Promise<Seeded> {
  const imported = await callFromPage(page, 'frameworks.import', { format: 'csv', text: await readFile('tests/fixtures/frameworks/unit26.csv', 'utf8') });
  if (!imported.imported) throw new Error(`unit26.csv did not import: ${imported.problems.join(' ')}`);
  const unit = imported.framework;
  const outcome = (code: string) => unit.outcomes.find((candidate) => candidate.code === code)!;
  const criterion = (outcomeCode: string, code: string): EvidenceTag => ({ framework: unit.id, outcome: outcome(outcomeCode).id, criterion: outcome(outcomeCode).criteria.find((candidate) => candidate.code === code)!.id });
  const mark = (tag: EvidenceTag) => tagMark(tag.outcome, tag.criterion, tag.framework);
  const wholeOutcome = (code: string): EvidenceTag => ({ framework: unit.id, outcome: outcome(code).id, criterion: null });

  await callFromPage(page, 'week.save', {
    weekStart: weekOne,
    sections: week([para(text('A busy first week on the ward.')), para(text(passages.handover, mark(criterion('LO1', 'P1'))), text(', which cut the time we spend chasing answers.'))], ['Handovers work better out loud', 'Ask before assuming']),
  });
  await callFromPage(page, 'week.save', {
    weekStart: weekTwo,
    sections: week([para(text(passages.rota, mark(wholeOutcome('LO2'))), text(' so nobody visits twice on the same morning.'))], ['Partnership takes time to set up']),
  });
  const gibbs = await callFromPage(page, 'entry.create', { date: '2019-10-02', templateId: 'gibbs', title: 'Handover on a short-staffed night' });
  await callFromPage(page, 'entry.save', {
    entryId: gibbs.entry.id,
    sections: { description: doc(para(text('I took over from a colleague who was running late.'))), feelings: doc(para(text('I was anxious at first.'))) },
  });
  await callFromPage(page, 'entry.setTags', { entryId: gibbs.entry.id, tags: [wholeOutcome('LO1')] });
  const kolb = await callFromPage(page, 'entry.create', { date: '2019-10-09', templateId: 'kolb', title: 'Working with the social prescriber' });
  await callFromPage(page, 'entry.save', { entryId: kolb.entry.id, sections: { 'concrete-experience': doc(para(text(passages.social, mark(criterion('LO2', 'P3'))), text('.'))) } });
  return { unit, gibbs: gibbs.entry.id, kolb: kolb.entry.id };
}

/** Opens the app with the portfolio seeded (reloaded, so the page reads what was written). */
async function openSeeded(page: Page, url: string): Promise<Seeded> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const ids = await seedPortfolio(page);
  await page.reload();
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  return ids;
}

/** Tabs from the top of the page to the main navigation's Export link and follows it. */
async function openExportByKeyboard(page: Page): Promise<void> {
  const exportLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' });
  for (let presses = 0; presses < 20 && !(await exportLink.evaluate((link) => link === document.activeElement)); presses += 1) await page.keyboard.press('Tab');
  await expect(exportLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Export to Word' })).toBeVisible();
  await expect(exportLink).toHaveAttribute('aria-current', 'page');
}

const preview = (page: Page) => page.getByTestId('export-preview');

async function saveDownload(download: Download, name: string): Promise<string> {
  await mkdir(artifacts, { recursive: true });
  const path = `${artifacts}/${name}`;
  await download.saveAs(path);
  return path;
}

test('assignment evidence chosen and filled in by keyboard is previewed, exported and opens as a Word document with the cover, outcomes and quoted passages', async ({ page, app }) => {
  test.setTimeout(150_000);
  const { unit } = await openSeeded(page, app.url);
  const outcomeHeadings = unit.outcomes.map((outcome) => `${outcome.code} ${outcome.title}`);
  expect(outcomeHeadings).toEqual([
    'LO1 Understand what helps teams in health and social care work well',
    'LO2 Examine how services work in partnership with each other',
    'LO3 Understand the outcomes of partnership working',
    'LO4 Reflect on your own contribution to working as part of a team',
  ]);
  const title = 'Assignment evidence: Unit 26: Supporting Team and Partnership Working Across Health and Social Care Services';
  await openExportByKeyboard(page);

  // The pack choice is a radio group: Tab reaches the chosen pack, arrow keys move.
  const weeklyLogs = page.getByRole('radio', { name: 'Weekly logs' });
  await expect(weeklyLogs).toBeChecked();
  await expect(weeklyLogs).toHaveAccessibleDescription(/laid out as your log reads/);
  await page.keyboard.press('Tab');
  await expect(weeklyLogs).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const assignment = page.getByRole('radio', { name: 'Assignment evidence' });
  await expect(assignment).toBeChecked();
  await expect(assignment).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Options for assignment evidence' })).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  await page.keyboard.type('Sam Okafor');
  await page.keyboard.press('Tab');
  const framework = page.getByRole('combobox', { name: 'Unit or framework' });
  await expect(framework).toBeFocused();
  await expect(framework).toHaveValue(unit.id);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Course' })).toBeFocused();
  await page.keyboard.type('HND Healthcare Practice');
  await page.getByRole('textbox', { name: 'Word limit' }).fill('3,000');
  await expect(page.getByRole('textbox', { name: 'Word limit' })).toHaveAccessibleDescription('3,000 words');
  const commentary = 'The handover change shows how a team shares out its work when time is short.';
  await page.getByRole('textbox', { name: outcomeHeadings[0] }).fill(commentary);
  await page.getByRole('textbox', { name: 'References' }).fill('Gibbs, G. (1988) Learning by Doing. Oxford: FEU.\nKolb, D. (1984) Experiential Learning. Prentice Hall.');

  // The preview counts what the document will hold: two weeks and two reflections, three passages.
  const quotedWords = Object.values(passages).reduce((sum, passage) => sum + passage.split(' ').length, 0);
  const commentaryWords = commentary.split(' ').length;
  await expect(preview(page).getByTestId('export-preview-words')).toContainText((quotedWords + commentaryWords).toLocaleString('en-GB'));
  await expect(preview(page)).toHaveAttribute('data-state', 'ready');
  await expect(preview(page).getByTestId('export-preview-entries')).toHaveText('4');
  await expect(preview(page).getByTestId('export-preview-passages')).toHaveText('3');
  await expect(preview(page).getByTestId('export-preview-words')).toHaveText(`${quotedWords + commentaryWords} (${(3000 - quotedWords - commentaryWords).toLocaleString('en-GB')} words to spare)`);
  await expect(preview(page).getByTestId('export-preview-own-words')).toHaveText(`${commentaryWords} (${(3000 - commentaryWords).toLocaleString('en-GB')} words to spare)`);
  await expect(preview(page).getByTestId('export-preview-notes').getByRole('listitem').first()).toHaveText('No evidence yet for LO3, LO4.');
  await expect(preview(page).getByTestId('export-preview-title')).toHaveText(title);
  const fileName = await preview(page).getByTestId('export-preview-file').textContent();
  expect(fileName).toMatch(/^assignment-evidence-unit-26-supporting-team-and-partnership-working[a-z-]*\.docx$/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${artifacts}/export-screen.png`, fullPage: true });
  await expectNoAxeViolations(page);

  // A word limit below the count says how far over it is, at once.
  await page.getByRole('textbox', { name: 'Word limit' }).fill('40');
  await expect(preview(page).getByTestId('export-preview-words')).toHaveText(`${quotedWords + commentaryWords} (${quotedWords + commentaryWords - 40} words over)`);
  await page.getByRole('textbox', { name: 'Word limit' }).fill('3000');
  await expect(preview(page).getByTestId('export-preview-words')).toContainText('to spare');

  const exportButton = page.getByRole('button', { name: 'Export to Word' });
  await exportButton.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText(new RegExp(`^Saved ${fileName?.replace(/\./g, '\\.')} \\(\\d+(\\.\\d)? KB\\)\\.$`));
  await expect(exportButton).toBeEnabled();
  const file = await saveDownload(download, 'export-screen-assignment.docx');

  // LibreOffice lays it out as Word would: the cover, each outcome and the quoted passages.
  const pdf = await convertToPdf(file, artifacts);
  const words = (await pdfText(pdf)).replace(/\s+/g, ' ');
  for (const expected of ['Sam Okafor', 'HND Healthcare Practice', ...outcomeHeadings, passages.handover, passages.social, commentary, 'Gibbs, G. (1988) Learning by Doing']) {
    expect(words).toContain(expected);
  }
  const picture = await renderPage(pdf, 1, `${artifacts}/export-screen-assignment-p1`, 70);
  expect(picture).toMatch(/p1\.png$/);

  const structure = await readDocxStructure(file);
  const headings = structure.paragraphs.filter((paragraph) => paragraph.style === 'Heading 1').map((paragraph) => paragraph.text);
  expect(headings).toEqual(expect.arrayContaining([...outcomeHeadings, 'Mapping of evidence to outcomes', 'References']));
  const mapping = structure.tables.find((table) => table.rows[0]?.[0] === 'Code');
  expect(mapping?.style).toBe('Table Grid');
  expect(mapping?.headerRepeated[0]).toBe(true);
  expect(structure.core.title).toBe(title);
  expect(structure.core.author).toBe('Sam Okafor');

  const { html } = await mammothHtml(file);
  expect(html).toMatch(new RegExp(`<h1>(<a id="[^"]+"></a>)?${outcomeHeadings[0]}</h1>`));
  expect(html).toMatch(/<h2>Evidence<\/h2>/);
});

test('an export can be cancelled while it runs, saves nothing, and the options stay editable meanwhile', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Sixty long weeks, every word in its own run of bold, italic or underline, take the back end seconds to write.
  const words = 'Today I worked with the discharge team on a complicated case and learned how much the ward depends on clear notes shared early. '.repeat(6).trim().split(' ');
  const styles = ['bold', 'italic', 'underline'];
  const richParagraph: EditorNode = { type: 'paragraph', content: words.map((word, index) => ({ type: 'text', text: `${word} `, marks: [{ type: styles[index % 3] as string }] })) };
  const first = '2018-01-01';
  for (let index = 0; index < 60; index += 1) {
    const weekStart = new Date(Date.UTC(2018, 0, 1 + index * 7)).toISOString().slice(0, 10);
    await callFromPage(page, 'week.save', { weekStart, sections: week(Array.from({ length: 12 }, () => richParagraph), ['Share notes early', 'Ask the family first']) });
  }
  await page.evaluate(() => {
    window.location.hash = '#/export/weeks';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Export to Word' })).toBeVisible();
  await page.getByLabel('First week', { exact: true }).fill(first);
  await page.getByLabel('Last week', { exact: true }).fill('2019-02-18');
  await expect(page.getByTestId('export-from-in-words')).toHaveText('Week commencing Monday 1 January 2018');
  await expect(preview(page).getByTestId('export-preview-entries')).toHaveText('60');

  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.getByRole('button', { name: 'Export to Word' }).click();
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export to Word' })).toBeDisabled();
  await expect(progress).toHaveAttribute('aria-valuemax', '60');
  await expect(page.getByTestId('export-progress-text')).toHaveText(/^Laying out \d+ of 60 weeks…$/);
  await page.screenshot({ path: `${artifacts}/export-screen-progress.png` });

  // Typing in the options goes on while it runs.
  await page.getByRole('textbox', { name: 'Your name' }).fill('Alex Morgan');
  await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('Alex Morgan');

  await page.getByRole('button', { name: 'Cancel export' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toHaveText('Export cancelled; nothing was saved.');
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel export' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export to Word' })).toBeEnabled();
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
});

test('the week page opens the Export screen for its week, whose weekly log is exported with its headings and lists', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openSeeded(page, app.url);
  await page.evaluate((weekStart) => {
    window.location.hash = `#/week/${weekStart}`;
  }, weekTwo);
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('link', { name: 'Export this week to Word' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Export to Word' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Weekly logs' })).toBeChecked();
  await expect(page.getByLabel('First week', { exact: true })).toHaveValue(weekTwo);
  await expect(page.getByLabel('Last week', { exact: true })).toHaveValue(weekTwo);
  await expect(page.getByTestId('export-to-in-words')).toHaveText('Week commencing Monday 7 October 2019');
  await expect(preview(page).getByTestId('export-preview-title')).toHaveText('Weekly reflective log: Week commencing Monday 7 October 2019');
  await expect(preview(page).getByTestId('export-preview-entries')).toHaveText('1');
  await page.screenshot({ path: `${artifacts}/export-screen-weeks.png`, fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Word' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('weekly-log-2019-10-07.docx');
  await expect(page.getByTestId('export-status')).toHaveText(/^Saved weekly-log-2019-10-07\.docx/);
  const file = await saveDownload(download, 'export-screen-week.docx');
  const { html } = await mammothHtml(file);
  expect(html).toContain('Partnership takes time to set up');
  expect(html).toMatch(/<ul><li>Partnership takes time to set up<\/li><\/ul>/);
  expect(html).toMatch(/<h2>Key thoughts<\/h2>/);

  // A range with no logs says so, and there is nothing to export.
  await page.getByRole('button', { name: 'This week' }).click();
  await expect(preview(page).getByTestId('export-preview-notes')).toHaveText(/^There (is|are) no weekly logs? for /);
  await expect(page.getByRole('button', { name: 'Export to Word' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Export to Word' })).toHaveAccessibleDescription(/^There (is|are) no weekly logs? for /);
});

test('a reflection opens the Export screen with itself chosen, and the screen passes axe at full width and narrow', async ({ page, app }) => {
  const { kolb } = await openSeeded(page, app.url);
  await page.evaluate((entryId) => {
    window.location.hash = `#/reflection/${entryId}`;
  }, kolb);
  await expect(page.getByTestId('reflection-view')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('link', { name: 'Export to Word' }).click();

  await expect(page.getByRole('radio', { name: 'A single reflection' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Reflection' })).toHaveValue(kolb);
  await expect(preview(page).getByTestId('export-preview-title')).toContainText('Working with the social prescriber');
  await page.screenshot({ path: `${artifacts}/export-screen-reflection.png` });
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: 'Appraisal or revalidation' }).check();
  await expect(page.getByRole('textbox', { name: 'Registration number' })).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2019-09-01');
  await page.getByLabel('To', { exact: true }).fill('2019-08-01');
  await expect(page.getByText('This is before the first date: choose 1 September 2019 or later.')).toBeVisible();
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Export to Word' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Export to Word' })).toHaveAccessibleDescription('Fix the options marked above first.');
  await page.screenshot({ path: `${artifacts}/export-screen-appraisal-problem.png` });
  await page.getByLabel('To', { exact: true }).fill('2019-12-31');
  await expect(preview(page).getByTestId('export-preview-entries')).toHaveText('4');

  await page.getByRole('radio', { name: 'Assignment evidence' }).check();
  await expect(preview(page).getByTestId('export-preview-passages')).toHaveText('3');
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 700, height: 900 });
  await page.screenshot({ path: `${artifacts}/export-screen-narrow.png`, fullPage: true });
  await expectNoAxeViolations(page);
});

// ---------------------------------------------------------------------------------------------
// Mentor feedback: a mentor's review of this portfolio, made through the API (the mentoring
// screens have their own tests), its feedback file imported, then exported from the Export page.

const mentor = { name: 'Jo Bloggs', role: 'Practice assessor', registration: '12A3456E' };
const mentorWords = {
  onPassage: 'Reading the sheet aloud is a good habit. Who checks it is done on nights?',
  reply: 'The nurse in charge signs the sheet at 07:30.',
  onEntry: 'A clear account; say more about how it felt.',
  statement: 'Sam shows how the team shares out its work at handover.',
};

async function importMentorFeedback(page: Page, seeded: Seeded): Promise<void> {
  const share = fileOf(await callFromPage(page, 'share.create', { selection: { kind: 'range', from: weekOne, to: '2019-10-13' }, authorName: 'Sam Okafor', passphrase: null }));
  const review = await callFromPage(page, 'review.open', { text: Buffer.from(share.base64, 'base64').toString('utf8'), passphrase: null });
  await callFromPage(page, 'review.setReviewer', { reviewId: review.reviewId, reviewer: mentor });
  const weekEntry = (await callFromPage(page, 'week.get', { weekStart: weekOne })).entry!;
  const shared = await callFromPage(page, 'review.entry', { reviewId: review.reviewId, entryId: weekEntry.id });
  const thisWeek = shared.entry.sections['thisWeek'] as EditorDoc;
  const laidOut = sectionText(thisWeek);
  const start = laidOut.text.indexOf(passages.handover);
  const anchor = anchorForRange(thisWeek, 'thisWeek', laidOut.positions[start]!, laidOut.positions[start + passages.handover.length - 1]! + 1);
  const onPassage = await callFromPage(page, 'review.saveComment', { reviewId: review.reviewId, commentId: null, entryId: weekEntry.id, anchor, text: mentorWords.onPassage });
  await callFromPage(page, 'review.saveComment', { reviewId: review.reviewId, commentId: null, entryId: seeded.gibbs, anchor: null, text: mentorWords.onEntry });
  const lo1 = seeded.unit.outcomes.find((outcome) => outcome.code === 'LO1')!;
  await callFromPage(page, 'review.saveSignOff', {
    reviewId: review.reviewId,
    signOffId: null,
    frameworkId: seeded.unit.id,
    outcomeId: lo1.id,
    criterionId: null,
    statement: mentorWords.statement,
    date: '2019-10-11',
    signer: mentor,
  });
  const file = fileOf(await callFromPage(page, 'review.feedbackFile', { reviewId: review.reviewId, passphrase: null }));
  await callFromPage(page, 'feedback.import', { text: Buffer.from(file.base64, 'base64').toString('utf8'), passphrase: null });
  await callFromPage(page, 'feedback.reply', { commentId: onPassage.id, text: mentorWords.reply });
  await callFromPage(page, 'feedback.setResolved', { commentId: onPassage.id, resolved: true });
}

test('mentor feedback and sign-offs: explained when there is none, then previewed, chosen by keyboard, exported and read back as Word', async ({ page, app }) => {
  test.setTimeout(150_000);
  const seeded = await openSeeded(page, app.url);
  await page.evaluate(() => {
    window.location.hash = '#/export/feedback';
  });
  await expect(page.getByRole('radio', { name: 'Mentor feedback and sign-offs' })).toBeChecked();
  await expect(page.getByRole('heading', { level: 2, name: 'Options for mentor feedback and sign-offs' })).toBeVisible();
  // Nothing imported yet: the page says why nothing can be exported and where feedback comes from.
  await expect(preview(page).getByTestId('export-preview-notes')).toHaveText(/^No mentor feedback has been imported yet\. .*Sharing page/);
  await expect(page.getByRole('button', { name: 'Export to Word' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Export to Word' })).toHaveAccessibleDescription(/^No mentor feedback has been imported yet/);
  await expect(page.getByRole('link', { name: 'Sharing page' })).toHaveAttribute('href', '#/sharing');

  await importMentorFeedback(page, seeded);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Mentor feedback and sign-offs' })).toBeChecked();
  await expect(preview(page)).toHaveAttribute('data-state', 'ready');
  await expect(preview(page).getByTestId('export-preview-comments')).toHaveText('2 (1 resolved)');
  await expect(preview(page).getByTestId('export-preview-entries')).toHaveText('2');
  await expect(preview(page).getByTestId('export-preview-replies')).toHaveText('1');
  await expect(preview(page).getByTestId('export-preview-sign-offs')).toHaveText('1');
  await expect(preview(page).getByTestId('export-preview-reviewers')).toHaveText('From Jo Bloggs (Practice assessor, registration 12A3456E)');
  await expect(preview(page).getByTestId('export-preview-title')).toHaveText('Mentor feedback and sign-off record');

  // The options by keyboard: the framework list, the dates, the resolved comments.
  const framework = page.getByRole('combobox', { name: 'Framework' });
  await expect(framework).toHaveValue('');
  await expect(framework).toHaveAccessibleDescription(/only comments on entries with evidence for it/);
  await page.getByRole('radio', { name: 'Mentor feedback and sign-offs' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Sharing page' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  await page.keyboard.type('Sam Okafor');
  await page.keyboard.press('Tab');
  await expect(framework).toBeFocused();
  await framework.selectOption(seeded.unit.id);
  const unitTitle = 'Unit 26: Supporting Team and Partnership Working Across Health and Social Care Services';
  await expect(preview(page).getByTestId('export-preview-title')).toHaveText(`Mentor feedback and sign-off record: ${unitTitle}`);
  const unitRows = seeded.unit.outcomes.reduce((sum, outcome) => sum + 1 + outcome.criteria.length, 0);
  await expect(preview(page).getByTestId('export-preview-not-signed-off')).toHaveText(String(unitRows - 1));
  const resolved = page.getByRole('checkbox', { name: 'Include resolved comments' });
  await expect(resolved).toBeChecked();
  await resolved.focus();
  await page.keyboard.press('Space');
  await expect(resolved).not.toBeChecked();
  await expect(preview(page).getByTestId('export-preview-comments')).toHaveText('1');
  await expect(preview(page).getByTestId('export-preview-notes')).toContainText('1 resolved comment is left out.');
  await page.keyboard.press('Space');
  await expect(preview(page).getByTestId('export-preview-comments')).toHaveText('2 (1 resolved)');
  await page.getByLabel('From', { exact: true }).fill('2019-10-01');
  await expect(page.getByTestId('export-from-in-words')).toHaveText('1 October 2019');
  await expect(preview(page).getByTestId('export-preview-comments')).toHaveText('1');
  await expect(preview(page).getByTestId('export-preview-notes')).toContainText('1 comment on entries dated before 1 October 2019 is left out.');
  await page.getByLabel('From', { exact: true }).fill('');
  await expect(preview(page).getByTestId('export-preview-comments')).toHaveText('2 (1 resolved)');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${artifacts}/export-screen-feedback.png`, fullPage: true });
  await expectNoAxeViolations(page);

  const fileName = await preview(page).getByTestId('export-preview-file').textContent();
  expect(fileName).toMatch(/^mentor-feedback-unit-26-[a-z-]+\.docx$/);
  const exportButton = page.getByRole('button', { name: 'Export to Word' });
  await exportButton.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  await expect(page.getByTestId('export-status')).toHaveText(new RegExp(`^Saved ${fileName?.replace(/\./g, '\\.')}`));
  const file = await saveDownload(download, 'export-screen-feedback.docx');

  const structure = await readDocxStructure(file);
  expect(structure.core).toMatchObject({ title: `Mentor feedback and sign-off record: ${unitTitle}`, author: 'Sam Okafor' });
  expect(structure.paragraphs.filter((paragraph) => paragraph.style === 'Heading 1').map((paragraph) => paragraph.text)).toEqual(['Sign-off record', 'Comments on entries']);
  const record = structure.tables[0]!;
  expect(record.style).toBe('Table Grid');
  expect(record.headerRepeated[0]).toBe(true);
  expect(record.rows.find((row) => row[0] === 'LO1')?.slice(2)).toEqual(['Jo Bloggs\nPractice assessor\nRegistration 12A3456E', '11 Oct 2019', mentorWords.statement]);
  expect(record.rows.find((row) => row[0] === 'LO2')?.[2]).toBe('Not signed off');
  expect(structure.paragraphs.filter((paragraph) => paragraph.style === 'Quote').map((paragraph) => paragraph.text)).toEqual([passages.handover]);
  const pdf = await convertToPdf(file, artifacts);
  const words = (await pdfText(pdf)).replace(/\s+/g, ' ');
  for (const expected of [mentorWords.onPassage, mentorWords.onEntry, `Reply from Sam Okafor`, mentorWords.reply, 'Status: Resolved']) expect(words).toContain(expected);
  await renderPage(pdf, 3, `${artifacts}/export-screen-feedback-p3`, 70);
});
