import { type CalendarDate, isCalendarDate, weekCommencing } from '../../../shared/dates/weeks.js';

/** What the address after `#` names: `#/week/2019-10-07`, `#/ideas`, `#/settings`. */
export type Route = { view: 'week'; weekStart: CalendarDate } | { view: 'ideas' } | { view: 'settings' };

export function routeHash(route: Route): string {
  if (route.view === 'week') return `#/week/${route.weekStart}`;
  return `#/${route.view}`;
}

/**
 * Reads a hash into a route. A date that is not a Monday opens the week holding it; anything
 * unknown opens this week.
 */
export function parseRoute(hash: string, thisWeek: CalendarDate): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'ideas') return { view: 'ideas' };
  if (path === 'settings') return { view: 'settings' };
  const week = /^week\/(\d{4}-\d{2}-\d{2})$/.exec(path);
  if (week && isCalendarDate(week[1] as string)) return { view: 'week', weekStart: weekCommencing(week[1] as string) };
  return { view: 'week', weekStart: thisWeek };
}
