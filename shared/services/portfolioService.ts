import type { ApiHandlers, AppInfo, TimelineWeek } from '../api/contract.js';
import { failure, ok } from '../api/result.js';
import { assignItemIds } from '../document/assignItemIds.js';
import { firstIdeaNumberFor, numberIdeas } from '../ideas/ideaNumbering.js';
import { byWeek } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { type EntryRecord, type WeeklyLog, emptySections, ideaNodeType, planNodeType } from '../portfolio/weeklyLog.js';
import { plansToReview } from '../plans/planReview.js';
import type { PortfolioHost, PortfolioStore } from '../store/portfolioStore.js';
import { createEvidenceHandlers } from './evidenceHandlers.js';
import { createFrameworkHandlers } from './frameworkHandlers.js';
import { tagKey } from '../frameworks/framework.js';
import { portfolioUnavailable } from './unavailable.js';

export interface ServiceOptions {
  appInfo: AppInfo;
  newId: () => string;
  now: () => Date;
}

const itemNodeTypes = new Set([ideaNodeType, planNodeType]);

function findWeek(data: PortfolioData, weekStart: string): EntryRecord | undefined {
  return data.entries.find((entry) => entry.weekStart === weekStart);
}

function putRecord(data: PortfolioData, record: EntryRecord): PortfolioData {
  const exists = data.entries.some((entry) => entry.id === record.id);
  return { ...data, entries: exists ? data.entries.map((entry) => (entry.id === record.id ? record : entry)) : [...data.entries, record] };
}

/** The portfolio's operations, written once and served by both Electron's main process and the web server. */
export function createPortfolioHandlers(host: PortfolioHost, options: ServiceOptions): ApiHandlers {
  const withStore = async <T>(work: (store: PortfolioStore) => Promise<T> | T) => {
    const store = host.store();
    if (!store) return portfolioUnavailable();
    return ok(await work(store));
  };

  /** A record for a week with no log yet; the store gives it a body when its text is first saved. */
  const newRecord = (weekStart: string): EntryRecord => {
    const stamp = options.now().toISOString();
    return { id: options.newId(), kind: 'weekly-log', weekStart, createdAt: stamp, updatedAt: stamp, planReview: {}, tags: [], body: 'none', summary: { ideas: [], plans: [], words: 0, evidence: [] } };
  };

  const firstIdeaNumber = (data: PortfolioData, weekStart: string) => firstIdeaNumberFor(data.entries, weekStart, data.settings.ideaNumberStart);

  return {
    'app.info': async () => ok(options.appInfo),
    'portfolio.status': async () => ok(host.status()),
    'backups.list': async () => ok(await host.listBackups()),
    'backups.restore': async ({ backupId }) => host.restoreBackup(backupId),
    'timeline.get': async () =>
      withStore((store) => {
        const weeksWithLogs: TimelineWeek[] = byWeek(store.read().entries).map((entry) => ({
          weekStart: entry.weekStart,
          ideaCount: entry.summary.ideas.length,
          planCount: entry.summary.plans.length,
          words: entry.summary.words,
        }));
        return { weeksWithLogs };
      }),
    'week.get': async ({ weekStart }) =>
      withStore(async (store) => {
        const data = store.read();
        const record = findWeek(data, weekStart);
        let entry: WeeklyLog | null = null;
        if (record) {
          const { body: _body, summary: _summary, ...fields } = record;
          entry = { ...fields, sections: await store.sections(record.id) };
        }
        return {
          weekStart,
          entry,
          firstIdeaNumber: firstIdeaNumber(data, weekStart),
          plansToReview: plansToReview(data.entries, weekStart),
        };
      }),
    'week.save': async ({ weekStart, sections }) =>
      withStore(async (store) => {
        const record = findWeek(store.read(), weekStart) ?? newRecord(weekStart);
        const updatedAt = options.now().toISOString();
        await store.update((data) => putRecord(data, { ...(findWeek(data, weekStart) ?? record), updatedAt }), [
          { entryId: record.id, sections: assignItemIds(sections, itemNodeTypes, options.newId) },
        ]);
        return { entryId: record.id, savedAt: updatedAt, firstIdeaNumber: firstIdeaNumber(store.read(), weekStart) };
      }),
    'week.setPlanReview': async ({ weekStart, planId, status }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const pending = plansToReview(store.read().entries, weekStart).find((item) => item.planId === planId);
      if (!pending) return failure('not-found', 'That plan is not waiting for review in this week.');
      const existing = findWeek(store.read(), weekStart);
      const record = existing ?? newRecord(weekStart);
      const planReview = { ...record.planReview };
      if (status === null) delete planReview[planId];
      else planReview[planId] = { status, text: pending.text, fromWeek: pending.fromWeek };
      const updated = { ...record, planReview, updatedAt: options.now().toISOString() };
      await store.update((data) => putRecord(data, updated), existing ? [] : [{ entryId: record.id, sections: emptySections() }]);
      return ok(plansToReview(store.read().entries, weekStart));
    },
    'ideas.list': async () =>
      withStore((store) => {
        const data = store.read();
        return numberIdeas(data.entries, data.settings.ideaNumberStart, data.ideaStatuses);
      }),
    'ideas.setStatus': async ({ ideaId, status }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      if (!store.read().entries.some((entry) => entry.summary.ideas.some((idea) => idea.id === ideaId))) {
        return failure('not-found', 'That idea no longer exists.');
      }
      await store.update((data) => ({ ...data, ideaStatuses: { ...data.ideaStatuses, [ideaId]: status } }));
      const data = store.read();
      const idea = numberIdeas(data.entries, data.settings.ideaNumberStart, data.ideaStatuses).find((candidate) => candidate.id === ideaId);
      return idea ? ok(idea) : failure('not-found', 'That idea no longer exists.');
    },
    'week.setTags': async ({ weekStart, tags }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const { frameworks } = store.read();
      const unknown = tags.find((tag) => {
        const outcome = frameworks.find((framework) => framework.id === tag.framework)?.outcomes.find((candidate) => candidate.id === tag.outcome);
        return !outcome || (tag.criterion !== null && !outcome.criteria.some((criterion) => criterion.id === tag.criterion));
      });
      if (unknown) return failure('not-found', 'One of those outcomes is no longer in its framework.');
      const unique = [...new Map(tags.map((tag) => [tagKey(tag), tag])).values()];
      const existing = findWeek(store.read(), weekStart);
      const record = existing ?? newRecord(weekStart);
      const updated = { ...record, tags: unique, updatedAt: options.now().toISOString() };
      await store.update((data) => putRecord(data, { ...(findWeek(data, weekStart) ?? updated), tags: unique, updatedAt: updated.updatedAt }), existing ? [] : [{ entryId: record.id, sections: emptySections() }]);
      return ok(unique);
    },
    ...createFrameworkHandlers(host, options.newId),
    ...createEvidenceHandlers(host),
    'settings.get': async () => withStore((store) => store.read().settings),
    'settings.update': async (settings) =>
      withStore(async (store) => {
        await store.update((data) => ({ ...data, settings: { ...data.settings, ...settings } }));
        return store.read().settings;
      }),
  };
}
