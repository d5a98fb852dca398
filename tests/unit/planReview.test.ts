import { describe, expect, it } from 'vitest';
import { plansToReview, plansToReviewByWeek } from '../../shared/plans/planReview.js';
import { entryRecord } from '../fixtures/weeklyLogBuilder.js';

const week1 = entryRecord({
  weekStart: '2019-09-30',
  plans: [
    { id: 'training', text: 'Consider how training for the workforce may look' },
    { id: 'nesta', text: 'Workshop with Nesta in London' },
    { id: 'data', text: 'Collate questionnaire data' },
  ],
});

describe("review of last week's plans", () => {
  it("lists last week's plans, unreviewed, when a new week opens", () => {
    const items = plansToReview([week1], '2019-10-07');
    expect(items.map((item) => [item.planId, item.status, item.fromWeek])).toEqual([
      ['training', null, '2019-09-30'],
      ['nesta', null, '2019-09-30'],
      ['data', null, '2019-09-30'],
    ]);
  });

  it('shows the status the week has given each plan', () => {
    const week2 = entryRecord({ weekStart: '2019-10-07', review: { nesta: { status: 'done', text: 'Workshop with Nesta in London', fromWeek: '2019-09-30' } } });
    const items = plansToReview([week1, week2], '2019-10-07');
    expect(items.find((item) => item.planId === 'nesta')?.status).toBe('done');
  });

  it('brings a carried-forward plan back the week after, and again until it is resolved', () => {
    const week2 = entryRecord({
      weekStart: '2019-10-07',
      review: {
        training: { status: 'carried', text: 'Consider how training for the workforce may look', fromWeek: '2019-09-30' },
        nesta: { status: 'done', text: 'Workshop with Nesta in London', fromWeek: '2019-09-30' },
      },
      plans: [{ id: 'shadow', text: 'Shadow a community navigator' }],
    });
    const inWeek3 = plansToReview([week1, week2], '2019-10-14');
    expect(inWeek3.map((item) => [item.planId, item.carried])).toEqual([
      ['training', true],
      ['shadow', false],
    ]);

    const week3 = entryRecord({ weekStart: '2019-10-14', review: { training: { status: 'carried', text: 'x', fromWeek: '2019-09-30' } } });
    expect(plansToReview([week1, week2, week3], '2019-10-21').map((item) => item.planId)).toEqual(['training']);

    const week4 = entryRecord({ weekStart: '2019-10-21', review: { training: { status: 'partly', text: 'x', fromWeek: '2019-09-30' } } });
    expect(plansToReview([week1, week2, week3, week4], '2019-10-28')).toEqual([]);
  });

  it('keeps a review linked when the plan is reworded afterwards', () => {
    const reworded = entryRecord({ weekStart: '2019-09-30', plans: [{ id: 'training', text: 'Draft the workforce training outline' }] });
    const week2 = entryRecord({ weekStart: '2019-10-07', review: { training: { status: 'partly', text: 'Consider how training for the workforce may look', fromWeek: '2019-09-30' } } });
    const [item] = plansToReview([reworded, week2], '2019-10-07');
    expect(item).toMatchObject({ planId: 'training', text: 'Draft the workforce training outline', status: 'partly', planRemoved: false });
  });

  it('keeps a judgement, marked as removed, when the plan is deleted after it was reviewed', () => {
    const emptied = entryRecord({ weekStart: '2019-09-30', plans: [] });
    const week2 = entryRecord({ weekStart: '2019-10-07', review: { nesta: { status: 'done', text: 'Workshop with Nesta in London', fromWeek: '2019-09-30' } } });
    expect(plansToReview([emptied, week2], '2019-10-07')).toEqual([
      { planId: 'nesta', text: 'Workshop with Nesta in London', fromWeek: '2019-09-30', carried: false, status: 'done', planRemoved: true },
    ]);
  });

  it('reviews the plans of the latest earlier log when a week was skipped', () => {
    expect(plansToReview([week1], '2019-10-21').map((item) => item.planId)).toEqual(['training', 'nesta', 'data']);
  });

  it('has nothing to review in the first week of a portfolio', () => {
    expect(plansToReview([week1], '2019-09-30')).toEqual([]);
  });

  it('answers for many weeks in one pass exactly as it answers for each week alone', () => {
    const weeks = Array.from({ length: 30 }, (_, index) => new Date(Date.UTC(2019, 8, 30 + 7 * index)).toISOString().slice(0, 10));
    const logs = weeks
      .filter((_, index) => index % 7 !== 3)
      .map((weekStart, index) =>
        entryRecord({
          weekStart,
          plans: [{ id: `p${index}a`, text: `Plan ${index} a` }, { id: `p${index}b`, text: `Plan ${index} b` }],
          review: index === 0 ? {} : { [`p${index - 1}a`]: { status: index % 3 === 0 ? 'carried' : 'done', text: `Plan ${index - 1} a`, fromWeek: weeks[0]! } },
        }),
      );
    const asked = [...weeks].reverse();
    const together = plansToReviewByWeek(logs, asked);
    for (const weekStart of weeks) expect(together.get(weekStart)).toEqual(plansToReview(logs, weekStart));
  });
});
