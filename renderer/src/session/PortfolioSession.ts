import type { ApiClient, ApiInput, ApiOutputs, OperationName, WeekView } from '../../../shared/api/contract.js';
import type { ApiErrorCode, Result } from '../../../shared/api/result.js';
import type { CalendarDate } from '../../../shared/dates/weeks.js';
import type { NumberedIdea } from '../../../shared/ideas/ideaNumbering.js';
import type { PlanToReview } from '../../../shared/plans/planReview.js';
import type { EvidenceTag } from '../../../shared/frameworks/framework.js';
import type { EntrySections, IdeaStatus, PlanReviewStatus, WeeklyLogSections } from '../../../shared/portfolio/weeklyLog.js';
import { SaveQueue, type SaveOutcome } from '../saving/SaveQueue.js';
import { type SendWhileClosing, type WriteJob, entryWriteKey, weekWriteKey } from '../saving/WriteJob.js';
import { isBlankWeek } from '../saving/isBlankWeek.js';
import type { StartupRequests } from './StartupRequests.js';
import { FrameworksStore } from './FrameworksStore.js';
import { TimelineStore } from './TimelineStore.js';

/** Answers that the same request would get again: retrying them would only hold up later writes. */
const refusedForGood: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>(['invalid-argument', 'not-found', 'unknown-operation', 'unauthorised']);

/** About 0.6 s after the last keystroke: soon enough that nothing typed waits more than a second. */
export const autosavePauseMs = 600;
export const retryDelaysMs = [1000, 2000, 4000, 8000, 15000, 30000] as const;

/**
 * One open portfolio as the page sees it: the API client, the queue every write goes through and
 * the timeline of logged weeks.
 */
export class PortfolioSession {
  readonly saves = new SaveQueue<WriteJob>({ pauseMs: autosavePauseMs, retryDelaysMs });
  readonly timeline: TimelineStore;
  readonly frameworks: FrameworksStore;

  constructor(
    readonly client: ApiClient,
    private readonly sendWhileClosing: SendWhileClosing | null,
    private readonly startup: StartupRequests | null = null,
  ) {
    this.timeline = new TimelineStore(client, () => startup?.takeTimeline() ?? Promise.resolve(null));
    this.frameworks = new FrameworksStore(client);
  }

  /** A week's log: the answer requested at start-up if it is this week's, otherwise a fresh request. */
  async getWeek(weekStart: CalendarDate): Promise<Result<WeekView>> {
    return (await this.startup?.takeWeek(weekStart)) ?? this.client.call('week.get', { weekStart });
  }

  /** Saves a week's four sections once typing pauses; the newest text replaces any unsent text. */
  writeWeek(weekStart: CalendarDate, sections: WeeklyLogSections): void {
    const argument = { weekStart, sections };
    this.saves.put(
      weekWriteKey(weekStart),
      {
        kind: 'week',
        weekStart,
        sections,
        run: async () => {
          // Typing a letter and deleting it again should not create a log for an empty week.
          if (!this.timeline.hasLog(weekStart) && isBlankWeek(sections)) return { ok: true };
          const outcome = await this.send('week.save', argument);
          if (outcome.ok) this.timeline.recordSaved(weekStart, sections);
          return outcome;
        },
        sendWhileClosing: () => this.sendWhileClosing?.('week.save', argument),
      },
      'after-pause',
    );
  }

  /** Saves a reflection's sections once typing pauses; the newest text replaces any unsent text. */
  writeEntry(entryId: string, sections: EntrySections): void {
    const argument = { entryId, sections };
    this.saves.put(
      entryWriteKey(entryId),
      {
        kind: 'entry',
        entryId,
        sections,
        run: () => this.send('entry.save', argument, (saved) => this.timeline.updateReflection(entryId, { words: saved.words })),
        sendWhileClosing: () => this.sendWhileClosing?.('entry.save', argument),
      },
      'after-pause',
    );
  }

  /**
   * Sends one change to an entry at once (its details, tags or CPD time). `onSettled` gets what
   * the back end kept; when the change is refused for good it is not called, and the save state
   * says why.
   */
  writeEntryChoice<K extends 'entry.setDetails' | 'entry.setTags' | 'entry.setCpd'>(key: string, name: K, argument: ApiInput<K>, onSettled: (value: ApiOutputs[K]) => void): void {
    this.saves.put(
      key,
      {
        kind: 'choice',
        run: () =>
          this.send(name, argument, (value) => {
            if (!this.saves.isWaiting(key)) onSettled(value);
          }),
        sendWhileClosing: () => this.sendWhileClosing?.(name, argument),
      },
      'now',
    );
  }

  /**
   * Records a plan's review. `onSettled` gets the week's plans as the back end now holds them: the
   * new list after a save, or the unchanged list when the choice was refused for good, so the
   * page never shows a choice that was not kept.
   */
  writePlanReview(weekStart: CalendarDate, planId: string, status: PlanReviewStatus | null, onSettled: (plans: PlanToReview[]) => void): void {
    const argument = { weekStart, planId, status };
    const key = `plan-review:${weekStart}:${planId}`;
    this.saves.put(
      key,
      {
        kind: 'choice',
        run: async () => {
          const outcome = await this.send('week.setPlanReview', argument, (plans) => {
            // A newer choice for the same plan is on its way: showing this answer would flicker back.
            if (!this.saves.isWaiting(key)) onSettled(plans);
          });
          if (outcome.ok) this.timeline.recordReviewed(weekStart);
          else if (!outcome.retry) {
            const week = await this.client.call('week.get', { weekStart });
            if (week.ok && !this.saves.isWaiting(key)) onSettled(week.value.plansToReview);
          }
          return outcome;
        },
        sendWhileClosing: () => this.sendWhileClosing?.('week.setPlanReview', argument),
      },
      'now',
    );
  }

  /**
   * Records the tags that make the whole week evidence. `onSettled` gets the tags the back end
   * kept, or, when they were refused for good, the tags it still holds.
   */
  writeWeekTags(weekStart: CalendarDate, tags: EvidenceTag[], onSettled: (tags: EvidenceTag[]) => void): void {
    const argument = { weekStart, tags };
    const key = `week-tags:${weekStart}`;
    this.saves.put(
      key,
      {
        kind: 'choice',
        run: async () => {
          const outcome = await this.send('week.setTags', argument, (kept) => {
            if (!this.saves.isWaiting(key)) onSettled(kept);
          });
          if (outcome.ok) this.timeline.recordReviewed(weekStart);
          else if (!outcome.retry) {
            const week = await this.client.call('week.get', { weekStart });
            if (week.ok && !this.saves.isWaiting(key)) onSettled(week.value.entry?.tags ?? []);
          }
          return outcome;
        },
        sendWhileClosing: () => this.sendWhileClosing?.('week.setTags', argument),
      },
      'now',
    );
  }

  writeIdeaStatus(ideaId: string, status: IdeaStatus, onSaved: (idea: NumberedIdea) => void): void {
    const argument = { ideaId, status };
    const key = `idea-status:${ideaId}`;
    this.saves.put(
      key,
      {
        kind: 'choice',
        run: () =>
          this.send('ideas.setStatus', argument, (idea) => {
            if (!this.saves.isWaiting(key)) onSaved(idea);
          }),
        sendWhileClosing: () => this.sendWhileClosing?.('ideas.setStatus', argument),
      },
      'now',
    );
  }

  /** What a write job sends if the page closes while it waits (views with writes of their own use it). */
  closingSender<K extends OperationName>(name: K, argument: ApiInput<K>): () => void {
    return () => this.sendWhileClosing?.(name, argument);
  }

  /** Waits for every write, but no longer than `limitMs`; true when all was saved. */
  async flushWithin(limitMs: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeLimit = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), limitMs);
    });
    try {
      return await Promise.race([this.saves.flush(), timeLimit]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async send<K extends OperationName>(name: K, argument: ApiInput<K>, onSaved?: (value: ApiOutputs[K]) => void): Promise<SaveOutcome> {
    const result = await this.client.call(name, argument);
    if (!result.ok) return { ok: false, message: result.error.message, retry: !refusedForGood.has(result.error.code) };
    onSaved?.(result.value);
    return { ok: true };
  }
}
