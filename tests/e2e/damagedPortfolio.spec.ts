import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './webApp.js';

test('a damaged portfolio file is explained, kept, and can be replaced by the newest good backup', async ({ page, app }) => {
  await page.goto(app.url);
  const thisWeek = page.getByRole('textbox', { name: 'This week', exact: true });
  await thisWeek.click();
  await page.keyboard.type('Words worth keeping.');
  await expect(page.getByRole('status').first()).toHaveText(/All changes saved/);
  await page.keyboard.type(' And a few more.');
  await expect(page.getByRole('status').first()).toHaveText(/All changes saved/);

  const broken = '{"schemaVersion":1,"portfolioId":"cut-off-here';
  const url = await app.restart(() => writeFile(join(app.folder, 'portfolio.json'), broken));
  await page.goto(url);
  await expect(page.getByText(/ends part-way through/)).toBeVisible();
  await expect(page.getByText(/damaged/).first()).toBeVisible();
  await page.screenshot({ path: 'tests/.artifacts/damaged.png', fullPage: true });
  expect(await readFile(join(app.folder, 'portfolio.json'), 'utf8')).toBe(broken);

  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: /Restore this backup/ }).first().click();
  await expect(page.getByRole('textbox', { name: 'This week', exact: true })).toContainText('Words worth keeping.');
});
