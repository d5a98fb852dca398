import { formatUkDate } from '../dates/weeks.js';
import type { Framework } from '../frameworks/framework.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { ReceivedSignOff, Reviewer } from '../share/sharing.js';

/**
 * Mentors' sign-offs as the Word packs print them. A sign-off the mentor withdrew after sending
 * is never printed as standing: these helpers only hand out the ones still given.
 */

/** Sign-offs not withdrawn, oldest date first (then in the order received). */
export function standingSignOffs(data: PortfolioData, frameworkId: string | null = null): ReceivedSignOff[] {
  return data.feedback.signOffs
    .filter((signOff) => !signOff.withdrawn && (frameworkId === null || signOff.frameworkId === frameworkId))
    .map((signOff, index) => ({ signOff, index }))
    .sort((a, b) => (a.signOff.date < b.signOff.date ? -1 : a.signOff.date > b.signOff.date ? 1 : a.index - b.index))
    .map(({ signOff }) => signOff);
}

/** Those for exactly this outcome (criterion null) or this criterion. */
export function signOffsOf(signOffs: readonly ReceivedSignOff[], frameworkId: string, outcomeId: string, criterionId: string | null): ReceivedSignOff[] {
  return signOffs.filter((signOff) => signOff.frameworkId === frameworkId && signOff.outcomeId === outcomeId && signOff.criterionId === criterionId);
}

/** "Jo Bloggs, Practice assessor, 12A3456E": the parts given, in that order. */
export function signerWords(signer: Reviewer): string {
  return [signer.name, signer.role, signer.registration ?? ''].map((part) => part.trim()).filter((part) => part !== '').join(', ');
}

/** The signer as a table cell shows them: name, role and registration number on lines of their own. */
export function signerLines(signer: Reviewer): string[] {
  return [signer.name, signer.role, signer.registration ? `Registration ${signer.registration}` : ''].map((part) => part.trim()).filter((part) => part !== '');
}

/** "Signed off by Jo Bloggs, Practice assessor, 12A3456E on 18 October 2019: The evidence shows…" */
export function signOffLine(signOff: ReceivedSignOff): string {
  return `Signed off by ${signerWords(signOff.signer)} on ${formatUkDate(signOff.date)}: ${signOff.statement.trim()}`;
}

/** "LO2 (P5)" style code of what a sign-off is for, as the framework names it now; null when it is no longer in the framework. */
export function signedCode(framework: Framework | undefined, signOff: Pick<ReceivedSignOff, 'outcomeId' | 'criterionId'>): { code: string; title: string; archived: boolean } | null {
  const outcome = framework?.outcomes.find((candidate) => candidate.id === signOff.outcomeId);
  if (!outcome) return null;
  if (signOff.criterionId === null) return { code: outcome.code, title: outcome.title, archived: outcome.archived };
  const criterion = outcome.criteria.find((candidate) => candidate.id === signOff.criterionId);
  if (!criterion) return null;
  return { code: criterion.code, title: criterion.text, archived: outcome.archived || criterion.archived };
}
