import { describe, expect, test } from 'vitest';
import { maxFrameworkFileChars } from '../../shared/api/contract.js';
import type { Framework } from '../../shared/frameworks/framework.js';
import { frameworkSchema } from '../../shared/frameworks/frameworkSchemas.js';
import { draftProblems, fieldKeys } from '../../renderer/src/frameworks/draftProblems.js';
import { frameworkFileFormat } from '../../renderer/src/frameworks/frameworkFileFormat.js';
import { frameworkLimits } from '../../renderer/src/frameworks/frameworkLimits.js';
import {
  addCriterion,
  addOutcome,
  changeOutcome,
  criterionName,
  deleteCriterion,
  deleteOutcome,
  moveCriterion,
  moveOutcome,
  newUnitDraft,
  nextCriterionCode,
  nextOutcomeCode,
  outcomeName,
  restoreDeleted,
  undoDelete,
} from '../../renderer/src/frameworks/frameworkDraft.js';

function unit26(): Framework {
  return {
    id: 'u26',
    title: 'Supporting Team and Partnership Working Across Health and Social Care Services',
    number: '26',
    archived: false,
    builtIn: null,
    outcomes: [
      {
        id: 'lo1',
        code: 'LO1',
        title: 'Understand what helps teams work well',
        archived: false,
        criteria: [
          { id: 'p1', code: 'P1', text: 'Describe how one team shares out its work', archived: false },
          { id: 'm1', code: 'M1', text: 'Compare how two teams deal with disagreement', archived: false },
        ],
      },
      {
        id: 'lo2',
        code: 'LO2',
        title: 'Examine how services work in partnership',
        archived: false,
        criteria: [
          { id: 'p2', code: 'P2', text: 'Describe the partners supporting one person', archived: false },
          { id: 'p3', code: 'P3', text: 'Explain how information is shared', archived: false },
        ],
      },
      { id: 'lo3', code: 'LO3', title: 'Understand the outcomes of partnership working', archived: false, criteria: [] },
    ],
  };
}

const ids = (framework: Framework) => framework.outcomes.map((outcome) => outcome.id);

describe('codes offered for new outcomes and criteria', () => {
  test('a new outcome takes the next LO number after the highest one', () => {
    expect(nextOutcomeCode(unit26())).toBe('LO4');
    expect(nextOutcomeCode({ ...unit26(), outcomes: [] })).toBe('LO1');
  });

  test('a new outcome follows the pattern of the last one, such as a theme numbered T4', () => {
    const themes = { ...unit26(), outcomes: unit26().outcomes.map((outcome, index) => ({ ...outcome, code: `T${index + 1}` })) };
    expect(nextOutcomeCode(themes)).toBe('T4');
  });

  test('a new criterion takes the next pass number across the whole unit', () => {
    expect(nextCriterionCode(unit26())).toBe('P4');
    expect(nextCriterionCode(newUnitDraft('u', 'o'))).toBe('P1');
  });

  test('adding an outcome and a criterion gives them the ids asked for and empty text to fill in', () => {
    const added = addCriterion(addOutcome(unit26(), 'new-outcome'), 'new-outcome', 'new-criterion');
    expect(added.outcomes.at(-1)).toEqual({
      id: 'new-outcome',
      code: 'LO4',
      title: '',
      archived: false,
      criteria: [{ id: 'new-criterion', code: 'P4', text: '', archived: false }],
    });
  });
});

describe('editing keeps every id', () => {
  test('moving an outcome swaps it with its neighbour and moving past the end changes nothing', () => {
    expect(ids(moveOutcome(unit26(), 'lo2', -1))).toEqual(['lo2', 'lo1', 'lo3']);
    expect(ids(moveOutcome(unit26(), 'lo3', 1))).toEqual(['lo1', 'lo2', 'lo3']);
  });

  test('moving a criterion stays within its outcome', () => {
    const moved = moveCriterion(unit26(), 'lo2', 'p3', -1);
    expect(moved.outcomes[1]?.criteria.map((criterion) => criterion.id)).toEqual(['p3', 'p2']);
    expect(moved.outcomes[0]).toEqual(unit26().outcomes[0]);
  });

  test('renaming an outcome keeps its id', () => {
    const renamed = changeOutcome(unit26(), 'lo3', (outcome) => ({ ...outcome, code: 'LO3a', title: 'Know what partnership achieves' }));
    expect(renamed.outcomes[2]).toMatchObject({ id: 'lo3', code: 'LO3a', title: 'Know what partnership achieves' });
  });

  test('an undone delete puts the criterion back where it was', () => {
    const result = deleteCriterion(unit26(), 'lo1', 'p1');
    expect(result?.framework.outcomes[0]?.criteria.map((criterion) => criterion.id)).toEqual(['m1']);
    expect(undoDelete(result!.framework, result!.deleted)).toEqual(unit26());
  });

  test('after the back end refuses a save, deleted outcomes and criteria go back in their saved places and other changes stay', () => {
    const withoutLo2 = deleteOutcome(unit26(), 'lo2')!.framework;
    const edited = changeOutcome(deleteCriterion(withoutLo2, 'lo1', 'm1')!.framework, 'lo3', (outcome) => ({ ...outcome, title: 'Renamed' }));
    const restored = restoreDeleted(edited, unit26());
    expect(ids(restored)).toEqual(['lo1', 'lo2', 'lo3']);
    expect(restored.outcomes[0]?.criteria.map((criterion) => criterion.id)).toEqual(['p1', 'm1']);
    expect(restored.outcomes[2]?.title).toBe('Renamed');
  });

  test('restoring when nothing was deleted gives back the same draft', () => {
    const draft = unit26();
    expect(restoreDeleted(draft, unit26())).toBe(draft);
  });

  test('buttons name an item by its codes, or by its place while the code is empty', () => {
    const framework = unit26();
    const [lo1] = framework.outcomes;
    expect(outcomeName(lo1!, 0)).toBe('LO1');
    expect(criterionName(lo1!, 0, lo1!.criteria[1]!, 1)).toBe('LO1 M1');
    expect(outcomeName({ ...lo1!, code: ' ' }, 0)).toBe('outcome 1');
    expect(criterionName(lo1!, 0, { ...lo1!.criteria[1]!, code: '' }, 1)).toBe('LO1 criterion 2');
  });
});

describe('problems that stop a draft being saved', () => {
  test('a new unit is not ready until it has a title and its outcome a title; empty fields count as missing', () => {
    const draft = newUnitDraft('u', 'o');
    const problems = draftProblems(draft);
    expect([...problems.keys()]).toEqual([fieldKeys.title, fieldKeys.outcomeTitle('o')]);
    expect([...problems.values()].every((problem) => problem.missing)).toBe(true);
    const ready = changeOutcome({ ...draft, title: 'My placement goals' }, 'o', (outcome) => ({ ...outcome, title: 'Lead a handover' }));
    expect(draftProblems(ready).size).toBe(0);
  });

  test('two outcomes in use with the same code are a problem on the later one, whatever the case', () => {
    const clash = changeOutcome(unit26(), 'lo3', (outcome) => ({ ...outcome, code: 'lo2' }));
    expect(draftProblems(clash).get(fieldKeys.outcomeCode('lo3'))).toEqual({
      message: 'Outcome 2 already has the code LO2. Each outcome needs its own code.',
      missing: false,
    });
  });

  test('an archived outcome may keep a code a newer outcome has taken over', () => {
    const archivedLo2 = changeOutcome(unit26(), 'lo2', (outcome) => ({ ...outcome, archived: true }));
    expect(draftProblems(changeOutcome(archivedLo2, 'lo3', (outcome) => ({ ...outcome, code: 'LO2' }))).size).toBe(0);
  });

  test('criteria in one outcome need their own codes, and their text', () => {
    const framework = unit26();
    const clash = { ...framework, outcomes: framework.outcomes.map((outcome) => (outcome.id === 'lo2' ? { ...outcome, criteria: outcome.criteria.map((c) => ({ ...c, code: 'P2', text: c.id === 'p3' ? ' ' : c.text })) } : outcome)) };
    const problems = draftProblems(clash);
    expect(problems.get(fieldKeys.criterionCode('lo2', 'p3'))?.message).toBe('Criterion 1 of this outcome already has the code P2.');
    expect(problems.get(fieldKeys.criterionText('lo2', 'p3'))).toEqual({ message: 'Write what this criterion asks for.', missing: true });
  });

  test('too-long fields are problems at the limits the API sets', () => {
    const long = { ...unit26(), number: 'x'.repeat(frameworkLimits.number + 1), title: 't'.repeat(frameworkLimits.text + 1) };
    expect(draftProblems(long).get(fieldKeys.number)?.message).toBe('Keep this to 40 characters or fewer (it has 41).');
    expect(draftProblems(long).get(fieldKeys.title)?.message).toBe('Keep this to 2,000 characters or fewer (it has 2,001).');
    expect(frameworkSchema.safeParse(long).success).toBe(false);
    const atLimit = { ...unit26(), number: 'x'.repeat(frameworkLimits.number), title: 't'.repeat(frameworkLimits.text) };
    expect(draftProblems(atLimit).size).toBe(0);
    expect(frameworkSchema.safeParse(atLimit).success).toBe(true);
  });

  test('every draft without problems is one the API accepts, and every one it would refuse has problems', () => {
    const drafts: Framework[] = [
      unit26(),
      newUnitDraft('u', 'o'),
      { ...unit26(), title: '   ' },
      changeOutcome(unit26(), 'lo1', (outcome) => ({ ...outcome, code: '' })),
      changeOutcome(unit26(), 'lo1', (outcome) => ({ ...outcome, code: 'c'.repeat(41) })),
      addCriterion(unit26(), 'lo3', 'fresh'),
      addOutcome(unit26(), 'fresh'),
    ];
    for (const draft of drafts) {
      const accepted = frameworkSchema.safeParse(draft).success;
      if (draftProblems(draft).size === 0) expect(accepted).toBe(true);
      if (!accepted) expect(draftProblems(draft).size).toBeGreaterThan(0);
    }
  });

  test('the page refuses files at the same size the API does', () => {
    expect(frameworkLimits.fileChars).toBe(maxFrameworkFileChars);
  });
});

describe('which reader a chosen file needs', () => {
  test('by its extension, in any case, or by its first character when it has none', () => {
    expect(frameworkFileFormat('Unit 26.CSV', '')).toBe('csv');
    expect(frameworkFileFormat('unit-26.framework.json', '')).toBe('json');
    expect(frameworkFileFormat('unit26', '  {"title": "x"}')).toBe('json');
    expect(frameworkFileFormat('unit26', 'unit_title,outcome_code')).toBe('csv');
    expect(frameworkFileFormat('unit26.xlsx', 'PK')).toBeNull();
  });
});
