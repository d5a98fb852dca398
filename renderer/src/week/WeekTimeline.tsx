import { type FocusEvent, type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { TimelineReflection } from '../../../shared/api/contract.js';
import type { CalendarDate } from '../../../shared/dates/weeks.js';
import { routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { TimelineWeekItem } from './TimelineWeekItem.js';
import { describeTimelineYear, groupWeeksByYear, timelineRange } from './timelineWeeks.js';

interface WeekTimelineProps {
  openWeek: CalendarDate;
  thisWeek: CalendarDate;
  /** The reflection on screen (its week is `openWeek`). */
  openEntry?: string | null;
}

const noReflections: readonly TimelineReflection[] = [];

/** Up to ten years of weeks are shown open; beyond that only the open week's year and the latest. */
const weeksShownWhole = 520;

function firstKey(weeks: ReadonlyMap<CalendarDate, unknown>): CalendarDate | null {
  let first: CalendarDate | null = null;
  for (const week of weeks.keys()) if (first === null || week < first) first = week;
  return first;
}

/** Every week from the first log to now, newest first, grouped by year; each says whether it has a log. */
export function WeekTimeline({ openWeek, thisWeek, openEntry = null }: WeekTimelineProps) {
  const { timeline } = useSession();
  const { weeks, reflections, error } = useSyncExternalStore(timeline.subscribe, timeline.snapshot);
  /** Reflections by the week holding them, each week's oldest first. */
  const reflectionsByWeek = useMemo(() => {
    const byWeek = new Map<CalendarDate, TimelineReflection[]>();
    for (const reflection of reflections.values()) byWeek.set(reflection.weekStart, [...(byWeek.get(reflection.weekStart) ?? []), reflection]);
    for (const list of byWeek.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return byWeek;
  }, [reflections]);
  const firstLogged = useMemo(() => {
    const firstWeek = firstKey(weeks);
    const firstReflection = firstKey(reflectionsByWeek);
    return firstWeek === null ? firstReflection : firstReflection === null || firstWeek < firstReflection ? firstWeek : firstReflection;
  }, [weeks, reflectionsByWeek]);
  const lastReflected = useMemo(() => {
    let last: CalendarDate | null = null;
    for (const week of reflectionsByWeek.keys()) if (last === null || week > last) last = week;
    return last;
  }, [reflectionsByWeek]);
  const years = useMemo(() => groupWeeksByYear(timelineRange(firstLogged, thisWeek, openWeek, lastReflected)), [firstLogged, thisWeek, openWeek, lastReflected]);
  const totalWeeks = years.reduce((sum, year) => sum + year.weeks.length, 0);
  const [toggled, setToggled] = useState<ReadonlyMap<number, boolean>>(new Map());
  const list = useRef<HTMLOListElement>(null);
  /** The item that last had focus: Tab comes back to it (one tab stop for the whole timeline). */
  const lastFocused = useRef<string | null>(null);

  const rovingItems = () => Array.from(list.current?.querySelectorAll<HTMLElement>('[data-roving]') ?? []);

  const updateTabStop = () => {
    const items = rovingItems();
    const current =
      items.find((item) => item.dataset['roving'] === lastFocused.current) ?? items.find((item) => item.getAttribute('aria-current') === 'page') ?? items[0];
    for (const item of items) item.tabIndex = item === current ? 0 : -1;
  };

  useEffect(() => {
    lastFocused.current = null;
  }, [openWeek]);

  useLayoutEffect(updateTabStop);

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const key = event.target.dataset['roving'];
    if (key === undefined) return;
    lastFocused.current = key;
    updateTabStop();
  };

  // Up and Down (Home and End) move between years and weeks; Enter opens a week.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const items = rovingItems();
    const index = items.findIndex((item) => item === event.target);
    if (index === -1) return;
    const target =
      event.key === 'ArrowDown' ? items[index + 1] : event.key === 'ArrowUp' ? items[index - 1] : event.key === 'Home' ? items[0] : event.key === 'End' ? items.at(-1) : null;
    if (target === null) return;
    event.preventDefault();
    target?.focus();
  };

  const openYear = Number(openWeek.slice(0, 4));
  const isExpanded = (year: number, index: number) => toggled.get(year) ?? (totalWeeks <= weeksShownWhole || index === 0 || year === openYear);

  useEffect(() => {
    const current = list.current?.querySelector<HTMLElement>('[aria-current="page"]');
    current?.scrollIntoView({ block: 'nearest' });
  }, [openWeek]);

  return (
    <nav className="week-timeline" aria-label="Weeks" data-testid="week-timeline" onFocus={onFocus} onKeyDown={onKeyDown}>
      <div className="week-timeline__top">
        <p className="week-timeline__title" aria-hidden="true">
          Weeks
        </p>
        <a href={routeHash({ view: 'new-reflection' })} className="button button--quiet week-timeline__new" data-testid="new-reflection">
          New reflection
        </a>
      </div>
      {error ? (
        <div className="week-timeline__problem">
          <p>Which weeks have a log could not be read: {error}</p>
          <button type="button" className="button" onClick={() => void timeline.load()}>
            Try again
          </button>
        </div>
      ) : null}
      <ol className="timeline-years" ref={list}>
        {years.map((year, index) => {
          const expanded = isExpanded(year.year, index);
          const listId = `timeline-year-${year.year}`;
          return (
            <li key={year.year} className="timeline-year">
              <button
                type="button"
                className="timeline-year__toggle"
                aria-expanded={expanded}
                aria-controls={listId}
                data-roving={`year:${year.year}`}
                onClick={() => setToggled((previous) => new Map(previous).set(year.year, !expanded))}
              >
                <span className="timeline-year__name">{year.year}</span>
                <span className="visually-hidden">, </span>
                <span className="timeline-year__count">{describeTimelineYear(year, weeks)}</span>
              </button>
              <ol id={listId} className="timeline-weeks" hidden={!expanded}>
                {expanded
                  ? year.weeks.map((week) => (
                      <TimelineWeekItem
                        key={week}
                        weekStart={week}
                        logged={weeks.get(week)}
                        isOpen={week === openWeek && openEntry === null}
                        isThisWeek={week === thisWeek}
                        reflections={reflectionsByWeek.get(week) ?? noReflections}
                        openEntry={openEntry}
                      />
                    ))
                  : null}
              </ol>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
