import { describe, expect, it } from 'vitest';
import { builtInFrameworks, findBuiltIn, frameworkFromBuiltIn } from '../../shared/frameworks/builtInFrameworks.js';
import { frameworkSchema } from '../../shared/frameworks/frameworkSchemas.js';

const idPattern = /^[a-z0-9-]+$/;

describe('built-in frameworks', () => {
  it('ships the six frameworks with the expected numbers of outcomes', () => {
    const counts = Object.fromEntries(builtInFrameworks.map((framework) => [framework.id, framework.outcomes.length]));
    expect(counts).toEqual({
      'nmc-code-themes': 4,
      'hcpc-cpd-standards': 5,
      'care-certificate-2014': 15,
      'care-certificate-2025': 16,
      'advanced-practice-pillars': 4,
      'ksf-core-dimensions': 6,
    });
  });

  it('uses stable lower-case ids, unique within each level', () => {
    const frameworkIds = builtInFrameworks.map((framework) => framework.id);
    expect(new Set(frameworkIds).size).toBe(frameworkIds.length);
    for (const framework of builtInFrameworks) {
      expect(framework.id).toMatch(idPattern);
      expect(framework.version).toBe(1);
      const outcomeIds = framework.outcomes.map((outcome) => outcome.id);
      expect(new Set(outcomeIds).size, framework.id).toBe(outcomeIds.length);
      const codes = framework.outcomes.map((outcome) => outcome.code);
      expect(new Set(codes).size, framework.id).toBe(codes.length);
      for (const outcome of framework.outcomes) {
        expect(outcome.id).toMatch(idPattern);
        const criterionIds = outcome.criteria.map((criterion) => criterion.id);
        expect(new Set(criterionIds).size).toBe(criterionIds.length);
        for (const id of criterionIds) expect(id).toMatch(idPattern);
      }
    }
  });

  it('gives every framework a title and a one-line summary', () => {
    for (const framework of builtInFrameworks) {
      expect(framework.title.trim()).not.toBe('');
      expect(framework.summary.trim()).not.toBe('');
      expect(framework.summary).not.toContain('\n');
    }
  });

  it('becomes a portfolio copy that passes the framework schema', () => {
    for (const builtIn of builtInFrameworks) {
      const framework = frameworkFromBuiltIn(builtIn);
      const checked = frameworkSchema.safeParse(framework);
      expect(checked.success, builtIn.id).toBe(true);
      expect(framework.id).toBe(builtIn.id);
      expect(framework.builtIn).toEqual({ id: builtIn.id, version: builtIn.version });
      expect(framework.number).toBe('');
      expect(framework.archived).toBe(false);
      expect(framework.outcomes.map((outcome) => outcome.id)).toEqual(builtIn.outcomes.map((outcome) => outcome.id));
      for (const outcome of framework.outcomes) {
        expect(outcome.archived).toBe(false);
        for (const criterion of outcome.criteria) expect(criterion.archived).toBe(false);
      }
    }
  });

  it('makes a copy that does not share arrays with the shipped data', () => {
    const builtIn = findBuiltIn('nmc-code-themes');
    if (!builtIn) throw new Error('missing');
    const copy = frameworkFromBuiltIn(builtIn);
    copy.outcomes[0]!.title = 'Changed';
    copy.outcomes.pop();
    expect(builtIn.outcomes).toHaveLength(4);
    expect(builtIn.outcomes[0]!.title).toBe('Prioritise people');
  });

  it('uses the codes chosen for each framework', () => {
    const codes = (id: string) => findBuiltIn(id)?.outcomes.map((outcome) => outcome.code);
    expect(codes('nmc-code-themes')).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(codes('hcpc-cpd-standards')).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(codes('care-certificate-2014')).toEqual(Array.from({ length: 15 }, (_, index) => `Std ${index + 1}`));
    expect(codes('care-certificate-2025')).toEqual(Array.from({ length: 16 }, (_, index) => `Std ${index + 1}`));
    expect(codes('advanced-practice-pillars')).toEqual(['CP', 'LM', 'ED', 'RE']);
    expect(codes('ksf-core-dimensions')).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
  });

  it('names the NMC Code themes', () => {
    expect(findBuiltIn('nmc-code-themes')?.outcomes.map((outcome) => outcome.title)).toEqual([
      'Prioritise people',
      'Practise effectively',
      'Preserve safety',
      'Promote professionalism and trust',
    ]);
  });

  it('makes the three 2025 changes to the Care Certificate and keeps the other standards', () => {
    const old = findBuiltIn('care-certificate-2014');
    const current = findBuiltIn('care-certificate-2025');
    if (!old || !current) throw new Error('missing');
    expect(old.outcomes[3]?.title).toBe('Equality and diversity');
    expect(old.outcomes[8]?.title).toBe('Awareness of mental health, dementia and learning disabilities');
    expect(current.outcomes[3]).toMatchObject({ code: 'Std 4', title: 'Equality, diversity, inclusion and human rights' });
    expect(current.outcomes[8]).toMatchObject({ code: 'Std 9', title: 'Awareness of mental health and dementia' });
    expect(current.outcomes[15]).toMatchObject({ code: 'Std 16', title: 'Awareness of learning disability and autism' });
    // A changed standard gets a new id; an unchanged one keeps the id and title it had.
    expect(current.outcomes[3]?.id).not.toBe(old.outcomes[3]?.id);
    expect(current.outcomes[8]?.id).not.toBe(old.outcomes[8]?.id);
    old.outcomes.forEach((standard, index) => {
      if (index === 3 || index === 8) return;
      expect(current.outcomes[index]).toEqual(standard);
    });
  });

  it('finds nothing for an unknown id', () => {
    expect(findBuiltIn('no-such-framework')).toBeUndefined();
  });
});
