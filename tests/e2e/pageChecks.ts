import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './webApp.js';

/** axe-core over the whole page as it is now: every violation named with where it is. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Waits until the header says every change is on disk. */
export async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved', { timeout: 10_000 });
}

/** Opens the app, then the week holding `weekStart`, and waits until its editors are ready. */
export async function openWeek(page: Page, url: string, weekStart: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((week) => {
    window.location.hash = `#/week/${week}`;
  }, weekStart);
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-week', weekStart);
  await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
}
