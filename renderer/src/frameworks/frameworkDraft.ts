import type { Criterion, Framework, Outcome } from '../../../shared/frameworks/framework.js';

/**
 * Changes the framework editor makes to its draft. Each returns a new framework and never changes
 * an id: evidence is tagged against ids, so renaming, moving and archiving keep them.
 */

export type Direction = -1 | 1;

/** A new unit as the editor opens it: nothing saved until it has a title and its outcome a title. */
export function newUnitDraft(frameworkId: string, outcomeId: string): Framework {
  return { id: frameworkId, title: '', number: '', archived: false, builtIn: null, outcomes: [emptyOutcome(outcomeId, 'LO1')] };
}

function emptyOutcome(id: string, code: string): Outcome {
  return { id, code, title: '', archived: false, criteria: [] };
}

const numbered = /^(.*?)(\d+)$/;

/** The code after the highest one sharing `prefix` ("LO" and ["LO1", "LO3"] give "LO4"). */
function nextNumberedCode(prefix: string, codes: readonly string[]): string {
  let highest = 0;
  for (const code of codes) {
    const match = numbered.exec(code.trim());
    if (match && (match[1] ?? '').toLowerCase() === prefix.toLowerCase()) highest = Math.max(highest, Number(match[2]));
  }
  return `${prefix}${highest + 1}`;
}

/** LO1, LO2…, or whatever numbered pattern the last outcome follows ("T4" gives "T5"). */
export function nextOutcomeCode(framework: Framework): string {
  const last = framework.outcomes.at(-1)?.code.trim() ?? '';
  const prefix = numbered.exec(last)?.[1] ?? 'LO';
  return nextNumberedCode(prefix, framework.outcomes.map((outcome) => outcome.code));
}

/** The next pass criterion: units number P1, P2… across all their outcomes. */
export function nextCriterionCode(framework: Framework): string {
  const codes = framework.outcomes.flatMap((outcome) => outcome.criteria.map((criterion) => criterion.code));
  const usesPass = codes.length === 0 || codes.some((code) => /^P\d+$/i.test(code.trim()));
  const prefix = usesPass ? 'P' : (numbered.exec(codes.at(-1)?.trim() ?? '')?.[1] ?? 'P');
  return nextNumberedCode(prefix, codes);
}

export function addOutcome(framework: Framework, outcomeId: string): Framework {
  return { ...framework, outcomes: [...framework.outcomes, emptyOutcome(outcomeId, nextOutcomeCode(framework))] };
}

export function addCriterion(framework: Framework, outcomeId: string, criterionId: string): Framework {
  const criterion: Criterion = { id: criterionId, code: nextCriterionCode(framework), text: '', archived: false };
  return changeOutcome(framework, outcomeId, (outcome) => ({ ...outcome, criteria: [...outcome.criteria, criterion] }));
}

export function changeOutcome(framework: Framework, outcomeId: string, change: (outcome: Outcome) => Outcome): Framework {
  return { ...framework, outcomes: framework.outcomes.map((outcome) => (outcome.id === outcomeId ? change(outcome) : outcome)) };
}

export function changeCriterion(framework: Framework, outcomeId: string, criterionId: string, change: (criterion: Criterion) => Criterion): Framework {
  return changeOutcome(framework, outcomeId, (outcome) => ({
    ...outcome,
    criteria: outcome.criteria.map((criterion) => (criterion.id === criterionId ? change(criterion) : criterion)),
  }));
}

function moved<T extends { id: string }>(items: readonly T[], id: string, direction: Direction): T[] {
  const from = items.findIndex((item) => item.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to] as T, next[from] as T];
  return next;
}

export function moveOutcome(framework: Framework, outcomeId: string, direction: Direction): Framework {
  return { ...framework, outcomes: moved(framework.outcomes, outcomeId, direction) };
}

export function moveCriterion(framework: Framework, outcomeId: string, criterionId: string, direction: Direction): Framework {
  return changeOutcome(framework, outcomeId, (outcome) => ({ ...outcome, criteria: moved(outcome.criteria, criterionId, direction) }));
}

/** What a delete took out, so it can be put back where it was. */
export type Deleted = { kind: 'outcome'; outcome: Outcome; index: number } | { kind: 'criterion'; outcomeId: string; criterion: Criterion; index: number };

export function deleteOutcome(framework: Framework, outcomeId: string): { framework: Framework; deleted: Deleted } | null {
  const index = framework.outcomes.findIndex((outcome) => outcome.id === outcomeId);
  const outcome = framework.outcomes[index];
  if (!outcome) return null;
  return { framework: { ...framework, outcomes: framework.outcomes.filter((candidate) => candidate.id !== outcomeId) }, deleted: { kind: 'outcome', outcome, index } };
}

export function deleteCriterion(framework: Framework, outcomeId: string, criterionId: string): { framework: Framework; deleted: Deleted } | null {
  const outcome = framework.outcomes.find((candidate) => candidate.id === outcomeId);
  const index = outcome ? outcome.criteria.findIndex((criterion) => criterion.id === criterionId) : -1;
  const criterion = outcome?.criteria[index];
  if (!criterion) return null;
  return {
    framework: changeOutcome(framework, outcomeId, (owner) => ({ ...owner, criteria: owner.criteria.filter((candidate) => candidate.id !== criterionId) })),
    deleted: { kind: 'criterion', outcomeId, criterion, index },
  };
}

function insertedAt<T>(items: readonly T[], index: number, item: T): T[] {
  const at = Math.min(Math.max(index, 0), items.length);
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/** Puts a deleted outcome or criterion back where it was (unless it is already there). */
export function undoDelete(framework: Framework, deleted: Deleted): Framework {
  if (deleted.kind === 'outcome') {
    if (framework.outcomes.some((outcome) => outcome.id === deleted.outcome.id)) return framework;
    return { ...framework, outcomes: insertedAt(framework.outcomes, deleted.index, deleted.outcome) };
  }
  const owner = framework.outcomes.find((outcome) => outcome.id === deleted.outcomeId);
  if (!owner || owner.criteria.some((criterion) => criterion.id === deleted.criterion.id)) return framework;
  return changeOutcome(framework, deleted.outcomeId, (outcome) => ({ ...outcome, criteria: insertedAt(outcome.criteria, deleted.index, deleted.criterion) }));
}

/**
 * Puts back every outcome and criterion that `saved` holds and `draft` has lost, in its saved
 * position: what the back end does after refusing to drop something that has evidence.
 * Returns `draft` itself when nothing was missing.
 */
export function restoreDeleted(draft: Framework, saved: Framework): Framework {
  let restored = draft;
  saved.outcomes.forEach((outcome, index) => {
    if (!restored.outcomes.some((candidate) => candidate.id === outcome.id)) {
      restored = undoDelete(restored, { kind: 'outcome', outcome, index });
      return;
    }
    outcome.criteria.forEach((criterion, criterionIndex) => {
      restored = undoDelete(restored, { kind: 'criterion', outcomeId: outcome.id, criterion, index: criterionIndex });
    });
  });
  return restored;
}

/** "LO2", or "outcome 2" while its code is empty: how buttons name the outcome they act on. */
export function outcomeName(outcome: Outcome, index: number): string {
  return outcome.code.trim() || `outcome ${index + 1}`;
}

/** "LO2 P3", or "LO2 criterion 1" while the criterion's code is empty. */
export function criterionName(outcome: Outcome, outcomeIndex: number, criterion: Criterion, index: number): string {
  return `${outcomeName(outcome, outcomeIndex)} ${criterion.code.trim() || `criterion ${index + 1}`}`;
}
