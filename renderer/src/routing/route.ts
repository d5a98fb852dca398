import { type CalendarDate, isCalendarDate, weekCommencing } from '../../../shared/dates/weeks.js';
import { parseTagKey } from '../../../shared/frameworks/framework.js';
import { weeklyLogSectionIds } from '../../../shared/portfolio/weeklyLog.js';
import { type ExportPackKind, isExportPackKind } from '../export/exportPacks.js';

/** A tagged passage to bring into view and highlight when a week or reflection opens. */
export interface PassageTarget {
  /** The id of the template section holding it. */
  section: string;
  /** The tag key ("framework/outcome[/criterion]"). */
  tag: string;
  /** Which passage with that tag in that section, from 0. */
  occurrence: number;
}

/**
 * What the address after `#` names: `#/week/2019-10-07`, `#/week/2019-10-07/passage/thisWeek/0/fw%2Flo3`,
 * `#/ideas`, `#/coverage`, `#/coverage/<framework>`, `#/evidence/<framework>/<outcome>[/<criterion>]`,
 * `#/frameworks`, `#/frameworks/<framework>`, `#/settings`, `#/reflection/<entry>[/passage/…]`,
 * `#/new-reflection`, `#/templates`, `#/templates/<template>`, `#/cpd`, `#/export`, `#/export/<pack>` and
 * `#/export/<pack>/<what>` (the week for weekly logs, the framework for assignment evidence, the
 * reflection for a single reflection), `#/sharing`, `#/mentoring`, and a mentor's review:
 * `#/review/<review>`, `#/review/<review>/entry/<entry>`, `#/review/<review>/coverage[/<framework>]`,
 * `#/review/<review>/evidence/<framework>/<outcome>[/<criterion>]`.
 */
export type Route =
  | { view: 'week'; weekStart: CalendarDate; passage?: PassageTarget }
  | { view: 'reflection'; entryId: string; passage?: PassageTarget }
  | { view: 'new-reflection' }
  | { view: 'templates'; templateId: string | null }
  | { view: 'cpd' }
  | { view: 'export'; pack: ExportPackKind | null; subject: string | null }
  | { view: 'ideas' }
  | { view: 'coverage'; frameworkId: string | null }
  | { view: 'evidence'; frameworkId: string; outcomeId: string; criterionId: string | null }
  | { view: 'frameworks'; frameworkId: string | null }
  | { view: 'settings' }
  | { view: 'sharing' }
  | { view: 'mentoring' }
  | { view: 'review'; reviewId: string; page: ReviewPage };

/** Which part of a mentor's review of a share file is open. */
export type ReviewPage =
  | { kind: 'overview' }
  | { kind: 'entry'; entryId: string }
  | { kind: 'coverage'; frameworkId: string | null }
  | { kind: 'evidence'; frameworkId: string; outcomeId: string; criterionId: string | null };

export type RouteView = Route['view'];

const id = '([A-Za-z0-9_-]{1,100})';

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'week':
      return route.passage
        ? `#/week/${route.weekStart}/passage/${route.passage.section}/${route.passage.occurrence}/${encodeURIComponent(route.passage.tag)}`
        : `#/week/${route.weekStart}`;
    case 'reflection':
      return route.passage
        ? `#/reflection/${route.entryId}/passage/${route.passage.section}/${route.passage.occurrence}/${encodeURIComponent(route.passage.tag)}`
        : `#/reflection/${route.entryId}`;
    case 'templates':
      return route.templateId ? `#/templates/${route.templateId}` : '#/templates';
    case 'coverage':
      return route.frameworkId ? `#/coverage/${route.frameworkId}` : '#/coverage';
    case 'evidence':
      return `#/evidence/${route.frameworkId}/${route.outcomeId}${route.criterionId ? `/${route.criterionId}` : ''}`;
    case 'frameworks':
      return route.frameworkId ? `#/frameworks/${route.frameworkId}` : '#/frameworks';
    case 'export':
      return `#/export${route.pack ? `/${route.pack}${route.subject ? `/${route.subject}` : ''}` : ''}`;
    case 'review':
      return `#/review/${route.reviewId}${reviewPagePath(route.page)}`;
    default:
      return `#/${route.view}`;
  }
}

function passageTarget(section: string, occurrence: string, tag: string, sectionAllowed: (section: string) => boolean): PassageTarget | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(tag);
  } catch {
    return undefined;
  }
  if (!sectionAllowed(section) || parseTagKey(decoded) === null) return undefined;
  return { section, occurrence: Number(occurrence), tag: decoded };
}

/** What an export address may preselect: a week (any day in it) for weekly logs, an id for a framework or reflection, nothing for appraisal. */
function exportSubject(pack: ExportPackKind, subject: string | undefined): string | null {
  if (subject === undefined || pack === 'appraisal') return null;
  if (pack === 'weeks') return isCalendarDate(subject) ? weekCommencing(subject) : null;
  return new RegExp(`^${id}$`).test(subject) ? subject : null;
}

function reviewPagePath(page: ReviewPage): string {
  switch (page.kind) {
    case 'overview':
      return '';
    case 'entry':
      return `/entry/${page.entryId}`;
    case 'coverage':
      return page.frameworkId ? `/coverage/${page.frameworkId}` : '/coverage';
    case 'evidence':
      return `/evidence/${page.frameworkId}/${page.outcomeId}${page.criterionId ? `/${page.criterionId}` : ''}`;
  }
}

function parseReviewPage(rest: string): ReviewPage | null {
  if (rest === '') return { kind: 'overview' };
  const entry = new RegExp(`^/entry/${id}$`).exec(rest);
  if (entry) return { kind: 'entry', entryId: entry[1] as string };
  const coverage = new RegExp(`^/coverage(?:/${id})?$`).exec(rest);
  if (coverage) return { kind: 'coverage', frameworkId: coverage[1] ?? null };
  const evidence = new RegExp(`^/evidence/${id}/${id}(?:/${id})?$`).exec(rest);
  if (evidence) return { kind: 'evidence', frameworkId: evidence[1] as string, outcomeId: evidence[2] as string, criterionId: evidence[3] ?? null };
  return null;
}

const isWeeklyLogSection = (section: string) => (weeklyLogSectionIds as readonly string[]).includes(section);

/**
 * Reads a hash into a route. A date that is not a Monday opens the week holding it; anything
 * unknown opens this week.
 */
export function parseRoute(hash: string, thisWeek: CalendarDate): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'ideas') return { view: 'ideas' };
  if (path === 'settings') return { view: 'settings' };
  if (path === 'cpd') return { view: 'cpd' };
  if (path === 'new-reflection') return { view: 'new-reflection' };
  if (path === 'sharing') return { view: 'sharing' };
  if (path === 'mentoring') return { view: 'mentoring' };
  const review = new RegExp(`^review/${id}(.*)$`).exec(path);
  if (review) {
    const page = parseReviewPage(review[2] as string);
    return page ? { view: 'review', reviewId: review[1] as string, page } : { view: 'mentoring' };
  }
  const exporting = /^export(?:\/([A-Za-z-]+)(?:\/([^/]+))?)?$/.exec(path);
  if (exporting) {
    const pack = exporting[1] !== undefined && isExportPackKind(exporting[1]) ? exporting[1] : null;
    return { view: 'export', pack, subject: pack ? exportSubject(pack, exporting[2]) : null };
  }
  const templates = new RegExp(`^templates(?:/${id})?$`).exec(path);
  if (templates) return { view: 'templates', templateId: templates[1] ?? null };
  const reflection = new RegExp(`^reflection/${id}(?:/passage/${id}/(\\d{1,6})/([^/]+))?$`).exec(path);
  if (reflection) {
    const entryId = reflection[1] as string;
    const passage = reflection[2] ? passageTarget(reflection[2], reflection[3] as string, reflection[4] as string, () => true) : undefined;
    return passage ? { view: 'reflection', entryId, passage } : { view: 'reflection', entryId };
  }
  const listOrOne = new RegExp(`^(coverage|frameworks)(?:/${id})?$`).exec(path);
  if (listOrOne) return { view: listOrOne[1] as 'coverage' | 'frameworks', frameworkId: listOrOne[2] ?? null };
  const evidence = new RegExp(`^evidence/${id}/${id}(?:/${id})?$`).exec(path);
  if (evidence) return { view: 'evidence', frameworkId: evidence[1] as string, outcomeId: evidence[2] as string, criterionId: evidence[3] ?? null };
  const week = /^week\/(\d{4}-\d{2}-\d{2})(?:\/passage\/([A-Za-z]+)\/(\d{1,6})\/([^/]+))?$/.exec(path);
  if (week && isCalendarDate(week[1] as string)) {
    const weekStart = weekCommencing(week[1] as string);
    const passage = week[2] ? passageTarget(week[2], week[3] as string, week[4] as string, isWeeklyLogSection) : undefined;
    return passage ? { view: 'week', weekStart, passage } : { view: 'week', weekStart };
  }
  return { view: 'week', weekStart: thisWeek };
}
