import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { weeklyLog } from '../fixtures/weeklyLogBuilder.js';
import { openTestPortfolio } from '../fixtures/openTestPortfolio.js';
import { useTempFolders } from '../fixtures/tempFolder.js';

const tempFolder = useTempFolders();
const sectionsOf = (sketch: Parameters<typeof weeklyLog>[0]) => weeklyLog(sketch).sections;

describe('the weekly log operations', () => {
  it('saves a week and gives it back with the number its first idea gets', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    await value('week.save', { weekStart: '2019-09-30', sections: sectionsOf({ weekStart: '2019-09-30', thisWeek: [{ idea: 'a', text: 'one' }, { idea: 'b', text: 'two' }] }) });
    const saved = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: ['Text', { idea: 'c', text: 'three' }] }) });
    expect(saved.firstIdeaNumber).toBe(3);
    const week = await value('week.get', { weekStart: '2019-10-07' });
    expect(week.entry?.sections.thisWeek.content?.[0]?.content?.[0]?.text).toBe('Text');
    expect(week.firstIdeaNumber).toBe(3);
    await opened.close();
  });

  it('answers an empty week with no entry but the right idea number and plans to review', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    await value('week.save', { weekStart: '2019-09-30', sections: sectionsOf({ weekStart: '2019-09-30', thisWeek: [{ idea: 'a', text: 'one' }], plans: [{ id: 'p1', text: 'Plan one' }] }) });
    const week = await value('week.get', { weekStart: '2019-10-07' });
    expect(week.entry).toBeNull();
    expect(week.firstIdeaNumber).toBe(2);
    expect(week.plansToReview.map((item) => item.text)).toEqual(['Plan one']);
    await opened.close();
  });

  it('gives ideas and plans without ids an id of their own when saving', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    const sections = sectionsOf({ weekStart: '2019-10-07', thisWeek: [{ idea: 'same', text: 'one' }, { idea: 'same', text: 'copy-pasted' }] });
    await value('week.save', { weekStart: '2019-10-07', sections });
    const ideas = await value('ideas.list', {});
    expect(new Set(ideas.map((idea) => idea.id)).size).toBe(2);
    await opened.close();
  });

  it('records a review of last week’s plan in this week, creating the week if needed', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    await value('week.save', { weekStart: '2019-09-30', sections: sectionsOf({ weekStart: '2019-09-30', plans: [{ id: 'p1', text: 'Visit the navigators' }] }) });
    const items = await value('week.setPlanReview', { weekStart: '2019-10-07', planId: 'p1', status: 'carried' });
    expect(items[0]).toMatchObject({ planId: 'p1', status: 'carried' });
    const following = await value('week.get', { weekStart: '2019-10-14' });
    expect(following.plansToReview[0]).toMatchObject({ planId: 'p1', carried: true, fromWeek: '2019-09-30' });
    const cleared = await value('week.setPlanReview', { weekStart: '2019-10-07', planId: 'p1', status: null });
    expect(cleared[0]?.status).toBeNull();
    await opened.close();
  });

  it('refuses to review a plan that is not waiting for review', async () => {
    const { call, opened } = await openTestPortfolio(await tempFolder());
    const result = await call('week.setPlanReview', { weekStart: '2019-10-07', planId: 'nope', status: 'done' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('lists ideas with numbers and lets their status change', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    await value('settings.update', { ideaNumberStart: 7 });
    await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: [{ idea: 'a', text: 'Arrange a meeting\nwith comms' }] }) });
    const changed = await value('ideas.setStatus', { ideaId: 'a', status: 'in-progress' });
    expect(changed).toMatchObject({ number: 7, text: 'Arrange a meeting', status: 'in-progress', weekStart: '2019-10-07' });
    expect((await value('ideas.list', {}))[0]?.status).toBe('in-progress');
    await opened.close();
  });

  it('derives numbers when asked, so changing the start renumbers every idea without rewriting a week', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: [{ idea: 'a', text: 'one' }, { idea: 'b', text: 'two' }] }) });
    const before = await value('week.get', { weekStart: '2019-10-07' });
    await value('settings.update', { ideaNumberStart: 7 });
    expect((await value('ideas.list', {})).map((idea) => idea.number)).toEqual([7, 8]);
    const after = await value('week.get', { weekStart: '2019-10-07' });
    expect(after.entry).toEqual(before.entry);
    expect(after.firstIdeaNumber).toBe(7);
    await opened.close();
  });

  it('shows which weeks have logs on the timeline', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: ['Four words in here', { idea: 'a', text: 'idea' }] }) });
    expect(await value('timeline.get', {})).toEqual({ weeksWithLogs: [{ weekStart: '2019-10-07', ideaCount: 1, planCount: 0, words: 5 }], reflections: [] });
    await opened.close();
  });
});

describe('arguments from the page', () => {
  it('rejects an operation that is not in the contract', async () => {
    const { call, opened } = await openTestPortfolio(await tempFolder());
    expect(await call('fs.readFile' as never, {})).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
    await opened.close();
  });

  it('names the field that is wrong', async () => {
    const { call, opened } = await openTestPortfolio(await tempFolder());
    const result = await call('week.get', { weekStart: '2019-10-08' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('weekStart') } });
    await opened.close();
  });

  it('rejects extra fields and rich text that is not a document', async () => {
    const { call, opened } = await openTestPortfolio(await tempFolder());
    expect(await call('settings.update', { ideaNumberStart: 2, admin: true })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const sections = { ...sectionsOf({ weekStart: '2019-10-07' }), thisWeek: { type: 'paragraph' } };
    expect(await call('week.save', { weekStart: '2019-10-07', sections })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await opened.close();
  });
});

describe('while the portfolio is damaged', () => {
  it('reads and writes nothing, and says why', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'portfolio.json'), 'not json');
    const { call, value, opened } = await openTestPortfolio(folder);
    expect((await value('portfolio.status', {})).state).toBe('damaged');
    expect(await call('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07' }) })).toMatchObject({
      ok: false,
      error: { code: 'portfolio-unavailable' },
    });
    await opened.close();
  });
});
