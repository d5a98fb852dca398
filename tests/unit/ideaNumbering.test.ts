import { describe, expect, it } from 'vitest';
import { firstIdeaNumberFor, numberIdeas } from '../../shared/ideas/ideaNumbering.js';
import { entryRecord } from '../fixtures/weeklyLogBuilder.js';

const september = entryRecord({
  weekStart: '2019-09-23',
  thisWeek: ['A busy week.', { idea: 'a', text: 'Shadow a link worker' }, { idea: 'b', text: 'Map the navigators' }],
});
const october = entryRecord({
  weekStart: '2019-10-07',
  thisWeek: [{ idea: 'c', text: 'Arrange a meeting with the communications team' }, 'More meetings.', { idea: 'd', text: 'Ask the co-production group' }],
});

describe('idea numbering', () => {
  it('numbers ideas across the whole portfolio in the order they were written', () => {
    const ideas = numberIdeas([october, september], 1, {});
    expect(ideas.map((idea) => [idea.id, idea.number])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('gives a week its first number from the ideas in earlier weeks', () => {
    expect(firstIdeaNumberFor([september, october], '2019-10-07', 1)).toBe(3);
    expect(firstIdeaNumberFor([september, october], '2019-09-23', 1)).toBe(1);
  });

  it('moves later numbers on when an idea is added to an older week', () => {
    const withExtraIdea = entryRecord({
      weekStart: '2019-09-23',
      thisWeek: [{ idea: 'a', text: 'Shadow a link worker' }, { idea: 'new', text: 'A late thought' }, { idea: 'b', text: 'Map the navigators' }],
    });
    const ideas = numberIdeas([withExtraIdea, october], 1, {});
    expect(ideas.find((idea) => idea.id === 'b')?.number).toBe(3);
    expect(ideas.find((idea) => idea.id === 'c')?.number).toBe(4);
    expect(firstIdeaNumberFor([withExtraIdea, october], '2019-10-07', 1)).toBe(4);
  });

  it('starts at the number the portfolio setting gives, for a log continued from elsewhere', () => {
    const ideas = numberIdeas([october], 7, {});
    expect(ideas.map((idea) => idea.number)).toEqual([7, 8]);
    expect(firstIdeaNumberFor([october], '2019-10-07', 7)).toBe(7);
  });

  it('reports each idea with its week, first line and status', () => {
    const [first] = numberIdeas([october], 1, { c: 'in-progress' });
    expect(first).toMatchObject({ weekStart: '2019-10-07', text: 'Arrange a meeting with the communications team', status: 'in-progress' });
    expect(numberIdeas([october], 1, {})[1]?.status).toBe('new');
  });
});
