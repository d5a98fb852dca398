import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { emptySections } from '../../shared/portfolio/weeklyLog.js';
import { doc, para, text } from '../fixtures/evidenceDocs.js';
import { callFromPage } from './pageApi.js';
import { expect, test } from './webApp.js';
import { expectNoAxeViolations } from './pageChecks.js';

const artifacts = 'tests/.artifacts';
const canary = 'Canary sentence: the night shift taught me to ask for help early';
const passphrase = 'kettle lantern orchard';
const newPassphrase = 'harbour violet compass';

/** Every file under the folder, as bytes. */
async function everyFile(folder: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name)));
  }
  return found;
}

test('lock the portfolio with a passphrase, unlock it, change it and remove it, by keyboard', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await callFromPage(page, 'week.save', { weekStart: '2019-10-07', sections: { ...emptySections(), thisWeek: doc(para(text(canary))) } });

  await page.getByRole('link', { name: 'Settings' }).click();
  const passphrasePart = page.getByRole('region', { name: 'Passphrase' });
  await expect(passphrasePart.getByText('not encrypted')).toBeVisible();
  await expect(passphrasePart.getByText(/Nobody can recover a forgotten passphrase/)).toBeVisible();

  // A mistyped second passphrase stops at its field.
  await passphrasePart.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await passphrasePart.getByLabel('Type it again').fill(`${passphrase}x`);
  await passphrasePart.getByRole('button', { name: 'Encrypt the portfolio' }).click();
  await expect(passphrasePart.getByLabel('Type it again')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Enter');
  await expect(passphrasePart.getByTestId('passphrase-status')).toContainText('now encrypted', { timeout: 30_000 });
  await expect(passphrasePart.getByText(/In the web browser the passphrase is asked for each time/)).toBeVisible();
  await page.screenshot({ path: `${artifacts}/security-settings-encrypted.png`, fullPage: true });
  await expectNoAxeViolations(page);

  // Nothing in the folder holds the sentence any more.
  for (const [path, bytes] of await everyFile(app.folder)) {
    expect(bytes.includes(Buffer.from('Canary sentence', 'utf8')), path).toBe(false);
    expect(bytes.includes(Buffer.from('"portfolioId"', 'utf8')), path).toBe(false);
  }

  // Started again, the app asks for the passphrase; a wrong one is a plain message.
  const url = await app.restart();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Your portfolio is locked' })).toBeVisible();
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type('not the passphrase');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/does not open this portfolio/)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${artifacts}/security-unlock-wrong.png`, fullPage: true });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 700, height: 800 });
  await page.screenshot({ path: `${artifacts}/security-unlock-narrow.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible({ timeout: 30_000 });
  const week = await callFromPage(page, 'week.get', { weekStart: '2019-10-07' });
  expect(JSON.stringify(week)).toContain(canary);

  // Change: the old passphrase no longer opens it, the new one does.
  await page.getByRole('link', { name: 'Settings' }).click();
  await passphrasePart.getByLabel('Current passphrase').first().fill('wrong one');
  await passphrasePart.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await passphrasePart.getByLabel('Type it again').fill(newPassphrase);
  await passphrasePart.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(passphrasePart.getByLabel('Current passphrase').first()).toBeFocused({ timeout: 30_000 });
  await expect(passphrasePart.getByText(/does not open this portfolio/)).toBeVisible();
  await passphrasePart.getByLabel('Current passphrase').first().fill(passphrase);
  await passphrasePart.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(passphrasePart.getByTestId('passphrase-status')).toContainText('Passphrase changed', { timeout: 60_000 });
  await page.screenshot({ path: `${artifacts}/security-settings-changed.png`, fullPage: true });

  // The unencrypted copy downloads as a zip.
  const download = page.waitForEvent('download');
  await passphrasePart.getByRole('button', { name: 'Export an unencrypted copy' }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const zipBytes = await readFile(await zip.path());
  expect(zipBytes.subarray(0, 2).toString()).toBe('PK');

  const again = await app.restart();
  await page.goto(again);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/does not open this portfolio/)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Passphrase').fill(newPassphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible({ timeout: 30_000 });

  // Remove: after confirming the passphrase, the folder is plain again and opens without asking.
  await page.getByRole('link', { name: 'Settings' }).click();
  await passphrasePart.getByRole('button', { name: 'Remove the passphrase…' }).click();
  await expect(passphrasePart.getByLabel('Current passphrase').last()).toBeFocused();
  await page.keyboard.type(newPassphrase);
  await passphrasePart.getByRole('button', { name: 'Remove passphrase and decrypt' }).click();
  await expect(passphrasePart.getByTestId('passphrase-status')).toContainText('passphrase was removed', { timeout: 60_000 });
  const plain = await app.restart();
  await page.goto(plain);
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
  const onDisk = await readFile(join(app.folder, 'portfolio.json'), 'utf8');
  expect(onDisk).toContain('"portfolioId"');
});
