import { type CalendarDate, isCalendarDate, weekCommencing } from '../../../shared/dates/weeks.js';
import { parseTagKey } from '../../../shared/frameworks/framework.js';
import { type WeeklyLogSectionId, weeklyLogSectionIds } from '../../../shared/portfolio/weeklyLog.js';

/** A tagged passage to bring into view and highlight when a week opens. */
export interface PassageTarget {
  section: WeeklyLogSectionId;
  /** The tag key ("framework/outcome[/criterion]"). */
  tag: string;
  /** Which passage with that tag in that section, from 0. */
  occurrence: number;
}

/**
 * What the address after `#` names: `#/week/2019-10-07`, `#/week/2019-10-07/passage/thisWeek/0/fw%2Flo3`,
 * `#/ideas`, `#/coverage`, `#/coverage/<framework>`, `#/evidence/<framework>/<outcome>[/<criterion>]`,
 * `#/frameworks`, `#/frameworks/<framework>`, `#/settings`.
 */
export type Route =
  | { view: 'week'; weekStart: CalendarDate; passage?: PassageTarget }
  | { view: 'ideas' }
  | { view: 'coverage'; frameworkId: string | null }
  | { view: 'evidence'; frameworkId: string; outcomeId: string; criterionId: string | null }
  | { view: 'frameworks'; frameworkId: string | null }
  | { view: 'settings' };

export type RouteView = Route['view'];

const id = '([A-Za-z0-9_-]{1,100})';

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'week':
      return route.passage
        ? `#/week/${route.weekStart}/passage/${route.passage.section}/${route.passage.occurrence}/${encodeURIComponent(route.passage.tag)}`
        : `#/week/${route.weekStart}`;
    case 'coverage':
      return route.frameworkId ? `#/coverage/${route.frameworkId}` : '#/coverage';
    case 'evidence':
      return `#/evidence/${route.frameworkId}/${route.outcomeId}${route.criterionId ? `/${route.criterionId}` : ''}`;
    case 'frameworks':
      return route.frameworkId ? `#/frameworks/${route.frameworkId}` : '#/frameworks';
    default:
      return `#/${route.view}`;
  }
}

function passageTarget(section: string, occurrence: string, tag: string): PassageTarget | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(tag);
  } catch {
    return undefined;
  }
  if (!(weeklyLogSectionIds as readonly string[]).includes(section) || parseTagKey(decoded) === null) return undefined;
  return { section: section as WeeklyLogSectionId, occurrence: Number(occurrence), tag: decoded };
}

/**
 * Reads a hash into a route. A date that is not a Monday opens the week holding it; anything
 * unknown opens this week.
 */
export function parseRoute(hash: string, thisWeek: CalendarDate): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'ideas') return { view: 'ideas' };
  if (path === 'settings') return { view: 'settings' };
  const listOrOne = new RegExp(`^(coverage|frameworks)(?:/${id})?$`).exec(path);
  if (listOrOne) return { view: listOrOne[1] as 'coverage' | 'frameworks', frameworkId: listOrOne[2] ?? null };
  const evidence = new RegExp(`^evidence/${id}/${id}(?:/${id})?$`).exec(path);
  if (evidence) return { view: 'evidence', frameworkId: evidence[1] as string, outcomeId: evidence[2] as string, criterionId: evidence[3] ?? null };
  const week = /^week\/(\d{4}-\d{2}-\d{2})(?:\/passage\/([A-Za-z]+)\/(\d{1,6})\/([^/]+))?$/.exec(path);
  if (week && isCalendarDate(week[1] as string)) {
    const weekStart = weekCommencing(week[1] as string);
    const passage = week[2] ? passageTarget(week[2], week[3] as string, week[4] as string) : undefined;
    return passage ? { view: 'week', weekStart, passage } : { view: 'week', weekStart };
  }
  return { view: 'week', weekStart: thisWeek };
}
