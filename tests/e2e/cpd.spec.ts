import type { Page } from '@playwright/test';
import { formatUkDate, formatWeekCommencingLong, formatWeekCommencingShort, shiftWeeks, thisWeek } from '../../shared/dates/weeks.js';
import { callFromPage } from './pageApi.js';
import { expect, test } from './webApp.js';
import { expectNoAxeViolations, openWeek as openWeekPage } from './pageChecks.js';

const artifacts = 'tests/.artifacts';
const currentWeek = thisWeek(new Date());
const lastWeek = shiftWeeks(currentWeek, -1);
const twoYearsAgo = shiftWeeks(currentWeek, -104);
const fourYearsAgo = shiftWeeks(currentWeek, -209);
const tenWeeksAgo = shiftWeeks(currentWeek, -10);

async function openWeek(page: Page, url: string, weekStart: string): Promise<void> {
  await openWeekPage(page, url, weekStart);
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(weekStart) })).toBeVisible();
}

const cpdFields = (page: Page) => page.getByRole('group', { name: 'CPD time' });

test('CPD time recorded on a week by keyboard is saved, explained when it cannot be read, and still there after a reload', async ({ page, app }) => {
  await openWeek(page, app.url, lastWeek);
  const fields = cpdFields(page);
  await expect(fields).toContainText('None recorded for this week.');

  await fields.getByRole('button', { name: 'Record CPD time for this week' }).focus();
  await page.keyboard.press('Enter');
  const hours = fields.getByRole('textbox', { name: 'CPD hours' });
  await expect(hours).toBeFocused();

  await page.keyboard.type('1,5');
  await page.keyboard.press('Tab');
  await expect(fields.getByText('Use a full stop, not a comma, for part of an hour: 1.5 is an hour and a half.')).toBeVisible();
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await expect(hours).toHaveAccessibleDescription(/Use a full stop, not a comma/);

  await hours.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.5');
  await expect(fields.getByText('1 hour 30 minutes', { exact: true })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(hours).not.toHaveAttribute('aria-invalid', 'true');
  const participatory = fields.getByRole('checkbox', { name: 'Participatory (learning with others)' });
  await expect(participatory).toBeFocused();
  await page.keyboard.press('Space');
  await expect(participatory).toBeChecked();
  await page.keyboard.press('Tab');
  const activityType = fields.getByRole('combobox', { name: 'Type of activity' });
  await expect(activityType).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(activityType).toHaveValue('work-based');
  await expect(fields.getByRole('status')).toHaveText('Saved for this week: 1 hour 30 minutes, participatory, work-based learning.');
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Saving/ }).first()).toHaveText(/All changes saved/);

  await page.screenshot({ path: `${artifacts}/cpd-week-fields.png` });
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(lastWeek) })).toBeVisible();
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  await expect(cpdFields(page).getByRole('textbox', { name: 'CPD hours' })).toHaveValue('1:30');
  await expect(cpdFields(page).getByRole('checkbox', { name: 'Participatory (learning with others)' })).toBeChecked();
  await expect(cpdFields(page).getByRole('combobox', { name: 'Type of activity' })).toHaveValue('work-based');
  const week = await callFromPage(page, 'week.get', { weekStart: lastWeek });
  expect(week.entry?.cpd).toEqual({ minutes: 90, participatory: true, activityType: 'work-based' });
});

test('CPD time removed from a week is gone after a reload, and the week shows none recorded', async ({ page, app }) => {
  await page.goto(app.url);
  await callFromPage(page, 'week.setCpd', { weekStart: lastWeek, cpd: { minutes: 45, participatory: false, activityType: null } });
  await openWeek(page, app.url, lastWeek);
  const fields = cpdFields(page);
  await expect(fields.getByRole('textbox', { name: 'CPD hours' })).toHaveValue('0:45');

  await fields.getByRole('button', { name: 'Remove CPD time from this week' }).press('Enter');
  const record = fields.getByRole('button', { name: 'Record CPD time for this week' });
  await expect(record).toBeFocused();
  await expect(fields.getByRole('status')).toHaveText('CPD time removed from this week.');
  await page.screenshot({ path: `${artifacts}/cpd-week-closed.png` });
  expect((await callFromPage(page, 'week.get', { weekStart: lastWeek })).entry?.cpd).toBeNull();

  await page.reload();
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
  await expect(cpdFields(page)).toContainText('None recorded for this week.');
});

test('hours typed and left by the next-week shortcut are saved to the week they were typed in', async ({ page, app }) => {
  await openWeek(page, app.url, lastWeek);
  await cpdFields(page).getByRole('button', { name: 'Record CPD time for this week' }).press('Enter');
  await page.keyboard.type('2h');
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(currentWeek) })).toBeVisible();
  await expect(cpdFields(page)).toContainText('None recorded for this week.');
  await expect.poll(async () => (await callFromPage(page, 'week.get', { weekStart: lastWeek })).entry?.cpd).toEqual({ minutes: 120, participatory: false, activityType: null });
  expect((await callFromPage(page, 'week.get', { weekStart: currentWeek })).entry).toBeNull();
});

test('hours typed and left by opening the CPD page from the address bar are saved and counted', async ({ page, app }) => {
  await openWeek(page, app.url, lastWeek);
  await cpdFields(page).getByRole('button', { name: 'Record CPD time for this week' }).press('Enter');
  await page.keyboard.type('1:15');
  await page.evaluate(() => {
    window.location.hash = '#/cpd';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'CPD hours' })).toBeVisible();
  await expect(page.getByTestId('cpd-total')).toHaveText('1 hour 15 minutes');
});

test('the CPD page totals the time in the chosen period, lists each entry with a link and says when a period has none', async ({ page, app }) => {
  await openWeek(page, app.url, lastWeek);
  const fields = cpdFields(page);
  await fields.getByRole('button', { name: 'Record CPD time for this week' }).press('Enter');
  await page.keyboard.type('90 min');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(fields.getByRole('status')).toHaveText('Saved for this week: 1 hour 30 minutes, participatory, work-based learning.');
  await page.screenshot({ path: `${artifacts}/cpd-week-fields-open.png`, fullPage: true });
  await expectNoAxeViolations(page);

  await callFromPage(page, 'week.setCpd', { weekStart: twoYearsAgo, cpd: { minutes: 300, participatory: true, activityType: 'formal' } });
  await callFromPage(page, 'week.setCpd', { weekStart: fourYearsAgo, cpd: { minutes: 600, participatory: false, activityType: 'self-directed' } });
  const reflection = await callFromPage(page, 'entry.create', { date: tenWeeksAgo, templateId: 'gibbs', title: '' });
  await callFromPage(page, 'entry.setCpd', { entryId: reflection.entry.id, cpd: { minutes: 20, participatory: false, activityType: null } });

  await page.getByRole('link', { name: 'CPD', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CPD hours' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Last 3 years (NMC revalidation)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('cpd-total')).toHaveText('6 hours 50 minutes');
  await expect(page.getByTestId('cpd-participatory')).toHaveText('6 hours 30 minutes');
  await expect(page.getByTestId('cpd-by-type')).toHaveText(/Work-based learning\s*1 hour 30 minutes/);
  await expect(page.getByTestId('cpd-by-type')).toHaveText(/Formal or educational\s*5 hours/);
  await expect(page.getByTestId('cpd-by-type')).toHaveText(/Type not said\s*20 minutes/);
  await expect(page.getByTestId('cpd-nmc')).toHaveText(
    'NMC revalidation asks for 35 hours of CPD, 20 of them participatory, in each three-year period. Recorded here: 6 hours 50 minutes in all, 28 hours 10 minutes short of 35; 6 hours 30 minutes participatory, 13 hours 30 minutes short of 20.',
  );

  const table = page.getByRole('table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(formatUkDate(twoYearsAgo));
  const weekLink = rows.nth(0).getByRole('link', { name: `Weekly log, ${formatWeekCommencingShort(twoYearsAgo)}` });
  await expect(weekLink).toHaveAttribute('href', `#/week/${twoYearsAgo}`);
  await expect(rows.nth(1).getByRole('link', { name: 'Untitled reflection' })).toHaveAttribute('href', `#/reflection/${reflection.entry.id}`);
  await expect(rows.nth(1)).toContainText('Gibbs reflective cycle');
  await expect(rows.nth(2)).toHaveText(new RegExp(`${formatUkDate(lastWeek)}.*Weekly log, ${formatWeekCommencingShort(lastWeek)}.*1 hour 30 minutes.*Yes.*Work-based learning`));
  await page.screenshot({ path: `${artifacts}/cpd-page.png`, fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Last 12 months' }).click();
  await expect(page.getByTestId('cpd-total')).toHaveText('1 hour 50 minutes');
  await expect(page.getByTestId('cpd-nmc')).toHaveCount(0);

  await page.getByRole('button', { name: 'All time' }).click();
  await expect(page.getByTestId('cpd-total')).toHaveText('16 hours 50 minutes');
  await expect(page.getByTestId('cpd-participatory')).toHaveText('6 hours 30 minutes');
  await expect(page.getByTestId('cpd-period-shown')).toHaveText('Showing CPD time at any time.');
  await expect(rows).toHaveCount(4);

  await page.getByLabel('From', { exact: true }).fill(shiftWeeks(twoYearsAgo, -1));
  await page.getByLabel('To', { exact: true }).fill(shiftWeeks(twoYearsAgo, 1));
  await expect(page.getByTestId('cpd-period-shown')).toHaveText(`Showing CPD time from ${formatUkDate(shiftWeeks(twoYearsAgo, -1))} to ${formatUkDate(shiftWeeks(twoYearsAgo, 1))}.`);
  await expect(page.getByTestId('cpd-total')).toHaveText('5 hours');
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'All time' })).toHaveAttribute('aria-pressed', 'false');

  await page.getByLabel('From', { exact: true }).fill(shiftWeeks(twoYearsAgo, 2));
  await expect(page.getByTestId('cpd-period-shown')).toHaveText('The From date is after the To date: choose a From date on or before the To date.');

  await page.getByLabel('From', { exact: true }).fill(shiftWeeks(fourYearsAgo, -20));
  await page.getByLabel('To', { exact: true }).fill(shiftWeeks(fourYearsAgo, -10));
  await expect(page.getByTestId('cpd-empty')).toContainText(`No CPD time from ${formatUkDate(shiftWeeks(fourYearsAgo, -20))} to ${formatUkDate(shiftWeeks(fourYearsAgo, -10))}`);
  await page.screenshot({ path: `${artifacts}/cpd-page-empty.png`, fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Last 3 years (NMC revalidation)' }).click();
  await rows.nth(0).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: formatWeekCommencingLong(twoYearsAgo) })).toBeVisible();
  await expect(cpdFields(page).getByRole('textbox', { name: 'CPD hours' })).toHaveValue('5:00');
});

test('a reflection on the HCPC CPD activity form asks for the type of activity first and keeps the time it is given', async ({ page, app }) => {
  await page.goto(app.url);
  const reflection = await callFromPage(page, 'entry.create', { date: tenWeeksAgo, templateId: 'hcpc-cpd-activity', title: 'Sepsis study day' });
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/reflection/${reflection.entry.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sepsis study day' })).toBeVisible();
  const fields = cpdFields(page);
  const activityType = fields.getByRole('combobox', { name: 'Type of activity' });
  await expect(activityType).toBeVisible();
  await expect(fields.getByRole('button', { name: /Record CPD time/ })).toHaveCount(0);
  const order = await fields.locator('input, select').evaluateAll((controls) => controls.map((control) => control.id));
  expect(order[0]).toBe(`reflection-${reflection.entry.id}-type`);

  await activityType.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(activityType).toHaveValue('formal');
  await expect(fields.getByRole('status')).toHaveText('Nothing is saved until you enter the CPD hours.');
  await page.keyboard.press('Tab');
  await expect(fields.getByRole('textbox', { name: 'CPD hours' })).toBeFocused();
  await page.keyboard.type('6h 30m');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(fields.getByRole('status')).toHaveText('Saved for this reflection: 6 hours 30 minutes, participatory, formal or educational.');
  await expect.poll(async () => (await callFromPage(page, 'entry.get', { entryId: reflection.entry.id })).entry.cpd).toEqual({ minutes: 390, participatory: true, activityType: 'formal' });
  await page.screenshot({ path: `${artifacts}/cpd-reflection-asked.png` });
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'CPD', exact: true }).click();
  const row = page.getByRole('table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: 'Sepsis study day' })).toHaveAttribute('href', `#/reflection/${reflection.entry.id}`);
  await expect(row).toContainText('HCPC CPD activity');
});
