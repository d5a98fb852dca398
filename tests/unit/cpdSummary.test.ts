import { describe, expect, it } from 'vitest';
import { apiInputs } from '../../shared/api/contract.js';
import { type PortfolioData, newPortfolio } from '../../shared/portfolio/portfolioData.js';
import type { CpdRecord, EntryRecord } from '../../shared/portfolio/weeklyLog.js';
import { cpdSummary } from '../../shared/services/cpdHandlers.js';
import { findTemplate } from '../../shared/templates/builtInTemplates.js';
import type { Template } from '../../shared/templates/template.js';
import { openReflective } from '../fixtures/reflections.js';
import { useTempFolders } from '../fixtures/tempFolder.js';
import { entryRecord, weeklyLog } from '../fixtures/weeklyLogBuilder.js';

const tempFolder = useTempFolders();

const noMinutes = { 'work-based': 0, professional: 0, formal: 0, 'self-directed': 0, other: 0, unspecified: 0 };

const cpd = (minutes: number, participatory = false, activityType: CpdRecord['activityType'] = null): CpdRecord => ({ minutes, participatory, activityType });

/** A weekly log's index record with CPD time. */
function week(weekStart: string, time: CpdRecord | null): EntryRecord {
  return { ...entryRecord({ weekStart }), id: `week-${weekStart}`, cpd: time };
}

/** A reflection's index record on `date` (whose Monday is `weekStart`). */
function reflection(id: string, date: string, weekStart: string, time: CpdRecord | null, template = { id: 'gibbs', version: 1 }, title = `Reflection ${id}`): EntryRecord {
  return { ...entryRecord({ weekStart }), id, kind: 'reflection', date, title, template, cpd: time };
}

const mine: Template = { ...(findTemplate('borton') as Template), id: 'custom-mine', version: 1, name: 'My model' };

function portfolio(entries: EntryRecord[], templates: Template[] = []): PortfolioData {
  return { ...newPortfolio('p', new Date('2019-09-01T00:00:00Z')), entries, templates };
}

describe('cpdSummary', () => {
  it('is empty, with every activity type at zero, when nothing records CPD', () => {
    const summary = cpdSummary(portfolio([week('2019-10-07', null), reflection('r1', '2019-10-09', '2019-10-07', null)]), null, null);
    expect(summary).toEqual({ from: null, to: null, lines: [], totalMinutes: 0, participatoryMinutes: 0, byType: noMinutes });
  });

  it('adds up the total, the participatory minutes and the minutes of each activity type, entries with no type under unspecified', () => {
    const data = portfolio([
      week('2019-10-07', cpd(60, true, 'work-based')),
      reflection('r1', '2019-10-09', '2019-10-07', cpd(90, false, 'formal')),
      reflection('r2', '2019-10-10', '2019-10-07', cpd(30, true, null)),
      reflection('r3', '2019-10-11', '2019-10-07', null),
      reflection('r4', '2019-10-12', '2019-10-07', cpd(45, true, 'formal')),
      reflection('r5', '2019-10-13', '2019-10-07', cpd(15, false, 'self-directed')),
      reflection('r6', '2019-10-14', '2019-10-14', cpd(20, false, 'professional')),
      reflection('r7', '2019-10-15', '2019-10-14', cpd(5, true, 'other')),
      week('2019-10-14', null),
    ]);
    const summary = cpdSummary(data, null, null);
    expect(summary.totalMinutes).toBe(60 + 90 + 30 + 45 + 15 + 20 + 5);
    expect(summary.participatoryMinutes).toBe(60 + 30 + 45 + 5);
    expect(summary.byType).toEqual({ 'work-based': 60, professional: 20, formal: 135, 'self-directed': 15, other: 5, unspecified: 30 });
    expect(summary.lines.map((line) => line.entryId)).toEqual(['week-2019-10-07', 'r1', 'r2', 'r4', 'r5', 'r6', 'r7']);
    // The parts always add up to the whole.
    expect(Object.values(summary.byType).reduce((sum, minutes) => sum + minutes, 0)).toBe(summary.totalMinutes);
  });

  it('describes each line: kind, date, week, title, template name and the CPD itself', () => {
    const data = portfolio(
      [
        week('2019-10-07', cpd(60, true, 'work-based')),
        reflection('r1', '2019-10-09', '2019-10-07', cpd(90, false, 'formal'), { id: 'custom-mine', version: 1 }, 'Study day'),
        reflection('r2', '2019-10-10', '2019-10-07', cpd(30), { id: 'custom-deleted', version: 1 }, ''),
        reflection('r3', '2019-10-11', '2019-10-07', cpd(10), { id: 'nmc-reflective-account', version: 1 }, 'Account'),
      ],
      [mine],
    );
    expect(cpdSummary(data, null, null).lines).toEqual([
      { entryId: 'week-2019-10-07', kind: 'weekly-log', date: '2019-10-07', weekStart: '2019-10-07', title: '', templateName: 'Weekly log', minutes: 60, participatory: true, activityType: 'work-based' },
      { entryId: 'r1', kind: 'reflection', date: '2019-10-09', weekStart: '2019-10-07', title: 'Study day', templateName: 'My model', minutes: 90, participatory: false, activityType: 'formal' },
      { entryId: 'r2', kind: 'reflection', date: '2019-10-10', weekStart: '2019-10-07', title: '', templateName: 'Template no longer available', minutes: 30, participatory: false, activityType: null },
      { entryId: 'r3', kind: 'reflection', date: '2019-10-11', weekStart: '2019-10-07', title: 'Account', templateName: 'NMC written reflective account', minutes: 10, participatory: false, activityType: null },
    ]);
  });

  it('names a line by the template version the entry was written with', () => {
    const data = portfolio([reflection('r1', '2019-10-09', '2019-10-07', cpd(30), { id: 'custom-mine', version: 1 })], [mine, { ...mine, version: 2, name: 'My model, renamed' }]);
    expect(cpdSummary(data, null, null).lines[0]?.templateName).toBe('My model');
  });

  it('lists lines by date whatever order the index holds them in; a weekly log comes before reflections on its Monday', () => {
    const data = portfolio([
      reflection('late', '2020-01-02', '2019-12-30', cpd(1)),
      reflection('monday', '2019-10-14', '2019-10-14', cpd(2)),
      week('2019-10-14', cpd(3)),
      reflection('early', '2019-10-01', '2019-09-30', cpd(4)),
      reflection('monday-too', '2019-10-14', '2019-10-14', cpd(5)),
      week('2019-09-30', cpd(6)),
    ]);
    expect(cpdSummary(data, null, null).lines.map((line) => line.entryId)).toEqual(['week-2019-09-30', 'early', 'week-2019-10-14', 'monday', 'monday-too', 'late']);
  });

  it('keeps entries dated in the period, both ends included, and says which period it covers', () => {
    const data = portfolio([
      reflection('before', '2019-10-08', '2019-10-07', cpd(1)),
      reflection('first-day', '2019-10-09', '2019-10-07', cpd(10)),
      week('2019-10-14', cpd(100)),
      reflection('last-day', '2019-10-20', '2019-10-14', cpd(1000)),
      reflection('after', '2019-10-21', '2019-10-21', cpd(10000)),
    ]);
    const summary = cpdSummary(data, '2019-10-09', '2019-10-20');
    expect(summary.from).toBe('2019-10-09');
    expect(summary.to).toBe('2019-10-20');
    expect(summary.lines.map((line) => line.entryId)).toEqual(['first-day', 'week-2019-10-14', 'last-day']);
    expect(summary.totalMinutes).toBe(1110);
    expect(cpdSummary(data, '2019-10-09', null).lines.map((line) => line.entryId)).toEqual(['first-day', 'week-2019-10-14', 'last-day', 'after']);
    expect(cpdSummary(data, null, '2019-10-09').lines.map((line) => line.entryId)).toEqual(['before', 'first-day']);
    expect(cpdSummary(data, '2019-10-14', '2019-10-14').lines.map((line) => line.entryId)).toEqual(['week-2019-10-14']);
    // A weekly log is dated its Monday: a period starting mid-week leaves it out.
    expect(cpdSummary(data, '2019-10-15', '2019-10-20').lines.map((line) => line.entryId)).toEqual(['last-day']);
    expect(cpdSummary(data, '2019-10-21', '2019-10-08')).toMatchObject({ lines: [], totalMinutes: 0, byType: noMinutes });
  });

  it('does not change the portfolio it reads', () => {
    const entries = [reflection('b', '2019-10-10', '2019-10-07', cpd(2)), reflection('a', '2019-10-09', '2019-10-07', cpd(1))];
    const data = portfolio(entries);
    const copy = structuredClone(data);
    cpdSummary(data, null, null);
    expect(data).toEqual(copy);
    expect(data.entries.map((entry) => entry.id)).toEqual(['b', 'a']);
  });
});

describe('cpd.summary', () => {
  it('follows CPD as it is recorded, cleared, redated and deleted through the operations', async () => {
    const { value, opened } = await openReflective(await tempFolder());
    await value('week.save', { weekStart: '2019-10-07', sections: weeklyLog({ weekStart: '2019-10-07' }).sections });
    await value('week.setCpd', { weekStart: '2019-10-07', cpd: cpd(60, true, 'work-based') });
    const course = await value('entry.create', { date: '2019-10-09', templateId: 'hcpc-cpd-activity', title: 'Safeguarding course' });
    await value('entry.setCpd', { entryId: course.entry.id, cpd: cpd(180, true, 'formal') });
    const reading = await value('entry.create', { date: '2019-10-16', templateId: 'gibbs', title: 'Reading' });
    await value('entry.setCpd', { entryId: reading.entry.id, cpd: cpd(45) });

    const all = await value('cpd.summary', { from: null, to: null });
    expect(all.lines.map((line) => [line.kind, line.date, line.title, line.templateName, line.minutes])).toEqual([
      ['weekly-log', '2019-10-07', '', 'Weekly log', 60],
      ['reflection', '2019-10-09', 'Safeguarding course', 'HCPC CPD activity', 180],
      ['reflection', '2019-10-16', 'Reading', 'Gibbs reflective cycle', 45],
    ]);
    expect(all).toMatchObject({ totalMinutes: 285, participatoryMinutes: 240, byType: { ...noMinutes, 'work-based': 60, formal: 180, unspecified: 45 } });

    const firstWeek = await value('cpd.summary', { from: '2019-10-07', to: '2019-10-13' });
    expect(firstWeek.totalMinutes).toBe(240);

    await value('entry.setDetails', { entryId: reading.entry.id, title: 'Reading', date: '2019-10-08' });
    expect((await value('cpd.summary', { from: '2019-10-07', to: '2019-10-13' })).totalMinutes).toBe(285);

    await value('week.setCpd', { weekStart: '2019-10-07', cpd: null });
    await value('entry.delete', { entryId: course.entry.id });
    const left = await value('cpd.summary', { from: null, to: null });
    expect(left.lines.map((line) => line.entryId)).toEqual([reading.entry.id]);
    expect(left).toMatchObject({ totalMinutes: 45, participatoryMinutes: 0 });
    await opened.close();
  });

  it('checks its period', async () => {
    const valid = (argument: unknown) => apiInputs['cpd.summary'].safeParse(argument).success;
    expect(valid({ from: null, to: null })).toBe(true);
    expect(valid({ from: '2019-10-09', to: '2024-02-29' })).toBe(true);
    for (const bad of ['2023-02-29', '2024-02-30', '2019-10-9', '2019/10/09', '', 'today']) {
      expect(valid({ from: bad, to: null }), bad).toBe(false);
      expect(valid({ from: null, to: bad }), bad).toBe(false);
    }
    expect(valid({ from: null })).toBe(false);
    expect(valid({ from: null, to: null, entryKind: 'reflection' })).toBe(false);
    const { call, opened } = await openReflective(await tempFolder());
    expect(await call('cpd.summary', { from: '2024-02-30', to: null })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('from') } });
    await opened.close();
  });
});
