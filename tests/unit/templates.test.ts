import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from '../../shared/frameworks/builtInFrameworks.js';
import { weeklyLogSections } from '../../shared/portfolio/weeklyLog.js';
import { builtInTemplates, findTemplate } from '../../shared/templates/builtInTemplates.js';
import { switchTemplate } from '../../shared/templates/switchTemplate.js';
import { type Template, otherNotesSection } from '../../shared/templates/template.js';
import { type TemplateImport, importTemplateJson, templateFileFormat, templateFileText, templateSchema } from '../../shared/templates/templateSchemas.js';

function template(id: string): Template {
  const found = findTemplate(id);
  if (!found) throw new Error(`no built-in template ${id}`);
  return found;
}

/** Ids "new-1", "new-2", … in the order they are asked for. */
function counter(): () => string {
  let next = 0;
  return () => `new-${++next}`;
}

const isEmptyString = (value: string) => value.trim() === '';
const joinStrings = (values: string[]) => values.join('\n\n');

/** Lists of pieces: joining concatenates, so every piece can be counted afterwards. */
const isEmptyList = (value: string[]) => value.length === 0;
const joinLists = (values: string[][]) => values.flat();

/** A small stand-in for the editor's JSON documents. */
interface Doc {
  type: 'doc';
  content: { type: string; content?: { type: 'text'; text: string }[] }[];
}
const doc = (...paragraphs: string[]): Doc => ({ type: 'doc', content: paragraphs.map((text) => (text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] })) });
const isEmptyDoc = (value: Doc) => value.content.every((block) => (block.content ?? []).every((node) => node.text.trim() === ''));
const joinDocs = (values: Doc[]): Doc => ({ type: 'doc', content: values.flatMap((value) => value.content) });

function sortedPieces(content: Record<string, string[]>): string[] {
  return Object.values(content).flat().sort();
}

/** Content for every section of a template (and Other notes), each a distinct piece naming where it started. */
function fullContent(from: Template, withOtherNotes = false): Record<string, string[]> {
  const content: Record<string, string[]> = Object.fromEntries(from.sections.map((section) => [section.id, [`${from.id}:${section.id}`]]));
  if (withOtherNotes) content[otherNotesSection.id] = [`${from.id}:earlier notes`];
  return content;
}

function imported(result: TemplateImport): Template {
  if (!result.ok) throw new Error(`expected a template, got problems:\n${result.problems.join('\n')}`);
  expect(templateSchema.safeParse(result.template).success).toBe(true);
  return result.template;
}

function problemsOf(result: TemplateImport): string[] {
  if (result.ok) throw new Error('expected problems, got a template');
  expect(result).not.toHaveProperty('template');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

function file(body: unknown, version: unknown = 1): string {
  return JSON.stringify({ format: templateFileFormat, version, template: body });
}

const goodBody = {
  id: 'ignored',
  version: 2,
  name: 'Team debrief',
  summary: 'A short debrief after a shift.',
  sections: [
    { id: 'what-happened', title: 'What happened', prompt: 'Say what happened.', role: 'event' },
    { id: 'next', title: 'Next steps', prompt: 'What will the team do?', role: 'action' },
  ],
  notice: null,
  linkedFramework: null,
  asksForCpd: false,
};

describe('built-in templates', () => {
  it('each validates against the template schema', () => {
    for (const builtIn of builtInTemplates) {
      const result = templateSchema.safeParse(builtIn);
      expect(result.success ? [] : result.error.issues, builtIn.id).toEqual([]);
      expect(builtIn.version).toBe(1);
      expect(builtIn.summary.length, builtIn.id).toBeGreaterThan(0);
    }
  });

  it('are shipped as one data file per version, each named by its id and version and each listed', () => {
    const folder = fileURLToPath(new URL('../../shared/templates/builtIn/', import.meta.url));
    const files = readdirSync(folder).sort();
    expect(files).toEqual(builtInTemplates.map((builtIn) => `${builtIn.id}.v${builtIn.version}.json`).sort());
    for (const file of files) {
      const data: unknown = JSON.parse(readFileSync(`${folder}${file}`, 'utf8'));
      const parsed = templateSchema.safeParse(data);
      expect(parsed.success ? [] : parsed.error.issues, file).toEqual([]);
    }
  });

  it('have unique ids (each version once), and unique section ids within each template', () => {
    const ids = builtInTemplates.map((builtIn) => `${builtIn.id} v${builtIn.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const builtIn of builtInTemplates) {
      const sectionIds = builtIn.sections.map((section) => section.id);
      expect(new Set(sectionIds).size, builtIn.id).toBe(sectionIds.length);
      expect(sectionIds, builtIn.id).not.toContain(otherNotesSection.id);
    }
  });

  it('give every section a title and a short prompt', () => {
    for (const builtIn of builtInTemplates) {
      for (const section of builtIn.sections) {
        expect(section.title.trim(), `${builtIn.id}/${section.id}`).not.toBe('');
        expect(section.prompt.trim(), `${builtIn.id}/${section.id}`).not.toBe('');
        expect(section.prompt.length, `${builtIn.id}/${section.id}`).toBeLessThanOrEqual(200);
      }
    }
  });

  it('Gibbs has its six stages in order', () => {
    expect(template('gibbs').sections.map((section) => section.title)).toEqual(['Description', 'Feelings', 'Evaluation', 'Analysis', 'Conclusion', 'Action plan']);
  });

  it('Borton, Driscoll and Rolfe share the three stems, each with its own prompts', () => {
    const stems = ['borton', 'driscoll', 'rolfe'].map(template);
    for (const stem of stems) expect(stem.sections.map((section) => section.id)).toEqual(['what', 'so-what', 'now-what']);
    const prompts = stems.flatMap((stem) => stem.sections.map((section) => section.prompt));
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it('Johns looks in, then out through the five cue areas', () => {
    expect(template('johns').sections.map((section) => section.id)).toEqual(['looking-in', 'aesthetics', 'personal', 'ethics', 'empirics', 'reflexivity']);
  });

  it('the person-centred outcomes plan has eight steps', () => {
    expect(template('person-centred-outcomes').sections).toHaveLength(8);
  });

  it('the NMC account shows the identifying-information rule and offers the Code themes', () => {
    const nmc = template('nmc-reflective-account');
    expect(nmc.notice).toMatch(/identify/);
    expect(nmc.notice).toMatch(/patient/);
    expect(nmc.linkedFramework).toBe('nmc-code-themes');
    expect(nmc.sections).toHaveLength(4);
    expect(nmc.asksForCpd).toBe(false);
  });

  it('the HCPC CPD activity asks for CPD details and offers the CPD standards', () => {
    const hcpc = template('hcpc-cpd-activity');
    expect(hcpc.linkedFramework).toBe('hcpc-cpd-standards');
    expect(hcpc.asksForCpd).toBe(true);
    expect(hcpc.sections.map((section) => section.role)).toEqual(['event', 'learning', 'benefit-practice', 'benefit-service-users']);
  });

  it('link only to frameworks that are built in', () => {
    const frameworkIds = new Set(builtInFrameworks.map((framework) => framework.id));
    for (const builtIn of builtInTemplates) if (builtIn.linkedFramework !== null) expect(frameworkIds.has(builtIn.linkedFramework), builtIn.id).toBe(true);
  });

  it('include the weekly log with its own section ids and titles', () => {
    const weekly = template('weekly-log');
    expect(weekly.sections.map(({ id, title }) => ({ id, title }))).toEqual(weeklyLogSections.map(({ id, title }) => ({ id, title })));
  });

  it('findTemplate returns undefined for an unknown id', () => {
    expect(findTemplate('no-such-template')).toBeUndefined();
  });
});

describe('switchTemplate', () => {
  it('moves Gibbs to Borton by role and keeps the rest in Other notes', () => {
    const content = {
      description: 'I supported Mrs A at lunch.',
      feelings: 'Anxious at first.',
      evaluation: '',
      analysis: 'Guidance on choice helped.',
      conclusion: 'Ask first.',
      'action-plan': 'Read the care plan before lunch.',
    };
    const result = switchTemplate(template('gibbs'), template('borton'), content, isEmptyString, joinStrings);
    expect(result.content).toEqual({
      what: 'I supported Mrs A at lunch.',
      'so-what': 'Guidance on choice helped.',
      'now-what': 'Read the care plan before lunch.',
      'other-notes': 'Anxious at first.\n\nAsk first.',
    });
    expect(result.moved).toEqual(['what', 'so-what', 'now-what']);
    expect(result.usedOtherNotes).toBe(true);
  });

  it('Gibbs → Borton → Gibbs keeps every piece of text', () => {
    const gibbs = template('gibbs');
    const start = fullContent(gibbs);
    const there = switchTemplate(gibbs, template('borton'), start, isEmptyList, joinLists);
    const back = switchTemplate(template('borton'), gibbs, there.content, isEmptyList, joinLists);
    expect(sortedPieces(there.content)).toEqual(sortedPieces(start));
    expect(sortedPieces(back.content)).toEqual(sortedPieces(start));
    expect(back.content['description']).toEqual(['gibbs:description']);
    expect(back.content['action-plan']).toEqual(['gibbs:action-plan']);
    // Other notes came along and is kept first.
    expect(back.content[otherNotesSection.id]?.[0]).toBe('gibbs:feelings');
  });

  it('keeps every non-empty piece of text switching any built-in to any other', () => {
    for (const from of builtInTemplates) {
      for (const to of builtInTemplates) {
        for (const withOtherNotes of [false, true]) {
          const start = fullContent(from, withOtherNotes);
          const result = switchTemplate(from, to, start, isEmptyList, joinLists);
          expect(sortedPieces(result.content), `${from.id} → ${to.id}`).toEqual(sortedPieces(start));
          const allowed = new Set([...to.sections.map((section) => section.id), otherNotesSection.id]);
          for (const id of Object.keys(result.content)) expect(allowed.has(id), `${from.id} → ${to.id}: ${id}`).toBe(true);
          if (withOtherNotes) expect(result.content[otherNotesSection.id]?.[0]).toBe(`${from.id}:earlier notes`);
        }
      }
    }
  });

  it('changes nothing when switching a template to itself', () => {
    for (const builtIn of builtInTemplates) {
      const start = fullContent(builtIn, true);
      const result = switchTemplate(builtIn, builtIn, start, isEmptyList, joinLists);
      expect(result.content).toEqual(start);
      expect(result.moved).toEqual([]);
      expect(result.usedOtherNotes).toBe(false);
    }
  });

  it('moves by id first, so Borton, Driscoll and Rolfe swap text section for section', () => {
    const content = { what: 'w', 'so-what': 's', 'now-what': 'n' };
    const result = switchTemplate(template('borton'), template('rolfe'), content, isEmptyString, joinStrings);
    expect(result.content).toEqual(content);
    expect(result.moved).toEqual([]);
  });

  it('joins several sections with one role into the one target section, in source order', () => {
    // Johns has two analysis sections (aesthetics, empirics); Borton has one.
    const content = { 'looking-in': 'In', aesthetics: 'A', personal: '', ethics: 'E', empirics: 'Em', reflexivity: 'R' };
    const result = switchTemplate(template('johns'), template('borton'), content, isEmptyString, joinStrings);
    expect(result.content).toEqual({ what: 'In', 'so-what': 'A\n\nEm', 'other-notes': 'E\n\nR' });
    expect(result.usedOtherNotes).toBe(true);
  });

  it('fills target sections with the same role one by one before joining', () => {
    // Person-centred has two action steps: one action section fills the first; both come back joined into one.
    const result = switchTemplate(template('gibbs'), template('person-centred-outcomes'), { 'action-plan': 'Plan' }, isEmptyString, joinStrings);
    expect(result.content).toEqual({ 'smart-goals': 'Plan' });
    const back = switchTemplate(template('person-centred-outcomes'), template('gibbs'), { 'smart-goals': 'Goals', 'record-and-review': 'Review in May' }, isEmptyString, joinStrings);
    expect(back.content).toEqual({ 'action-plan': 'Goals\n\nReview in May' });
    expect(back.moved).toEqual(['action-plan']);
    expect(back.usedOtherNotes).toBe(false);
  });

  it('ignores empty sections and reports no Other notes when everything found a home', () => {
    const result = switchTemplate(template('gibbs'), template('kolb'), { description: 'D', feelings: '  ', evaluation: 'E' }, isEmptyString, joinStrings);
    expect(result.content).toEqual({ 'concrete-experience': 'D', 'reflective-observation': 'E' });
    expect(result.usedOtherNotes).toBe(false);
  });

  it('keeps text under ids the source template does not know, in Other notes', () => {
    const result = switchTemplate(template('borton'), template('gibbs'), { what: 'W', stray: 'S', __proto__: 'P' } as Record<string, string>, isEmptyString, joinStrings);
    expect(result.content['description']).toBe('W');
    // A literal __proto__ key sets the prototype rather than adding text, so only "stray" is extra here.
    expect(result.content[otherNotesSection.id]).toBe('S');
    const hostile = JSON.parse('{"what":"W","__proto__":"P"}') as Record<string, string>;
    const kept = switchTemplate(template('borton'), template('gibbs'), hostile, isEmptyString, joinStrings);
    expect(kept.content[otherNotesSection.id]).toBe('P');
    expect(Object.getPrototypeOf(kept.content)).toBe(Object.prototype);
  });

  it('works with editor documents, concatenating their blocks', () => {
    const content = { thisWeek: doc('Shadowed the night team.'), keyThoughts: doc(''), achievements: doc('First solo handover.', 'Passed my medicines check.'), nextWeekPlans: doc('Book the moving and handling course.') };
    const result = switchTemplate(template('weekly-log'), template('nmc-reflective-account'), content, isEmptyDoc, joinDocs);
    expect(result.content).toEqual({
      nature: doc('Shadowed the night team.'),
      'other-notes': doc('First solo handover.', 'Passed my medicines check.', 'Book the moving and handling course.'),
    });
    expect(result.moved).toEqual(['nature']);
    expect(result.usedOtherNotes).toBe(true);
    const withNotes = switchTemplate(template('nmc-reflective-account'), template('gibbs'), result.content, isEmptyDoc, joinDocs);
    expect(withNotes.content).toEqual({
      description: doc('Shadowed the night team.'),
      'other-notes': doc('First solo handover.', 'Passed my medicines check.', 'Book the moving and handling course.'),
    });
    expect(withNotes.usedOtherNotes).toBe(false);
  });
});

describe('template files', () => {
  it('reads a good file, with a fresh template id and the file’s section ids', () => {
    const read = imported(importTemplateJson(file(goodBody), counter()));
    expect(read).toEqual({ ...goodBody, id: 'new-1' });
  });

  it('round-trips every built-in through templateFileText', () => {
    for (const builtIn of builtInTemplates) {
      const read = imported(importTemplateJson(templateFileText(builtIn), () => `copy-of-${builtIn.id}`));
      expect(read).toEqual({ ...builtIn, id: `copy-of-${builtIn.id}` });
    }
  });

  it('fills in what a hand-written file leaves out', () => {
    const read = imported(importTemplateJson(file({ name: 'Quick note', sections: [{ title: 'Notes' }, { id: 'later', title: 'Later' }] }), counter()));
    expect(read).toEqual({
      id: 'new-1',
      version: 1,
      name: 'Quick note',
      summary: '',
      sections: [
        { id: 'new-2', title: 'Notes', prompt: '', role: 'other' },
        { id: 'later', title: 'Later', prompt: '', role: 'other' },
      ],
      notice: null,
      linkedFramework: null,
      asksForCpd: false,
    });
  });

  it('refuses text that is not JSON, or not a template file', () => {
    expect(problemsOf(importTemplateJson('{"format": ', counter()))).toEqual(['The file is not JSON.']);
    expect(problemsOf(importTemplateJson('', counter()))).toEqual(['The file is empty.']);
    expect(problemsOf(importTemplateJson('[1, 2]', counter()))).toEqual(['The file is not a Reflective Portfolio template file.']);
    expect(problemsOf(importTemplateJson(JSON.stringify({ format: 'reflective-portfolio-framework', version: 1, framework: {} }), counter()))).toEqual([
      'The file is not a Reflective Portfolio template file.',
    ]);
    expect(problemsOf(importTemplateJson(JSON.stringify({ format: templateFileFormat, version: 1 }), counter()))).toEqual(['The file has no template in it.']);
  });

  it('names wrongly typed fields in plain words', () => {
    const problems = problemsOf(importTemplateJson(file({ ...goodBody, name: 42, asksForCpd: 'yes', sections: [goodBody.sections[0], 'a section', { id: 'x', title: 'X', role: 'mood' }] }), counter()));
    expect(problems).toContain('Name should be text.');
    expect(problems).toContain('Asks for CPD should be true or false.');
    expect(problems).toContain('Section 2 should be an object with an id and a title.');
    expect(problems.some((problem) => problem.startsWith('Section 3: role is not one the app knows'))).toBe(true);
  });

  it('says which section is missing its title', () => {
    const sections = [goodBody.sections[0], goodBody.sections[1], { id: 'third', prompt: 'No title here' }, { id: 'fourth', title: '   ' }];
    expect(problemsOf(importTemplateJson(file({ ...goodBody, sections }), counter()))).toEqual(['Section 3: title is missing.', 'Section 4: title is empty.']);
  });

  it('refuses duplicate section ids', () => {
    const sections = [...goodBody.sections, { id: 'what-happened', title: 'Again' }];
    expect(problemsOf(importTemplateJson(file({ ...goodBody, sections }), counter()))).toEqual(['Section 3: id is the same as section 1’s; each section needs its own id.']);
  });

  it('refuses more than 40 sections, and none at all', () => {
    const sections = Array.from({ length: 41 }, (_, index) => ({ id: `s${index}`, title: `Section ${index}` }));
    expect(problemsOf(importTemplateJson(file({ ...goodBody, sections }), counter()))).toEqual(['There are too many sections (at most 40).']);
    expect(imported(importTemplateJson(file({ ...goodBody, sections: sections.slice(0, 40) }), counter())).sections).toHaveLength(40);
    expect(problemsOf(importTemplateJson(file({ ...goodBody, sections: [] }), counter()))).toEqual(['Sections is empty (a template needs at least one section).']);
  });

  it('refuses titles and prompts that are too long', () => {
    const sections = [{ id: 'a', title: 'x'.repeat(201) }, { id: 'b', title: 'B', prompt: 'y'.repeat(2_001) }];
    expect(problemsOf(importTemplateJson(file({ ...goodBody, sections }), counter()))).toEqual([
      'Section 1: title is too long (at most 200 characters).',
      'Section 2: prompt is too long (at most 2,000 characters).',
    ]);
  });

  it('refuses a file over 1 MB without reading it', () => {
    const huge = file({ ...goodBody, summary: 'z'.repeat(1024 * 1024) });
    expect(problemsOf(importTemplateJson(huge, counter()))).toEqual(['The file is too large to be a template file (it is over 1 MB).']);
  });

  it('refuses a file from a newer version of the app', () => {
    const [problem] = problemsOf(importTemplateJson(file(goodBody, 2), counter()));
    expect(problem).toMatch(/newer version of Reflective Portfolio/);
    expect(problemsOf(importTemplateJson(file(goodBody, 'one'), counter()))).toEqual(['The file does not say which version of the template format it uses.']);
  });

  it('keeps hostile strings as plain text and refuses ids that are not plain', () => {
    const hostile = '<img src=x onerror="alert(1)"> {{constructor}} ${process.exit()}';
    const read = imported(importTemplateJson(file({ ...goodBody, name: hostile, sections: [{ id: 'a', title: hostile, prompt: `<script>${hostile}</script>` }] }), counter()));
    expect(read.name).toBe(hostile);
    expect(read.sections[0]?.title).toBe(hostile);
    expect(read.sections[0]?.prompt).toBe(`<script>${hostile}</script>`);

    const badIds = [{ id: '__proto__', title: 'P' }, { id: '../etc', title: 'Q' }];
    expect(problemsOf(importTemplateJson(file({ ...goodBody, sections: badIds }), counter()))).toEqual([
      'Section 1: id is a reserved word.',
      'Section 2: id may only use letters, digits, “_” and “-”.',
    ]);
    const protoTop = `{"format":"${templateFileFormat}","version":1,"template":${JSON.stringify(goodBody)},"__proto__":{"polluted":true}}`;
    imported(importTemplateJson(protoTop, counter()));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never throws, whatever the newId function does', () => {
    const result = importTemplateJson(file(goodBody), () => {
      throw new Error('boom');
    });
    expect(problemsOf(result)).toEqual(['The file could not be read as a template (something unexpected went wrong).']);
  });
});
