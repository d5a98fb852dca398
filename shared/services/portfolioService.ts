import type { ApiHandlers, AppInfo, TimelineReflection, TimelineWeek } from '../api/contract.js';
import { failure, ok } from '../api/result.js';
import { assignItemIds } from '../document/assignItemIds.js';
import { firstIdeaNumberFor, numberIdeas } from '../ideas/ideaNumbering.js';
import { byDate, byWeek, weeklyLogsOnly } from '../portfolio/entrySummary.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import { type EntryRecord, type WeeklyLog, type WeeklyLogSections, emptySections, ideaNodeType, planNodeType, newEntryRecord, weeklyLogSectionIds, weeklyLogTemplate } from '../portfolio/weeklyLog.js';
import { plansToReview } from '../plans/planReview.js';
import type { PortfolioHost, PortfolioStore } from '../store/portfolioStore.js';
import { createEvidenceHandlers } from './evidenceHandlers.js';
import { createFrameworkHandlers } from './frameworkHandlers.js';
import { createCpdHandlers } from './cpdHandlers.js';
import { type ExportService, createExportHandlers } from './exportHandlers.js';
import { checkedTags, createEntryHandlers, putRecord } from './entryHandlers.js';
import { createTemplateHandlers } from './templateHandlers.js';
import { type SharingService, createSharingHandlers } from './sharingHandlers.js';
import { createReviewHandlers } from './reviewHandlers.js';
import { createPrivacyHandlers, createSecurityHandlers } from './privacyHandlers.js';
import { emptyPrivacy } from '../privacy/privacySettings.js';
import { templateName } from '../templates/templateLibrary.js';
import { portfolioUnavailable } from './unavailable.js';

export interface ServiceOptions {
  appInfo: AppInfo;
  newId: () => string;
  now: () => Date;
  /** Runs Word exports (a worker thread in the app); without it, exports are refused with a message. */
  exports?: ExportService;
  /** Crypto and the mentor's review folder; without it, share and feedback files are refused with a message. */
  sharing?: SharingService;
}

const itemNodeTypes = new Set([ideaNodeType, planNodeType]);

/** The week's weekly log (reflections dated that week are other entries). */
function findWeek(data: PortfolioData, weekStart: string): EntryRecord | undefined {
  return data.entries.find((entry) => entry.kind === 'weekly-log' && entry.weekStart === weekStart);
}

/** The portfolio's operations, written once and served by both Electron's main process and the web server. */
export function createPortfolioHandlers(host: PortfolioHost, options: ServiceOptions): ApiHandlers {
  const withStore = async <T>(work: (store: PortfolioStore) => Promise<T> | T) => {
    const store = host.store();
    if (!store) return portfolioUnavailable();
    return ok(await work(store));
  };

  /** A record for a week with no log yet; the store gives it a body when its text is first saved. */
  const newRecord = (weekStart: string): EntryRecord => newEntryRecord(options.newId(), 'weekly-log', weekStart, '', weeklyLogTemplate, options.now().toISOString());

  const firstIdeaNumber = (data: PortfolioData, weekStart: string) => firstIdeaNumberFor(weeklyLogsOnly(data.entries), weekStart, data.settings.ideaNumberStart);

  /** Applies `change` to the week's log, making one (with empty text) if the week has none yet. */
  const changeWeek = async (store: PortfolioStore, weekStart: string, change: (record: EntryRecord) => EntryRecord) => {
    const existing = findWeek(store.read(), weekStart);
    const record = existing ?? newRecord(weekStart);
    const updatedAt = options.now().toISOString();
    await store.update(
      (data) => putRecord(data, { ...change(findWeek(data, weekStart) ?? record), updatedAt }),
      existing ? [] : [{ entryId: record.id, sections: emptySections() }],
    );
  };

  return {
    'app.info': async () => ok(options.appInfo),
    'portfolio.status': async () => ok(host.status()),
    'backups.list': async () => ok(await host.listBackups()),
    'backups.restore': async ({ backupId }) => host.restoreBackup(backupId),
    'timeline.get': async () =>
      withStore((store) => {
        const data = store.read();
        const weeksWithLogs: TimelineWeek[] = byWeek(weeklyLogsOnly(data.entries)).map((entry) => ({
          weekStart: entry.weekStart,
          ideaCount: entry.summary.ideas.length,
          planCount: entry.summary.plans.length,
          words: entry.summary.words,
        }));
        const reflections: TimelineReflection[] = byDate(data.entries.filter((entry) => entry.kind === 'reflection')).map((entry) => ({
          entryId: entry.id,
          date: entry.date,
          weekStart: entry.weekStart,
          title: entry.title,
          templateName: templateName(data.templates, entry.template),
          words: entry.summary.words,
        }));
        return { weeksWithLogs, reflections };
      }),
    'week.get': async ({ weekStart }) =>
      withStore(async (store) => {
        const data = store.read();
        const record = findWeek(data, weekStart);
        let entry: WeeklyLog | null = null;
        if (record) {
          const { body: _body, summary, ...fields } = record;
          const stored = await store.sections(record.id);
          const sections = emptySections();
          for (const sectionId of weeklyLogSectionIds) {
            const doc = stored[sectionId];
            if (doc) sections[sectionId] = doc;
          }
          entry = { ...fields, kind: 'weekly-log', sections: sections satisfies WeeklyLogSections, words: summary.words };
        }
        return {
          weekStart,
          entry,
          firstIdeaNumber: firstIdeaNumber(data, weekStart),
          plansToReview: plansToReview(weeklyLogsOnly(data.entries), weekStart),
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
      const pending = plansToReview(weeklyLogsOnly(store.read().entries), weekStart).find((item) => item.planId === planId);
      if (!pending) return failure('not-found', 'That plan is not waiting for review in this week.');
      // From the record as it is when the change applies, so a change made meanwhile (tags, CPD) is kept.
      await changeWeek(store, weekStart, (record) => {
        const planReview = { ...record.planReview };
        if (status === null) delete planReview[planId];
        else planReview[planId] = { status, text: pending.text, fromWeek: pending.fromWeek };
        return { ...record, planReview };
      });
      return ok(plansToReview(weeklyLogsOnly(store.read().entries), weekStart));
    },
    'ideas.list': async () =>
      withStore((store) => {
        const data = store.read();
        return numberIdeas(weeklyLogsOnly(data.entries), data.settings.ideaNumberStart, data.ideaStatuses);
      }),
    'ideas.setStatus': async ({ ideaId, status }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      if (!store.read().entries.some((entry) => entry.summary.ideas.some((idea) => idea.id === ideaId))) {
        return failure('not-found', 'That idea no longer exists.');
      }
      await store.update((data) => ({ ...data, ideaStatuses: { ...data.ideaStatuses, [ideaId]: status } }));
      const data = store.read();
      const idea = numberIdeas(weeklyLogsOnly(data.entries), data.settings.ideaNumberStart, data.ideaStatuses).find((candidate) => candidate.id === ideaId);
      return idea ? ok(idea) : failure('not-found', 'That idea no longer exists.');
    },
    'week.setTags': async ({ weekStart, tags }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const unique = checkedTags(store.read(), tags);
      if (!unique) return failure('not-found', 'One of those outcomes is no longer in its framework.');
      await changeWeek(store, weekStart, (record) => ({ ...record, tags: unique }));
      return ok(unique);
    },
    'week.setCpd': async ({ weekStart, cpd }) =>
      withStore(async (store) => {
        // Clearing the time of a week with no log has nothing to change: no empty log is made for it.
        if (cpd !== null || findWeek(store.read(), weekStart)) await changeWeek(store, weekStart, (record) => ({ ...record, cpd }));
        return cpd;
      }),
    ...createEntryHandlers(host, options.newId, options.now),
    ...createTemplateHandlers(host, options.newId),
    ...createCpdHandlers(host),
    ...createExportHandlers(host, options.exports, options.now),
    ...createFrameworkHandlers(host, options.newId),
    ...createEvidenceHandlers(host),
    ...createSharingHandlers(host, options.sharing, options.newId, options.now),
    ...createReviewHandlers(options.sharing, options.newId, options.now, () => host.store()?.read().privacy ?? emptyPrivacy()),
    ...createPrivacyHandlers(host, options.newId, options.now),
    ...createSecurityHandlers(host),
    'settings.get': async () => withStore((store) => store.read().settings),
    'settings.update': async (settings) =>
      withStore(async (store) => {
        await store.update((data) => ({ ...data, settings: { ...data.settings, ...settings } }));
        return store.read().settings;
      }),
  };
}
