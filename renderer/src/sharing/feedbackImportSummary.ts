import type { FeedbackImportOutcome } from '../../../shared/api/contract.js';
import type { MergeCounts } from '../../../shared/share/mergeFeedback.js';

export const nothingNewMessage = 'Nothing new: this feedback file had already been imported.';

const count = (value: number) => value.toLocaleString('en-GB');

/** "3 comments added, 1 updated, 1 withdrawn": the noun once, with the first change; nothing when none changed. */
function changes(counts: MergeCounts, one: string, many: string): string[] {
  const parts = (
    [
      [counts.added, 'added'],
      [counts.updated, 'updated'],
      [counts.withdrawn, 'withdrawn'],
    ] as const
  ).filter(([value]) => value > 0);
  return parts.map(([value, what], index) => (index === 0 ? `${count(value)} ${value === 1 ? one : many} ${what}` : `${count(value)} ${what}`));
}

/**
 * What an import did, in a sentence: "Feedback from Sam Jones (file 2): 3 comments added,
 * 1 updated, 2 sign-offs added", or that the file held nothing new.
 */
export function feedbackImportSummary(outcome: FeedbackImportOutcome): string {
  if (outcome.changedNothing) return nothingNewMessage;
  const parts = [...changes(outcome.comments, 'comment', 'comments'), ...changes(outcome.signOffs, 'sign-off', 'sign-offs')];
  const from = `Feedback from ${outcome.reviewerName} (file ${count(outcome.revision)})`;
  return parts.length > 0 ? `${from}: ${parts.join(', ')}.` : `${from} imported.`;
}
