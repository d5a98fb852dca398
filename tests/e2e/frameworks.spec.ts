import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { thisWeek } from '../../shared/dates/weeks.js';
import type { Framework } from '../../shared/frameworks/framework.js';
import { expect, test } from './webApp.js';
import { callFromPage } from './pageApi.js';

const artifacts = 'tests/.artifacts';
const unit26Title = 'Supporting Team and Partnership Working Across Health and Social Care Services';
const unit26Csv = 'tests/fixtures/frameworks/unit26.csv';

const textbox = (page: Page | Locator, name: string) => page.getByRole('textbox', { name, exact: true });
const button = (page: Page | Locator, name: string) => page.getByRole('button', { name, exact: true });
const editorStatus = (page: Page) => page.getByTestId('framework-save-status');

async function openFrameworks(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Frameworks', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add a built-in framework' })).toBeVisible();
}

async function waitForEditorSaved(page: Page): Promise<void> {
  await expect(editorStatus(page)).toHaveText('All changes saved', { timeout: 10_000 });
}

/** The portfolio's frameworks as the back end holds them. */
async function savedFrameworks(page: Page): Promise<Framework[]> {
  return (await callFromPage(page, 'frameworks.list', {})).frameworks;
}

function axeViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Adds a criterion by keyboard: the new Code field has the offered code selected, so typing replaces it. */
async function addCriterion(page: Page, outcome: string, code: string | null, text: string): Promise<void> {
  await button(page, `Add criterion to ${outcome}`).press('Enter');
  if (code !== null) await page.keyboard.type(code);
  await page.keyboard.press('Tab');
  await page.keyboard.type(text);
}

async function addOutcome(page: Page, title: string): Promise<void> {
  await button(page, 'Add outcome').press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type(title);
}

test('a unit typed in by keyboard is saved, survives a reload, and keeps its ids when renamed, archived and reordered', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await button(page, 'New unit').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New unit' })).toBeVisible();
  await expect(textbox(page, 'Title')).toBeFocused();
  await expect(editorStatus(page)).toHaveText('Not saved yet: fill in the empty fields');

  await page.keyboard.type(unit26Title);
  await page.keyboard.press('Tab');
  await expect(textbox(page, 'Unit number (optional)')).toBeFocused();
  await page.keyboard.type('26');
  await textbox(page, 'Outcome 1 Title').focus();
  await page.keyboard.type('Understand what helps teams in health and social care work well');
  await addCriterion(page, 'LO1', null, 'Describe how one team you know shares out its work, and who decides');
  await addCriterion(page, 'LO1', null, 'Explain two things that make it harder for a team to work together');
  await addCriterion(page, 'LO1', 'M1', 'Compare how two different teams deal with disagreement');

  await addOutcome(page, 'Examine how services work in partnership with each other');
  await expect(textbox(page, 'Outcome 2 Code')).toHaveValue('LO2');
  await addCriterion(page, 'LO2', null, 'Describe the partners involved in supporting one person who uses services');
  await addOutcome(page, 'Understand the outcomes of partnership working');
  await addCriterion(page, 'LO3', null, 'Explain the outcomes of partnership working for the person who uses services');
  await addCriterion(page, 'LO3', 'D1', 'Evaluate the outcomes of partnership working, weighing benefits against costs and risks');
  await addOutcome(page, 'Reflect on your own contribution to working as part of a team');
  await expect(page.getByRole('heading', { level: 1, name: `Unit 26: ${unit26Title}` })).toBeVisible();
  await waitForEditorSaved(page);

  const frameworkId = new URL(page.url()).hash.replace('#/frameworks/', '');
  const [saved] = await savedFrameworks(page);
  expect(saved?.id).toBe(frameworkId);
  expect(saved?.outcomes.map((outcome) => outcome.code)).toEqual(['LO1', 'LO2', 'LO3', 'LO4']);
  expect(saved?.outcomes.map((outcome) => outcome.criteria.map((criterion) => criterion.code))).toEqual([['P1', 'P2', 'M1'], ['P3'], ['P4', 'D1'], []]);
  const idsBefore = saved!.outcomes.map((outcome) => outcome.id);

  await page.reload();
  await expect(textbox(page, 'Title')).toHaveValue(unit26Title);
  await expect(textbox(page, 'Unit number (optional)')).toHaveValue('26');
  await expect(textbox(page, 'Outcome 3 Title')).toHaveValue('Understand the outcomes of partnership working');
  await expect(textbox(page, 'Outcome 3 criterion 2 Criterion text')).toHaveValue('Evaluate the outcomes of partnership working, weighing benefits against costs and risks');
  await expect(textbox(page, 'Outcome 1 criterion 3 Code')).toHaveValue('M1');

  // Renaming keeps the id that evidence is tagged against.
  await textbox(page, 'Outcome 3 Title').fill('Understand what partnership working achieves');
  await textbox(page, 'Outcome 3 Code').fill('LO3a');
  await waitForEditorSaved(page);
  const renamed = (await savedFrameworks(page))[0]!.outcomes[2]!;
  expect(renamed).toMatchObject({ id: idsBefore[2], code: 'LO3a', title: 'Understand what partnership working achieves' });

  // Archive and restore: the same button, so focus stays on it.
  await button(page, 'Archive LO2').press('Enter');
  await expect(button(page, 'Restore LO2')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Outcome 2 Archived' })).toBeVisible();
  await waitForEditorSaved(page);
  expect((await savedFrameworks(page))[0]!.outcomes[1]).toMatchObject({ id: idsBefore[1], archived: true });
  await page.keyboard.press('Enter');
  await expect(button(page, 'Archive LO2')).toBeFocused();
  await waitForEditorSaved(page);
  expect((await savedFrameworks(page))[0]!.outcomes[1]).toMatchObject({ id: idsBefore[1], archived: false });

  // Reorder: focus stays on the moved outcome's button.
  await button(page, 'Move LO4 up').press('Enter');
  await expect(button(page, 'Move LO4 up')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(button(page, 'Move LO4 up')).toBeFocused();
  await expect(textbox(page, 'Outcome 2 Code')).toHaveValue('LO4');
  await button(page, 'Move LO1 P2 up').press('Enter');
  await expect(button(page, 'Move LO1 P2 up')).toBeFocused();
  await waitForEditorSaved(page);
  const reordered = (await savedFrameworks(page))[0]!;
  expect(reordered.outcomes.map((outcome) => outcome.id)).toEqual([idsBefore[0], idsBefore[3], idsBefore[1], idsBefore[2]]);
  expect(reordered.outcomes[0]!.criteria.map((criterion) => criterion.code)).toEqual(['P2', 'P1', 'M1']);
  await page.screenshot({ path: `${artifacts}/framework-editor.png`, fullPage: true });
});

test('a field left empty or a code used twice is highlighted and nothing is sent until it is fixed', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await page.setInputFiles('input[type=file]', unit26Csv);
  await expect(textbox(page, 'Title')).toHaveValue(unit26Title);

  await textbox(page, 'Title').fill('');
  await textbox(page, 'Outcome 2 Code').fill('LO1');
  await expect(editorStatus(page)).toHaveText('Not saved: fix the highlighted fields');
  // The header agrees: nothing claims all is saved while the draft is held back.
  await expect(page.getByTestId('save-status')).toContainText('Not saved: needs fixing');
  await expect(textbox(page, 'Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(textbox(page, 'Title')).toHaveAccessibleDescription('Give the framework a title.');
  await expect(textbox(page, 'Outcome 2 Code')).toHaveAccessibleDescription('Outcome 1 already has the code LO1. Each outcome needs its own code.');
  await page.waitForTimeout(1500);
  expect((await savedFrameworks(page))[0]).toMatchObject({ title: unit26Title });
  await page.screenshot({ path: `${artifacts}/framework-editor-problems.png` });

  await textbox(page, 'Title').fill('Team and partnership working');
  await textbox(page, 'Outcome 2 Code').fill('LO2');
  await waitForEditorSaved(page);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expect(textbox(page, 'Title')).not.toHaveAttribute('aria-invalid');
  expect((await savedFrameworks(page))[0]).toMatchObject({ title: 'Team and partnership working' });
});

test('leaving the editor straight after typing saves the change at once', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await page.setInputFiles('input[type=file]', unit26Csv);
  await textbox(page, 'Outcome 4 Title').fill('Reflect on my part in the team');
  await page.getByRole('link', { name: 'All frameworks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeVisible();
  await expect.poll(async () => (await savedFrameworks(page))[0]?.outcomes[3]?.title).toBe('Reflect on my part in the team');
});

test('a deleted criterion can be put back', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await page.setInputFiles('input[type=file]', unit26Csv);
  await button(page, 'Delete LO2 P3').press('Enter');
  await expect(button(page, 'Delete LO2 P4')).toBeFocused();
  await expect(button(page, 'Undo delete LO2 P3')).toBeVisible();
  await waitForEditorSaved(page);
  expect((await savedFrameworks(page))[0]!.outcomes[1]!.criteria.map((criterion) => criterion.code)).toEqual(['P4', 'M2']);
  await button(page, 'Undo delete LO2 P3').press('Enter');
  await expect(button(page, 'Delete LO2 P3')).toBeFocused();
  await waitForEditorSaved(page);
  expect((await savedFrameworks(page))[0]!.outcomes[1]!.criteria.map((criterion) => criterion.code)).toEqual(['P3', 'P4', 'M2']);
});

test('deleting an outcome that has evidence is refused, and the outcome comes back with other changes kept', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await page.setInputFiles('input[type=file]', unit26Csv);
  const [unit] = await savedFrameworks(page);
  const lo2 = unit!.outcomes[1]!;
  await callFromPage(page, 'week.setTags', { weekStart: thisWeek(new Date()), tags: [{ framework: unit!.id, outcome: lo2.id, criterion: lo2.criteria[0]!.id }] });

  await textbox(page, 'Outcome 1 Title').fill('Understand what helps teams work well');
  await button(page, 'Delete LO2').press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/^LO2 has evidence tagged to it, so it cannot be deleted\. Archive it instead\. It is back in its place\./);
  await expect(textbox(page, 'Outcome 2 Code')).toHaveValue('LO2');
  await expect(button(page, 'Delete LO2')).toBeFocused();
  await waitForEditorSaved(page);
  const after = (await savedFrameworks(page))[0]!;
  expect(after.outcomes.map((outcome) => outcome.id)).toEqual(unit!.outcomes.map((outcome) => outcome.id));
  expect(after.outcomes[0]!.title).toBe('Understand what helps teams work well');
  await page.screenshot({ path: `${artifacts}/framework-editor-refused.png` });
});

test('a new unit left before it can be saved waits in the list; one left untouched is not kept', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await button(page, 'New unit').click();
  await expect(textbox(page, 'Title')).toBeFocused();
  await expect(textbox(page, 'Title')).not.toHaveAttribute('aria-invalid');
  await button(page, 'Show what needs fixing').press('Enter');
  await expect(textbox(page, 'Title')).toBeFocused();
  await expect(textbox(page, 'Title')).toHaveAccessibleDescription('Give the framework a title.');
  await expect(textbox(page, 'Outcome 1 Title')).toHaveAccessibleDescription('Give this outcome a title.');
  await expect(editorStatus(page)).toHaveText('Not saved: fix the highlighted fields');
  await page.getByRole('link', { name: 'All frameworks' }).click();
  await expect(page.getByRole('heading', { name: 'No frameworks yet' })).toBeVisible();

  await button(page, 'New unit').click();
  // Typed before the editor opens, the space would press New unit a second time.
  await expect(textbox(page, 'Title')).toBeFocused();
  await page.keyboard.type('Safeguarding adults');
  await page.getByRole('link', { name: 'All frameworks' }).click();
  const waiting = page.getByTestId('framework-item');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText('Not saved yet');
  await waiting.getByRole('link', { name: 'Carry on with Safeguarding adults' }).click();
  await expect(textbox(page, 'Title')).toHaveValue('Safeguarding adults');
  await expect(editorStatus(page)).toHaveText('Not saved: fix the highlighted fields');
  await expect(textbox(page, 'Outcome 1 Title')).toHaveAccessibleDescription('Give this outcome a title.');
  await textbox(page, 'Outcome 1 Title').fill('Recognise the signs of abuse');
  await waitForEditorSaved(page);
  expect((await savedFrameworks(page)).map((framework) => framework.title)).toEqual(['Safeguarding adults']);
});

test('a built-in framework is added from the list and opens with its four themes', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await expect(page.getByRole('heading', { name: 'No frameworks yet' })).toBeVisible();
  const nmc = page.getByTestId('builtin-item').filter({ hasText: 'NMC Code: the four themes' });
  await expect(nmc).toContainText('For nurses, midwives and nursing associates');
  await button(nmc, 'Add NMC Code: the four themes').press('Enter');
  await expect(button(nmc, 'NMC Code: the four themes: added')).toBeFocused();
  await expect(page.getByTestId('frameworks-feedback')).toHaveText('Added NMC Code: the four themes to your frameworks.');
  const item = page.getByTestId('framework-item').filter({ hasText: 'NMC Code: the four themes' });
  await expect(item).toContainText('4 outcomes');
  await expect(item).toContainText('Built in');

  await item.getByRole('link', { name: 'Edit NMC Code: the four themes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NMC Code: the four themes' })).toBeVisible();
  await expect(page.getByTestId('outcome-card')).toHaveCount(4);
  for (const [index, title] of ['Prioritise people', 'Practise effectively', 'Preserve safety', 'Promote professionalism and trust'].entries()) {
    await expect(textbox(page, `Outcome ${index + 1} Title`)).toHaveValue(title);
  }
  await expect(editorStatus(page)).toHaveText('All changes saved');

  // Archived from the list, it can be added again and comes back as it was.
  await page.getByRole('link', { name: 'All frameworks' }).click();
  await button(page, 'Archive NMC Code: the four themes').press('Enter');
  await expect(button(page, 'Restore NMC Code: the four themes')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Archived' })).toContainText('NMC Code: the four themes');
  await button(page, 'Add NMC Code: the four themes').click();
  await expect(page.getByRole('region', { name: 'Archived' })).toHaveCount(0);
  expect((await savedFrameworks(page)).map((framework) => framework.archived)).toEqual([false]);
});

test('a good CSV imports and opens in the editor; a bad one names its row and column and imports nothing', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await page.setInputFiles('input[type=file]', {
    name: 'unit26-bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['unit_number,unit_title,outcome_code,outcome_title,criterion_code,criterion_text', `26,${unit26Title},LO1,,,`, ',,LO1,,P1,Describe a team', ',,LO2,Examine partnerships,P2,'].join('\n')),
  });
  const problems = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(problems).toContainText('Nothing was imported from unit26-bad.csv.');
  await expect(problems.getByRole('listitem')).toHaveText([
    'Row 2, column outcome_title: an outcome needs a title.',
    'Row 3, column outcome_code: there is no outcome LO1 on an earlier row. Add a row for it above this one, or give its title in outcome_title.',
    'Row 4, column criterion_text: a criterion needs its text.',
  ]);
  await page.screenshot({ path: `${artifacts}/frameworks-import-problems.png`, fullPage: true });
  expect(await savedFrameworks(page)).toEqual([]);

  await page.setInputFiles('input[type=file]', unit26Csv);
  await expect(page.getByRole('heading', { level: 1, name: `Unit 26: ${unit26Title}` })).toBeVisible();
  await expect(page.getByTestId('import-confirmation')).toContainText('Imported Unit 26');
  await expect(page.getByTestId('outcome-card')).toHaveCount(4);
  await expect(textbox(page, 'Outcome 3 criterion 1 Criterion text')).toHaveValue('Explain the outcomes of partnership working for:\n- the person who uses services\n- their family and carers');
  expect(await savedFrameworks(page)).toHaveLength(1);
});

test('a file over the size limit is refused in the page', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await page.setInputFiles('input[type=file]', { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(2_000_001, 'a') });
  await expect(page.getByRole('alert')).toContainText('The file is too big to be a framework');
  expect(await savedFrameworks(page)).toEqual([]);
});

test('export downloads a framework file that imports again as a copy', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await page.setInputFiles('input[type=file]', unit26Csv);
  await button(page, 'Archive LO4').click();
  await waitForEditorSaved(page);
  await page.getByRole('link', { name: 'All frameworks' }).click();

  const downloading = page.waitForEvent('download');
  await button(page, `Export Unit 26: ${unit26Title}`).press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^unit-26-supporting-team.*\.framework\.json$/);
  const path = `${test.info().outputDir}/${download.suggestedFilename()}`;
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8')) as { format: string; framework: Framework };
  expect(file.format).toBe('reflective-portfolio-framework');
  expect(file.framework.outcomes[3]).toMatchObject({ code: 'LO4', archived: true });
  await expect(page.getByTestId('frameworks-feedback')).toContainText(`Exported Unit 26: ${unit26Title} as ${download.suggestedFilename()}.`);

  await page.setInputFiles('input[type=file]', path);
  await expect(page.getByTestId('import-confirmation')).toBeVisible();
  const [original, copy] = await savedFrameworks(page);
  expect(copy?.id).not.toBe(original?.id);
  const shape = (framework: Framework | undefined) =>
    framework?.outcomes.map((outcome) => [outcome.code, outcome.title, outcome.archived, outcome.criteria.map((criterion) => [criterion.code, criterion.text])]);
  expect(shape(copy)).toEqual(shape(original));
});

test('the list and the editor have no accessibility violations, at full width and in a narrow window', async ({ page, app }) => {
  await openFrameworks(page, app.url);
  await button(page, 'Add NMC Code: the four themes').click();
  await page.setInputFiles('input[type=file]', unit26Csv);
  await button(page, 'Archive LO4 M4').click();
  await waitForEditorSaved(page);
  expect(axeViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);

  await page.getByRole('link', { name: 'All frameworks' }).click();
  await button(page, 'Archive NMC Code: the four themes').click();
  await expect(page.getByRole('region', { name: 'Archived' })).toBeVisible();
  expect(axeViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await page.screenshot({ path: `${artifacts}/frameworks-list.png`, fullPage: true });

  await page.setViewportSize({ width: 700, height: 900 });
  await page.screenshot({ path: `${artifacts}/frameworks-list-narrow.png`, fullPage: true });
  await page.getByRole('link', { name: `Edit Unit 26: ${unit26Title}` }).click();
  await expect(page.getByTestId('outcome-card')).toHaveCount(4);
  await page.screenshot({ path: `${artifacts}/framework-editor-narrow.png`, fullPage: true });
  expect(axeViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
});
