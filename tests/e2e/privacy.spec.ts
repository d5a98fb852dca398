import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { EditorDoc } from '../../shared/document/editorJson.js';
import { doc, para, text } from '../fixtures/evidenceDocs.js';
import { callFromPage } from './pageApi.js';
import { expect, test } from './webApp.js';
import { expectNoAxeViolations, openWeek, waitForSaved } from './pageChecks.js';

const artifacts = 'tests/.artifacts';

/** The words under each privacy underline in an editor. */
const underlined = (editor: Locator) => editor.locator('.privacy-finding').allTextContents();

/** The editor's selection, read as text. */
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** The text of one section as saved: what `week.get` answers now. */
async function savedWeekText(page: Page, weekStart: string): Promise<string> {
  const week = await callFromPage(page, 'week.get', { weekStart });
  return JSON.stringify(week.entry?.sections.thisWeek ?? null);
}

/** The box around two elements, for a picture of both. */
async function spanning(first: Locator, last: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  await first.scrollIntoViewIfNeeded();
  const top = await first.boundingBox();
  const bottom = await last.boundingBox();
  if (!top || !bottom) throw new Error('not on screen');
  const x = Math.min(top.x, bottom.x) - 8;
  const y = top.y - 8;
  return { x, y, width: Math.max(top.x + top.width, bottom.x + bottom.width) - x + 8, height: bottom.y + bottom.height - y + 8 };
}

test.describe('Privacy while writing', () => {
  const weekStart = '2024-03-11';
  const written =
    'At the team meeting on 12 March 2024 I spoke to Mrs Patel, whose NHS number is 943 476 5919. The audit sheet listed 943 476 5918 next to the bed.';

  test('possible identifiers are underlined as the user types, explained at the caret, replaced or dismissed, and it all survives a reload', async ({ page, app }) => {
    await mkdir(artifacts, { recursive: true });
    await openWeek(page, app.url, weekStart);
    const editor = page.getByTestId('editor-thisWeek');
    const section = page.getByTestId('section-thisWeek');
    await expect(page.getByTestId('privacy-summary')).toHaveText('No possible identifiers found in this week.');

    await editor.click();
    await page.keyboard.type(written);
    // The NHS number and the titled name; not the meeting date nor the ten digits that fail the check.
    await expect.poll(() => underlined(editor)).toEqual(['Mrs Patel', '943 476 5919']);
    await expect(editor.locator('.privacy-finding').first()).toHaveAttribute('title', /^Possible identifier \(name\)\. A title followed by a name/);
    const next = page.getByRole('button', { name: 'Possible identifiers: 2' });
    await expect(next).toHaveAttribute('aria-keyshortcuts', 'Control+Alt+P');
    await expect(next).toHaveAccessibleDescription('Goes to the next one (Ctrl+Alt+P)');
    // Typing past a finding does not bring up its explanation.
    await expect(section.getByTestId('privacy-explanation')).toHaveCount(0);
    await waitForSaved(page);
    await page.screenshot({ path: `${artifacts}/privacy-underline.png`, clip: await spanning(page.getByTestId('privacy-summary'), section) });

    // The shortcut goes round to the first finding and selects it; the explanation is shown and said.
    await page.keyboard.press('Control+Alt+P');
    await expect(editor).toBeFocused();
    expect(await selectedText(page)).toBe('Mrs Patel');
    const explanation = section.getByRole('group', { name: 'Possible identifier: name “Mrs Patel”' });
    await expect(explanation).toBeVisible();
    await expect(explanation).toContainText('A title followed by a name, so it may name a patient, service user or colleague.');
    await expect(section.getByTestId('privacy-here').locator('[aria-live="polite"]')).toHaveText(
      'Possible identifier in This week: name, “Mrs Patel”. A title followed by a name, so it may name a patient, service user or colleague.',
    );
    await page.screenshot({ path: `${artifacts}/privacy-explained.png`, clip: await spanning(page.getByTestId('privacy-summary'), section) });
    await expectNoAxeViolations(page);

    // Tab reaches the fix; the replacement is an ordinary edit that Ctrl+Z takes back.
    await page.keyboard.press('Tab');
    const replace = explanation.getByRole('button', { name: 'Replace with [patient A]' });
    await expect(replace).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor).toContainText('I spoke to [patient A], whose NHS number');
    await expect(editor).toBeFocused();
    await expect.poll(() => underlined(editor)).toEqual(['943 476 5919']);
    await expect(section.getByTestId('privacy-done')).toHaveText('Replaced “Mrs Patel” with [patient A]. Undo (Ctrl+Z) puts it back.');
    await expect(page.getByRole('button', { name: 'Possible identifiers: 1' })).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(editor).toContainText('I spoke to Mrs Patel, whose NHS number');
    await expect.poll(() => underlined(editor)).toEqual(['Mrs Patel', '943 476 5919']);
    // Fixed again with the mouse: the caret on the name shows the same placeholder.
    await editor.locator('.privacy-finding', { hasText: 'Mrs Patel' }).click();
    await section.getByRole('button', { name: 'Replace with [patient A]' }).click();
    await expect(editor).toContainText('I spoke to [patient A], whose NHS number');
    await waitForSaved(page);
    expect(await savedWeekText(page, weekStart)).toContain('I spoke to [patient A], whose NHS number is 943 476 5919.');

    // The NHS number is dismissed by keyboard for this occurrence, then the dismissal undone and made again.
    await next.or(page.getByRole('button', { name: 'Possible identifiers: 1' })).press('Enter');
    await expect(editor).toBeFocused();
    expect(await selectedText(page)).toBe('943 476 5919');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const notIdentifier = section.getByRole('button', { name: 'Not an identifier' });
    await expect(notIdentifier).toBeFocused();
    await page.keyboard.press('Enter');
    const undo = section.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeFocused();
    await expect(section.getByTestId('privacy-done')).toContainText('“943 476 5919” will not be flagged here again.');
    await expect.poll(() => underlined(editor)).toEqual([]);
    await expect(page.getByTestId('privacy-summary')).toHaveText('No possible identifiers found in this week.');
    await page.keyboard.press('Enter');
    await expect.poll(() => underlined(editor)).toEqual(['943 476 5919']);
    await expect(editor).toBeFocused();
    expect((await callFromPage(page, 'privacy.get', {})).dismissed).toEqual([]);
    await section.getByRole('button', { name: 'Not an identifier' }).click();
    await expect.poll(() => underlined(editor)).toEqual([]);
    // Dismissed as the words with up to 40 characters either side, as the check before export reads them.
    const fixed = written.replace('Mrs Patel', '[patient A]');
    const at = fixed.indexOf('943 476 5919');
    const dismissed = (await callFromPage(page, 'privacy.get', {})).dismissed;
    expect(dismissed.map(({ kind, text: words, before, after }) => ({ kind, text: words, before, after }))).toEqual([
      { kind: 'nhs-number', text: '943 476 5919', before: fixed.slice(at - 40, at), after: fixed.slice(at + 12, at + 52) },
    ]);

    // After a reload the replacement is saved and the dismissal kept.
    await page.reload();
    await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
    await expect(editor).toContainText('I spoke to [patient A], whose NHS number is 943 476 5919.');
    await expect(page.getByTestId('privacy-summary')).toHaveText('No possible identifiers found in this week.');
    await expect.poll(() => underlined(editor)).toEqual([]);

    // Nothing about the underlines is saved: a change typed and undone saves the very JSON that was loaded.
    const loaded = await savedWeekText(page, weekStart);
    const saves: string[] = [];
    page.on('request', (request) => {
      if (!request.url().endsWith('/api/call') || request.method() !== 'POST') return;
      const body = JSON.parse(request.postData() ?? '{}') as { name?: string; argument?: { sections?: { thisWeek?: EditorDoc } } };
      if (body.name === 'week.save') saves.push(JSON.stringify(body.argument?.sections?.thisWeek ?? null));
    });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Mrs Lee');
    await expect.poll(() => underlined(editor)).toEqual(['Mrs Lee']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => underlined(editor)).toEqual([]);
    await waitForSaved(page);
    expect(saves.length).toBeGreaterThan(0);
    expect(saves.at(-1)).toEqual(loaded);
    expect(saves.join('')).not.toMatch(/privacy|finding/i);
  });

  test('in a reflection the count leads to a name, which is replaced with the next free letter; at 700 px nothing covers the text', async ({ page, app }) => {
    await mkdir(artifacts, { recursive: true });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const created = await callFromPage(page, 'entry.create', { date: '2024-03-13', templateId: 'gibbs', title: 'A difficult conversation' });
    const entryId = created.entry.id;
    await callFromPage(page, 'entry.save', {
      entryId,
      sections: {
        description: doc(para(text('Mr Okafor’s daughter, [patient A], asked me why her father had been moved. Dr Lee was not on the ward.'))),
      },
    });
    await page.evaluate((id) => {
      window.location.hash = `#/reflection/${id}`;
    }, entryId);
    await expect(page.getByTestId('reflection-view')).toHaveAttribute('data-state', 'ready');
    const editor = page.getByTestId('editor-description');
    await expect.poll(() => underlined(editor)).toEqual(['Mr Okafor', 'Dr Lee']);

    // The count is a button: it takes the caret to the first name.
    await page.getByRole('button', { name: 'Possible identifiers: 2' }).click();
    await expect(editor).toBeFocused();
    expect(await selectedText(page)).toBe('Mr Okafor');
    const section = page.getByTestId('section-description');
    // "[patient A]" is already in the text, so the next name is B.
    await section.getByRole('button', { name: 'Replace with [patient B]' }).click();
    await expect(editor).toContainText('[patient B]’s daughter, [patient A], asked me');
    await page.keyboard.press('Control+Alt+P');
    expect(await selectedText(page)).toBe('Dr Lee');
    await expect(section.getByRole('button', { name: 'Replace with [patient C]' })).toBeVisible();

    await page.setViewportSize({ width: 700, height: 860 });
    await expectNoAxeViolations(page);
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${artifacts}/privacy-explained-narrow.png` });
    // The explanation sits below the text, never over it.
    const textBox = await editor.boundingBox();
    const panelBox = await section.getByTestId('privacy-explanation').boundingBox();
    expect(textBox && panelBox && panelBox.y >= textBox.y + textBox.height).toBe(true);

    // In forced colours (Windows High Contrast) the underline is drawn in the text colour, still wavy.
    await page.emulateMedia({ forcedColors: 'active' });
    await expect(editor.locator('.privacy-finding')).toHaveCSS('text-decoration-style', 'wavy');
    await page.screenshot({ path: `${artifacts}/privacy-forced-colours.png`, clip: await spanning(editor, section.getByTestId('privacy-explanation')) });
    await page.emulateMedia({ forcedColors: 'none' });

    await waitForSaved(page);
    await page.reload();
    await expect(page.getByTestId('reflection-view')).toHaveAttribute('data-state', 'ready');
    await expect(editor).toContainText('[patient B]’s daughter, [patient A], asked me why her father had been moved. Dr Lee was not on the ward.');
    await expect.poll(() => underlined(editor)).toEqual(['Dr Lee']);
  });

  test('names added to the always-flag and never-flag lists in Settings are followed by the open week, and a finding flagged again there returns', async ({ page, app }) => {
    await openWeek(page, app.url, weekStart);
    const editor = page.getByTestId('editor-thisWeek');
    await editor.click();
    await page.keyboard.type('Okafor’s family visited; Mrs Lee from the day centre came too.');
    await expect.poll(() => underlined(editor)).toEqual(['Mrs Lee']);
    await waitForSaved(page);
    await editor.locator('.privacy-finding').click();
    await page.getByTestId('section-thisWeek').getByRole('button', { name: 'Not an identifier' }).click();
    await expect.poll(() => underlined(editor)).toEqual([]);

    const nav = page.getByRole('navigation', { name: 'Main' });
    // The lists are typed once Settings has read them (Save is held until then).
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('button', { name: 'Save lists' })).toBeEnabled();
    await page.getByLabel('Always flag').fill('Okafor');
    await page.getByRole('button', { name: 'Save lists' }).click();
    await expect(page.getByTestId('privacy-lists-status')).toHaveText('Saved. 1 always flagged, 0 never flagged.');
    await page.getByRole('button', { name: 'Flag “Mrs Lee” again' }).click();
    await expect(page.getByTestId('privacy-lists-status')).toHaveText('That finding will be flagged again.');

    await nav.getByRole('link', { name: 'Week log' }).click();
    await page.evaluate((week) => {
      window.location.hash = `#/week/${week}`;
    }, weekStart);
    await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
    await expect.poll(() => underlined(editor)).toEqual(['Okafor', 'Mrs Lee']);
    await expect(editor.locator('.privacy-finding').first()).toHaveAttribute('title', /‘Okafor’ is on your list of names to always flag/);

    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('button', { name: 'Save lists' })).toBeEnabled();
    await page.getByLabel('Always flag').fill('');
    await page.getByLabel('Never flag').fill('Lee');
    await page.getByRole('button', { name: 'Save lists' }).click();
    await expect(page.getByTestId('privacy-lists-status')).toHaveText('Saved. 0 always flagged, 1 never flagged.');
    await nav.getByRole('link', { name: 'Week log' }).click();
    await page.evaluate((week) => {
      window.location.hash = `#/week/${week}`;
    }, weekStart);
    await expect(page.getByTestId('week-view')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('privacy-summary')).toHaveText('No possible identifiers found in this week.');
    await expect.poll(() => underlined(editor)).toEqual([]);
  });
});

test.describe('Privacy before a file leaves', () => {
  const weekStart = '2024-03-11';

  test('an NHS number and a titled name are flagged; one is fixed; the export lists the other and saves only once confirmed', async ({ page, app }) => {
    test.setTimeout(120_000);
    await mkdir(artifacts, { recursive: true });
    await openWeek(page, app.url, weekStart);
    const editor = page.getByTestId('editor-thisWeek');
    await editor.click();
    await page.keyboard.type('On Monday I cared for Mrs Okoye, NHS number 943 476 5919, after her fall at home.');
    await expect.poll(() => underlined(editor)).toEqual(['Mrs Okoye', '943 476 5919']);

    // The name is fixed; the NHS number is left, to be caught on the way out.
    await page.keyboard.press('Control+Alt+P');
    expect(await selectedText(page)).toBe('Mrs Okoye');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(editor).toContainText('I cared for [patient A], NHS number');
    await expect.poll(() => underlined(editor)).toEqual(['943 476 5919']);
    await waitForSaved(page);

    await page.getByRole('link', { name: 'Export this week to Word' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Export to Word' })).toBeVisible();
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByRole('button', { name: 'Export to Word' }).click();

    const check = page.getByRole('dialog', { name: 'Check before this Word file leaves: 1 possible identifier' });
    await expect(check).toBeVisible({ timeout: 30_000 });
    const findings = check.getByRole('list', { name: 'Possible identifiers' }).getByRole('listitem');
    await expect(findings).toHaveCount(1);
    await expect(findings.first()).toContainText('NHS number');
    await expect(findings.first()).toContainText('in Week commencing Monday 11 March 2024 › This week');
    await expect(findings.first().locator('mark')).toHaveText('943 476 5919');
    await expect(check).not.toContainText('Mrs Okoye');
    // Going back is the default: it has the focus, and Escape does the same.
    await expect(check.getByRole('button', { name: 'Go back and fix' })).toBeFocused();
    await page.screenshot({ path: `${artifacts}/privacy-export-check.png` });
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(check).toHaveCount(0);
    await expect(page.getByTestId('export-status')).toHaveText(/^Nothing was saved\. Replace the possible identifiers/);
    expect(downloads).toBe(0);

    // Asked again, the user confirms by keyboard and the file is saved as it is.
    await page.getByRole('button', { name: 'Export to Word' }).focus();
    await page.keyboard.press('Enter');
    await expect(check).toBeVisible({ timeout: 30_000 });
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Tab');
    await expect(check.getByRole('button', { name: 'Save the Word file anyway' })).toBeFocused();
    await page.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('weekly-log-2024-03-11.docx');
    await expect(page.getByTestId('export-status')).toHaveText(/^Saved weekly-log-2024-03-11\.docx/);
  });

  test('a share file is held back the same way', async ({ page, app }) => {
    test.setTimeout(120_000);
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await callFromPage(page, 'week.save', {
      weekStart,
      sections: { thisWeek: doc(para(text('Her daughter rang from 07700 900123 to ask about the discharge.'))), keyThoughts: doc(para()), achievements: doc(para()), nextWeekPlans: doc(para()) },
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
    await page.getByRole('button', { name: 'Everything written' }).click();
    await expect(page.getByTestId('share-preview').getByTestId('share-preview-weekly-logs')).toHaveText('1');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Sam Okafor');
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByRole('button', { name: 'Save share file' }).click();
    const check = page.getByRole('dialog', { name: 'Check before this share file leaves: 1 possible identifier' });
    await expect(check).toBeVisible({ timeout: 30_000 });
    await expect(check.getByRole('listitem')).toContainText('Phone number');
    await expect(check.getByRole('listitem').locator('mark')).toHaveText('07700 900123');
    await page.screenshot({ path: `${artifacts}/privacy-share-check.png` });
    await check.getByRole('button', { name: 'Go back and fix' }).click();
    await expect(page.getByTestId('share-failed')).toContainText('Nothing was saved.');
    expect(downloads).toBe(0);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save share file' }).click();
    await check.getByRole('button', { name: 'Save the share file anyway' }).click();
    expect((await downloading).suggestedFilename()).toMatch(/\.rpshare$/);
  });
});
