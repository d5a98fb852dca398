import type { ApiHandlers, AppInfo, TimelineWeek } from '../api/contract.js';
import { failure, ok } from '../api/result.js';
import { assignItemIds } from '../document/assignItemIds.js';
import { firstIdeaNumberFor, numberIdeas } from '../ideas/ideaNumbering.js';
import { byWeek, summariseEntry } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { type WeeklyLog, emptySections, ideaNodeType, planNodeType } from '../portfolio/weeklyLog.js';
import { plansToReview } from '../plans/planReview.js';
import type { PortfolioHost, PortfolioStore } from '../store/portfolioStore.js';

export interface ServiceOptions {
  appInfo: AppInfo;
  newId: () => string;
  now: () => Date;
}

const itemNodeTypes = new Set([ideaNodeType, planNodeType]);

const unavailable = () =>
  failure<never>('portfolio-unavailable', 'The portfolio could not be opened, so nothing can be read or saved until it is restored from a backup.');

function replaceEntry(data: PortfolioData, entry: WeeklyLog): PortfolioData {
  const index = data.entries.findIndex((existing) => existing.id === entry.id);
  const entries = index === -1 ? [...data.entries, entry] : data.entries.map((existing, i) => (i === index ? entry : existing));
  return { ...data, entries };
}

function findWeek(data: PortfolioData, weekStart: string): WeeklyLog | undefined {
  return data.entries.find((entry) => entry.weekStart === weekStart);
}

/** The portfolio's operations, written once and served by both Electron's main process and the web server. */
export function createPortfolioHandlers(host: PortfolioHost, options: ServiceOptions): ApiHandlers {
  const withStore = async <T>(work: (store: PortfolioStore) => Promise<T> | T) => {
    const store = host.store();
    if (!store) return unavailable();
    return ok(await work(store));
  };

  const blankEntry = (weekStart: string): WeeklyLog => {
    const stamp = options.now().toISOString();
    return { id: options.newId(), kind: 'weekly-log', weekStart, createdAt: stamp, updatedAt: stamp, sections: emptySections(), planReview: {} };
  };

  return {
    'app.info': async () => ok(options.appInfo),
    'portfolio.status': async () => ok(host.status()),
    'backups.list': async () => ok(await host.listBackups()),
    'backups.restore': async ({ backupId }) => host.restoreBackup(backupId),
    'timeline.get': async () =>
      withStore((store) => {
        const weeksWithLogs: TimelineWeek[] = byWeek(store.read().entries).map((entry) => {
          const summary = summariseEntry(entry);
          return { weekStart: entry.weekStart, ideaCount: summary.ideas.length, planCount: summary.plans.length, words: summary.words };
        });
        return { weeksWithLogs };
      }),
    'week.get': async ({ weekStart }) =>
      withStore((store) => {
        const data = store.read();
        return {
          weekStart,
          entry: findWeek(data, weekStart) ?? null,
          firstIdeaNumber: firstIdeaNumberFor(data.entries, weekStart, data.settings.ideaNumberStart),
          plansToReview: plansToReview(data.entries, weekStart),
        };
      }),
    'week.save': async ({ weekStart, sections }) =>
      withStore(async (store) => {
        let saved: WeeklyLog | undefined;
        await store.update((data) => {
          const existing = findWeek(data, weekStart) ?? blankEntry(weekStart);
          saved = { ...existing, sections: assignItemIds(sections, itemNodeTypes, options.newId), updatedAt: options.now().toISOString() };
          return replaceEntry(data, saved);
        });
        const data = store.read();
        const entry = saved as WeeklyLog;
        return { entryId: entry.id, savedAt: entry.updatedAt, firstIdeaNumber: firstIdeaNumberFor(data.entries, weekStart, data.settings.ideaNumberStart) };
      }),
    'week.setPlanReview': async ({ weekStart, planId, status }) => {
      const store = host.store();
      if (!store) return unavailable();
      const pending = plansToReview(store.read().entries, weekStart).find((item) => item.planId === planId);
      if (!pending) return failure('not-found', 'That plan is not waiting for review in this week.');
      await store.update((data) => {
        const entry = findWeek(data, weekStart) ?? blankEntry(weekStart);
        const planReview = { ...entry.planReview };
        if (status === null) delete planReview[planId];
        else planReview[planId] = { status, text: pending.text, fromWeek: pending.fromWeek };
        return replaceEntry(data, { ...entry, planReview, updatedAt: options.now().toISOString() });
      });
      return ok(plansToReview(store.read().entries, weekStart));
    },
    'ideas.list': async () =>
      withStore((store) => {
        const data = store.read();
        return numberIdeas(data.entries, data.settings.ideaNumberStart, data.ideaStatuses);
      }),
    'ideas.setStatus': async ({ ideaId, status }) => {
      const store = host.store();
      if (!store) return unavailable();
      const exists = numberIdeas(store.read().entries, 1, {}).some((idea) => idea.id === ideaId);
      if (!exists) return failure('not-found', 'That idea no longer exists.');
      await store.update((data) => ({ ...data, ideaStatuses: { ...data.ideaStatuses, [ideaId]: status } }));
      const data = store.read();
      const idea = numberIdeas(data.entries, data.settings.ideaNumberStart, data.ideaStatuses).find((candidate) => candidate.id === ideaId);
      return idea ? ok(idea) : failure('not-found', 'That idea no longer exists.');
    },
    'settings.get': async () => withStore((store) => store.read().settings),
    'settings.update': async (settings) =>
      withStore(async (store) => {
        await store.update((data) => ({ ...data, settings: { ...data.settings, ...settings } }));
        return store.read().settings;
      }),
  };
}
