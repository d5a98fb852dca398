import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Template } from '../../shared/templates/template.js';
import { expect, test } from './webApp.js';
import { callFromPage } from './pageApi.js';

const artifacts = 'tests/.artifacts';
const gibbsSectionIds = ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'action-plan'];

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const saveStatus = (page: Page) => page.getByTestId('template-save-status');

async function openTemplates(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Templates', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Built-in templates' })).toBeVisible();
}

async function waitForSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveText('All changes saved', { timeout: 10_000 });
}

/** The user's own templates as the back end holds them. */
async function customTemplates(page: Page): Promise<Template[]> {
  return (await callFromPage(page, 'templates.list', {})).custom;
}

function axeViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('a built-in template duplicated by keyboard is renamed, gains a section, is reordered and survives a reload', async ({ page, app }) => {
  await openTemplates(page, app.url);
  await button(page, 'Duplicate Gibbs reflective cycle').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Gibbs reflective cycle (copy)' })).toBeVisible();
  await expect(textbox(page, 'Name')).toBeFocused();
  await expect(page.getByTestId('template-welcome')).toContainText('your own copy of Gibbs reflective cycle');

  // The name is selected, so typing replaces it.
  await page.keyboard.type('Gibbs for placement');
  await expect(page.getByRole('heading', { level: 1, name: 'Gibbs for placement' })).toBeVisible();
  await waitForSaved(page);

  await button(page, 'Add section').focus();
  await page.keyboard.press('Enter');
  await expect(textbox(page, 'Section 7 Title')).toBeFocused();
  await expect(page.getByTestId('template-announcement')).toHaveText('Added section 7. Type its title.');
  await page.keyboard.type('Supervision');
  await page.keyboard.press('Tab');
  await expect(textbox(page, 'Section 7 Prompt')).toBeFocused();
  await page.keyboard.type('What did you talk through with your supervisor?');
  await page.keyboard.press('Tab');
  const role = page.getByRole('combobox', { name: 'Section 7 What it is for', exact: true });
  await expect(role).toBeFocused();
  await expect(role).toHaveValue('other');
  await page.keyboard.press('Home');
  await expect(role).toHaveValue('context');

  // Reorder: focus stays on the moved section's button, and the move is announced.
  await button(page, 'Move Supervision up').focus();
  await page.keyboard.press('Enter');
  await expect(button(page, 'Move Supervision up')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(button(page, 'Move Supervision up')).toBeFocused();
  await expect(page.getByTestId('template-announcement')).toHaveText('Moved Supervision up: it is now section 5 of 7.');
  await expect(textbox(page, 'Section 5 Title')).toHaveValue('Supervision');
  await waitForSaved(page);

  const [saved] = await customTemplates(page);
  expect(saved?.name).toBe('Gibbs for placement');
  const newId = saved?.sections[4]?.id ?? '';
  expect(newId).toMatch(/^section-[a-z0-9]+$/);
  expect(saved?.sections.map((section) => section.id)).toEqual([...gibbsSectionIds.slice(0, 4), newId, ...gibbsSectionIds.slice(4)]);
  expect(saved?.sections[4]).toEqual({ id: newId, title: 'Supervision', prompt: 'What did you talk through with your supervisor?', role: 'context' });

  await page.reload();
  await expect(textbox(page, 'Name')).toHaveValue('Gibbs for placement');
  await expect(textbox(page, 'Section 5 Title')).toHaveValue('Supervision');
  await expect(page.getByRole('combobox', { name: 'Section 5 What it is for', exact: true })).toHaveValue('context');
  await expect(textbox(page, 'Section 1 Title')).toHaveValue('Description');

  // Renaming a section keeps its id.
  await textbox(page, 'Section 1 Title').fill('What happened');
  await waitForSaved(page);
  expect((await customTemplates(page))[0]?.sections[0]).toMatchObject({ id: 'description', title: 'What happened' });

  // Leaving straight after typing sends the change without waiting for the pause.
  await textbox(page, 'Name').fill('Gibbs on placement');
  await page.getByRole('link', { name: 'All templates' }).click();
  await expect(page.getByRole('link', { name: 'Gibbs on placement', exact: true })).toBeVisible();
  await expect(page.getByTestId('custom-template')).toContainText('7 sections');
  await expect(page.getByTestId('custom-template')).toContainText('Not used by any entry yet');
});

test('an empty name or title is shown beside its field and nothing is saved until it is fixed', async ({ page, app }) => {
  await openTemplates(page, app.url);
  await button(page, 'New template').click();
  await expect(page.getByRole('heading', { level: 1, name: 'New template' })).toBeVisible();
  await expect(textbox(page, 'Name')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(page.getByText('Give the template a name.')).toBeVisible();
  await expect(textbox(page, 'Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(saveStatus(page)).toHaveText('Not saved: fix the fields marked below');
  await textbox(page, 'Section 1 Title').fill('');
  await expect(page.getByText('Give section 1 a title.')).toBeVisible();
  await page.waitForTimeout(1000);
  expect((await customTemplates(page))[0]).toMatchObject({ name: 'New template', sections: [{ title: 'Section 1' }] });

  // Left with a problem, the draft is kept and the list says it is not saved.
  await page.getByRole('link', { name: 'All templates' }).click();
  await expect(page.getByTestId('custom-template')).toContainText('Changes not saved');
  await page.getByRole('link', { name: 'New template', exact: true }).click();
  await expect(textbox(page, 'Name')).toHaveValue('');
  await expect(page.getByText('Give the template a name.')).toBeVisible();

  await textbox(page, 'Name').fill('Handover reflection');
  await textbox(page, 'Section 1 Title').fill('What was handed over');
  await waitForSaved(page);
  expect((await customTemplates(page))[0]).toMatchObject({ name: 'Handover reflection', sections: [{ title: 'What was handed over' }], asksForCpd: false });

  await page.getByRole('checkbox', { name: 'Asks for CPD hours' }).focus();
  await page.keyboard.press('Space');
  await waitForSaved(page);
  expect((await customTemplates(page))[0]?.asksForCpd).toBe(true);
});

test('a built-in template opens read-only with Duplicate to edit, and an unknown one says so', async ({ page, app }) => {
  await openTemplates(page, app.url);
  await page.getByRole('link', { name: 'NMC written reflective account', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NMC written reflective account' })).toBeVisible();
  await expect(page.getByText('Leave out anything that could identify a patient')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await button(page, 'Duplicate to edit').click();
  await expect(page.getByRole('heading', { level: 1, name: 'NMC written reflective account (copy)' })).toBeVisible();
  await expect(textbox(page, 'Notice (optional)')).toHaveValue(/^Leave out anything/);

  await page.goto(app.url.replace(/#.*$/, '#/templates/no-such-template'));
  await expect(page.getByRole('heading', { level: 1, name: 'This template is not in your portfolio' })).toBeVisible();
  await page.getByRole('link', { name: 'your templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
});

test('an exported template imports again as a copy, and a malformed file imports nothing', async ({ page, app }) => {
  await openTemplates(page, app.url);
  const downloading = page.waitForEvent('download');
  await button(page, 'Export Borton: What? So what? Now what?').press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('borton-what-so-what-now-what.template.json');
  await expect(page.getByTestId('templates-feedback')).toContainText(`Exported Borton: What? So what? Now what? as ${download.suggestedFilename()}.`);
  const path = `${test.info().outputDir}/${download.suggestedFilename()}`;
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8')) as { format: string; template: Template };
  expect(file.format).toBe('reflective-portfolio-template');
  expect(file.template.sections.map((section) => section.id)).toEqual(['what', 'so-what', 'now-what']);

  await page.setInputFiles('input[type=file]', {
    name: 'broken.template.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"reflective-portfolio-template","version":1,"template":{"name":"","sections":[]}}'),
  });
  const problems = page.getByRole('alert').filter({ hasText: 'Nothing was imported from broken.template.json' });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('listitem')).toHaveText(['Name is empty.', 'Sections is empty (a template needs at least one section).']);
  await page.screenshot({ path: `${artifacts}/templates-import-problems.png`, fullPage: true });
  expect(await customTemplates(page)).toEqual([]);

  await page.setInputFiles('input[type=file]', path);
  await expect(page.getByTestId('template-welcome')).toContainText(`Imported Borton: What? So what? Now what? from ${download.suggestedFilename()}.`);
  await expect(textbox(page, 'Name')).toHaveValue('Borton: What? So what? Now what?');
  const [copy] = await customTemplates(page);
  expect(copy?.id).not.toBe('borton');
  expect(copy?.sections).toEqual(file.template.sections);
});

test('deleting asks first, and a template used by an entry is refused with the reason', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const used = await callFromPage(page, 'templates.create', { fromTemplateId: 'gibbs' });
  const unused = await callFromPage(page, 'templates.create', { fromTemplateId: 'borton' });
  await callFromPage(page, 'entry.create', { date: '2025-03-04', templateId: used.id, title: 'Night shift' });
  await openTemplates(page, app.url);
  await expect(page.getByTestId('custom-template').first()).toContainText('Used by 1 entry');

  // Asked first; Escape keeps it.
  await button(page, `Delete ${unused.name}`).press('Enter');
  await expect(button(page, `Yes, delete ${unused.name}`)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button(page, `Delete ${unused.name}`)).toBeFocused();
  await expect(button(page, `Yes, delete ${unused.name}`)).toHaveCount(0);

  await button(page, `Delete ${used.name}`).press('Enter');
  await expect(page.getByRole('group', { name: `Confirm deleting ${used.name}` })).toContainText('Used by 1 entry, so it may not be possible.');
  await page.screenshot({ path: `${artifacts}/templates-delete-confirm.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('templates-feedback')).toHaveText(
    `${used.name} was not deleted. One entry was written with this template, so it cannot be deleted. Switch it to another template first.`,
  );
  await expect(button(page, `Delete ${used.name}`)).toBeFocused();

  await button(page, `Delete ${unused.name}`).press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('templates-feedback')).toHaveText(`Deleted ${unused.name}.`);
  await expect(page.getByTestId('custom-template')).toHaveCount(1);
  await expect(page.getByRole('link', { name: used.name, exact: true })).toBeFocused();
  expect((await customTemplates(page)).map((template) => template.id)).toEqual([used.id]);
});

test('a section can be deleted and put back, and the last one cannot be deleted', async ({ page, app }) => {
  await openTemplates(page, app.url);
  await button(page, 'Duplicate Borton: What? So what? Now what?').click();
  await expect(textbox(page, 'Name')).toBeFocused();
  await button(page, 'Delete section So what?').press('Enter');
  await expect(page.getByTestId('template-announcement')).toContainText('Deleted section So what?.');
  await expect(button(page, 'Delete section Now what?')).toBeFocused();
  await waitForSaved(page);
  expect((await customTemplates(page))[0]?.sections.map((section) => section.id)).toEqual(['what', 'now-what']);

  await button(page, 'Undo delete So what?').press('Enter');
  await expect(button(page, 'Delete section So what?')).toBeFocused();
  await waitForSaved(page);
  expect((await customTemplates(page))[0]?.sections.map((section) => section.id)).toEqual(['what', 'so-what', 'now-what']);

  await button(page, 'Delete section What?').click();
  await button(page, 'Delete section So what?').click();
  await expect(button(page, 'Delete section Now what?')).toHaveAttribute('aria-disabled', 'true');
  await button(page, 'Delete section Now what?').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('template-section')).toHaveCount(1);
  await expect(button(page, 'Delete section Now what?')).toBeFocused();
});

test('the list, the editor and a built-in template have no accessibility violations, at full width and in a narrow window', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const used = await callFromPage(page, 'templates.create', { fromTemplateId: 'nmc-reflective-account' });
  await callFromPage(page, 'entry.create', { date: '2025-03-04', templateId: used.id, title: 'Medicines round' });
  await openTemplates(page, app.url);
  await page.getByTestId('builtin-template').first().locator('summary').click();
  expect(axeViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await page.screenshot({ path: `${artifacts}/templates-list.png`, fullPage: true });

  await page.getByRole('link', { name: used.name, exact: true }).click();
  await expect(page.getByTestId('template-section')).toHaveCount(4);
  await textbox(page, 'Name').fill('Reflective account for revalidation');
  await waitForSaved(page);
  await expect(page.getByTestId('template-announcement')).toHaveText('Saved as version 2: entries already written keep version 1 as it was.');
  expect(axeViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await page.screenshot({ path: `${artifacts}/template-editor.png`, fullPage: true });

  await page.goto(app.url.replace(/#.*$/, '#/templates/gibbs'));
  await expect(button(page, 'Duplicate to edit')).toBeVisible();
  expect(axeViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await page.screenshot({ path: `${artifacts}/template-built-in.png`, fullPage: true });

  await page.setViewportSize({ width: 700, height: 900 });
  await page.getByRole('link', { name: 'All templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  await page.screenshot({ path: `${artifacts}/templates-list-narrow.png`, fullPage: true });
  await page.getByRole('link', { name: 'Reflective account for revalidation', exact: true }).click();
  await expect(page.getByTestId('template-section')).toHaveCount(4);
  await page.screenshot({ path: `${artifacts}/template-editor-narrow.png`, fullPage: true });
  expect(axeViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
});
