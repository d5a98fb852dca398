import { describe, expect, it } from 'vitest';
import { coverage } from '../../shared/evidence/coverage.js';
import { entriesWithEvidence, evidenceInEntry } from '../../shared/evidence/evidenceList.js';
import type { Framework } from '../../shared/frameworks/framework.js';
import { bullets, doc, para, tag, tagMark, text, unitWith } from '../fixtures/evidenceDocs.js';
import { entryRecord, weeklyLog } from '../fixtures/weeklyLogBuilder.js';

const unit: Framework = unitWith([
  { id: 'lo1', code: 'LO1', title: 'Models of partnership working', archived: false, criteria: [] },
  { id: 'lo3', code: 'LO3', title: 'Outcomes of partnership working', archived: false, criteria: [{ id: 'p5', code: 'P5', text: 'Explain the benefits', archived: false }] },
  { id: 'lo4', code: 'LO4', title: 'Own contribution to team work', archived: false, criteria: [] },
  { id: 'old', code: 'LO0', title: 'Archived and never used', archived: true, criteria: [] },
]);

const week1 = { weekStart: '2019-10-07', sections: { thisWeek: doc(para(text('Shared goals', tagMark('lo3')), text(' and '), text('clear benefits', tagMark('lo3', 'p5')))) } };
const week2 = { weekStart: '2019-10-14', sections: { keyThoughts: doc(bullets([text('I chaired the huddle', tagMark('lo4'))])) }, tags: [tag('lo3')] };
const week3 = { weekStart: '2019-10-21', sections: { thisWeek: doc(para(text('Nothing tagged here'))) } };
const other = { weekStart: '2019-10-28', sections: { thisWeek: doc(para(text('Another framework', tagMark('t1', null, 'nmc')))) } };
const records = [week3, week1, other, week2].map(entryRecord);

describe('coverage', () => {
  const result = coverage(unit, records, { from: null, to: null });
  const row = (code: string) => result.rows.find((candidate) => (candidate.level === 'outcome' ? candidate.code : `${candidate.tag.outcome}:${candidate.code}`) === code);

  it('has a column for each entry in date order and a row for each outcome, each followed by its criteria', () => {
    expect(result.columns.map((column) => column.weekStart)).toEqual(['2019-10-07', '2019-10-14', '2019-10-21', '2019-10-28']);
    expect(result.rows.map((candidate) => candidate.code)).toEqual(['LO1', 'LO3', 'P5', 'LO4']);
  });

  it('counts an outcome\'s passages with its criteria\'s, and a criterion\'s alone', () => {
    expect(row('LO3')?.cells).toEqual([
      { column: 0, passages: 2, words: 4, wholeEntry: false },
      { column: 1, passages: 0, words: 0, wholeEntry: true },
    ]);
    expect(row('lo3:P5')?.cells).toEqual([{ column: 0, passages: 1, words: 2, wholeEntry: false }]);
    expect(row('LO4')).toMatchObject({ passages: 1, words: 4, entries: 1 });
  });

  it('shows an outcome with no evidence as an empty row', () => {
    expect(row('LO1')).toMatchObject({ cells: [], passages: 0, entries: 0 });
  });

  it('limits the columns to the period', () => {
    const period = coverage(unit, records, { from: '2019-10-14', to: '2019-10-21' });
    expect(period.columns.map((column) => column.weekStart)).toEqual(['2019-10-14', '2019-10-21']);
    expect(period.rows.find((candidate) => candidate.code === 'LO3')?.cells).toEqual([{ column: 0, passages: 0, words: 0, wholeEntry: true }]);
  });

  it('keeps an archived outcome only while it holds evidence', () => {
    const archived = { ...unit, outcomes: unit.outcomes.map((outcome) => (outcome.id === 'lo4' ? { ...outcome, archived: true } : outcome)) };
    const rows = coverage(archived, records, { from: null, to: null }).rows;
    expect(rows.find((candidate) => candidate.code === 'LO4')?.archived).toBe(true);
    expect(rows.some((candidate) => candidate.code === 'LO0')).toBe(false);
  });
});

describe('evidence for one outcome', () => {
  const query = { framework: 'u26', outcome: 'lo3', criterion: null, range: { from: null, to: null } };

  it('reads only the entries whose summary lists the outcome or its criteria', () => {
    expect(entriesWithEvidence(unit, records, query).map((entry) => entry.weekStart)).toEqual(['2019-10-07', '2019-10-14']);
    expect(entriesWithEvidence(unit, records, { ...query, criterion: 'p5' }).map((entry) => entry.weekStart)).toEqual(['2019-10-07']);
  });

  it('quotes each passage with its section and lists whole-week tags first', () => {
    const log1 = weeklyLog(week1);
    expect(evidenceInEntry(unit, entryRecord(week1), log1.sections, query).map((item) => (item.kind === 'passage' ? [item.section, item.text, item.words] : ['whole']))).toEqual([
      ['thisWeek', 'Shared goals', 2],
      ['thisWeek', 'clear benefits', 2],
    ]);
    const log2 = weeklyLog(week2);
    expect(evidenceInEntry(unit, entryRecord(week2), log2.sections, query).map((item) => item.kind)).toEqual(['whole-entry']);
  });
});
