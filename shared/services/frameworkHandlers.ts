import type { ApiHandlers } from '../api/contract.js';
import { failure, ok } from '../api/result.js';
import { type Framework, type TagKey, frameworkDisplayName, tagKey } from '../frameworks/framework.js';
import { builtInFrameworks, findBuiltIn, frameworkFromBuiltIn } from '../frameworks/builtInFrameworks.js';
import { frameworkFileText, importFrameworkCsv, importFrameworkJson } from '../frameworks/frameworkFiles.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { PortfolioHost } from '../store/portfolioStore.js';
import { portfolioUnavailable } from './unavailable.js';

type FrameworkHandlers = Pick<ApiHandlers, 'frameworks.list' | 'frameworks.addBuiltIn' | 'frameworks.save' | 'frameworks.import' | 'frameworks.exportFile'>;

/** Every tag key some entry uses, as a passage or as a whole-entry tag. */
export function tagKeysInUse(data: PortfolioData): Set<TagKey> {
  const keys = new Set<TagKey>();
  for (const entry of data.entries) {
    for (const count of entry.summary.evidence) keys.add(count.tag);
    for (const tag of entry.tags) keys.add(tagKey(tag));
  }
  return keys;
}

/**
 * A saved framework may rename, reorder and archive anything, and may drop what nothing is tagged
 * with; dropping an outcome or criterion that holds evidence is refused (archive it instead).
 */
function removedWithEvidence(before: Framework, after: Framework, inUse: ReadonlySet<TagKey>): string | null {
  for (const outcome of before.outcomes) {
    const kept = after.outcomes.find((candidate) => candidate.id === outcome.id);
    const outcomeKey = tagKey({ framework: before.id, outcome: outcome.id, criterion: null });
    if (!kept) {
      const used = inUse.has(outcomeKey) || outcome.criteria.some((criterion) => inUse.has(`${outcomeKey}/${criterion.id}`));
      if (used) return `${outcome.code} has evidence tagged to it, so it cannot be deleted. Archive it instead.`;
      continue;
    }
    for (const criterion of outcome.criteria) {
      if (!kept.criteria.some((candidate) => candidate.id === criterion.id) && inUse.has(`${outcomeKey}/${criterion.id}`)) {
        return `${outcome.code} ${criterion.code} has evidence tagged to it, so it cannot be deleted. Archive it instead.`;
      }
    }
  }
  return null;
}

function fileNameFor(framework: Framework): string {
  const slug = frameworkDisplayName(framework)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'framework'}.framework.json`;
}

export const maxFrameworks = 1_000;

export function createFrameworkHandlers(host: PortfolioHost, newId: () => string): FrameworkHandlers {
  return {
    'frameworks.list': async () => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const { frameworks } = store.read();
      return ok({
        frameworks,
        builtIns: builtInFrameworks.map((builtIn) => ({
          id: builtIn.id,
          title: builtIn.title,
          summary: builtIn.summary,
          version: builtIn.version,
          added: frameworks.some((framework) => framework.id === builtIn.id),
        })),
      });
    },
    'frameworks.addBuiltIn': async ({ builtInId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const builtIn = findBuiltIn(builtInId);
      if (!builtIn) return failure('not-found', 'That built-in framework does not exist.');
      const existing = store.read().frameworks.find((framework) => framework.id === builtIn.id);
      // Adding it again brings an archived copy back, with the user's edits as they were.
      const framework = existing ? { ...existing, archived: false } : frameworkFromBuiltIn(builtIn);
      await store.update((data) => ({
        ...data,
        frameworks: existing ? data.frameworks.map((candidate) => (candidate.id === framework.id ? framework : candidate)) : [...data.frameworks, framework],
      }));
      return ok(framework);
    },
    'frameworks.save': async ({ framework }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      const before = data.frameworks.find((candidate) => candidate.id === framework.id);
      if (!before) {
        if (framework.builtIn !== null || findBuiltIn(framework.id)) return failure('invalid-argument', 'A new framework cannot claim to be a built-in one.');
        if (data.frameworks.length >= maxFrameworks) return failure('invalid-argument', `A portfolio holds at most ${maxFrameworks} frameworks. Archive or remove one first.`);
      } else {
        const refused = removedWithEvidence(before, framework, tagKeysInUse(data));
        if (refused) return failure('invalid-argument', refused);
      }
      // Where a copy came from is the app's record, not the page's to change.
      const saved: Framework = { ...framework, builtIn: before ? before.builtIn : null };
      await store.update((current) => ({
        ...current,
        frameworks: current.frameworks.some((candidate) => candidate.id === saved.id)
          ? current.frameworks.map((candidate) => (candidate.id === saved.id ? saved : candidate))
          : [...current.frameworks, saved],
      }));
      return ok(saved);
    },
    'frameworks.import': async ({ format, text }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const reading = format === 'csv' ? importFrameworkCsv(text, newId) : importFrameworkJson(text, newId);
      if (!reading.ok) return ok({ imported: false, problems: reading.problems });
      if (store.read().frameworks.length >= maxFrameworks) return ok({ imported: false, problems: [`A portfolio holds at most ${maxFrameworks} frameworks.`] });
      const framework = reading.framework;
      await store.update((data) => ({ ...data, frameworks: [...data.frameworks, framework] }));
      return ok({ imported: true, framework, warnings: reading.warnings });
    },
    'frameworks.exportFile': async ({ frameworkId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const framework = store.read().frameworks.find((candidate) => candidate.id === frameworkId);
      if (!framework) return failure('not-found', 'That framework is not in this portfolio.');
      return ok({ fileName: fileNameFor(framework), text: frameworkFileText(framework) });
    },
  };
}
