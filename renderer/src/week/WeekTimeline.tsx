import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CalendarDate } from '../../../shared/dates/weeks.js';
import { useSession } from '../session/SessionContext.js';
import { TimelineWeekItem } from './TimelineWeekItem.js';
import { describeTimelineYear, groupWeeksByYear, timelineRange } from './timelineWeeks.js';

interface WeekTimelineProps {
  openWeek: CalendarDate;
  thisWeek: CalendarDate;
}

/** Up to ten years of weeks are shown open; beyond that only the open week's year and the latest. */
const weeksShownWhole = 520;

function firstKey(weeks: ReadonlyMap<CalendarDate, unknown>): CalendarDate | null {
  let first: CalendarDate | null = null;
  for (const week of weeks.keys()) if (first === null || week < first) first = week;
  return first;
}

/** Every week from the first log to now, newest first, grouped by year; each says whether it has a log. */
export function WeekTimeline({ openWeek, thisWeek }: WeekTimelineProps) {
  const { timeline } = useSession();
  const { weeks } = useSyncExternalStore(timeline.subscribe, timeline.snapshot);
  const firstLogged = useMemo(() => firstKey(weeks), [weeks]);
  const years = useMemo(() => groupWeeksByYear(timelineRange(firstLogged, thisWeek, openWeek)), [firstLogged, thisWeek, openWeek]);
  const totalWeeks = years.reduce((sum, year) => sum + year.weeks.length, 0);
  const [toggled, setToggled] = useState<ReadonlyMap<number, boolean>>(new Map());
  const list = useRef<HTMLOListElement>(null);

  const openYear = Number(openWeek.slice(0, 4));
  const isExpanded = (year: number, index: number) => toggled.get(year) ?? (totalWeeks <= weeksShownWhole || index === 0 || year === openYear);

  useEffect(() => {
    const current = list.current?.querySelector<HTMLElement>('[aria-current="page"]');
    current?.scrollIntoView({ block: 'nearest' });
  }, [openWeek]);

  return (
    <nav className="week-timeline" aria-label="Weeks" data-testid="week-timeline">
      <p className="week-timeline__title" aria-hidden="true">
        Weeks
      </p>
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
                onClick={() => setToggled((previous) => new Map(previous).set(year.year, !expanded))}
              >
                <span className="timeline-year__name">{year.year}</span>
                <span className="visually-hidden">, </span>
                <span className="timeline-year__count">{describeTimelineYear(year, weeks)}</span>
              </button>
              <ol id={listId} className="timeline-weeks" hidden={!expanded}>
                {expanded
                  ? year.weeks.map((week) => (
                      <TimelineWeekItem key={week} weekStart={week} logged={weeks.get(week)} isOpen={week === openWeek} isThisWeek={week === thisWeek} />
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
