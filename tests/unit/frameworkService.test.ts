import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../shared/frameworks/framework.js';
import { doc, para, tag, tagMark, text, unitWith } from '../fixtures/evidenceDocs.js';
import { openTestPortfolio } from '../fixtures/openTestPortfolio.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { weeklyLog } from '../fixtures/weeklyLogBuilder.js';

const tempFolder = useTempFolders();

const unit: Framework = unitWith([
  { id: 'lo3', code: 'LO3', title: 'Outcomes of partnership working', archived: false, criteria: [{ id: 'p5', code: 'P5', text: 'Explain the benefits', archived: false }] },
  { id: 'lo4', code: 'LO4', title: 'Own contribution', archived: false, criteria: [] },
]);

const taggedWeek = weeklyLog({ weekStart: '2019-10-07', sections: { thisWeek: doc(para(text('Shared goals', tagMark('lo3')), text(' and '), text('benefits', tagMark('lo3', 'p5')))) } });

async function portfolioWithUnit() {
  const test = await openTestPortfolio(await tempFolder());
  await test.value('frameworks.save', { framework: unit });
  await test.value('week.save', { weekStart: '2019-10-07', sections: taggedWeek.sections });
  return test;
}

describe('frameworks', () => {
  it('lists the built-ins, and adding one copies it into the portfolio with its version', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    const before = await value('frameworks.list', {});
    expect(before.frameworks).toEqual([]);
    expect(before.builtIns.map((builtIn) => builtIn.id)).toContain('nmc-code-themes');
    const added = await value('frameworks.addBuiltIn', { builtInId: 'nmc-code-themes' });
    expect(added.builtIn).toEqual({ id: 'nmc-code-themes', version: 1 });
    expect(added.outcomes.map((outcome) => outcome.code)).toEqual(['T1', 'T2', 'T3', 'T4']);
    const after = await value('frameworks.list', {});
    expect(after.builtIns.find((builtIn) => builtIn.id === 'nmc-code-themes')?.added).toBe(true);
    await opened.close();
  });

  it('keeps the user\'s edits to a built-in copy; adding it again only brings an archived copy back', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    const added = await value('frameworks.addBuiltIn', { builtInId: 'ksf-core-dimensions' });
    const edited = { ...added, archived: true, outcomes: added.outcomes.map((outcome, index) => (index === 0 ? { ...outcome, title: 'Communicating well' } : outcome)) };
    await value('frameworks.save', { framework: edited });
    const again = await value('frameworks.addBuiltIn', { builtInId: 'ksf-core-dimensions' });
    expect(again.archived).toBe(false);
    expect(again.outcomes[0]?.title).toBe('Communicating well');
    await opened.close();
  });

  it('renaming, reordering and archiving an outcome keeps its evidence', async () => {
    const { value, opened } = await portfolioWithUnit();
    const renamed = { ...unit, outcomes: [{ ...(unit.outcomes[1] as Framework['outcomes'][number]) }, { ...(unit.outcomes[0] as Framework['outcomes'][number]), code: 'LO3a', title: 'What partnership achieves', archived: true }] };
    await value('frameworks.save', { framework: renamed });
    const evidence = await value('evidence.list', { frameworkId: 'u26', outcomeId: 'lo3', criterionId: null, from: null, to: null });
    expect(evidence.items.map((item) => (item.kind === 'passage' ? item.text : ''))).toEqual(['Shared goals', 'benefits']);
    const matrix = await value('evidence.coverage', { frameworkId: 'u26', from: null, to: null });
    expect(matrix.rows.map((row) => [row.code, row.passages])).toEqual([
      ['LO4', 0],
      ['LO3a', 2],
      ['P5', 1],
    ]);
    await opened.close();
  });

  it('refuses to delete an outcome or criterion that holds evidence, and allows deleting one that does not', async () => {
    const { call, value, opened } = await portfolioWithUnit();
    const withoutLo3 = await call('frameworks.save', { framework: { ...unit, outcomes: [unit.outcomes[1]] } });
    expect(withoutLo3).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/LO3 has evidence.*Archive it instead/) } });
    const withoutP5 = await call('frameworks.save', { framework: { ...unit, outcomes: [{ ...unit.outcomes[0], criteria: [] }, unit.outcomes[1]] } });
    expect(withoutP5).toMatchObject({ ok: false, error: { message: expect.stringMatching(/LO3 P5 has evidence/) } });
    const withoutLo4 = await value('frameworks.save', { framework: { ...unit, outcomes: [unit.outcomes[0]] } });
    expect(withoutLo4.outcomes).toHaveLength(1);
    await opened.close();
  });

  it('refuses a framework with duplicate ids or an empty title, and a new one posing as a built-in', async () => {
    const { call, opened } = await openTestPortfolio(await tempFolder());
    const twice = await call('frameworks.save', { framework: { ...unit, outcomes: [unit.outcomes[0], unit.outcomes[0]] } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('frameworks.save', { framework: { ...unit, title: '  ' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('frameworks.save', { framework: { ...unit, id: 'nmc-code-themes' } })).toMatchObject({ ok: false, error: { message: /built-in/ } });
    expect(await call('frameworks.save', { framework: { ...unit, builtIn: { id: 'x', version: 1 } } })).toMatchObject({ ok: false });
    await opened.close();
  });

  it('imports a good CSV file, and a bad one imports nothing and names the row and column', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    const good = await readFile(join('tests', 'fixtures', 'frameworks', 'unit26.csv'), 'utf8');
    const imported = await value('frameworks.import', { format: 'csv', text: good });
    expect(imported.imported).toBe(true);
    const bad = 'unit_number,unit_title,outcome_code,outcome_title,criterion_code,criterion_text\n26,Unit,LO1,,,\n';
    const refused = await value('frameworks.import', { format: 'csv', text: bad });
    expect(refused).toMatchObject({ imported: false, problems: [expect.stringMatching(/Row 2, column outcome_title/)] });
    expect((await value('frameworks.list', {})).frameworks).toHaveLength(1);
    await opened.close();
  });

  it('exports a framework to a JSON file that imports again as a copy with new ids', async () => {
    const { value, opened } = await openTestPortfolio(await tempFolder());
    await value('frameworks.save', { framework: unit });
    const file = await value('frameworks.exportFile', { frameworkId: 'u26' });
    expect(file.fileName).toBe('unit-26-supporting-team-and-partnership-working.framework.json');
    const again = await value('frameworks.import', { format: 'json', text: file.text });
    if (!again.imported) throw new Error(again.problems.join('\n'));
    expect(again.framework.id).not.toBe('u26');
    expect(again.framework.outcomes.map((outcome) => [outcome.code, outcome.title])).toEqual(unit.outcomes.map((outcome) => [outcome.code, outcome.title]));
    await opened.close();
  });
});

describe('untrusted marks', () => {
  it('a week saved with evidence marks that are not valid tags still opens next time, and counts only the valid tags', async () => {
    const folder = await tempFolder();
    const first = await openTestPortfolio(folder);
    const pasted = { type: 'evidence', attrs: { framework: 'my unit', outcome: 'lo1/../x', criterion: null } };
    await first.value('week.save', { weekStart: '2019-10-07', sections: { ...taggedWeek.sections, keyThoughts: doc(para(text('pasted from elsewhere', pasted))) } });
    await first.opened.close();
    const again = await openTestPortfolio(folder);
    expect(again.opened.status().state).toBe('ready');
    const record = again.opened.store()?.read().entries[0];
    expect(record?.summary.evidence.map((count) => count.tag)).toEqual(['u26/lo3', 'u26/lo3/p5']);
    await again.opened.close();
  });
});

describe('whole-week tags', () => {
  it('tag a week (creating its log if it had none), count in coverage, and refuse unknown outcomes', async () => {
    const { call, value, opened } = await portfolioWithUnit();
    expect(await value('week.setTags', { weekStart: '2019-10-14', tags: [tag('lo4'), tag('lo4')] })).toEqual([tag('lo4')]);
    expect((await value('week.get', { weekStart: '2019-10-14' })).entry?.tags).toEqual([tag('lo4')]);
    const matrix = await value('evidence.coverage', { frameworkId: 'u26', from: null, to: null });
    expect(matrix.rows.find((row) => row.code === 'LO4')?.cells).toEqual([{ column: 1, passages: 0, words: 0, wholeEntry: true }]);
    expect(await call('week.setTags', { weekStart: '2019-10-14', tags: [tag('nope')] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('week.setTags', { weekStart: '2019-10-14', tags: [{ framework: 'u26', outcome: 'a/b', criterion: null }] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await opened.close();
  });

  it('lists one week\'s evidence for a coverage cell', async () => {
    const { value, opened } = await portfolioWithUnit();
    const week = await value('week.get', { weekStart: '2019-10-07' });
    const items = await value('evidence.list', { frameworkId: 'u26', outcomeId: 'lo3', criterionId: 'p5', from: null, to: null, entryId: week.entry?.id });
    expect(items.items).toMatchObject([{ kind: 'passage', text: 'benefits', section: 'thisWeek', occurrence: 0, weekStart: '2019-10-07' }]);
    await opened.close();
  });
});
