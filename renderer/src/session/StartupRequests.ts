import type { ApiClient, PortfolioStatus, Timeline, WeekView } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import type { CalendarDate } from '../../../shared/dates/weeks.js';

/**
 * The first requests, sent as soon as the script runs rather than after React has mounted the
 * editors: the back end works out the week and the timeline while the page builds itself. Each
 * answer is used once, and only if it succeeded (a damaged portfolio answers with errors).
 */
export class StartupRequests {
  readonly status: Promise<Result<PortfolioStatus>>;
  private week: { weekStart: CalendarDate; answer: Promise<Result<WeekView>> } | null;
  private timeline: Promise<Result<Timeline>> | null;

  constructor(client: ApiClient, openWeek: CalendarDate | null) {
    this.status = client.call('portfolio.status', {});
    this.week = openWeek === null ? null : { weekStart: openWeek, answer: client.call('week.get', { weekStart: openWeek }) };
    this.timeline = client.call('timeline.get', {});
  }

  /** The early answer for this week, once; null when there is none to use. */
  async takeWeek(weekStart: CalendarDate): Promise<Result<WeekView> | null> {
    const early = this.week;
    this.week = null;
    if (!early || early.weekStart !== weekStart) return null;
    const answer = await early.answer;
    return answer.ok ? answer : null;
  }

  async takeTimeline(): Promise<Result<Timeline> | null> {
    const early = this.timeline;
    this.timeline = null;
    if (!early) return null;
    const answer = await early;
    return answer.ok ? answer : null;
  }
}
