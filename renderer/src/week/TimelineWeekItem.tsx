import { memo } from 'react';
import type { TimelineReflection, TimelineWeek } from '../../../shared/api/contract.js';
import { type CalendarDate, formatWeekCommencingShort } from '../../../shared/dates/weeks.js';
import { routeHash } from '../routing/route.js';
import { describeTimelineWeek, formatShortDay } from './timelineWeeks.js';

interface TimelineWeekItemProps {
  weekStart: CalendarDate;
  logged: TimelineWeek | undefined;
  isOpen: boolean;
  isThisWeek: boolean;
  /** Reflections dated in this week, oldest first. */
  reflections: readonly TimelineReflection[];
  /** The reflection on screen, if any. */
  openEntry: string | null;
}

/** One week in the timeline: its date and whether it has a log. */
export const TimelineWeekItem = memo(function TimelineWeekItem({ weekStart, logged, isOpen, isThisWeek, reflections, openEntry }: TimelineWeekItemProps) {
  const classes = ['timeline-week', logged ? 'timeline-week--logged' : 'timeline-week--empty', isOpen ? 'timeline-week--open' : ''].filter(Boolean).join(' ');
  return (
    <li>
      <a href={routeHash({ view: 'week', weekStart })} className={classes} aria-current={isOpen ? 'page' : undefined} data-testid="timeline-week" data-week={weekStart} data-roving={`week:${weekStart}`}>
        <span className="timeline-week__date">
          {formatWeekCommencingShort(weekStart)}
        </span>
        <span className="visually-hidden">, </span>
        <span className="timeline-week__summary">
          {describeTimelineWeek(logged)}
          {isThisWeek ? <span className="timeline-week__now"> · this week</span> : null}
        </span>
      </a>
      {reflections.length > 0 ? (
        <ul className="timeline-reflections" aria-label={`Reflections in the ${formatWeekCommencingShort(weekStart)}`}>
          {reflections.map((reflection) => (
            <li key={reflection.entryId}>
              <a
                href={routeHash({ view: 'reflection', entryId: reflection.entryId })}
                className={`timeline-reflection${reflection.entryId === openEntry ? ' timeline-reflection--open' : ''}`}
                aria-current={reflection.entryId === openEntry ? 'page' : undefined}
                data-roving={`reflection:${reflection.entryId}`}
                data-testid="timeline-reflection"
              >
                <span className="timeline-reflection__title">{reflection.title || 'Untitled reflection'}</span>
                <span className="visually-hidden">, </span>
                <span className="timeline-reflection__meta">
                  {formatShortDay(reflection.date)} · {reflection.templateName}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
});
