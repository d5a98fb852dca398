import type { Framework } from '../../../shared/frameworks/framework.js';
import { frameworkLimits } from './frameworkLimits.js';


/** Names one field of the draft, so its problem can be shown beside it; also the field's element id. */
export const fieldKeys = {
  title: 'framework-title',
  number: 'framework-number',
  outcomeCode: (outcomeId: string) => `outcome-${outcomeId}-code`,
  outcomeTitle: (outcomeId: string) => `outcome-${outcomeId}-title`,
  criterionCode: (outcomeId: string, criterionId: string) => `criterion-${outcomeId}-${criterionId}-code`,
  criterionText: (outcomeId: string, criterionId: string) => `criterion-${outcomeId}-${criterionId}-text`,
} as const;

export interface DraftProblem {
  message: string;
  /** The field is simply empty: not worth pointing out until the user has been to it. */
  missing: boolean;
}

export type DraftProblems = ReadonlyMap<string, DraftProblem>;

const sameCode = (code: string) => code.trim().toLowerCase();

function tooLong(value: string, limit: number): string | null {
  return value.trim().length > limit ? `Keep this to ${limit.toLocaleString('en-GB')} characters or fewer (it has ${value.trim().length.toLocaleString('en-GB')}).` : null;
}

/**
 * Everything that would stop the draft being saved, by field; empty when it can be sent. Codes in
 * use must differ (outcomes across the framework, criteria within an outcome); an archived item
 * may keep a code a newer one has taken over.
 */
export function draftProblems(framework: Framework): DraftProblems {
  const problems = new Map<string, DraftProblem>();
  const note = (key: string, message: string | null, missing = false) => {
    if (message && !problems.has(key)) problems.set(key, { message, missing });
  };
  const required = (key: string, value: string, whenEmpty: string, limit: number) => {
    if (value.trim() === '') note(key, whenEmpty, true);
    else note(key, tooLong(value, limit));
  };

  required(fieldKeys.title, framework.title, 'Give the framework a title.', frameworkLimits.text);
  note(fieldKeys.number, tooLong(framework.number, frameworkLimits.number));

  const outcomeCodes = new Map<string, { index: number; code: string }>();
  framework.outcomes.forEach((outcome, index) => {
    const codeKey = fieldKeys.outcomeCode(outcome.id);
    if (outcome.code.trim() === '') note(codeKey, 'Give this outcome a code, such as LO1.', true);
    else if (!outcome.archived) {
      const earlier = outcomeCodes.get(sameCode(outcome.code));
      if (earlier) note(codeKey, `Outcome ${earlier.index + 1} already has the code ${earlier.code}. Each outcome needs its own code.`);
      else outcomeCodes.set(sameCode(outcome.code), { index, code: outcome.code.trim() });
    }
    note(codeKey, tooLong(outcome.code, frameworkLimits.code));
    required(fieldKeys.outcomeTitle(outcome.id), outcome.title, 'Give this outcome a title.', frameworkLimits.text);

    const criterionCodes = new Map<string, { index: number; code: string }>();
    outcome.criteria.forEach((criterion, criterionIndex) => {
      const criterionCodeKey = fieldKeys.criterionCode(outcome.id, criterion.id);
      if (criterion.code.trim() === '') note(criterionCodeKey, 'Give this criterion a code, such as P1.', true);
      else if (!criterion.archived) {
        const earlier = criterionCodes.get(sameCode(criterion.code));
        if (earlier) note(criterionCodeKey, `Criterion ${earlier.index + 1} of this outcome already has the code ${earlier.code}.`);
        else criterionCodes.set(sameCode(criterion.code), { index: criterionIndex, code: criterion.code.trim() });
      }
      note(criterionCodeKey, tooLong(criterion.code, frameworkLimits.code));
      required(fieldKeys.criterionText(outcome.id, criterion.id), criterion.text, 'Write what this criterion asks for.', frameworkLimits.text);
    });
  });
  return problems;
}
