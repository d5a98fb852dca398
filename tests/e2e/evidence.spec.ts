import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatWeekCommencingInSentence, formatWeekCommencingLong, formatWeekCommencingShort, thisWeek } from '../../shared/dates/weeks.js';
import { callFromPage } from './pageApi.js';
import { expect, test } from './webApp.js';

const artifacts = 'tests/.artifacts';
const currentWeek = thisWeek(new Date());

const section = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /saved|saving|not saved/i }).first()).toHaveText(/All changes saved/, { timeout: 10_000 });
}

/** Pastes plain text into the focused editor the way the clipboard does. */
async function pastePlainText(page: Page, text: string): Promise<void> {
  await page.evaluate((words) => {
    const data = new DataTransfer();
    data.setData('text/plain', words);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Puts the caret just before `words` in an editor (as a click would), leaving selecting to the keyboard. */
async function caretBefore(page: Page, editorName: string, words: string): Promise<void> {
  await section(page, editorName).focus();
  await page.evaluate(
    ({ name, target }) => {
      const editor = [...document.querySelectorAll<HTMLElement>('[role="textbox"]')].find((element) => element.getAttribute('aria-labelledby') && document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent === name);
      if (!editor) throw new Error(`no editor ${name}`);
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(target) ?? -1;
        if (index >= 0) {
          const range = document.createRange();
          range.setStart(node, index);
          range.collapse(true);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return;
        }
      }
      throw new Error(`"${target}" is not in ${name}`);
    },
    { name: editorName, target: words },
  );
}

/** Selects `words` forward from the caret with Shift+Right, then tags them with the first outcome the filter leaves. */
async function tagByKeyboard(page: Page, words: string, filter: string): Promise<void> {
  for (let i = 0; i < words.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(words);
  await page.keyboard.press('Control+Shift+E');
  const picker = page.getByRole('dialog', { name: 'Tag the selected words' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('searchbox', { name: 'Filter outcomes' })).toBeFocused();
  await page.keyboard.type(filter);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
}

test('a unit, the sample blog tagged for LO3 and LO4 by keyboard, the matrix, and a cell followed back to its passage', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(currentWeek) })).toBeVisible();
  // The unit (LO1–LO4 with P/M/D criteria) comes in through the Frameworks page, from a CSV file.
  await page.getByRole('link', { name: 'Frameworks' }).click();
  await page.getByLabel('Import a framework from a file').and(page.locator('input[type="file"]')).setInputFiles('tests/fixtures/frameworks/unit26.csv');
  await expect(page.getByRole('heading', { level: 1, name: /Supporting Team and Partnership Working/ })).toBeVisible();
  await page.getByRole('link', { name: 'Week log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(currentWeek) })).toBeVisible();

  const blog = await readFile('tests/fixtures/samples/unit26-assignment-blog.txt', 'utf8');
  await section(page, 'This week').focus();
  await pastePlainText(page, blog);
  await expect(section(page, 'This week')).toContainText('Partnerships can achieve greater outcomes');
  await waitForSaved(page);

  await caretBefore(page, 'This week', 'Partnerships can achieve greater outcomes');
  await tagByKeyboard(page, 'Partnerships can achieve greater outcomes', 'LO3');
  await expect(page.getByRole('status').filter({ hasText: 'Tagged as evidence: LO3.' })).toBeVisible();
  await expect(page.getByText('Evidence here: LO3')).toBeVisible();

  await caretBefore(page, 'This week', 'This post is a self reflection');
  await tagByKeyboard(page, 'This post is a self reflection of my own contributions', 'LO4');
  // Overlap: part of the LO4 passage also tagged LO4 P7.
  await caretBefore(page, 'This week', 'self reflection of');
  await tagByKeyboard(page, 'self reflection', 'P7');
  await expect(page.locator('.evidence-overlap').first()).toBeVisible();
  await expect(page.getByText('Evidence here: LO4, LO4 P7')).toBeVisible();
  await waitForSaved(page);
  await page.screenshot({ path: `${artifacts}/evidence-week-tagged.png` });

  // Remove one tag of the overlap with the keyboard; the other stays.
  await page.getByRole('button', { name: 'Remove tag LO4 P7 from this passage' }).press('Enter');
  await expect(page.getByText('Evidence here: LO4', { exact: true })).toBeVisible();
  await expect(page.locator('.evidence-overlap')).toHaveCount(0);
  await waitForSaved(page);

  // Whole-week tag.
  await page.getByRole('button', { name: 'Tag the whole week' }).click();
  const weekPicker = page.getByRole('dialog', { name: 'Tag the whole week' });
  await weekPicker.getByRole('searchbox', { name: 'Filter outcomes' }).fill('LO2 examine');
  // One match left: Enter ticks it and saves.
  await page.keyboard.press('Enter');
  await expect(weekPicker).toBeHidden();
  await expect(page.getByRole('list', { name: 'Whole week:' }).getByText('LO2')).toBeVisible();
  await waitForSaved(page);

  // Everything survives a reload.
  await page.reload();
  await expect(page.locator('.evidence[data-outcome]')).not.toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Whole week:' }).getByText('LO2')).toBeVisible();

  // The matrix.
  await page.getByRole('link', { name: 'Coverage' }).click();
  const grid = page.getByRole('grid', { name: /Coverage of Supporting Team/ });
  await expect(grid).toBeVisible();
  await expect(page.getByTestId('coverage-summary')).toContainText('Without evidence: LO1');
  await page.screenshot({ path: `${artifacts}/evidence-coverage.png`, fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // Keyboard into the grid, down to LO3, open the cell.
  const lo3Cell = grid.getByRole('gridcell', { name: `LO3, ${formatWeekCommencingInSentence(currentWeek)}: 1 passage, 5 words` });
  await expect(lo3Cell).toBeVisible();
  await grid.locator('[data-cell][tabindex="0"]').focus();
  for (let i = 0; i < 20 && !(await lo3Cell.evaluate((cell) => cell === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
  await expect(lo3Cell).toBeFocused();
  await page.keyboard.press('Enter');
  const cellPanel = page.getByRole('region', { name: `LO3 in the ${formatWeekCommencingInSentence(currentWeek)}` });
  await expect(cellPanel.getByRole('blockquote')).toHaveText('Partnerships can achieve greater outcomes');
  await page.screenshot({ path: `${artifacts}/evidence-coverage-cell.png`, fullPage: true });

  await cellPanel.getByRole('link', { name: `Open this passage in ${formatWeekCommencingShort(currentWeek)}` }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(currentWeek) })).toBeVisible();
  const target = page.locator('.evidence-target');
  await expect(target).toHaveText('Partnerships can achieve greater outcomes');
  await expect(target).toBeInViewport();
  await expect(page.getByRole('status').filter({ hasText: 'Showing the passage tagged LO3' })).toBeVisible();
  await page.screenshot({ path: `${artifacts}/evidence-jump.png` });

  // The evidence list for LO4, from the matrix's row heading.
  await page.goBack();
  await page.getByRole('link', { name: /^LO4 Reflect on your own contribution/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /LO4 Reflect on your own contribution/ })).toBeVisible();
  await expect(page.getByTestId('evidence-summary')).toHaveText(/1 passage \(10 words quoted\)/);
  await page.screenshot({ path: `${artifacts}/evidence-outcome.png`, fullPage: true });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('the tag picker and the week view with tags pass axe, and an empty selection is explained', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(currentWeek) })).toBeVisible();
  await callFromPage(page, 'frameworks.addBuiltIn', { builtInId: 'nmc-code-themes' });
  await page.reload();
  await section(page, 'Key thoughts').focus();
  await page.keyboard.type('Speaking up for the person in front of me');
  await page.keyboard.press('Control+Shift+E');
  await expect(page.getByRole('status').filter({ hasText: 'Select the words you want to tag first' })).toBeVisible();
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Shift+E');
  const picker = page.getByRole('dialog', { name: 'Tag the selected words' });
  await expect(picker).toBeVisible();
  await page.keyboard.type('prioritise');
  await expect(picker.getByRole('checkbox')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(picker.getByRole('checkbox', { name: /T1 Prioritise people/ })).toBeChecked();
  await page.screenshot({ path: `${artifacts}/evidence-picker.png` });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // Esc leaves without tagging, and the cursor is back in the text.
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(section(page, 'Key thoughts')).toBeFocused();
  await expect(page.locator('.evidence')).toHaveCount(0);
  // Type a code, press Enter: tagged at once.
  await page.keyboard.press('Control+Shift+E');
  await page.keyboard.type('T1');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.locator('.evidence[data-outcome="prioritise-people"]')).toHaveText('Speaking up for the person in front of me');
  await expect(section(page, 'Key thoughts')).toBeFocused();
  await page.screenshot({ path: `${artifacts}/evidence-tags-here.png` });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
