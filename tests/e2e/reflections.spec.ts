import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { EntryView } from '../../shared/api/contract.js';
import { plainText } from '../../shared/document/editorJson.js';
import { expect, test } from './webApp.js';
import { callFromPage } from './pageApi.js';

const artifacts = 'tests/.artifacts';
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

function axeViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /saved|saving|not saved/i }).first()).toHaveText(/All changes saved/, { timeout: 10_000 });
}

/** Opens the new-reflection page from the timeline's link, by keyboard. */
async function startNewReflection(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'New reflection' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New reflection' })).toBeVisible();
}

/** Chooses a template by keyboard: focus the checked radio, then arrow down to the one named. */
async function chooseTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('radio', { checked: true }).focus();
  for (let step = 0; step < 20; step += 1) {
    if (await page.getByRole('radio', { name, exact: false }).isChecked()) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${name} was never reached by the arrow keys`);
}

async function entryFromPage(page: Page, entryId: string): Promise<EntryView> {
  return callFromPage(page, 'entry.get', { entryId });
}

function entryIdFromUrl(page: Page): string {
  const match = /#\/reflection\/([A-Za-z0-9_-]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a reflection: ${page.url()}`);
  return match[1];
}

test('an NMC reflective account written by keyboard keeps its text and themes after a reload', async ({ page, app }) => {
  await startNewReflection(page, app.url);
  const picker = await new AxeBuilder({ page }).analyze();
  expect(axeViolations(picker)).toEqual([]);
  await page.screenshot({ path: `${artifacts}/reflection-new.png`, fullPage: true });

  await chooseTemplate(page, 'NMC written reflective account');
  await page.keyboard.press('Tab');
  await page.getByLabel('Date').fill('2024-03-14');
  await page.getByLabel('Title (optional)').fill('Handover on the ward');
  await page.getByLabel('Title (optional)').press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Handover on the ward' })).toBeVisible();
  await expect(page.getByTestId('template-notice')).toContainText('identify');
  const entryId = entryIdFromUrl(page);

  await textbox(page, 'The activity, feedback or experience').focus();
  await page.keyboard.type('A structured handover using SBAR at the end of a late shift.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await textbox(page, 'What I learned').focus();
  await page.keyboard.type('Clear handovers save time for everyone.');
  await textbox(page, 'How I changed or improved my practice').focus();
  await page.keyboard.type('I now write my handover notes before the end of the shift.');

  // The Code's themes, chosen by keyboard.
  const themes = page.getByTestId('linked-outcomes');
  await expect(themes.getByRole('checkbox')).toHaveCount(4);
  await themes.getByRole('checkbox', { name: /Practise effectively/ }).focus();
  await page.keyboard.press('Space');
  await themes.getByRole('checkbox', { name: /Preserve safety/ }).focus();
  await page.keyboard.press('Space');
  await waitForSaved(page);

  const form = await new AxeBuilder({ page }).analyze();
  expect(axeViolations(form)).toEqual([]);
  await page.screenshot({ path: `${artifacts}/reflection-nmc.png`, fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Handover on the ward' })).toBeVisible();
  await expect(textbox(page, 'What I learned')).toHaveText('Clear handovers save time for everyone.');
  await expect(themes.getByRole('checkbox', { name: /Practise effectively/ })).toBeChecked();
  await expect(themes.getByRole('checkbox', { name: /Preserve safety/ })).toBeChecked();
  await expect(themes.getByRole('checkbox', { name: /Prioritise people/ })).not.toBeChecked();

  const saved = await entryFromPage(page, entryId);
  expect(saved.template).toMatchObject({ id: 'nmc-reflective-account', version: 1 });
  expect(saved.entry).toMatchObject({ kind: 'reflection', date: '2024-03-14', weekStart: '2024-03-11', title: 'Handover on the ward' });
  expect(plainText(saved.entry.sections['practice-change'] ?? { type: 'doc' })).toBe('I now write my handover notes before the end of the shift.');
  expect(saved.entry.tags.map((tag) => `${tag.framework}/${tag.outcome}`).sort()).toEqual(['nmc-code-themes/practise-effectively', 'nmc-code-themes/preserve-safety']);

  // The timeline lists it under its week.
  await expect(page.getByTestId('timeline-reflection').filter({ hasText: 'Handover on the ward' })).toHaveAttribute('aria-current', 'page');
});

test('an HCPC CPD activity records hours and switches template without losing a word', async ({ page, app }) => {
  await startNewReflection(page, app.url);
  await chooseTemplate(page, 'HCPC CPD activity');
  await page.getByLabel('Date').fill('2024-05-02');
  await page.getByLabel('Title (optional)').fill('Falls prevention study day');
  await page.getByRole('button', { name: 'Create reflection' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Falls prevention study day' })).toBeVisible();
  const entryId = entryIdFromUrl(page);

  await textbox(page, 'The activity').focus();
  await page.keyboard.type('A study day on falls prevention for older people.');
  await textbox(page, 'How it benefits service users').focus();
  await page.keyboard.type('Fewer falls on the ward.');

  await page.getByRole('textbox', { name: 'CPD hours' }).fill('6.5');
  await page.getByRole('textbox', { name: 'CPD hours' }).press('Tab');
  await page.getByRole('checkbox', { name: /Participatory/ }).check();
  await page.getByRole('combobox', { name: 'Type of activity' }).selectOption({ label: 'Formal or educational' });
  await waitForSaved(page);

  const form = await new AxeBuilder({ page }).analyze();
  expect(axeViolations(form)).toEqual([]);
  await page.screenshot({ path: `${artifacts}/reflection-hcpc.png`, fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Falls prevention study day' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'CPD hours' })).toHaveValue(/6[.:]5|6:30/);
  const before = await entryFromPage(page, entryId);
  expect(before.entry.cpd).toEqual({ minutes: 390, participatory: true, activityType: 'formal' });

  // Switch to Gibbs: the activity moves to Description; the rest is kept (Other notes if nothing matches).
  await page.getByTestId('change-template').press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Change template' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /Gibbs reflective cycle/ }).check();
  await dialog.getByRole('button', { name: 'Switch template' }).press('Enter');
  await expect(page.getByText('Switched to Gibbs reflective cycle. No text was lost.').first()).toBeVisible();
  await expect(textbox(page, 'Description')).toHaveText('A study day on falls prevention for older people.');
  await expect(textbox(page, 'Other notes')).toHaveText('Fewer falls on the ward.');
  await page.screenshot({ path: `${artifacts}/reflection-switched.png`, fullPage: true });

  const after = await entryFromPage(page, entryId);
  expect(after.template.id).toBe('gibbs');
  expect(after.entry.cpd).toEqual(before.entry.cpd);
  const words = (view: EntryView) =>
    Object.values(view.entry.sections)
      .map((doc) => plainText(doc))
      .join(' ')
      .split(/\s+/)
      .filter(Boolean)
      .sort();
  expect(words(after)).toEqual(words(before));
});

test('a passage tagged in a reflection shows in coverage, and its cell leads back to the words', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await callFromPage(page, 'frameworks.addBuiltIn', { builtInId: 'care-certificate-2025' });
  const { entry } = await callFromPage(page, 'entry.create', { date: '2025-06-12', templateId: 'borton', title: 'A difficult conversation' });
  // Set up behind the page's back: load the page afresh so it reads the new framework.
  await page.evaluate((entryId) => {
    window.location.hash = `#/reflection/${entryId}`;
  }, entry.id);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'A difficult conversation' })).toBeVisible();

  await textbox(page, 'What?').focus();
  await page.keyboard.type('I listened to a relative who was upset about visiting times.');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'I listened'.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('I listened');
  await page.keyboard.press('Control+Shift+E');
  const picker = page.getByRole('dialog', { name: 'Tag the selected words' });
  await expect(picker).toBeVisible();
  await page.keyboard.type('Communication');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.getByTestId('week-evidence')).toContainText('Tagged as evidence: Std 6.');
  await waitForSaved(page);

  await page.getByRole('link', { name: 'Coverage', exact: true }).click();
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  const cell = grid.getByRole('gridcell', { name: 'Std 6, reflection “A difficult conversation” of 12 June 2025: 1 passage, 2 words' });
  await expect(cell).toBeVisible();
  await page.screenshot({ path: `${artifacts}/reflection-coverage.png`, fullPage: true });
  await cell.click();
  const panel = page.getByRole('region', { name: 'Std 6 in the reflection “A difficult conversation” of 12 June 2025' });
  await expect(panel.getByRole('blockquote')).toHaveText('I listened');
  await panel.getByRole('link', { name: /Open this passage in the reflection/ }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'A difficult conversation' })).toBeVisible();
  await expect(page.getByTestId('week-evidence')).toContainText('Showing the passage tagged Std 6 in “What?”.');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('I listened');
});

test('a deleted reflection is asked about first and can be brought back with Undo delete', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const { entry } = await callFromPage(page, 'entry.create', { date: '2025-01-15', templateId: 'kolb', title: 'Moving and handling refresher' });
  await callFromPage(page, 'entry.save', { entryId: entry.id, sections: { 'concrete-experience': { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Practised with the hoist.' }] }] } } });
  await page.evaluate((entryId) => {
    window.location.hash = `#/reflection/${entryId}`;
  }, entry.id);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Moving and handling refresher' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete this reflection' }).press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Delete “Moving and handling refresher”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete this reflection' })).toBeFocused();

  await page.getByRole('button', { name: 'Delete this reflection' }).press('Enter');
  await confirm.getByRole('button', { name: 'Delete reflection' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Reflection deleted' })).toBeFocused();
  await expect(page.getByTestId('timeline-reflection')).toHaveCount(0);
  expect((await callFromPage(page, 'timeline.get', {})).reflections).toEqual([]);
  await page.screenshot({ path: `${artifacts}/reflection-deleted.png`, fullPage: true });

  await page.getByRole('button', { name: 'Undo delete' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Moving and handling refresher' })).toBeVisible();
  await expect(textbox(page, 'Concrete experience')).toHaveText('Practised with the hoist.');
  await expect(page.getByTestId('timeline-reflection')).toHaveCount(1);
});
