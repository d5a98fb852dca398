import { describe, expect, it } from 'vitest';
import { apiInputs, maxTemplateFileChars } from '../../shared/api/contract.js';
import { builtInTemplates, findTemplate } from '../../shared/templates/builtInTemplates.js';
import type { Template } from '../../shared/templates/template.js';
import { templateFileFormat } from '../../shared/templates/templateSchemas.js';
import { openReflective, paragraphs, sectionTexts, wordMultiset } from '../fixtures/reflections.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { weeklyLog } from '../fixtures/weeklyLogBuilder.js';

const tempFolder = useTempFolders();

function builtIn(id: string): Template {
  const found = findTemplate(id);
  if (!found) throw new Error(`no built-in template ${id}`);
  return found;
}

const gibbs = builtIn('gibbs');

/** A template file as a user might write one by hand. */
const fileText = (template: unknown, version: unknown = 1) => JSON.stringify({ format: templateFileFormat, version, template });

const handoverFile = {
  id: 'gibbs',
  version: 7,
  name: 'Handover reflection',
  summary: 'For thinking about a handover.',
  sections: [
    { id: 'what-happened', title: 'What happened', prompt: 'Who handed over to whom?', role: 'event' },
    { id: 'worries', title: 'Worries', role: 'feelings' },
    { title: 'Next time' },
  ],
  notice: '  No patient names.  ',
  linkedFramework: 'nmc-code-themes',
  asksForCpd: true,
};

async function withCustomTemplate() {
  const test = await openReflective(await tempFolder());
  const blank = await test.value('templates.create', { fromTemplateId: null });
  const mine: Template = {
    ...blank,
    name: 'My model',
    sections: [
      { id: 'story', title: 'The story', prompt: 'Tell it.', role: 'event' },
      { id: 'meaning', title: 'What it means', prompt: '', role: 'analysis' },
    ],
  };
  const saved = await test.value('templates.save', { template: mine });
  return { ...test, mine: saved };
}

describe('templates.list and templates.create', () => {
  it('lists every built-in (newest version of each), no templates of the user’s own and no usage at first', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const overview = await value('templates.list', {});
    expect(overview.builtIns.map((template) => template.id)).toEqual([...new Set(builtInTemplates.map((template) => template.id))]);
    expect(overview.builtIns.find((template) => template.id === 'gibbs')).toEqual(gibbs);
    expect(overview.custom).toEqual([]);
    expect(overview.usage).toEqual({});
    await opened.close();
  });

  it('counts how many entries were written with each template', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    await value('entry.create', { date: '2019-10-08', templateId: 'gibbs', title: '' });
    await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: '' });
    await value('entry.create', { date: '2019-10-09', templateId: 'borton', title: '' });
    await value('week.save', { weekStart: '2019-10-07', sections: weeklyLog({ weekStart: '2019-10-07' }).sections });
    expect((await value('templates.list', {})).usage).toEqual({ gibbs: 2, borton: 1, 'weekly-log': 1 });
    await opened.close();
  });

  it('creates a blank template with one section, given a fresh id', async () => {
    const { value, data, opened } = await openReflective(await tempFolder());
    const blank = await value('templates.create', { fromTemplateId: null });
    expect(blank).toMatchObject({ version: 1, name: 'New template', summary: '', notice: null, linkedFramework: null, asksForCpd: false });
    expect(blank.id).toMatch(/^custom-/);
    expect(blank.sections).toHaveLength(1);
    expect(blank.sections[0]).toMatchObject({ title: 'Section 1', prompt: '', role: 'other' });
    expect((await value('templates.list', {})).custom).toEqual([blank]);
    const second = await value('templates.create', { fromTemplateId: null });
    expect(second.id).not.toBe(blank.id);
    expect(data().templates.map((template) => template.id)).toEqual([blank.id, second.id]);
    await opened.close();
  });

  it('duplicates a built-in keeping its section ids, so an entry switched between them keeps every section in place', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const copy = await value('templates.create', { fromTemplateId: 'gibbs' });
    expect(copy.id).toMatch(/^custom-/);
    expect(copy).toMatchObject({ version: 1, name: 'Gibbs reflective cycle (copy)', summary: gibbs.summary, notice: null, linkedFramework: null, asksForCpd: false });
    expect(copy.sections).toEqual(gibbs.sections);

    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: 'gibbs', title: '' });
    const text = { description: paragraphs('Ward round'), feelings: paragraphs('Calm'), 'action-plan': paragraphs('Read the policy') };
    await value('entry.save', { entryId: entry.id, sections: text });
    const switched = await value('entry.switchTemplate', { entryId: entry.id, templateId: copy.id });
    expect(switched).toMatchObject({ moved: [], usedOtherNotes: false, template: copy });
    expect(sectionTexts(switched.entry.sections)).toMatchObject({ description: 'Ward round', feelings: 'Calm', 'action-plan': 'Read the policy' });
    expect(switched.entry.sections).not.toHaveProperty('other-notes');
    await opened.close();
  });

  it('a copy of the NMC form keeps its notice and linked framework, and writing with it adds the NMC themes', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const copy = await value('templates.create', { fromTemplateId: 'nmc-reflective-account' });
    expect(copy).toMatchObject({ notice: builtIn('nmc-reflective-account').notice, linkedFramework: 'nmc-code-themes' });
    await value('entry.create', { date: '2019-10-09', templateId: copy.id, title: '' });
    expect((await value('frameworks.list', {})).frameworks.map((framework) => framework.id)).toEqual(['nmc-code-themes']);
    await opened.close();
  });

  it('duplicates a template of the user’s own from its newest version, and refuses one that does not exist', async () => {
    const { value, call, opened, mine } = await withCustomTemplate();
    const copy = await value('templates.create', { fromTemplateId: mine.id });
    expect(copy).toMatchObject({ name: 'My model (copy)', version: 1, sections: mine.sections });
    expect(copy.id).not.toBe(mine.id);
    expect(await call('templates.create', { fromTemplateId: 'custom-nothing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });
});

describe('templates.save', () => {
  it('changes the template in place while no entry uses it', async () => {
    const { value, data, opened, mine } = await withCustomTemplate();
    expect(mine.version).toBe(1);
    const renamed = await value('templates.save', { template: { ...mine, name: 'My model, renamed', version: 99 } });
    expect(renamed).toEqual({ ...mine, name: 'My model, renamed', version: 1 });
    expect(data().templates).toEqual([renamed]);
    expect((await value('templates.list', {})).custom).toEqual([renamed]);
    await opened.close();
  });

  it('saves a new version once an entry uses the newest; the entry keeps the version it was written with', async () => {
    const { value, data, opened, mine } = await withCustomTemplate();
    const first = await value('entry.create', { date: '2019-10-09', templateId: mine.id, title: 'Old shape' });
    await value('entry.save', { entryId: first.entry.id, sections: { story: paragraphs('It rained'), meaning: paragraphs('Umbrellas matter') } });

    const reshaped: Template = {
      ...mine,
      name: 'My model v2',
      sections: [
        { id: 'story', title: 'The story, briefly', prompt: '', role: 'event' },
        { id: 'next', title: 'Next steps', prompt: '', role: 'action' },
      ],
    };
    const v2 = await value('templates.save', { template: reshaped });
    expect(v2).toEqual({ ...reshaped, version: 2 });
    expect(data().templates).toEqual([mine, v2]);
    expect((await value('templates.list', {})).custom).toEqual([v2]);

    const old = await value('entry.get', { entryId: first.entry.id });
    expect(old.entry.template).toEqual({ id: mine.id, version: 1 });
    expect(old.template).toEqual(mine);
    expect(sectionTexts(old.entry.sections)).toEqual({ story: 'It rained', meaning: 'Umbrellas matter' });
    expect((await value('timeline.get', {})).reflections[0]?.templateName).toBe('My model');

    const second = await value('entry.create', { date: '2019-10-10', templateId: mine.id, title: 'New shape' });
    expect(second.template).toEqual(v2);
    expect(Object.keys(second.entry.sections)).toEqual(['story', 'next']);

    // v2 is now used too: the next save is v3; a save while v3 is unused changes v3 in place.
    const v3 = await value('templates.save', { template: { ...v2, summary: 'Third' } });
    expect(v3.version).toBe(3);
    const v3again = await value('templates.save', { template: { ...v3, summary: 'Third, tidied' } });
    expect(v3again).toMatchObject({ version: 3, summary: 'Third, tidied' });
    expect(data().templates.map((template) => template.version)).toEqual([1, 2, 3]);
    expect((await value('entry.get', { entryId: second.entry.id })).template).toEqual(v2);
    await opened.close();
  });

  it('an entry moved to the newest version carries its text across by section id', async () => {
    const { value, opened, mine } = await withCustomTemplate();
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: mine.id, title: '' });
    const text = { story: paragraphs('It rained'), meaning: paragraphs('Umbrellas matter') };
    await value('entry.save', { entryId: entry.id, sections: text });
    const v2 = await value('templates.save', { template: { ...mine, sections: [mine.sections[0]!, { id: 'next', title: 'Next', prompt: '', role: 'action' }] } });
    const moved = await value('entry.switchTemplate', { entryId: entry.id, templateId: mine.id });
    expect(moved.template).toEqual(v2);
    expect(moved.entry.template).toEqual({ id: mine.id, version: 2 });
    expect(sectionTexts(moved.entry.sections)).toEqual({ story: 'It rained', next: '', 'other-notes': 'Umbrellas matter' });
    expect(wordMultiset(moved.entry.sections)).toEqual(wordMultiset(text));
    await opened.close();
  });

  it('refuses to change a built-in, a template that is not in the portfolio, or one with a section id kept for Other notes or used twice', async () => {
    const { call, data, opened, mine } = await withCustomTemplate();
    for (const id of ['gibbs', 'weekly-log', 'nmc-reflective-account']) {
      const result = await call('templates.save', { template: { ...builtIn(id), name: 'Hacked' } });
      expect(result, id).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/Built-in/) } });
    }
    expect(await call('templates.save', { template: { ...mine, id: 'custom-nothing' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const before = data();
    const otherNotes = { ...mine, sections: [...mine.sections, { id: 'other-notes', title: 'Other notes', prompt: '', role: 'other' }] };
    expect(await call('templates.save', { template: otherNotes })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('Other notes') } });
    const twice = { ...mine, sections: [mine.sections[0], mine.sections[0]] };
    expect(await call('templates.save', { template: twice })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(data()).toBe(before);
    expect(findTemplate('gibbs')?.name).toBe('Gibbs reflective cycle');
    await opened.close();
  });
});

describe('templates.delete', () => {
  it('is refused while any entry uses any version, and allowed once none does, removing every version', async () => {
    const { value, call, data, opened, mine } = await withCustomTemplate();
    const first = await value('entry.create', { date: '2019-10-09', templateId: mine.id, title: '' });
    await value('templates.save', { template: { ...mine, name: 'Version two' } });
    const second = await value('entry.create', { date: '2019-10-10', templateId: mine.id, title: '' });

    expect(await call('templates.delete', { templateId: mine.id })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^2 entries were written/) } });
    await value('entry.delete', { entryId: second.entry.id });
    // Only version 1 is in use now, and that still counts.
    expect(await call('templates.delete', { templateId: mine.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^One entry was written/) } });
    await value('entry.switchTemplate', { entryId: first.entry.id, templateId: 'gibbs' });

    expect(await value('templates.delete', { templateId: mine.id })).toEqual({ deleted: true });
    expect(data().templates).toEqual([]);
    expect((await value('templates.list', {})).custom).toEqual([]);
    expect(await call('templates.delete', { templateId: mine.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('entry.create', { date: '2019-10-09', templateId: mine.id, title: '' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('refuses to delete a built-in, used or not', async () => {
    const { call, opened } = await openReflective(await tempFolder());
    for (const id of ['gibbs', 'kolb', 'weekly-log']) {
      expect(await call('templates.delete', { templateId: id }), id).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await call('entry.create', { date: '2019-10-09', templateId: 'kolb', title: '' })).toMatchObject({ ok: true });
    await opened.close();
  });
});

describe('templates.import and templates.exportFile', () => {
  it('imports a good file under a fresh id as version 1, keeping section ids and filling in what was left out', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const outcome = await value('templates.import', { text: fileText(handoverFile) });
    if (!outcome.imported) throw new Error(outcome.problems.join('\n'));
    const template = outcome.template;
    expect(template.id).toMatch(/^custom-/);
    expect(template).toMatchObject({ version: 1, name: 'Handover reflection', summary: 'For thinking about a handover.', notice: 'No patient names.', linkedFramework: 'nmc-code-themes', asksForCpd: true });
    expect(template.sections.slice(0, 2)).toEqual([
      { id: 'what-happened', title: 'What happened', prompt: 'Who handed over to whom?', role: 'event' },
      { id: 'worries', title: 'Worries', prompt: '', role: 'feelings' },
    ]);
    expect(template.sections[2]).toMatchObject({ title: 'Next time', prompt: '', role: 'other' });
    expect(template.sections[2]?.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((await value('templates.list', {})).custom).toEqual([template]);
    // The file's id ("gibbs") never replaces anything.
    expect((await value('templates.list', {})).builtIns.find((candidate) => candidate.id === 'gibbs')).toEqual(gibbs);
    const { entry } = await value('entry.create', { date: '2019-10-09', templateId: template.id, title: '' });
    expect(Object.keys(entry.sections)).toEqual(template.sections.map((section) => section.id));
    await opened.close();
  });

  it('imports the same file twice as two templates', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const a = await value('templates.import', { text: fileText(handoverFile) });
    const b = await value('templates.import', { text: fileText(handoverFile) });
    expect(a.imported && b.imported && a.template.id !== b.template.id).toBe(true);
    expect((await value('templates.list', {})).custom).toHaveLength(2);
    await opened.close();
  });

  it('answers a malformed file with every problem and adds nothing', async () => {
    const { value, data, opened } = await openReflective(await tempFolder());
    const before = data();
    const cases: [string, string[] | RegExp][] = [
      ['', ['The file is empty.']],
      ['not json', ['The file is not JSON.']],
      [JSON.stringify({ name: 'x' }), ['The file is not a Reflective Portfolio template file.']],
      [fileText(handoverFile, 2), /newer version of Reflective Portfolio/],
      [fileText({ name: 'A', sections: [{ title: 'One' }, { id: 'two' }] }), ['Section 2: title is missing.']],
      [fileText({ name: '', sections: [] }), ['Name is empty.', 'Sections is empty (a template needs at least one section).']],
      [fileText({ name: 'A', sections: [{ id: 'other-notes', title: 'Notes' }] }), ['Section 1: id is kept for the Other notes section; choose another id.']],
      [fileText({ name: 'A', sections: [{ id: 'a', title: 'x' }, { id: 'a', title: 'y' }] }), ['Section 2: id is the same as section 1’s; each section needs its own id.']],
      [fileText({ name: 'A', sections: [{ id: 'has space', title: 'x', role: 'vibes' }] }), /Section 1: id may only use letters.*\n?.*Section 1: role is not one the app knows/s],
    ];
    for (const [text, expected] of cases) {
      const outcome = await value('templates.import', { text });
      expect(outcome.imported, text).toBe(false);
      if (outcome.imported) continue;
      if (Array.isArray(expected)) expect(outcome.problems, text).toEqual(expected);
      else expect(outcome.problems.join('\n'), text).toMatch(expected);
    }
    expect(data()).toBe(before);
    expect(data().templates).toEqual([]);
    await opened.close();
  });

  it('exports a template of the user’s own that imports back the same, under a new id', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    const made = await value('templates.import', { text: fileText(handoverFile) });
    if (!made.imported) throw new Error('import failed');
    const file = await value('templates.exportFile', { templateId: made.template.id });
    expect(file.fileName).toBe('handover-reflection.template.json');
    expect(JSON.parse(file.text)).toMatchObject({ format: templateFileFormat, version: 1, template: { name: 'Handover reflection' } });
    const back = await value('templates.import', { text: file.text });
    if (!back.imported) throw new Error(back.problems.join('\n'));
    expect(back.template.id).not.toBe(made.template.id);
    expect({ ...back.template, id: made.template.id }).toEqual(made.template);
    await opened.close();
  });

  it('exports the newest version, and built-ins too', async () => {
    const { value, call, opened, mine } = await withCustomTemplate();
    await value('entry.create', { date: '2019-10-09', templateId: mine.id, title: '' });
    const v2 = await value('templates.save', { template: { ...mine, name: 'My model, second edition' } });
    const file = await value('templates.exportFile', { templateId: mine.id });
    expect(JSON.parse(file.text).template).toMatchObject({ version: 2, name: v2.name });
    expect(file.fileName).toBe('my-model-second-edition.template.json');
    const reimported = await value('templates.import', { text: file.text });
    expect(reimported).toMatchObject({ imported: true, template: { version: 1, name: v2.name, sections: v2.sections } });

    const gibbsFile = await value('templates.exportFile', { templateId: 'gibbs' });
    expect(gibbsFile.fileName).toBe('gibbs-reflective-cycle.template.json');
    const gibbsCopy = await value('templates.import', { text: gibbsFile.text });
    if (!gibbsCopy.imported) throw new Error('import failed');
    expect({ ...gibbsCopy.template, id: 'gibbs' }).toEqual(gibbs);
    expect(await call('templates.exportFile', { templateId: 'custom-nothing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await opened.close();
  });

  it('a name with no letters or digits still gets a usable file name', async () => {
    const { value, opened, mine } = await withCustomTemplate();
    await value('templates.save', { template: { ...mine, name: '★★★' } });
    expect((await value('templates.exportFile', { templateId: mine.id })).fileName).toBe('template.template.json');
    await opened.close();
  });
});

describe('templates after reopening', () => {
  it('keeps every version, and entries still open with theirs', async () => {
    const folder = await tempFolder();
    const first = await openReflective(folder, { idPrefix: 'first' });
    const blank = await first.value('templates.create', { fromTemplateId: null });
    const { entry } = await first.value('entry.create', { date: '2019-10-09', templateId: blank.id, title: '' });
    const v2 = await first.value('templates.save', { template: { ...blank, name: 'Second' } });
    await first.opened.close();
    const again = await openReflective(folder, { idPrefix: 'again' });
    expect(again.data().templates).toEqual([blank, v2]);
    expect((await again.value('entry.get', { entryId: entry.id })).template).toEqual(blank);
    expect((await again.value('templates.list', {})).custom).toEqual([v2]);
    await again.opened.close();
  });

  it('drops versions no entry uses any more when the next version is made, so versions never pile up', async () => {
    const { value, data, opened } = await openReflective(await tempFolder());
    const blank = await value('templates.create', { fromTemplateId: null });
    const { entry: first } = await value('entry.create', { date: '2019-10-09', templateId: blank.id, title: '' });
    const v2 = await value('templates.save', { template: { ...blank, name: 'Second' } });
    await value('entry.create', { date: '2019-10-10', templateId: blank.id, title: '' });
    await value('entry.switchTemplate', { entryId: first.id, templateId: 'gibbs' });
    // Version 1 is used by nothing now; version 2 by the second entry. The next change makes version 3 and drops version 1.
    const v3 = await value('templates.save', { template: { ...v2, name: 'Third' } });
    expect(v3.version).toBe(3);
    expect(data().templates.filter((template) => template.id === blank.id).map((template) => template.version)).toEqual([2, 3]);
    await opened.close();
  });

  it('refuses to duplicate the weekly log, which is written from the week’s page', async () => {
    const { call, data, opened } = await openReflective(await tempFolder());
    expect(await call('templates.create', { fromTemplateId: 'weekly-log' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(data().templates).toEqual([]);
    await opened.close();
  });
});

describe('the contract for template operations', () => {
  const rejects = (name: keyof typeof apiInputs, argument: unknown) => expect(apiInputs[name].safeParse(argument).success, `${name} ${JSON.stringify(argument)}`).toBe(false);
  const accepts = (name: keyof typeof apiInputs, argument: unknown) => expect(apiInputs[name].safeParse(argument).success, `${name} ${JSON.stringify(argument)}`).toBe(true);

  it('checks template ids', () => {
    accepts('templates.create', { fromTemplateId: null });
    accepts('templates.create', { fromTemplateId: 'gibbs' });
    for (const id of ['with spaces', '', '__proto__', 'prototype', 'a/b', 'x'.repeat(101)]) {
      rejects('templates.create', { fromTemplateId: id });
      rejects('templates.delete', { templateId: id });
      rejects('templates.exportFile', { templateId: id });
    }
    rejects('templates.create', {});
    rejects('templates.delete', { templateId: 'gibbs', force: true });
  });

  it('checks a template’s shape when saving', () => {
    accepts('templates.save', { template: gibbs });
    const section = gibbs.sections[0]!;
    const bad: unknown[] = [
      { ...gibbs, id: 'my template' },
      { ...gibbs, version: 0 },
      { ...gibbs, version: 1.5 },
      { ...gibbs, name: '   ' },
      { ...gibbs, sections: [] },
      { ...gibbs, sections: Array.from({ length: 41 }, (_, index) => ({ ...section, id: `s${index}` })) },
      { ...gibbs, sections: [{ ...section, role: 'vibes' }] },
      { ...gibbs, sections: [{ ...section, id: 'other-notes' }] },
      { ...gibbs, sections: [{ ...section, id: '__proto__' }] },
      { ...gibbs, sections: [section, section] },
      { ...gibbs, sections: [{ ...section, title: '' }] },
      { ...gibbs, notice: '' },
      { ...gibbs, linkedFramework: 'not an id' },
      { ...gibbs, asksForCpd: 'no' },
    ];
    for (const template of bad) rejects('templates.save', { template });
  });

  it('refuses an import text over the limit', () => {
    accepts('templates.import', { text: '' });
    rejects('templates.import', { text: 'x'.repeat(maxTemplateFileChars + 1) });
    rejects('templates.import', { text: 42 });
  });
});
