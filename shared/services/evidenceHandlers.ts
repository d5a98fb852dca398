import type { ApiHandlers } from '../api/contract.js';
import { failure, ok } from '../api/result.js';
import { coverage } from '../evidence/coverage.js';
import { type EvidenceItem, entriesWithEvidence, evidenceInEntry } from '../evidence/evidenceList.js';
import type { PortfolioHost } from '../store/portfolioStore.js';
import { portfolioUnavailable } from './unavailable.js';
import { otherNotesSection } from '../templates/template.js';
import { templateVersion } from '../templates/templateLibrary.js';

type EvidenceHandlers = Pick<ApiHandlers, 'evidence.coverage' | 'evidence.list'>;

const noFramework = () => failure<never>('not-found', 'That framework is not in this portfolio.');

export function createEvidenceHandlers(host: PortfolioHost): EvidenceHandlers {
  return {
    'evidence.coverage': async ({ frameworkId, from, to }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      const framework = data.frameworks.find((candidate) => candidate.id === frameworkId);
      if (!framework) return noFramework();
      return ok(coverage(framework, data.entries, { from, to }));
    },
    'evidence.list': async ({ frameworkId, outcomeId, criterionId, from, to, entryId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      const framework = data.frameworks.find((candidate) => candidate.id === frameworkId);
      if (!framework) return noFramework();
      const outcome = framework.outcomes.find((candidate) => candidate.id === outcomeId);
      if (!outcome || (criterionId !== null && !outcome.criteria.some((criterion) => criterion.id === criterionId))) {
        return failure('not-found', 'That outcome is not in this framework.');
      }
      const query = { framework: frameworkId, outcome: outcomeId, criterion: criterionId, range: { from, to }, ...(entryId === undefined ? {} : { entryId }) };
      const items: EvidenceItem[] = [];
      // Only entries whose summary lists the tags are read.
      for (const entry of entriesWithEvidence(framework, data.entries, query)) {
        const template = templateVersion(data.templates, entry.template);
        const titleOf = (sectionId: string) =>
          [...(template?.sections ?? []), otherNotesSection].find((section) => section.id === sectionId)?.title ?? sectionId;
        items.push(...evidenceInEntry(framework, entry, await store.sections(entry.id), query, titleOf));
      }
      return ok({ items });
    },
  };
}
