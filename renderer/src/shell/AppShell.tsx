import { useEffect, useRef, useState } from 'react';
import { type CalendarDate, thisWeek } from '../../../shared/dates/weeks.js';
import { backupTimeFromName } from '../format/backupTimeFromName.js';
import { routeHash } from '../routing/route.js';
import { useRoute } from '../routing/useRoute.js';
import { SaveStatus } from '../saving/SaveStatus.js';
import { WeekView } from '../week/WeekView.js';
import { ProductName } from './ProductName.js';
import { CoverageView, CpdView, EvidenceView, ExportView, FrameworksView, IdeasView, LazyView, MentoringView, NewReflectionView, ReflectionView, ReviewView, SettingsView, SharingView, TemplatesView, preloadViews } from './lazyViews.js';
import { SkipLink } from './SkipLink.js';

interface AppShellProps {
  /** The backup the portfolio was restored from at start, if any, to tell the user once. */
  restoredFrom: string | null;
}

/** Which main link names the view: reflections belong with the log, evidence with coverage. */
function isCurrent(view: string, link: string): boolean {
  if (view === 'reflection' || view === 'new-reflection') return link === 'week';
  if (view === 'evidence') return link === 'coverage';
  if (view === 'review') return link === 'mentoring';
  return view === link;
}

/** Product name, navigation and save state, around whichever view the address names. */
export function AppShell({ restoredFrom }: AppShellProps) {
  const route = useRoute();
  const today = thisWeek(new Date());
  const [lastWeek, setLastWeek] = useState<CalendarDate>(route.view === 'week' ? route.weekStart : today);
  const [showRestored, setShowRestored] = useState(restoredFrom !== null);
  const previousView = useRef(route.view);
  const restoredBackupTime = restoredFrom ? backupTimeFromName(restoredFrom) : null;

  useEffect(() => {
    if (route.view === 'week') setLastWeek(route.weekStart);
  }, [route]);

  // The other views are fetched once the page is idle, so opening one later is instant.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 0));
    const timer = window.setTimeout(() => idle(() => preloadViews()), 2000);
    return () => window.clearTimeout(timer);
  }, []);

  // Moving to another view puts keyboard and screen-reader focus at the start of its content.
  useEffect(() => {
    if (previousView.current === route.view) return;
    previousView.current = route.view;
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [route.view]);

  const links = [
    { view: 'week', label: 'Week log', href: routeHash({ view: 'week', weekStart: lastWeek }) },
    { view: 'ideas', label: 'Ideas', href: routeHash({ view: 'ideas' }) },
    { view: 'coverage', label: 'Coverage', href: routeHash({ view: 'coverage', frameworkId: null }) },
    { view: 'cpd', label: 'CPD', href: routeHash({ view: 'cpd' }) },
    { view: 'export', label: 'Export', href: routeHash({ view: 'export', pack: null, subject: null }) },
    { view: 'sharing', label: 'Sharing', href: routeHash({ view: 'sharing' }) },
    { view: 'mentoring', label: 'Mentoring', href: routeHash({ view: 'mentoring' }) },
    { view: 'frameworks', label: 'Frameworks', href: routeHash({ view: 'frameworks', frameworkId: null }) },
    { view: 'templates', label: 'Templates', href: routeHash({ view: 'templates', templateId: null }) },
    { view: 'settings', label: 'Settings', href: routeHash({ view: 'settings' }) },
  ] as const;

  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <ProductName />
          <nav aria-label="Main" className="main-nav">
            <ul>
              {links.map((link) => (
                <li key={link.view}>
                  <a href={link.href} aria-current={isCurrent(route.view, link.view) ? 'page' : undefined} className="main-nav__link">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <SaveStatus />
        </div>
        {showRestored ? (
          <div className="banner" data-testid="restored-banner">
            <p>
              Your portfolio was restored from {restoredBackupTime ? `the backup made on ${restoredBackupTime}` : `the backup ${restoredFrom ?? ''}`}. Check your most
              recent weeks.
            </p>
            <button type="button" className="button button--quiet" onClick={() => setShowRestored(false)}>
              Dismiss
            </button>
          </div>
        ) : null}
      </header>
      {route.view === 'week' ? <WeekView weekStart={route.weekStart} thisWeek={today} passage={route.passage ?? null} /> : null}
      {route.view !== 'week' ? (
        <LazyView key={route.view}>
          {route.view === 'ideas' ? <IdeasView /> : null}
          {route.view === 'coverage' ? <CoverageView frameworkId={route.frameworkId} /> : null}
          {route.view === 'evidence' ? <EvidenceView frameworkId={route.frameworkId} outcomeId={route.outcomeId} criterionId={route.criterionId} /> : null}
          {route.view === 'frameworks' ? <FrameworksView frameworkId={route.frameworkId} /> : null}
          {route.view === 'settings' ? <SettingsView /> : null}
          {route.view === 'reflection' ? <ReflectionView key={route.entryId} entryId={route.entryId} passage={route.passage ?? null} /> : null}
          {route.view === 'new-reflection' ? <NewReflectionView /> : null}
          {route.view === 'templates' ? <TemplatesView templateId={route.templateId} /> : null}
          {route.view === 'cpd' ? <CpdView /> : null}
          {route.view === 'export' ? <ExportView key={routeHash(route)} pack={route.pack} subject={route.subject} /> : null}
          {route.view === 'sharing' ? <SharingView /> : null}
          {route.view === 'mentoring' ? <MentoringView /> : null}
          {route.view === 'review' ? <ReviewView key={route.reviewId} reviewId={route.reviewId} page={route.page} /> : null}
        </LazyView>
      ) : null}
    </div>
  );
}
