import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatWeekCommencingLong, shiftWeeks, thisWeek } from '../../shared/dates/weeks.js';
import { expect, test } from './webApp.js';
import { openWeek as openWeekPage } from './pageChecks.js';

const artifacts = 'tests/.artifacts';
const lastWeek = shiftWeeks(thisWeek(new Date()), -1);
const currentWeek = thisWeek(new Date());

const section = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /saved|saving|not saved/i }).first()).toHaveText(/All changes saved/, { timeout: 10_000 });
}

async function openWeek(page: Page, url: string, weekStart: string): Promise<void> {
  await openWeekPage(page, url, weekStart);
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(weekStart) })).toBeVisible();
}

test('two consecutive weeks written by keyboard, reviewed and reloaded keep every word', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(currentWeek) })).toBeVisible();

  await page.keyboard.press('Alt+PageUp');
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(lastWeek) })).toBeVisible();

  await section(page, 'This week').click();
  await page.keyboard.type('And just like that, it is October! My diary is getting fuller.');
  await page.keyboard.press('Control+Alt+i');
  await page.keyboard.type('Arrange a meeting with the communications team.');
  await expect(page.getByText('Idea 1', { exact: false }).first()).toBeVisible();

  await section(page, 'Key thoughts').focus();
  await page.keyboard.type('Strategic co-production is incredibly powerful');
  await section(page, 'Achievements this week').focus();
  await page.keyboard.type('Met our local strategic co-production group');
  await section(page, 'Next week I plan to').focus();
  await page.keyboard.type('Collate data from questionnaire responses');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Plan one of my Mary Seacole assignments');
  await waitForSaved(page);
  await page.screenshot({ path: `${artifacts}/week-1-written.png`, fullPage: true });

  await page.getByRole('button', { name: 'Next week' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(currentWeek) })).toBeVisible();
  const review = page.getByRole('region', { name: "Review of last week's plans" }).or(page.locator('section', { has: page.getByRole('heading', { name: "Review of last week's plans" }) }));
  await expect(review.first()).toBeVisible();

  const collate = page.getByRole('group', { name: /Collate data from questionnaire responses/ });
  await collate.getByRole('radio', { name: 'Done', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(collate.getByRole('radio', { name: 'Done', exact: true })).toBeChecked();
  const assignment = page.getByRole('group', { name: /Plan one of my Mary Seacole assignments/ });
  await assignment.getByRole('radio', { name: 'Done', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(assignment.getByRole('radio', { name: 'Carried forward', exact: true })).toBeChecked();

  await section(page, 'This week').focus();
  await page.keyboard.type('Attended a regional social prescribing event.');
  await page.getByRole('button', { name: 'Add idea' }).press('Enter');
  await page.keyboard.type('Shadow a community navigator.');
  await expect(page.getByText('Idea 2', { exact: false }).first()).toBeVisible();
  await waitForSaved(page);
  await page.screenshot({ path: `${artifacts}/week-2-reviewed.png`, fullPage: true });

  await page.getByRole('link', { name: 'Ideas' }).or(page.getByRole('button', { name: 'Ideas' })).first().press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ideas' })).toBeVisible();
  const firstIdeaStatus = page.getByRole('combobox', { name: 'Status of idea 1' });
  await firstIdeaStatus.focus();
  await firstIdeaStatus.selectOption({ label: 'In progress' });
  await expect(page.getByRole('status').first()).toHaveText(/All changes saved|Saved/);
  await page.screenshot({ path: `${artifacts}/ideas.png`, fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ideas' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status of idea 1' })).toHaveValue('in-progress');
  await expect(page.getByRole('row', { name: /Idea 2.*Shadow a community navigator/ })).toBeVisible();

  await openWeek(page, app.url, lastWeek);
  await expect(section(page, 'This week')).toContainText('And just like that, it is October!');
  await expect(section(page, 'This week')).toContainText('Arrange a meeting with the communications team.');
  await expect(section(page, 'Key thoughts')).toContainText('Strategic co-production is incredibly powerful');
  await expect(section(page, 'Achievements this week')).toContainText('Met our local strategic co-production group');
  await expect(section(page, 'Next week I plan to')).toContainText('Plan one of my Mary Seacole assignments');

  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(currentWeek) })).toBeVisible();
  await expect(page.getByRole('group', { name: /Collate data/ }).getByRole('radio', { name: 'Done', exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: /Mary Seacole/ }).getByRole('radio', { name: 'Carried forward', exact: true })).toBeChecked();
  await expect(section(page, 'This week')).toContainText('Shadow a community navigator.');

  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByRole('group', { name: /Mary Seacole/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /Collate data/ })).toHaveCount(0);
});

test('typing and closing the page at once loses nothing', async ({ page, app, context }) => {
  await page.goto(app.url);
  await section(page, 'This week').click();
  await page.keyboard.type('Written just before closing the window.');
  await page.close({ runBeforeUnload: true });
  const url = await app.restart();
  const again = await context.newPage();
  await again.goto(url);
  await expect(section(again, 'This week')).toContainText('Written just before closing the window.');
});

test('the week view and the Ideas view have no accessibility violations', async ({ page, app }) => {
  await page.goto(app.url);
  await section(page, 'This week').click();
  await page.keyboard.type('A short week.');
  await page.keyboard.press('Control+Alt+i');
  await page.keyboard.type('An idea to check.');
  await waitForSaved(page);
  const weekResults = await new AxeBuilder({ page }).analyze();
  expect(weekResults.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.getByRole('link', { name: 'Ideas' }).or(page.getByRole('button', { name: 'Ideas' })).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ideas' })).toBeVisible();
  const ideasResults = await new AxeBuilder({ page }).analyze();
  expect(ideasResults.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the idea numbering start setting renumbers ideas', async ({ page, app }) => {
  await page.goto(app.url);
  await section(page, 'This week').click();
  await page.keyboard.press('Control+Alt+i');
  await page.keyboard.type('Continue from my paper diary.');
  await waitForSaved(page);
  await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings' })).first().click();
  const start = page.getByRole('spinbutton', { name: /Number the first idea/ });
  await start.fill('7');
  await start.press('Enter');
  await expect(page.getByTestId('settings-confirmation')).toContainText('Saved. The first idea in this portfolio is now Idea 7');
  await page.screenshot({ path: `${artifacts}/settings.png`, fullPage: true });
  await page.getByRole('link', { name: 'Week log' }).or(page.getByRole('button', { name: 'Week log' })).first().click();
  await expect(page.getByText('Idea 7', { exact: false }).first()).toBeVisible();
});
