import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiInputs } from '../../shared/api/contract.js';
import { emptyDoc } from '../../shared/document/editorJson.js';
import type { Framework } from '../../shared/frameworks/framework.js';
import { currentSchemaVersion } from '../../shared/portfolio/portfolioData.js';
import { maxCpdMinutes } from '../../shared/portfolio/weeklyLog.js';
import { builtInTemplates, findTemplate } from '../../shared/templates/builtInTemplates.js';
import type { Template } from '../../shared/templates/template.js';
import { doc, para, tag, tagMark, text, unitWith } from '../fixtures/evidenceDocs.js';
import { openReflective, paragraphs, sectionTexts, wordMultiset } from '../fixtures/reflections.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { weeklyLog } from '../fixtures/weeklyLogBuilder.js';

const tempFolder = useTempFolders();
const sectionsOf = (sketch: Parameters<typeof weeklyLog>[0]) => weeklyLog(sketch).sections;

function builtIn(id: string): Template {
  const found = findTemplate(id);
  if (!found) throw new Error(`no built-in template ${id}`);
  return found;
}

const gibbs = builtIn('gibbs');
const borton = builtIn('borton');
const nmc = builtIn('nmc-reflective-account');

/** Distinct words in every Gibbs section, so each can be followed through a switch. */
const gibbsText = {
  description: paragraphs('Handover on the ward ran late', 'Two agency staff joined'),
  feelings: paragraphs('Anxious then relieved'),
  evaluation: paragraphs('Communication mostly worked'),
  analysis: paragraphs('Structured SBAR handover helps'),
  conclusion: paragraphs('Preparation matters'),
  'action-plan': paragraphs('Draft a handover checklist', 'Ask the charge nurse'),
};

const unit: Framework = unitWith([
  { id: 'lo3', code: 'LO3', title: 'Outcomes of partnership working', archived: false, criteria: [{ id: 'p5', code: 'P5', text: 'Explain the benefits', archived: false }] },
  { id: 'lo4', code: 'LO4', title: 'Own contribution', archived: false, criteria: [] },
]);

describe('entry.create', () => {
  it('creates a reflection from Gibbs, dated any day, with an empty section for each stage', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const view = await value('entry.create', { date: '2019-10-10', templateId: 'gibbs', title: '  Handover  ' });
    expect(view.template).toEqual(gibbs);
    expect(view.entry).toMatchObject({
      kind: 'reflection',
      date: '2019-10-10',
      weekStart: '2019-10-07',
      title: 'Handover',
      template: { id: 'gibbs', version: 1 },
      cpd: null,
      tags: [],
      planReview: {},
      words: 0,
      createdAt: '2019-10-09T10:00:00.000Z',
      updatedAt: '2019-10-09T10:00:00.000Z',
    });
    expect(Object.keys(view.entry.sections)).toEqual(gibbs.sections.map((section) => section.id));
    expect(Object.values(view.entry.sections).every((section) => JSON.stringify(section) === JSON.stringify(emptyDoc()))).toBe(true);
    expect(view.entry).not.toHaveProperty('body');
    expect(view.entry).not.toHaveProperty('summary');
    await opened.close();
  });

  it('adds the NMC Code themes framework when a reflection is first written on the NMC form, once', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    expect((await value('frameworks.list', {})).frameworks).toEqual([]);
    const view = await value('entry.create', { date: '2019-10-09', templateId: 'nmc-reflective-account', title: 'Revalidation account 1' });
    expect(view.template).toEqual(nmc);
    expect(view.template.notice).toMatch(/identify/);
    const frameworks = (await value('frameworks.list', {})).frameworks;
    expect(frameworks.map((framework) => framework.id)).toEqual(['nmc-code-themes']);
    expect(frameworks[0]?.builtIn).toEqual({ id: 'nmc-code-themes', version: 1 });
    await value('entry.create', { date: '2019-10-11', templateId: 'nmc-reflective-account', title: 'Revalidation account 2' });
    expect((await value('frameworks.list', {})).frameworks.map((framework) => framework.id)).toEqual(['nmc-code-themes']);
    await opened.close();
  });

  it('leaves the user’s own (edited, archived) copy of the NMC themes alone', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const added = await value('frameworks.addBuiltIn', { builtInId: 'nmc-code-themes' });
    await value('frameworks.save', { framework: { ...added, title: 'My NMC themes', archived: true } });
    await value('entry.create', { date: '2019-10-09', templateId: 'nmc-reflective-account', title: '' });
    const frameworks = (await value('frameworks.list', {})).frameworks;
    expect(frameworks).toHaveLength(1);
    expect(frameworks[0]).toMatchObject({ title: 'My NMC themes', archived: true });
    await opened.close();
  });

  it('adds the HCPC standards for the HCPC CPD form, and a plain model adds no framework', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    await value('entry.create', { date: '2019-10-09', templateId: 'borton', title: '' });
    expect((await value('frameworks.list', {})).frameworks).toEqual([]);
    const view = await value('entry.create', { date: '2019-10-09', templateId: 'hcpc-cpd-activity', title: '' });
    expect(view.template.asksForCpd).toBe(true);
    expect((await value('frameworks.list', {})).frameworks.map((framework) => framework.id)).toEqual(['hcpc-cpd-standards']);
    await opened.close();
  });

  it('refuses the weekly log and templates that do not exist, adding nothing', async () => {
    const { call, value, data, opened } = await openReflective(await tempFolder());
    expect(await call('entry.create', { date: '2019-10-07', templateId: 'weekly-log', title: '' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('entry.create', { date: '2019-10-07', templateId: 'no-such-template', title: '' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('entry.create', { date: '2019-10-07', templateId: 'custom-gone', title: '' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(data().entries).toEqual([]);
    expect(await value('timeline.get', {})).toEqual({ weeksWithLogs: [], reflections: [] });
    await opened.close();
  });
});

describe('entry.get and entry.save', () => {
  it('gives back the entry with the very template version it was written with', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    const created = await value('entry.create', { date: '2019-10-09', templateId: 'borton', title: 'Falls' });
    const got = await value('entry.get', { entryId: created.entry.id });
    expect(got).toEqual(created);
    expect(got.template).toEqual(borton);
    expect(await call('entry.get', { entryId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('gives a weekly log back with the weekly-log template', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const week = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: ['Kept'] }) });
    const view = await value('entry.get', { entryId: week.entryId });
    expect(view.template).toEqual(builtIn('weekly-log'));
    expect(view.entry).toMatchObject({ kind: 'weekly-log', date: '2019-10-07', title: '', template: { id: 'weekly-log', version: 1 } });
    expect(sectionTexts(view.entry.sections).thisWeek).toBe('Kept');
    await opened.close();
  });

  it('stores the text of each section and counts its words', async () => {
    const { value, opened } = await openReflective(await tempFolder(), { now: () => new Date('2019-10-12T08:30:00Z') });
    const created = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'Handover' });
    const saved = await value('entry.save', { entryId: created.entry.id, sections: gibbsText });
    expect(saved).toEqual({ entryId: created.entry.id, savedAt: '2019-10-12T08:30:00.000Z', words: wordMultiset(gibbsText).length });
    const got = await value('entry.get', { entryId: created.entry.id });
    expect(got.entry.sections).toEqual(gibbsText);
    expect(got.entry.words).toBe(wordMultiset(gibbsText).length);
    expect(got.entry.updatedAt).toBe('2019-10-12T08:30:00.000Z');
    await opened.close();
  });

  it('keeps text sent for a section the template lacks (a save from before a template switch) in Other notes', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    const created = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: '' });
    await value('entry.save', { entryId: created.entry.id, sections: { ...gibbsText, 'other-notes': paragraphs('Already here') } });
    await value('entry.save', { entryId: created.entry.id, sections: { ...gibbsText, 'other-notes': paragraphs('Already here'), what: paragraphs('Stray words'), so_what: paragraphs('') } });
    const got = await value('entry.get', { entryId: created.entry.id });
    expect(Object.keys(got.entry.sections)).toEqual([...Object.keys(gibbsText), 'other-notes']);
    expect(sectionTexts(got.entry.sections)['other-notes']).toBe('Already here\nStray words');
    expect(await call('entry.save', { entryId: 'nope', sections: gibbsText })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('accepts Other notes, and keeps sections in the template’s order whatever order they arrive in', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const created = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: '' });
    const reversed = Object.fromEntries([['other-notes', paragraphs('Left over')], ...Object.entries(gibbsText).reverse()]);
    await value('entry.save', { entryId: created.entry.id, sections: reversed });
    const got = await value('entry.get', { entryId: created.entry.id });
    expect(Object.keys(got.entry.sections)).toEqual([...gibbs.sections.map((section) => section.id), 'other-notes']);
    expect(sectionTexts(got.entry.sections)['other-notes']).toBe('Left over');
    await opened.close();
  });

  it('refuses to save a weekly log’s text through entry.save', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    const week = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: ['Kept'] }) });
    const result = await call('entry.save', { entryId: week.entryId, sections: { thisWeek: paragraphs('Replaced') } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(sectionTexts((await value('week.get', { weekStart: '2019-10-07' })).entry!.sections).thisWeek).toBe('Kept');
    await opened.close();
  });

  it('keeps everything after the portfolio is closed and opened again', async () => {
    const folder = await tempFolder();
    const first = await openReflective(folder, { idPrefix: 'first' });
    await first.value('frameworks.save', { framework: unit });
    const created = await first.value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'Handover' });
    const id = created.entry.id;
    await first.value('entry.save', { entryId: id, sections: { ...gibbsText, 'other-notes': paragraphs('Extra') } });
    await first.value('entry.setTags', { entryId: id, tags: [tag('lo4')] });
    await first.value('entry.setCpd', { entryId: id, cpd: { minutes: 45, participatory: true, activityType: 'work-based' } });
    await first.value('entry.setDetails', { entryId: id, title: 'Evening handover', date: '2019-10-15' });
    const nmcEntry = await first.value('entry.create', { date: '2019-10-20', templateId: 'nmc-reflective-account', title: 'Account' });
    await first.value('week.save', { weekStart: '2019-10-14', sections: sectionsOf({ weekStart: '2019-10-14', thisWeek: ['Week text'] }) });
    const before = await first.value('entry.get', { entryId: id });
    const timelineBefore = await first.value('timeline.get', {});
    await first.opened.close();

    const again = await openReflective(folder, { idPrefix: 'again' });
    expect(again.opened.status().state).toBe('ready');
    const after = await again.value('entry.get', { entryId: id });
    expect(after).toEqual(before);
    expect(after.entry).toMatchObject({ title: 'Evening handover', date: '2019-10-15', weekStart: '2019-10-14', tags: [tag('lo4')], cpd: { minutes: 45, participatory: true, activityType: 'work-based' } });
    expect(Object.keys(after.entry.sections)).toEqual([...gibbs.sections.map((section) => section.id), 'other-notes']);
    expect(await again.value('entry.get', { entryId: nmcEntry.entry.id })).toEqual(nmcEntry);
    expect(await again.value('timeline.get', {})).toEqual(timelineBefore);
    expect((await again.value('frameworks.list', {})).frameworks.map((framework) => framework.id)).toEqual(['u26', 'nmc-code-themes']);
    const onDisk = JSON.parse(await readFile(join(folder, 'portfolio.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(currentSchemaVersion);
    await again.opened.close();
  });
});

describe('entry.switchTemplate', () => {
  async function gibbsEntry() {
    const test = await openReflective(await tempFolder());
    const created = await test.value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'Handover' });
    await test.value('entry.save', { entryId: created.entry.id, sections: gibbsText });
    return { ...test, id: created.entry.id };
  }

  it('Gibbs → Borton → Gibbs loses no words; text with no matching section goes to Other notes', async () => {
    const { value, opened, id } = await gibbsEntry();
    const words = wordMultiset(gibbsText);

    const toBorton = await value('entry.switchTemplate', { entryId: id, templateId: 'borton' });
    expect(toBorton.template).toEqual(borton);
    expect(toBorton.entry.template).toEqual({ id: 'borton', version: 1 });
    expect(wordMultiset(toBorton.entry.sections)).toEqual(words);
    expect(toBorton.entry.words).toBe(words.length);
    expect(toBorton.usedOtherNotes).toBe(true);
    expect(toBorton.moved).toEqual(['What?', 'So what?', 'Now what?']);
    expect(Object.keys(toBorton.entry.sections)).toEqual(['what', 'so-what', 'now-what', 'other-notes']);
    const borText = sectionTexts(toBorton.entry.sections);
    expect(borText).toEqual({
      what: 'Handover on the ward ran late\nTwo agency staff joined',
      'so-what': 'Structured SBAR handover helps',
      'now-what': 'Draft a handover checklist\nAsk the charge nurse',
      'other-notes': 'Anxious then relieved\nCommunication mostly worked\nPreparation matters',
    });
    // What the switch answered is what is stored.
    expect((await value('entry.get', { entryId: id })).entry.sections).toEqual(toBorton.entry.sections);

    const back = await value('entry.switchTemplate', { entryId: id, templateId: 'gibbs' });
    expect(back.template).toEqual(gibbs);
    expect(wordMultiset(back.entry.sections)).toEqual(words);
    expect(back.usedOtherNotes).toBe(false);
    expect(Object.keys(back.entry.sections)).toEqual([...gibbs.sections.map((section) => section.id), 'other-notes']);
    const gibText = sectionTexts(back.entry.sections);
    expect(gibText.description).toBe('Handover on the ward ran late\nTwo agency staff joined');
    expect(gibText.analysis).toBe('Structured SBAR handover helps');
    expect(gibText['action-plan']).toBe('Draft a handover checklist\nAsk the charge nurse');
    expect(gibText['other-notes']).toBe('Anxious then relieved\nCommunication mostly worked\nPreparation matters');
    // Stages that received nothing are there, empty, to type in.
    expect([gibText.feelings, gibText.evaluation, gibText.conclusion]).toEqual(['', '', '']);
    expect((await value('entry.get', { entryId: id })).entry.words).toBe(words.length);
    await opened.close();
  });

  it('loses no words through every built-in template in turn, starting from each one', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const models = builtInTemplates.filter((template) => template.id !== 'weekly-log');
    for (const [index, source] of models.entries()) {
      const created = await value('entry.create', { date: '2019-10-09', templateId: source.id, title: source.name });
      // Distinct words in every section, two paragraphs each.
      const text = Object.fromEntries(source.sections.map((section, at) => [section.id, paragraphs(`${source.id} ${section.id} first`, `word${index}x${at}`)]));
      await value('entry.save', { entryId: created.entry.id, sections: text });
      const words = wordMultiset(text);
      const route = [...models.slice(index + 1), ...models.slice(0, index + 1)];
      for (const target of route) {
        const switched = await value('entry.switchTemplate', { entryId: created.entry.id, templateId: target.id });
        expect(wordMultiset(switched.entry.sections), `${source.id} → ${target.id}`).toEqual(words);
        expect(switched.entry.words, `${source.id} → ${target.id}`).toBe(words.length);
        const sectionIds = target.sections.map((section) => section.id);
        expect(Object.keys(switched.entry.sections).filter((id) => id !== 'other-notes'), `${source.id} → ${target.id}`).toEqual(sectionIds);
      }
      // Back where it started: the original sections kept their own text.
      const home = await value('entry.get', { entryId: created.entry.id });
      expect(home.entry.template).toEqual({ id: source.id, version: 1 });
      expect(wordMultiset(home.entry.sections)).toEqual(words);
    }
    await opened.close();
  });

  it('two NMC reflections created at once add the NMC themes once', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    await Promise.all([
      value('entry.create', { date: '2019-10-09', templateId: 'nmc-reflective-account', title: 'One' }),
      value('entry.create', { date: '2019-10-10', templateId: 'nmc-reflective-account', title: 'Two' }),
    ]);
    expect((await value('frameworks.list', {})).frameworks.map((framework) => framework.id)).toEqual(['nmc-code-themes']);
    expect((await value('timeline.get', {})).reflections.map((reflection) => reflection.title)).toEqual(['One', 'Two']);
    await opened.close();
  });

  it('switching to the NMC form adds its framework and keeps every word', async () => {
    const { value, opened, id } = await gibbsEntry();
    const switched = await value('entry.switchTemplate', { entryId: id, templateId: 'nmc-reflective-account' });
    expect(wordMultiset(switched.entry.sections)).toEqual(wordMultiset(gibbsText));
    expect((await value('frameworks.list', {})).frameworks.map((framework) => framework.id)).toEqual(['nmc-code-themes']);
    await opened.close();
  });

  it('refuses to switch a weekly log, to switch to the weekly log, or to a template that does not exist', async () => {
    const { value, call, opened, id } = await gibbsEntry();
    const week = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: ['Kept'] }) });
    expect(await call('entry.switchTemplate', { entryId: week.entryId, templateId: 'gibbs' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('entry.switchTemplate', { entryId: id, templateId: 'weekly-log' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('entry.switchTemplate', { entryId: id, templateId: 'custom-nothing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('entry.switchTemplate', { entryId: 'nope', templateId: 'borton' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const still = await value('entry.get', { entryId: id });
    expect(still.entry.template).toEqual({ id: 'gibbs', version: 1 });
    expect(still.entry.sections).toEqual(gibbsText);
    expect((await value('week.get', { weekStart: '2019-10-07' })).entry?.template).toEqual({ id: 'weekly-log', version: 1 });
    await opened.close();
  });
});

describe('entry.setDetails, setTags, setCpd and delete', () => {
  it('changes the title and date, moving the reflection to the week holding the new date', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'First' });
    const cases: [string, string][] = [
      ['2019-10-13', '2019-10-07'], // a Sunday belongs to the week before
      ['2019-10-14', '2019-10-14'], // a Monday starts its own week
      ['2020-01-01', '2019-12-30'], // across a year end
      ['2020-02-29', '2020-02-24'], // a leap day
    ];
    for (const [date, weekStart] of cases) {
      const changed = await value('entry.setDetails', { entryId: entry.id, title: `  On ${date} `, date });
      expect(changed.entry, date).toMatchObject({ date, weekStart, title: `On ${date}` });
    }
    const timeline = await value('timeline.get', {});
    expect(timeline.reflections).toEqual([expect.objectContaining({ entryId: entry.id, date: '2020-02-29', weekStart: '2020-02-24' })]);
    expect(timeline.weeksWithLogs).toEqual([]);
    expect(await call('entry.setDetails', { entryId: 'nope', title: '', date: '2019-10-09' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('refuses to change a weekly log’s date or title', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    const week = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07' }) });
    expect(await call('entry.setDetails', { entryId: week.entryId, title: 'Renamed', date: '2019-10-16' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await value('week.get', { weekStart: '2019-10-07' })).entry).toMatchObject({ date: '2019-10-07', title: '' });
    await opened.close();
  });

  it('tags a whole reflection (or a weekly log) with outcomes that exist, each once', async () => {
    const { value, call, data, opened } = await openReflective(await tempFolder());
    await value('frameworks.save', { framework: unit });
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: '' });
    const tags = await value('entry.setTags', { entryId: entry.id, tags: [tag('lo3', 'p5'), tag('lo4'), tag('lo4')] });
    expect(tags).toEqual([tag('lo3', 'p5'), tag('lo4')]);
    expect((await value('entry.get', { entryId: entry.id })).entry.tags).toEqual(tags);

    for (const wrong of [tag('lo9'), tag('lo3', 'p9'), tag('lo4', 'p5'), tag('lo3', null, 'other-unit')]) {
      expect(await call('entry.setTags', { entryId: entry.id, tags: [tag('lo3'), wrong] }), JSON.stringify(wrong)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect((await value('entry.get', { entryId: entry.id })).entry.tags).toEqual(tags);

    const week = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07' }) });
    expect(await value('entry.setTags', { entryId: week.entryId, tags: [tag('lo3')] })).toEqual([tag('lo3')]);
    expect((await value('week.get', { weekStart: '2019-10-07' })).entry?.tags).toEqual([tag('lo3')]);
    expect(await value('entry.setTags', { entryId: entry.id, tags: [] })).toEqual([]);
    expect(data().entries.find((candidate) => candidate.id === entry.id)?.tags).toEqual([]);
    expect(await call('entry.setTags', { entryId: 'nope', tags: [] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('stores and clears CPD time on a reflection and on a weekly log', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: 'hcpc-cpd-activity', title: 'Course' });
    const cpd = { minutes: 90, participatory: true, activityType: 'formal' };
    expect(await value('entry.setCpd', { entryId: entry.id, cpd })).toEqual(cpd);
    expect((await value('entry.get', { entryId: entry.id })).entry.cpd).toEqual(cpd);
    expect(await value('entry.setCpd', { entryId: entry.id, cpd: null })).toBeNull();
    expect((await value('entry.get', { entryId: entry.id })).entry.cpd).toBeNull();

    const week = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: ['Shadowed'] }) });
    const weekCpd = { minutes: 30, participatory: false, activityType: null };
    await value('entry.setCpd', { entryId: week.entryId, cpd: weekCpd });
    expect((await value('week.get', { weekStart: '2019-10-07' })).entry?.cpd).toEqual(weekCpd);
    expect(await call('entry.setCpd', { entryId: 'nope', cpd: null })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('week.setCpd stores and clears a week’s CPD, making the week’s log if it has none', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: ['Shadowed the team'] }) });
    const cpd = { minutes: 120, participatory: true, activityType: 'work-based' };
    expect(await value('week.setCpd', { weekStart: '2019-10-07', cpd })).toEqual(cpd);
    const week = await value('week.get', { weekStart: '2019-10-07' });
    expect(week.entry?.cpd).toEqual(cpd);
    expect(sectionTexts(week.entry!.sections).thisWeek).toBe('Shadowed the team');
    expect(await value('week.setCpd', { weekStart: '2019-10-07', cpd: null })).toBeNull();
    expect((await value('week.get', { weekStart: '2019-10-07' })).entry?.cpd).toBeNull();

    expect((await value('week.get', { weekStart: '2019-10-21' })).entry).toBeNull();
    await value('week.setCpd', { weekStart: '2019-10-21', cpd: { minutes: 15, participatory: false, activityType: 'self-directed' } });
    const made = await value('week.get', { weekStart: '2019-10-21' });
    expect(made.entry).toMatchObject({ kind: 'weekly-log', weekStart: '2019-10-21', cpd: { minutes: 15 }, words: 0 });

    // Clearing the time of a week with no log makes no empty log.
    expect(await value('week.setCpd', { weekStart: '2019-11-04', cpd: null })).toBeNull();
    expect((await value('week.get', { weekStart: '2019-11-04' })).entry).toBeNull();
    await opened.close();
  });

  it('a plan review on a week keeps the CPD time already recorded there', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', plans: [{ id: 'plan-a', text: 'Book supervision' }] }) });
    const cpd = { minutes: 60, participatory: false, activityType: null };
    await value('week.setCpd', { weekStart: '2019-10-14', cpd });
    await value('week.setPlanReview', { weekStart: '2019-10-14', planId: 'plan-a', status: 'done' });
    const week = await value('week.get', { weekStart: '2019-10-14' });
    expect(week.entry?.cpd).toEqual(cpd);
    expect(week.plansToReview.find((plan) => plan.planId === 'plan-a')?.status).toBe('done');
    await opened.close();
  });

  it('deletes reflections only', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'Gone soon' });
    const kept = await value('entry.create', { date: '2019-10-10', templateId: 'borton', title: 'Kept' });
    const week = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: ['Kept'] }) });
    expect(await value('entry.delete', { entryId: entry.id })).toEqual({ deleted: true });
    expect(await call('entry.get', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('entry.delete', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('entry.delete', { entryId: week.entryId })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const timeline = await value('timeline.get', {});
    expect(timeline.reflections.map((reflection) => reflection.entryId)).toEqual([kept.entry.id]);
    expect(timeline.weeksWithLogs.map((logged) => logged.weekStart)).toEqual(['2019-10-07']);
    expect((await value('week.get', { weekStart: '2019-10-07' })).entry?.id).toBe(week.entryId);
    await opened.close();
  });
});

describe('reflections beside weekly logs', () => {
  /** A reflection whose text looks like a weekly log's: an idea block and a task list. */
  const lookalike = {
    description: doc({ type: 'ideaBlock', attrs: { id: 'reflection-idea' }, content: [{ type: 'text', text: 'Not a numbered idea' }] }),
    'action-plan': doc({
      type: 'taskList',
      content: [{ type: 'taskItem', attrs: { id: 'reflection-plan', checked: false }, content: [para(text('Not a weekly plan'))] }],
    }),
  };

  it('leave the week’s log, idea numbers, plan review and timeline weeks alone', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    await value('week.save', {
      weekStart: '2019-09-30',
      sections: sectionsOf({ weekStart: '2019-09-30', thisWeek: [{ idea: 'a', text: 'Idea one' }], plans: [{ id: 'p1', text: 'Plan one' }] }),
    });
    // A reflection in the week that has a log, and one in the next week before its log exists.
    const sameWeek = await value('entry.create', { date: '2019-10-01', templateId: 'gibbs', title: 'Same week' });
    await value('entry.save', { entryId: sameWeek.entry.id, sections: lookalike });
    const nextWeek = await value('entry.create', { date: '2019-10-07', templateId: 'gibbs', title: 'Monday reflection' });
    await value('entry.save', { entryId: nextWeek.entry.id, sections: lookalike });

    const first = await value('week.get', { weekStart: '2019-09-30' });
    expect(first.entry).toMatchObject({ kind: 'weekly-log', weekStart: '2019-09-30' });
    expect(sectionTexts(first.entry!.sections).thisWeek).toBe('Idea one');
    expect(first.firstIdeaNumber).toBe(1);

    const second = await value('week.get', { weekStart: '2019-10-07' });
    expect(second.entry).toBeNull();
    expect(second.firstIdeaNumber).toBe(2);
    expect(second.plansToReview.map((plan) => [plan.planId, plan.text])).toEqual([['p1', 'Plan one']]);
    expect((await value('ideas.list', {})).map((idea) => [idea.number, idea.text])).toEqual([[1, 'Idea one']]);
    expect(await call('ideas.setStatus', { ideaId: 'reflection-idea', status: 'done' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('week.setPlanReview', { weekStart: '2019-10-14', planId: 'reflection-plan', status: 'done' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // Writing the week's log makes a new weekly log; the Monday reflection is untouched.
    const saved = await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: [{ idea: 'b', text: 'Idea two' }] }) });
    expect(saved.entryId).not.toBe(nextWeek.entry.id);
    expect(saved.firstIdeaNumber).toBe(2);
    await value('week.setPlanReview', { weekStart: '2019-10-07', planId: 'p1', status: 'done' });
    expect((await value('ideas.list', {})).map((idea) => [idea.number, idea.text])).toEqual([
      [1, 'Idea one'],
      [2, 'Idea two'],
    ]);
    const reflection = await value('entry.get', { entryId: nextWeek.entry.id });
    expect(reflection.entry).toMatchObject({ kind: 'reflection', planReview: {}, template: { id: 'gibbs', version: 1 } });
    expect(reflection.entry.sections).toEqual(lookalike);
    const week = await value('week.get', { weekStart: '2019-10-07' });
    expect(week.entry?.id).toBe(saved.entryId);
    expect(week.entry?.planReview).toMatchObject({ p1: { status: 'done' } });

    const timeline = await value('timeline.get', {});
    expect(timeline.weeksWithLogs.map((logged) => [logged.weekStart, logged.ideaCount, logged.planCount])).toEqual([
      ['2019-09-30', 1, 1],
      ['2019-10-07', 1, 0],
    ]);
    expect(timeline.reflections.map((listed) => listed.entryId)).toEqual([sameWeek.entry.id, nextWeek.entry.id]);
    await opened.close();
  });

  it('week.setTags, week.setCpd and week.setPlanReview on a week holding only a reflection make a weekly log instead of changing the reflection', async () => {
    const { value, data, opened } = await openReflective(await tempFolder());
    await value('frameworks.save', { framework: unit });
    await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', plans: [{ id: 'p1', text: 'Plan one' }] }) });
    const reflection = await value('entry.create', { date: '2019-10-16', templateId: 'gibbs', title: '' });
    await value('week.setTags', { weekStart: '2019-10-14', tags: [tag('lo4')] });
    await value('week.setCpd', { weekStart: '2019-10-14', cpd: { minutes: 60, participatory: false, activityType: null } });
    await value('week.setPlanReview', { weekStart: '2019-10-14', planId: 'p1', status: 'partly' });
    const stored = data().entries.find((entry) => entry.id === reflection.entry.id);
    expect(stored).toMatchObject({ kind: 'reflection', tags: [], cpd: null, planReview: {}, date: '2019-10-16' });
    const logs = data().entries.filter((entry) => entry.kind === 'weekly-log' && entry.weekStart === '2019-10-14');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ tags: [tag('lo4')], cpd: { minutes: 60 }, planReview: { p1: { status: 'partly' } }, date: '2019-10-14', title: '' });
    await opened.close();
  });

  it('the timeline lists reflections oldest first with their template’s name and words', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const later = await value('entry.create', { date: '2019-10-20', templateId: 'borton', title: 'Later' });
    const earlier = await value('entry.create', { date: '2019-10-08', templateId: 'nmc-reflective-account', title: 'Earlier' });
    await value('entry.save', { entryId: later.entry.id, sections: { what: paragraphs('Three words here') } });
    expect((await value('timeline.get', {})).reflections).toEqual([
      { entryId: earlier.entry.id, date: '2019-10-08', weekStart: '2019-10-07', title: 'Earlier', templateName: 'NMC written reflective account', words: 0 },
      { entryId: later.entry.id, date: '2019-10-20', weekStart: '2019-10-14', title: 'Later', templateName: 'Borton: What? So what? Now what?', words: 3 },
    ]);
    await opened.close();
  });
});

describe('evidence from reflections', () => {
  async function portfolioWithEvidence() {
    const test = await openReflective(await tempFolder());
    await test.value('frameworks.save', { framework: unit });
    const week = await test.value('week.save', {
      weekStart: '2019-10-07',
      sections: sectionsOf({ weekStart: '2019-10-07', sections: { thisWeek: doc(para(text('Shared goals', tagMark('lo3')))) } }),
    });
    const reflection = await test.value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'Team meeting' });
    // Sent analysis first: passages still come out in the template's order.
    await test.value('entry.save', {
      entryId: reflection.entry.id,
      sections: {
        analysis: doc(para(text('The '), text('benefits', tagMark('lo3', 'p5')), text(' were clear'))),
        description: doc(para(text('Met the whole team', tagMark('lo3')))),
      },
    });
    await test.value('entry.setTags', { entryId: reflection.entry.id, tags: [tag('lo4')] });
    return { ...test, weekId: week.entryId, reflectionId: reflection.entry.id };
  }

  it('coverage has a column for each reflection, with its kind, date and title', async () => {
    const { value, opened, weekId, reflectionId } = await portfolioWithEvidence();
    const matrix = await value('evidence.coverage', { frameworkId: 'u26', from: null, to: null });
    expect(matrix.columns).toEqual([
      { entryId: weekId, kind: 'weekly-log', weekStart: '2019-10-07', date: '2019-10-07', title: '' },
      { entryId: reflectionId, kind: 'reflection', weekStart: '2019-10-07', date: '2019-10-09', title: 'Team meeting' },
    ]);
    const rows = Object.fromEntries(matrix.rows.map((row) => [row.code, row]));
    expect(rows.LO3).toMatchObject({ passages: 3, entries: 2 });
    expect(rows.LO3?.cells).toEqual([
      { column: 0, passages: 1, words: 2, wholeEntry: false },
      { column: 1, passages: 2, words: 5, wholeEntry: false },
    ]);
    expect(rows.P5?.cells).toEqual([{ column: 1, passages: 1, words: 1, wholeEntry: false }]);
    expect(rows.LO4?.cells).toEqual([{ column: 1, passages: 0, words: 0, wholeEntry: true }]);
    const later = await value('evidence.coverage', { frameworkId: 'u26', from: '2019-10-14', to: null });
    expect(later.columns).toEqual([]);
    await opened.close();
  });

  it('evidence.list gives reflections’ passages in template order and whole-entry tags, naming the entry', async () => {
    const { value, opened, weekId, reflectionId } = await portfolioWithEvidence();
    const lo3 = await value('evidence.list', { frameworkId: 'u26', outcomeId: 'lo3', criterionId: null, from: null, to: null });
    expect(lo3.items.map((item) => [item.entryId, item.entryKind, item.date, item.title, item.kind, item.kind === 'passage' ? [item.section, item.text] : null])).toEqual([
      [weekId, 'weekly-log', '2019-10-07', '', 'passage', ['thisWeek', 'Shared goals']],
      [reflectionId, 'reflection', '2019-10-09', 'Team meeting', 'passage', ['description', 'Met the whole team']],
      [reflectionId, 'reflection', '2019-10-09', 'Team meeting', 'passage', ['analysis', 'benefits']],
    ]);
    const lo4 = await value('evidence.list', { frameworkId: 'u26', outcomeId: 'lo4', criterionId: null, from: null, to: null });
    expect(lo4.items).toEqual([
      { entryId: reflectionId, entryKind: 'reflection', weekStart: '2019-10-07', date: '2019-10-09', title: 'Team meeting', kind: 'whole-entry', tag: tag('lo4'), words: 8 },
    ]);
    const onlyReflection = await value('evidence.list', { frameworkId: 'u26', outcomeId: 'lo3', criterionId: 'p5', from: null, to: null, entryId: reflectionId });
    expect(onlyReflection.items).toMatchObject([{ kind: 'passage', text: 'benefits', section: 'analysis', occurrence: 0 }]);
    await opened.close();
  });

  it('an outcome whose only evidence is in a reflection cannot be deleted', async () => {
    const { value, call, opened } = await portfolioWithEvidence();
    // LO4's only evidence is the reflection's whole-entry tag.
    const withoutLo4 = await call('frameworks.save', { framework: { ...unit, outcomes: [unit.outcomes[0]] } });
    expect(withoutLo4).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/LO4 has evidence/) } });
    expect((await value('frameworks.list', {})).frameworks[0]?.outcomes).toHaveLength(2);
    await opened.close();
  });

  it('a switched or deleted reflection’s evidence follows it', async () => {
    const { value, opened, reflectionId } = await portfolioWithEvidence();
    await value('entry.switchTemplate', { entryId: reflectionId, templateId: 'borton' });
    const lo3 = await value('evidence.list', { frameworkId: 'u26', outcomeId: 'lo3', criterionId: null, from: null, to: null, entryId: reflectionId });
    expect(lo3.items.map((item) => (item.kind === 'passage' ? [item.section, item.text] : item.kind))).toEqual([
      ['what', 'Met the whole team'],
      ['so-what', 'benefits'],
    ]);
    await value('entry.delete', { entryId: reflectionId });
    const matrix = await value('evidence.coverage', { frameworkId: 'u26', from: null, to: null });
    expect(matrix.columns.map((column) => column.kind)).toEqual(['weekly-log']);
    expect(matrix.rows.find((row) => row.code === 'LO4')?.entries).toBe(0);
    await opened.close();
  });
});

describe('a portfolio written at format 2', () => {
  const version2 = {
    schemaVersion: 2,
    portfolioId: 'p2',
    createdAt: '2019-09-02T09:00:00.000Z',
    settings: { ideaNumberStart: 5 },
    entries: [
      {
        id: 'e1',
        kind: 'weekly-log',
        weekStart: '2019-10-07',
        createdAt: '2019-10-07T09:00:00.000Z',
        updatedAt: '2019-10-08T09:00:00.000Z',
        planReview: {},
        tags: [{ framework: 'u26', outcome: 'lo4', criterion: null }],
        body: 'b1',
        summary: { ideas: [{ id: 'i1', text: 'Invite the carers' }], plans: [{ id: 'p1', text: 'Book the room' }], words: 6, evidence: [{ tag: 'u26/lo3', passages: 1, words: 2 }] },
      },
    ],
    ideaStatuses: { i1: 'in-progress' },
    frameworks: [unit],
  };
  const body = {
    entryId: 'e1',
    sections: sectionsOf({
      weekStart: '2019-10-07',
      thisWeek: [{ idea: 'i1', text: 'Invite the carers' }],
      plans: [{ id: 'p1', text: 'Book the room' }],
      sections: { keyThoughts: doc(para(text('Shared goals', tagMark('lo3')))) },
    }),
  };

  async function writeVersion2(folder: string) {
    await writeFile(join(folder, 'portfolio.json'), JSON.stringify(version2));
    await mkdir(join(folder, 'bodies'), { recursive: true });
    await writeFile(join(folder, 'bodies', 'b1.json'), JSON.stringify(body));
  }

  it('opens at the current format (4): the entry is a weekly log dated its Monday, untitled, with no CPD, and there are no templates of the user’s own', async () => {
    const folder = await tempFolder();
    await writeVersion2(folder);
    const { value, data, opened } = await openReflective(folder);
    expect(opened.status().state).toBe('ready');
    const migrated = data();
    expect(migrated.schemaVersion).toBe(currentSchemaVersion);
    expect(migrated.templates).toEqual([]);
    expect(migrated.entries).toEqual([
      { ...version2.entries[0], date: '2019-10-07', title: '', template: { id: 'weekly-log', version: 1 }, cpd: null },
    ]);
    expect(migrated.frameworks).toEqual([unit]);
    expect(migrated.settings.ideaNumberStart).toBe(5);
    expect(migrated.ideaStatuses).toEqual({ i1: 'in-progress' });
    // Written in the new format at once.
    const onDisk = JSON.parse(await readFile(join(folder, 'portfolio.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(currentSchemaVersion);
    expect(onDisk.templates).toEqual([]);
    expect(onDisk.entries[0]).toMatchObject({ date: '2019-10-07', title: '', template: { id: 'weekly-log', version: 1 }, cpd: null });

    const week = await value('week.get', { weekStart: '2019-10-07' });
    expect(week.entry).toMatchObject({ id: 'e1', kind: 'weekly-log', date: '2019-10-07', title: '', cpd: null, words: 6 });
    expect(week.entry?.sections).toEqual(body.sections);
    expect(await value('ideas.list', {})).toMatchObject([{ id: 'i1', number: 5, status: 'in-progress' }]);
    expect((await value('week.get', { weekStart: '2019-10-14' })).plansToReview).toMatchObject([{ planId: 'p1', text: 'Book the room' }]);
    expect(await value('timeline.get', {})).toEqual({ weeksWithLogs: [{ weekStart: '2019-10-07', ideaCount: 1, planCount: 1, words: 6 }], reflections: [] });
    const viewed = await value('entry.get', { entryId: 'e1' });
    expect(viewed.template).toEqual(builtIn('weekly-log'));
    expect(await value('cpd.summary', { from: null, to: null })).toMatchObject({ lines: [], totalMinutes: 0 });
    await opened.close();
  });

  it('a migrated portfolio takes reflections and CPD like a new one, and keeps them when reopened', async () => {
    const folder = await tempFolder();
    await writeVersion2(folder);
    const first = await openReflective(folder, { idPrefix: 'first' });
    const reflection = await first.value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'After upgrading' });
    await first.value('week.setCpd', { weekStart: '2019-10-07', cpd: { minutes: 30, participatory: false, activityType: 'other' } });
    await first.opened.close();
    const again = await openReflective(folder, { idPrefix: 'again' });
    expect(again.data().entries.map((entry) => [entry.id, entry.kind])).toEqual([
      ['e1', 'weekly-log'],
      [reflection.entry.id, 'reflection'],
    ]);
    expect((await again.value('week.get', { weekStart: '2019-10-07' })).entry?.cpd).toEqual({ minutes: 30, participatory: false, activityType: 'other' });
    await again.opened.close();
  });

  it('keeps the format 2 file as a backup, which restores at the current format', async () => {
    const folder = await tempFolder();
    await writeVersion2(folder);
    const { value, call, data, opened } = await openReflective(folder);
    const reflection = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'Written after upgrading' });
    const backups = await value('backups.list', {});
    expect(backups.length).toBeGreaterThan(0);
    const versions = await Promise.all(backups.map(async (backup) => JSON.parse(await readFile(join(folder, 'backups', backup.id), 'utf8')).schemaVersion));
    const beforeUpgrade = backups[versions.indexOf(2)];
    if (!beforeUpgrade) throw new Error(`no backup of the format 2 file among ${JSON.stringify(backups)}`);
    expect(beforeUpgrade.usable).toBe(true);
    const restored = await call('backups.restore', { backupId: beforeUpgrade.id });
    expect(restored).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(data().schemaVersion).toBe(currentSchemaVersion);
    expect(data().entries.map((entry) => [entry.id, entry.date, entry.template.id, entry.cpd])).toEqual([['e1', '2019-10-07', 'weekly-log', null]]);
    expect(await call('entry.get', { entryId: reflection.entry.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('a format 1 file passes through both steps', async () => {
    const folder = await tempFolder();
    const { tags: _tags, summary, ...entry } = version2.entries[0]!;
    const { evidence: _evidence, ...summary1 } = summary;
    const { frameworks: _frameworks, ...rest } = version2;
    await writeFile(join(folder, 'portfolio.json'), JSON.stringify({ ...rest, schemaVersion: 1, entries: [{ ...entry, summary: summary1 }] }));
    const { data, opened } = await openReflective(folder);
    expect(opened.status().state).toBe('ready');
    expect(data()).toMatchObject({ schemaVersion: currentSchemaVersion, frameworks: [], templates: [], feedback: { comments: [], signOffs: [], imports: [] }, privacy: { alwaysFlag: [], neverFlag: [], dismissed: [] } });
    expect(data().entries[0]).toMatchObject({ tags: [], date: '2019-10-07', title: '', template: { id: 'weekly-log', version: 1 }, cpd: null, summary: { evidence: [] } });
    await opened.close();
  });
});

describe('the contract for entry operations', () => {
  const rejects = (name: keyof typeof apiInputs, argument: unknown) => expect(apiInputs[name].safeParse(argument).success, `${name} ${JSON.stringify(argument)}`).toBe(false);
  const accepts = (name: keyof typeof apiInputs, argument: unknown) => expect(apiInputs[name].safeParse(argument).success, `${name} ${JSON.stringify(argument)}`).toBe(true);
  const cpd = { minutes: 30, participatory: false, activityType: null };

  it('entry.create wants a real calendar date, a template id of letters, digits, - and _, and a short title', () => {
    accepts('entry.create', { date: '2024-02-29', templateId: 'gibbs', title: '' });
    accepts('entry.create', { date: '2019-10-13', templateId: 'custom-id_1', title: 'x'.repeat(300) });
    for (const date of ['2024-02-30', '2023-02-29', '2019-13-01', '2019-10-9', '09/10/2019', '2019-10-09T10:00:00Z', '', 20191009]) {
      rejects('entry.create', { date, templateId: 'gibbs', title: '' });
    }
    for (const templateId of ['my template', '', 'a/b', '__proto__', 'constructor', 'x'.repeat(101), null]) {
      rejects('entry.create', { date: '2019-10-09', templateId, title: '' });
    }
    rejects('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'x'.repeat(301) });
    rejects('entry.create', { date: '2019-10-09', templateId: 'gibbs' });
    rejects('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: '', kind: 'weekly-log' });
  });

  it('entry.save refuses reserved and malformed section keys, and what is not a document', () => {
    const good = emptyDoc();
    accepts('entry.save', { entryId: 'id1', sections: { description: good, 'other-notes': good } });
    for (const key of ['constructor', 'prototype', 'two words', '', 'a.b']) rejects('entry.save', { entryId: 'id1', sections: { [key]: good } });
    rejects('entry.save', { entryId: 'id1', sections: { description: { type: 'paragraph' } } });
    rejects('entry.save', { entryId: 'id1', sections: { description: '<p>html</p>' } });
    rejects('entry.save', { entryId: 'id 1', sections: {} });
    rejects('entry.save', { entryId: 'id1', sections: Object.fromEntries(Array.from({ length: 42 }, (_, index) => [`s${index}`, good])) });
  });

  // An own "__proto__" key (as JSON.parse makes from a request body) must be refused, not silently dropped.
  it('entry.save refuses a section key "__proto__"', () => {
    const protoKey = JSON.parse('{"__proto__": {"type": "doc", "content": [{"type": "paragraph"}]}}');
    expect(Object.hasOwn(protoKey, '__proto__')).toBe(true);
    rejects('entry.save', { entryId: 'id1', sections: protoKey });
  });

  it('CPD needs whole minutes from 1 to the limit and a known activity type', () => {
    accepts('entry.setCpd', { entryId: 'id1', cpd });
    accepts('entry.setCpd', { entryId: 'id1', cpd: null });
    accepts('entry.setCpd', { entryId: 'id1', cpd: { ...cpd, minutes: maxCpdMinutes, activityType: 'self-directed' } });
    for (const minutes of [0, -30, 1.5, maxCpdMinutes + 1, '30', Number.NaN]) rejects('entry.setCpd', { entryId: 'id1', cpd: { ...cpd, minutes } });
    rejects('entry.setCpd', { entryId: 'id1', cpd: { ...cpd, activityType: 'course' } });
    rejects('entry.setCpd', { entryId: 'id1', cpd: { ...cpd, participatory: 'yes' } });
    rejects('entry.setCpd', { entryId: 'id1', cpd: { minutes: 30, participatory: false } });
    rejects('entry.setCpd', { entryId: 'id1' });
    rejects('week.setCpd', { weekStart: '2019-10-08', cpd });
    rejects('week.setCpd', { weekStart: '2019-10-07', cpd: { ...cpd, minutes: 0 } });
    accepts('week.setCpd', { weekStart: '2019-10-07', cpd: null });
  });

  it('the other entry operations check their ids, dates and tags', () => {
    rejects('entry.get', { entryId: '../portfolio' });
    rejects('entry.get', { entryId: '' });
    rejects('entry.get', {});
    rejects('entry.delete', { entryId: 'a b' });
    rejects('entry.setDetails', { entryId: 'id1', title: '', date: '2019-02-29' });
    rejects('entry.setDetails', { entryId: 'id1', title: 'x'.repeat(301), date: '2019-10-09' });
    accepts('entry.setDetails', { entryId: 'id1', title: 'Fine', date: '2019-10-09' });
    rejects('entry.setTags', { entryId: 'id1', tags: [{ framework: 'u26', outcome: 'lo3' }] });
    rejects('entry.setTags', { entryId: 'id1', tags: [{ framework: 'u 26', outcome: 'lo3', criterion: null }] });
    accepts('entry.setTags', { entryId: 'id1', tags: [tag('lo3', 'p5')] });
    rejects('entry.switchTemplate', { entryId: 'id1', templateId: 'Gibbs cycle' });
    rejects('entry.switchTemplate', { entryId: 'id1', templateId: '__proto__' });
  });

  it('the service answers invalid-argument for bad input before anything is changed', async () => {
    const { call, value, data, opened } = await openReflective(await tempFolder());
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: '' });
    const before = data();
    expect(await call('entry.setCpd', { entryId: entry.id, cpd: { ...cpd, minutes: 0 } })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('minutes') } });
    expect(await call('entry.setDetails', { entryId: entry.id, title: '', date: '2024-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('date') } });
    expect(await call('entry.create', { date: '2019-10-09', templateId: 'my template', title: '' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('entry.save', { entryId: entry.id, sections: { description: { type: 'paragraph' } } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(data()).toBe(before);
    await opened.close();
  });

  it('the service refuses a "__proto__" section key instead of saving the entry with its text dropped', async () => {
    const { call, value, opened } = await openReflective(await tempFolder());
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: '' });
    await value('entry.save', { entryId: entry.id, sections: gibbsText });
    const protoKey = JSON.parse('{"__proto__": {"type": "doc", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Hidden"}]}]}}');
    expect(await call('entry.save', { entryId: entry.id, sections: protoKey })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await value('entry.get', { entryId: entry.id })).entry.sections).toEqual(gibbsText);
    await opened.close();
  });
});

describe('an entry record read from a file', () => {
  const record = {
    id: 'entry-1',
    kind: 'reflection',
    weekStart: '2019-10-07',
    date: '2019-10-09',
    title: '',
    template: { id: 'gibbs', version: 1 },
    cpd: null,
    createdAt: '2019-10-09T09:00:00.000Z',
    updatedAt: '2019-10-09T09:00:00.000Z',
    planReview: {},
    tags: [],
    body: 'body-1',
    summary: { ideas: [], plans: [], words: 0, evidence: [] },
  };

  it('must be placed in the week holding its date, and a weekly log dated its Monday', async () => {
    const { entryRecordSchema } = await import('../../shared/portfolio/weeklyLogSchemas.js');
    expect(entryRecordSchema.safeParse(record).success).toBe(true);
    expect(entryRecordSchema.safeParse({ ...record, weekStart: '2019-10-14' }).success).toBe(false);
    expect(entryRecordSchema.safeParse({ ...record, kind: 'weekly-log' }).success).toBe(false);
    expect(entryRecordSchema.safeParse({ ...record, kind: 'weekly-log', date: '2019-10-07' }).success).toBe(true);
  });
});

describe('undoing a delete', () => {
  it('brings a deleted reflection back with its text, tags and CPD time, even after many later saves', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: 'Gone and back' });
    await value('entry.save', { entryId: entry.id, sections: gibbsText });
    await value('entry.setCpd', { entryId: entry.id, cpd: { minutes: 45, participatory: true, activityType: null } });
    await value('entry.delete', { entryId: entry.id });
    // Many saves later (the backups naming the deleted text may be pruned and its file tidied away), it still comes back.
    for (let week = 0; week < 15; week += 1) {
      await value('week.save', { weekStart: '2019-10-07', sections: sectionsOf({ weekStart: '2019-10-07', thisWeek: [`Save ${week}`] }) });
    }
    const back = await value('entry.restore', { entryId: entry.id });
    expect(back.entry).toMatchObject({ id: entry.id, title: 'Gone and back', cpd: { minutes: 45 } });
    expect(back.entry.sections).toEqual(gibbsText);
    expect((await value('timeline.get', {})).reflections.map((reflection) => reflection.entryId)).toEqual([entry.id]);
    // Once back, there is nothing more to undo.
    expect(await call('entry.restore', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('refuses when the reflection was never deleted here, or its template has gone since', async () => {
    const { value, call, opened } = await openReflective(await tempFolder());
    expect(await call('entry.restore', { entryId: 'never-deleted' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const mine = await value('templates.create', { fromTemplateId: 'borton' });
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: mine.id, title: '' });
    await value('entry.delete', { entryId: entry.id });
    await value('templates.delete', { templateId: mine.id });
    expect(await call('entry.restore', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('template') } });
    await opened.close();
  });
});
