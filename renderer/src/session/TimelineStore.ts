import type { ApiClient, Timeline, TimelineReflection, TimelineWeek } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import type { CalendarDate } from '../../../shared/dates/weeks.js';
import { summariseSections } from '../../../shared/portfolio/entrySummary.js';
import type { WeeklyLogSections } from '../../../shared/portfolio/weeklyLog.js';

export interface TimelineSnapshot {
  /** Weeks that have a log. */
  weeks: ReadonlyMap<CalendarDate, TimelineWeek>;
  /** Reflections by entry id. */
  reflections: ReadonlyMap<string, TimelineReflection>;
  loaded: boolean;
  error: string | null;
}

/** Counts for one week, worked out from its text exactly as the back end does. */
export function summariseWeek(weekStart: CalendarDate, sections: WeeklyLogSections): TimelineWeek {
  const summary = summariseSections(sections, 'weekly-log');
  return { weekStart, ideaCount: summary.ideas.length, planCount: summary.plans.length, words: summary.words };
}

/**
 * Which weeks have a log, with their counts: fetched once, then kept up to date from each save
 * without asking the back end again.
 */
export class TimelineStore {
  private current: TimelineSnapshot = { weeks: new Map(), reflections: new Map(), loaded: false, error: null };
  /** Reflections changed (or, as null, deleted) while the timeline was loading: the answer may predate them. */
  private reflectionChanges = new Map<string, TimelineReflection | null>();
  private readonly listeners = new Set<() => void>();
  private changesSinceLoadStarted: TimelineWeek[] = [];
  private loading: Promise<void> | null = null;

  constructor(
    private readonly client: ApiClient,
    /** An answer already on its way (requested at start-up), used once if it succeeded. */
    private readonly early: () => Promise<Result<Timeline> | null> = () => Promise.resolve(null),
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): TimelineSnapshot => this.current;

  hasLog(weekStart: CalendarDate): boolean {
    return this.current.weeks.has(weekStart);
  }

  load(): Promise<void> {
    if (this.loading) return this.loading;
    this.changesSinceLoadStarted = [];
    this.reflectionChanges = new Map();
    this.loading = this.early()
      .then((early) => early ?? this.client.call('timeline.get', {}))
      .then((result) => {
        this.loading = null;
        if (!result.ok) {
          this.publish({ ...this.current, error: result.error.message });
          return;
        }
        const weeks = new Map(result.value.weeksWithLogs.map((week) => [week.weekStart, week] as const));
        for (const week of this.changesSinceLoadStarted) weeks.set(week.weekStart, week);
        const reflections = new Map(result.value.reflections.map((reflection) => [reflection.entryId, reflection] as const));
        for (const [entryId, changed] of this.reflectionChanges) {
          if (changed) reflections.set(entryId, changed);
          else reflections.delete(entryId);
        }
        this.publish({ weeks, reflections, loaded: true, error: null });
      });
    return this.loading;
  }

  recordSaved(weekStart: CalendarDate, sections: WeeklyLogSections): void {
    this.put(summariseWeek(weekStart, sections));
  }

  /** A plan review or a whole-week tag creates the week’s log if it had none. */
  recordReviewed(weekStart: CalendarDate): void {
    if (!this.current.weeks.has(weekStart)) this.put({ weekStart, ideaCount: 0, planCount: 0, words: 0 });
  }

  /** A reflection made, renamed, moved to another date or saved (its word count). */
  recordReflection(reflection: TimelineReflection): void {
    this.reflectionChanges.set(reflection.entryId, reflection);
    const reflections = new Map(this.current.reflections);
    reflections.set(reflection.entryId, reflection);
    this.publish({ ...this.current, reflections });
  }

  /** Changes part of a reflection the timeline already lists (nothing happens for one it does not). */
  updateReflection(entryId: string, change: Partial<Omit<TimelineReflection, 'entryId'>>): void {
    const known = this.current.reflections.get(entryId);
    if (known) this.recordReflection({ ...known, ...change });
  }

  forgetReflection(entryId: string): void {
    this.reflectionChanges.set(entryId, null);
    const reflections = new Map(this.current.reflections);
    reflections.delete(entryId);
    this.publish({ ...this.current, reflections });
  }

  private put(week: TimelineWeek): void {
    this.changesSinceLoadStarted.push(week);
    const weeks = new Map(this.current.weeks);
    weeks.set(week.weekStart, week);
    this.publish({ ...this.current, weeks });
  }

  private publish(next: TimelineSnapshot): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}
